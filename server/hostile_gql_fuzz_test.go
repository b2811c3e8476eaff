package server_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// FuzzGraphQLBody sends raw bodies (and, with asGET, raw query strings) to the whole handler chain:
// never a 5xx, always JSON, every error coded. Its seed corpus is in testdata/fuzz/FuzzGraphQLBody.
func FuzzGraphQLBody(f *testing.F) {
	s := apptest.Start(f, testdb.SQLite(f))
	h := s.App.Handler()
	for _, body := range []string{`{"query":"{ __typename }"}`, `{"query":"{ ...F } fragment F on Query { __typename }"}`, `[{}]`} {
		f.Add([]byte(body), false)
	}
	f.Add([]byte("query=%7B__typename%7D&variables=%7B%7D"), true)
	f.Fuzz(func(t *testing.T, body []byte, asGET bool) {
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if asGET {
			req = httptest.NewRequest(http.MethodGet, "/graphql", nil)
			req.URL.RawQuery = string(body)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		wantCoded(t, "fuzzed body", rec.Code, rec.Body.Bytes())
	})
}
