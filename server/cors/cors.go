// Package cors lets browsers on other origins call Mediagraph: sites query /graphql, render /media
// bytes with fetch or canvas, and send signed uploads to /storage/upload. It answers preflights itself
// and adds the response headers that let a page read what it asked for; everything else is the
// routes' business.
package cors

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/server/httperr"
	"github.com/mediagraph/mediagraph/storage/disk"
)

// maxAge is how long a browser may keep a preflight's answer: Chromium caps it at two hours, so
// longer buys nothing, and a changed origin list reaches browsers within it.
const maxAge = 7200

// exposed are the response headers a page may read besides the safelisted ones: a multipart upload
// collects each part's ETag, and a failed request's code and id (to report it) are in headers.
var exposed = strings.Join([]string{"ETag", "Content-Length", "Content-Range", httperr.CodeHeader, "Mediagraph-Ignored-Params",
	"X-Mediagraph-Cache", "X-Request-Id"}, ", ")

// route is a part of the service browsers on other origins may call.
type route struct {
	prefix string
	// methods are those of the requests it takes; every route answers preflights (OPTIONS) too.
	methods []string
	// headers are the request headers a preflight may ask for.
	headers []string
	// anyOrigin: "*" in the origin list opens the route to every origin. Only the bytes, which are
	// public or signed anyway; the API and uploads answer the origins listed by name alone.
	anyOrigin bool
}

// routes is the whole cross-origin policy. Browsers never send cookies to Mediagraph (tokens travel in
// Authorization, which needs no credentials mode), so no route allows credentials.
var routes = []route{
	{prefix: "/graphql", methods: []string{http.MethodGet, http.MethodPost}, headers: []string{"Authorization", "Content-Type"}},
	{prefix: "/media/", methods: []string{http.MethodGet, http.MethodHead}, headers: []string{"Authorization", "Range", "If-None-Match", "If-Modified-Since"}, anyOrigin: true},
	{prefix: disk.UploadPath, methods: []string{http.MethodPut}, headers: []string{"Content-Type"}},
}

// Policy decides which origins may call which routes.
type Policy struct {
	origins map[string]bool
	any     bool
}

// New is the policy for origins as config reads them (lowercase scheme://host[:port], or "*").
func New(origins []string) *Policy {
	p := &Policy{origins: map[string]bool{}}
	for _, o := range origins {
		if o == "*" {
			p.any = true
			continue
		}
		p.origins[o] = true
	}
	return p
}

func match(path string) *route {
	for i, rt := range routes {
		if path == rt.prefix || strings.HasPrefix(path, strings.TrimSuffix(rt.prefix, "/")+"/") {
			return &routes[i]
		}
	}
	return nil
}

// allowOrigin is the Access-Control-Allow-Origin a request from origin gets on rt, "" for none.
func (p *Policy) allowOrigin(rt *route, origin string) string {
	switch {
	case origin == "":
		return ""
	case p.any && rt.anyOrigin:
		return "*"
	case p.origins[strings.ToLower(origin)]:
		return origin
	}
	return ""
}

// varies reports whether rt's answers depend on the Origin header, so that shared caches keep one
// copy per origin.
func (p *Policy) varies(rt *route) bool {
	return len(p.origins) > 0 && !(p.any && rt.anyOrigin)
}

// Handler answers preflights and adds CORS headers to the responses of next.
func (p *Policy) Handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rt := match(r.URL.Path)
		if rt == nil {
			next.ServeHTTP(w, r)
			return
		}
		h := w.Header()
		if p.varies(rt) {
			h.Add("Vary", "Origin")
		}
		allow := p.allowOrigin(rt, r.Header.Get("Origin"))
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			p.preflight(w, r, rt, allow)
			return
		}
		if allow != "" {
			h.Set("Access-Control-Allow-Origin", allow)
			h.Set("Access-Control-Expose-Headers", exposed)
		}
		next.ServeHTTP(w, r)
	})
}

// preflight answers a browser asking whether it may send a request: yes for a listed origin and one
// of the route's methods, else a refusal without CORS headers, which the browser reports as a CORS
// failure without sending the request.
func (p *Policy) preflight(w http.ResponseWriter, r *http.Request, rt *route, allow string) {
	method := r.Header.Get("Access-Control-Request-Method")
	switch {
	case allow == "":
		refuse(w, "origin "+strconv.Quote(r.Header.Get("Origin"))+" is not in MEDIAGRAPH_CORS_ORIGINS for "+rt.prefix)
		return
	case !slices.Contains(rt.methods, method):
		refuse(w, "method "+strconv.Quote(method)+" is not allowed on "+rt.prefix+" (allowed: "+strings.Join(rt.methods, ", ")+")")
		return
	}
	h := w.Header()
	h.Add("Vary", "Access-Control-Request-Method")
	h.Add("Vary", "Access-Control-Request-Headers")
	h.Set("Access-Control-Allow-Origin", allow)
	h.Set("Access-Control-Allow-Methods", strings.Join(rt.methods, ", "))
	h.Set("Access-Control-Allow-Headers", strings.Join(rt.headers, ", "))
	h.Set("Access-Control-Max-Age", strconv.Itoa(maxAge))
	w.WriteHeader(http.StatusNoContent)
}

func refuse(w http.ResponseWriter, message string) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	h.Set(httperr.CodeHeader, string(access.CodeForbidden))
	w.WriteHeader(httperr.Status(access.CodeForbidden))
	json.NewEncoder(w).Encode(map[string]string{"code": string(access.CodeForbidden), "message": message})
}
