package server_test

import (
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// message is one request whose refusal must speak plainly: the code, the input at fault in GraphQL
// terms, words the message must carry and words it must not.
type message struct {
	query       string
	vars        map[string]any
	code, field string
	says        []string
	never       []string
}

// goTalk is what a message must never show: Go's own words and types.
var goTalk = []string{"interface {}", "map[", "[]", "RFC3339Nano", "strconv", "prefix", "%!"}

func wantMessage(t *testing.T, name string, r apptest.Response, m message) {
	t.Helper()
	wantCode(t, name, r, m.code, m.field)
	if len(r.Errors) == 0 {
		return
	}
	msg := r.Errors[0].Message
	for _, w := range m.says {
		if !strings.Contains(msg, w) {
			t.Errorf("%s: message %q does not say %q", name, msg, w)
		}
	}
	for _, w := range append(m.never, goTalk...) {
		if strings.Contains(msg, w) {
			t.Errorf("%s: message %q says %q", name, msg, w)
		}
	}
}

// TestMessagesSpeakPlainly: each refusal the issue lists carries a message a person understands and
// the input path at fault.
func TestMessagesSpeakPlainly(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		editor := s.Token("EDITOR")
		asset := upload(t, s, editor, "alpha.png", nil)
		var tagged struct {
			UpdateAsset struct{ Tags []struct{ ID string } }
		}
		s.Must(editor, `mutation($id: ID!) { updateAsset(id: $id, input: { tags: ["sky"] }) { tags { id } } }`, map[string]any{"id": asset}, &tagged)
		var parent, child struct {
			CreateCollection struct{ ID string }
		}
		s.Must(editor, `mutation { createCollection(input: { name: "parent" }) { id } }`, nil, &parent)
		s.Must(editor, `mutation($p: ID) { createCollection(input: { name: "child", parentId: $p }) { id } }`, map[string]any{"p": parent.CreateCollection.ID}, &child)

		update := `mutation($id: ID!, $in: UpdateAssetInput!) { updateAsset(id: $id, input: $in) { id } }`
		for name, m := range map[string]message{
			"customData a list, in a variable": {query: update, vars: map[string]any{"id": asset, "in": map[string]any{
				"defaultFieldMetadata": []any{map[string]any{"locale": "en", "customData": []any{1, 2}}}}},
				code: "VALIDATION_FAILED", field: "input.defaultFieldMetadata[0].customData", says: []string{"JSON object", "a list"}},
			"customData a list, inline": {query: `mutation($id: ID!) { updateAsset(id: $id, input: { customData: [1, 2] }) { id } }`, vars: map[string]any{"id": asset},
				code: "VALIDATION_FAILED", field: "input.customData", says: []string{"JSON object"}},
			"customData a number": {query: update, vars: map[string]any{"id": asset, "in": map[string]any{"customData": 7}},
				code: "VALIDATION_FAILED", field: "input.customData", says: []string{"JSON object", "the number 7"}},
			"a Time that is not one": {query: update, vars: map[string]any{"id": asset, "in": map[string]any{"availableFrom": "next tuesday"}},
				code: "VALIDATION_FAILED", field: "input.availableFrom", says: []string{"2024-06-01T10:15:30Z", "next tuesday"}},
			"an Int64 that is not one": {query: createUploads, vars: map[string]any{"in": []any{map[string]any{"filename": "a.png", "mimeType": "image/png", "size": "big"}}},
				code: "VALIDATION_FAILED", field: "input[0].size", says: []string{"whole number"}},
			"an ID that is not one": {query: `query($id: ID!) { asset(id: $id) { id } }`, vars: map[string]any{"id": map[string]any{"a": 1}},
				code: "VALIDATION_FAILED", field: "variables.id", says: []string{"an object is not a valid ID"}},
			"renameTag to nothing": {query: `mutation($id: ID!) { renameTag(id: $id, name: "") { id } }`, vars: map[string]any{"id": tagged.UpdateAsset.Tags[0].ID},
				code: "VALIDATION_FAILED", field: "name", says: []string{"empty"}},
			"a collection holding one collection": {query: `mutation($id: ID!) { deleteCollection(id: $id) }`, vars: map[string]any{"id": parent.CreateCollection.ID},
				code: "FOLDER_HAS_CONTENT", says: []string{"holds 1 collection and no assets"}, never: []string{"1 collections"}},
		} {
			wantMessage(t, name, s.Query(editor, m.query, m.vars), m)
		}

		// A multipart map naming a path outside the variables.
		r := s.Do(editor, multipartRequest(t, s, `{"query":"mutation($f:[Upload!]!){uploadAssets(files:$f){id}}","variables":{"f":[null]}}`, `{"0":["variables.nope.0"]}`))
		wantMessage(t, "a map path outside the variables", r, message{code: "VALIDATION_FAILED", field: "map", says: []string{"variables.nope.0", "nope"}})
		if r.Status != http.StatusBadRequest {
			t.Errorf("a bad multipart map: HTTP %d, want 400", r.Status)
		}

		r = s.Do(editor, multipartRequest(t, s, `{"query":"mutation($f:[Upload!]!){uploadAssets(files:$f){id}}","variables":{"f":[null]}}`, `{"0":["variables.f.5"]}`))
		wantMessage(t, "a map index past the list", r, message{code: "VALIDATION_FAILED", field: "map", says: []string{"has 1 item,"}})

		// A JSON body over the 1 MiB cap.
		body := `{"query":"{ __typename }","variables":{"x":"` + strings.Repeat("x", 2<<20) + `"}}`
		req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		r = s.Do(editor, req)
		if r.Status != http.StatusRequestEntityTooLarge {
			t.Errorf("a 2 MiB JSON body: HTTP %d, want 413", r.Status)
		}
		wantMessage(t, "a 2 MiB JSON body", r, message{code: "FILE_TOO_LARGE", field: "body", says: []string{"1048576"}})
	})
}

// createAssetFromUrl says why a URL was not fetched: refused when it reaches what it may not, even
// written in a short form; out of time when its server stalls after answering.
func TestFetchMessagesSpeakPlainly(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		png := fixtures.Read(t, "alpha.png")
		l, err := net.Listen("tcp", "127.0.0.4:0")
		if err != nil {
			t.Fatalf("listen on 127.0.0.4: %v", err)
		}
		release := make(chan struct{})
		stall := &httptest.Server{Listener: l, Config: &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", strconv.Itoa(len(png)))
			w.Write(png[:100])
			w.(http.Flusher).Flush()
			select { // then nothing, until the test ends
			case <-release:
			case <-r.Context().Done():
			}
		})}}
		stall.Start()
		t.Cleanup(stall.Close)
		t.Cleanup(func() { close(release) })
		s := apptest.Start(t, dbURL, func(c *config.Config) {
			c.FetchAllow = []netip.Prefix{netip.MustParsePrefix("127.0.0.4/32")}
			c.FetchTimeout = time.Second
		})
		editor := s.Token("EDITOR")
		create := `mutation($in: CreateAssetFromUrlInput!) { createAssetFromUrl(input: $in) { id } }`
		for name, m := range map[string]message{
			"http://127.1/":      {code: "VALIDATION_FAILED", field: "input.url", says: []string{"refused", "127.0.0.1", "not on the public internet"}, never: []string{"no answer"}},
			"http://2130706433/": {code: "VALIDATION_FAILED", field: "input.url", says: []string{"refused", "127.0.0.1"}, never: []string{"no answer"}},
			"http://0x7f.0.0.1/": {code: "VALIDATION_FAILED", field: "input.url", says: []string{"refused", "127.0.0.1"}},
			"http://10.1/x.png":  {code: "VALIDATION_FAILED", field: "input.url", says: []string{"refused", "10.0.0.1"}},
			stall.URL + "/a.png": {code: "VALIDATION_FAILED", field: "input.url", says: []string{"did not finish within 1s"}, never: []string{"broke off"}},
		} {
			unchanged(t, s, name, func() {
				wantMessage(t, name, s.Query(editor, create, map[string]any{"in": map[string]any{"url": name}}), m)
			})
		}
	})
}

func multipartRequest(t *testing.T, s *apptest.Server, ops, fileMap string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, s.URL+"/graphql", strings.NewReader(multipartBody(ops, fileMap)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "multipart/form-data; boundary=b")
	return req
}
