package cors

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

type answer struct {
	status  int
	header  http.Header
	reached bool
}

func call(p *Policy, method, path, origin string, headers ...string) answer {
	var reached bool
	h := p.Handler(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { reached = true }))
	req := httptest.NewRequest(method, path, nil)
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return answer{rec.Code, rec.Header(), reached}
}

func preflight(p *Policy, path, origin, method string) answer {
	return call(p, http.MethodOptions, path, origin, "Access-Control-Request-Method", method, "Access-Control-Request-Headers", "authorization,content-type")
}

const site = "https://site.example"

func TestListedOrigin(t *testing.T) {
	p := New([]string{site, "http://localhost:3000"})
	for _, path := range []string{"/graphql", "/media/asset/ast_1/a.jpg", "/storage/upload/assets/x.png"} {
		a := call(p, http.MethodGet, path, "HTTPS://Site.Example")
		if a.header.Get("Access-Control-Allow-Origin") != "HTTPS://Site.Example" || !a.reached {
			t.Errorf("%s: Allow-Origin %q, reached %v", path, a.header.Get("Access-Control-Allow-Origin"), a.reached)
		}
		for _, h := range []string{"ETag", "Content-Length", "Mediagraph-Error-Code"} {
			if !strings.Contains(a.header.Get("Access-Control-Expose-Headers"), h) {
				t.Errorf("%s: %s not exposed: %q", path, h, a.header.Get("Access-Control-Expose-Headers"))
			}
		}
		if a.header.Get("Vary") != "Origin" || a.header.Get("Access-Control-Allow-Credentials") != "" {
			t.Errorf("%s: Vary %q, credentials %q", path, a.header.Get("Vary"), a.header.Get("Access-Control-Allow-Credentials"))
		}
	}
	for path, method := range map[string]string{"/graphql": "POST", "/media/v/ast_1/1/a.jpg": "GET", "/storage/upload/assets/x.png": "PUT"} {
		a := preflight(p, path, site, method)
		if a.status != http.StatusNoContent || a.reached || a.header.Get("Access-Control-Allow-Origin") != site ||
			!strings.Contains(a.header.Get("Access-Control-Allow-Methods"), method) || a.header.Get("Access-Control-Max-Age") != "7200" ||
			!strings.Contains(a.header.Get("Access-Control-Allow-Headers"), "Content-Type") && path != "/media/v/ast_1/1/a.jpg" {
			t.Errorf("preflight %s %s: HTTP %d, reached %v, %v", method, path, a.status, a.reached, a.header)
		}
	}
}

// An origin not in the list gets no CORS header, so the browser refuses the page the answer; its
// preflight, and one for a method the route does not take, are refused.
func TestRefused(t *testing.T) {
	p := New([]string{site})
	a := call(p, http.MethodPost, "/graphql", "https://evil.example")
	if !a.reached || a.header.Get("Access-Control-Allow-Origin") != "" || a.header.Get("Access-Control-Expose-Headers") != "" {
		t.Errorf("another origin: reached %v, %v", a.reached, a.header)
	}
	for name, c := range map[string]struct{ path, origin, method string }{
		"another origin":  {"/graphql", "https://evil.example", "POST"},
		"a suffix":        {"/graphql", site + ".evil.example", "POST"},
		"DELETE /graphql": {"/graphql", site, "DELETE"},
		"PUT /media":      {"/media/asset/ast_1/a.jpg", site, "PUT"},
		"POST /storage":   {"/storage/upload/assets/x.png", site, "POST"},
		"OPTIONS":         {"/graphql", site, "OPTIONS"},
	} {
		a := preflight(p, c.path, c.origin, c.method)
		if a.status != http.StatusForbidden || a.reached || a.header.Get("Access-Control-Allow-Origin") != "" ||
			a.header.Get("Access-Control-Allow-Methods") != "" || a.header.Get("Mediagraph-Error-Code") != "FORBIDDEN" {
			t.Errorf("%s: HTTP %d, reached %v, %v", name, a.status, a.reached, a.header)
		}
	}
	if a := call(p, http.MethodGet, "/healthz", site); a.header.Get("Access-Control-Allow-Origin") != "" || a.header.Get("Vary") != "" {
		t.Errorf("a path outside the policy: %v", a.header)
	}
	if a := call(New(nil), http.MethodOptions, "/graphql", site, "Access-Control-Request-Method", "POST"); a.status != http.StatusForbidden {
		t.Errorf("no origins configured: preflight HTTP %d", a.status)
	}
}

// "*" opens the bytes to every origin, without credentials and without varying by Origin, and never
// the API or uploads.
func TestAnyOrigin(t *testing.T) {
	p := New([]string{"*"})
	a := call(p, http.MethodGet, "/media/asset/ast_1/a.jpg", "https://anyone.example")
	if a.header.Get("Access-Control-Allow-Origin") != "*" || a.header.Get("Vary") != "" || a.header.Get("Access-Control-Allow-Credentials") != "" {
		t.Errorf("/media with *: %v", a.header)
	}
	for _, path := range []string{"/graphql", "/storage/upload/assets/x.png"} {
		if a := call(p, http.MethodPost, path, "https://anyone.example"); a.header.Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("%s with *: %v", path, a.header)
		}
	}
	both := New([]string{"*", site})
	if a := call(both, http.MethodPost, "/graphql", site); a.header.Get("Access-Control-Allow-Origin") != site {
		t.Errorf("* and a listed origin on /graphql: %v", a.header)
	}
	if a := preflight(both, "/media/asset/ast_1/a.jpg", "https://anyone.example", "GET"); a.status != http.StatusNoContent || a.header.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("preflight of /media with *: HTTP %d %v", a.status, a.header)
	}
}
