package server_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// corsCall sends a request from origin to the server and returns the answer's status and headers.
func corsCall(t *testing.T, s *apptest.Server, method, path, origin string, headers ...string) (int, http.Header) {
	t.Helper()
	req, err := http.NewRequest(method, s.URL+path, strings.NewReader(`{"query":"{ __typename }"}`))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Origin", origin)
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode, res.Header
}

// The service answers preflights of the API, the bytes and the signed uploads for the origins of
// MEDIAGRAPH_CORS_ORIGINS, and every answer to them — refusals included, so a page can read why — carries
// CORS headers.
func TestCORS(t *testing.T) {
	const site = "http://localhost:3000"
	s := apptest.Start(t, testdb.SQLite(t), func(c *config.Config) { c.CORSOrigins = []string{site} })
	for path, method := range map[string]string{"/graphql": "POST", "/media/asset/ast_x/a.jpg": "GET", "/storage/upload/assets/x.png": "PUT"} {
		status, h := corsCall(t, s, http.MethodOptions, path, site, "Access-Control-Request-Method", method)
		if status != http.StatusNoContent || h.Get("Access-Control-Allow-Origin") != site || !strings.Contains(h.Get("Access-Control-Allow-Methods"), method) {
			t.Errorf("preflight of %s %s: HTTP %d %v", method, path, status, h)
		}
	}
	if status, h := corsCall(t, s, http.MethodOptions, "/graphql", site, "Access-Control-Request-Method", "DELETE"); status != http.StatusForbidden || h.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("preflight of DELETE /graphql: HTTP %d %v", status, h)
	}
	if status, h := corsCall(t, s, http.MethodOptions, "/graphql", "http://localhost:4000", "Access-Control-Request-Method", "POST"); status != http.StatusForbidden || h.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("preflight from another origin: HTTP %d %v", status, h)
	}
	for name, c := range map[string]struct {
		method, path, auth string
		status             int
		code               string
	}{
		"a query":       {"POST", "/graphql", "", http.StatusOK, ""},
		"a bad token":   {"POST", "/graphql", "Bearer mg_nope", http.StatusUnauthorized, ""},
		"missing bytes": {"GET", "/media/asset/ast_x/a.jpg", "", http.StatusNotFound, "NOT_FOUND"},
		"a bad PUT":     {"PUT", "/storage/upload/assets/x.png", "", http.StatusForbidden, "FORBIDDEN"},
	} {
		headers := []string{}
		if c.auth != "" {
			headers = append(headers, "Authorization", c.auth)
		}
		status, h := corsCall(t, s, c.method, c.path, site, headers...)
		if status != c.status || h.Get("Access-Control-Allow-Origin") != site || h.Get("Mediagraph-Error-Code") != c.code ||
			!strings.Contains(h.Get("Access-Control-Expose-Headers"), "Mediagraph-Error-Code") {
			t.Errorf("%s: HTTP %d, %v", name, status, h)
		}
		if status, h := corsCall(t, s, c.method, c.path, "http://localhost:4000", headers...); status != c.status || h.Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("%s from another origin: HTTP %d, %v", name, status, h)
		}
	}
}
