package gqlhttp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/executor"

	"github.com/mediagraph/mediagraph/graph/generated"
	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/membudget"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/resolvers"
)

// uploadsOnly parses and validates operations against the real schema, but instead of running the
// resolvers (which need a database) answers with the bytes of every upload the transport placed.
type uploadsOnly struct{ *executor.Executor }

func (e uploadsOnly) DispatchOperation(ctx context.Context, oc *graphql.OperationContext) (graphql.ResponseHandler, context.Context) {
	var sizes []int
	var walk func(v any) error
	walk = func(v any) error {
		switch v := v.(type) {
		case graphql.Upload:
			b, err := io.ReadAll(v.File)
			if err != nil || int64(len(b)) != v.Size {
				return fmt.Errorf("upload %q: read %d of %d bytes: %v", v.Filename, len(b), v.Size, err)
			}
			sizes = append(sizes, len(b))
		case map[string]any:
			for _, elem := range v {
				if err := walk(elem); err != nil {
					return err
				}
			}
		case []any:
			for _, elem := range v {
				if err := walk(elem); err != nil {
					return err
				}
			}
		}
		return nil
	}
	err := walk(oc.Variables)
	return func(context.Context) *graphql.Response {
		if err != nil {
			panic(err) // a placed upload that cannot be read back is a transport bug
		}
		data, _ := json.Marshal(map[string]any{"sizes": sizes})
		return &graphql.Response{Data: data}
	}, ctx
}

func newFuzzTransport(t testing.TB) (multipartForm, graphql.GraphExecutor) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	exec := executor.New(generated.NewExecutableSchema(generated.Config{Resolvers: &resolvers.Resolver{}}))
	exec.SetErrorPresenter(presenter(log))
	form := multipartForm{maxFileBytes: 1 << 10, maxFiles: 3, tempDir: t.TempDir(), log: log, memory: membudget.New(SpoolMemory, nil)}
	return form, uploadsOnly{exec}
}

// fuzzBody is a multipart request with the operations and map fields, then one file part per name.
func fuzzBody(operations, fileMap string, names []string, content []byte) (*bytes.Buffer, string) {
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	w.WriteField("operations", operations)
	w.WriteField("map", fileMap)
	for _, name := range names {
		part, _ := w.CreateFormFile(name, name+".bin")
		part.Write(content)
	}
	w.Close()
	return &body, w.FormDataContentType()
}

const uploadOps = `{"query":"mutation($f:[Upload!]!){uploadAssets(files:$f){id}}","variables":{"f":[null,null]}}`

// FuzzMultipartTransport sends fuzzed operations, maps, part names and contents through the
// multipart transport: whatever arrives, it never panics, never answers 5xx, and every error it
// answers carries a code.
func FuzzMultipartTransport(f *testing.F) {
	f.Add(uploadOps, `{"0":["variables.f.0"]}`, "0", "", []byte("hello"))
	f.Add(uploadOps, `{"0":["variables.f.0"],"1":["variables.f.1"]}`, "0", "1", []byte("hello"))
	f.Add(uploadOps, `{"0":["variables.f.99999999999"]}`, "0", "", []byte("hello"))
	f.Add(uploadOps, `{"0":["variables.f.-1"]}`, "0", "", []byte("hello"))
	f.Add(uploadOps, `{"0":["variables.f.0.x"]}`, "0", "", []byte("hello"))
	f.Add(`{"query":"mutation($f:Upload!){replaceAsset(id:\"ast_1\",file:$f){id}}"}`, `{"0":["variables.f"]}`, "0", "", []byte("x"))
	f.Add(`{"query":"mutation($f:Upload!){replaceAsset(id:\"ast_1\",file:$f){id}}","variables":{"f":"s"}}`, `{"0":["variables.f.0"]}`, "0", "", []byte("x"))
	f.Add(uploadOps, `{"0":["variables"],"1":["f.0"]}`, "0", "1", []byte("x"))
	f.Add(uploadOps, `{"0":["variables.f.0","variables.f.0"]}`, "0", "", make([]byte, 2000))
	f.Add(`[`+uploadOps+`]`, `{"0":["0.variables.f.0"]}`, "0", "", []byte("x"))
	f.Fuzz(func(t *testing.T, operations, fileMap, name1, name2 string, content []byte) {
		names := []string{name1}
		if name2 != "" {
			names = append(names, name2)
		}
		rec := serveMultipart(t, operations, fileMap, names, content)
		checkAnswer(t, rec)
	})
}

// serveMultipart sends a multipart request by an editor through the transport, as the handler does.
func serveMultipart(t *testing.T, ops, fileMap string, names []string, content []byte) *httptest.ResponseRecorder {
	t.Helper()
	form, exec := newFuzzTransport(t)
	body, contentType := fuzzBody(ops, fileMap, names, content)
	req := httptest.NewRequest(http.MethodPost, "/graphql", body)
	req.Header.Set("Content-Type", contentType)
	ctx := graphql.StartOperationTrace(access.WithPrincipal(req.Context(), &access.Principal{Role: models.RoleEditor}))
	rec := httptest.NewRecorder()
	withCodes(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { form.Do(w, r, exec) })).ServeHTTP(rec, req.WithContext(ctx))
	return rec
}

// checkAnswer fails on a 5xx or on an answer that is not a GraphQL response with coded errors.
func checkAnswer(t *testing.T, rec *httptest.ResponseRecorder) {
	t.Helper()
	if rec.Code >= 500 {
		t.Fatalf("HTTP %d: %s", rec.Code, rec.Body)
	}
	var resp struct {
		Errors []struct {
			Message    string
			Extensions map[string]any
		}
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		t.Fatalf("HTTP %d, not JSON: %q", rec.Code, rec.Body)
	}
	if rec.Code >= 400 && len(resp.Errors) == 0 {
		t.Fatalf("HTTP %d without errors: %s", rec.Code, rec.Body)
	}
	for _, e := range resp.Errors {
		if code, _ := e.Extensions["code"].(string); code == "" {
			t.Fatalf("HTTP %d, an error without a code: %s", rec.Code, rec.Body)
		}
	}
}
