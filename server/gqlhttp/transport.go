package gqlhttp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/server/httperr"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// jsonPost and jsonGet are the GraphQL-over-HTTP transports. Unlike gqlgen's, they answer every
// request that cannot run with a 4xx and a coded error: a body over the limit is 413 (gqlgen answered
// 200), an undecodable body 400 without echoing it back, a request refused before execution (syntax,
// validation, limits) 400. None accepts batches: one request, one operation.
type (
	jsonPost struct{}
	jsonGet  struct{}
)

var (
	_ graphql.Transport = jsonPost{}
	_ graphql.Transport = jsonGet{}
)

func (jsonPost) Supports(r *http.Request) bool {
	mediaType, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && r.Method == http.MethodPost && r.Header.Get("Upgrade") == "" && mediaType == "application/json"
}

func (jsonPost) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	start := graphql.Now()
	body, err := io.ReadAll(r.Body)
	if err != nil {
		e := bodyFailure(err)
		e.Field = "body"
		WriteError(w, e)
		return
	}
	var params graphql.RawParams
	if msg := decodeParams(body, &params); msg != "" {
		WriteError(w, badRequest("body", msg))
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	run(w, r, exec, &params, false)
}

// decodeParams reads one GraphQL request object, returning why it is not one.
func decodeParams(body []byte, params *graphql.RawParams) string {
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '[' {
		return "batched requests are not supported: send one request object per HTTP request"
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	err := dec.Decode(params)
	if err == nil && dec.Decode(&struct{}{}) != io.EOF {
		return "the body must hold one JSON object and nothing after it"
	}
	var syntax *json.SyntaxError
	var wrongType *json.UnmarshalTypeError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &syntax):
		return fmt.Sprintf("the body is not valid JSON (at byte %d)", syntax.Offset)
	case errors.As(err, &wrongType) && wrongType.Field != "":
		return fmt.Sprintf("%s must be %s", wrongType.Field, expected(wrongType.Field))
	default:
		return "the body must be a JSON object with query, operationName, variables and extensions"
	}
}

func expected(field string) string {
	if field == "query" || field == "operationName" {
		return "a string"
	}
	return "an object"
}

func (jsonGet) Supports(r *http.Request) bool {
	return r.Method == http.MethodGet && r.Header.Get("Upgrade") == ""
}

func (jsonGet) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	start := graphql.Now()
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		WriteError(w, badRequest("query", "the URL's query string is malformed"))
		return
	}
	params := graphql.RawParams{Query: q.Get("query"), OperationName: q.Get("operationName"), Headers: r.Header}
	for name, into := range map[string]*map[string]any{"variables": &params.Variables, "extensions": &params.Extensions} {
		if raw := q.Get(name); raw != "" {
			dec := json.NewDecoder(strings.NewReader(raw))
			dec.UseNumber()
			if err := dec.Decode(into); err != nil {
				WriteError(w, badRequest(name, name+" must be a JSON object"))
				return
			}
		}
	}
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	run(w, r, exec, &params, true)
}

// run executes one request; queriesOnly refuses mutations and subscriptions (GET must be safe).
func run(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor, params *graphql.RawParams, queriesOnly bool) {
	ctx := r.Context()
	w.Header().Set("Content-Type", "application/json")
	oc, errs := exec.CreateOperationContext(ctx, params)
	if errs != nil {
		writeRefused(ctx, w, exec, oc, errs)
		return
	}
	if queriesOnly && oc.Operation.Operation != ast.Query {
		// GraphQL over HTTP answers 405 here, whatever the code's usual status: GET must stay safe.
		w.Header().Set("Allow", http.MethodPost)
		writeError(w, http.StatusMethodNotAllowed, badRequest("method", "GET requests may only run queries; send mutations by POST"))
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, oc)
	writeJSON(w, responses(ctx))
}

// writeRefused answers an operation refused before execution (syntax, validation, limits) with the
// status of its first error's code, so every transport answers the same refusal alike.
func writeRefused(ctx context.Context, w http.ResponseWriter, exec graphql.GraphExecutor, oc *graphql.OperationContext, errs gqlerror.List) {
	resp := exec.DispatchError(graphql.WithOperationContext(ctx, oc), errs)
	code := access.CodeValidationFailed
	if len(resp.Errors) > 0 {
		switch c := resp.Errors[0].Extensions["code"].(type) {
		case access.Code:
			code = c
		case string:
			code = access.Code(c)
		}
	}
	w.WriteHeader(httperr.Status(code))
	writeJSON(w, resp)
}

// WriteBodyTooLarge answers a request whose body is over limit bytes.
func WriteBodyTooLarge(w http.ResponseWriter, limit int64) {
	WriteError(w, &access.Error{Code: access.CodeFileTooLarge, Field: "body", Message: fmt.Sprintf("the request body is over %d bytes (limit body = %d)", limit, limit)})
}

func badRequest(field, msg string) *access.Error {
	return &access.Error{Code: access.CodeValidationFailed, Field: field, Message: msg}
}
