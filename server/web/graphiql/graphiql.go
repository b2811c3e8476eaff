// Package graphiql serves GraphiQL from the binary: no CDN, so it works offline and behind firewalls.
package graphiql

import (
	"compress/gzip"
	"embed"
	"io"
	"net/http"
	"path"
	"strings"
)

//go:embed assets/*.gz
var assets embed.FS

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mediagraph GraphiQL</title>
<link rel="stylesheet" href="/graphiql/assets/graphiql.css">
<style>body{margin:0;height:100vh}#graphiql{height:100vh}</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="/graphiql/assets/react.js"></script>
<script src="/graphiql/assets/react-dom.js"></script>
<script src="/graphiql/assets/graphiql.js"></script>
<script src="/graphiql/assets/start.js"></script>
</body>
</html>
`

// start mounts GraphiQL against /graphql and keeps the Authorization header the user pastes.
const start = `(function () {
  var fetcher = GraphiQL.createFetcher({ url: location.origin + "/graphql" });
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultEditorToolsVisibility: "headers",
    defaultHeaders: JSON.stringify({ Authorization: "Bearer <paste the token mediagraph printed>" }, null, 2),
    shouldPersistHeaders: true,
    defaultQuery: "# Paste your token in the Headers tab below, then run:\n{\n  assets(first: 10) {\n    totalCount\n    nodes { id filename kind status width height url tags { name } }\n  }\n}\n"
  }));
})();
`

// Handler serves the GraphiQL page at its root and its assets under /graphiql/assets/.
func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'")
		name := strings.TrimPrefix(r.URL.Path, "/graphiql/assets/")
		switch {
		case r.URL.Path == "/graphiql" || r.URL.Path == "/graphiql/":
			h.Set("Content-Type", "text/html; charset=utf-8")
			h.Set("Cache-Control", "no-cache")
			io.WriteString(w, page)
		case name == "start.js":
			h.Set("Content-Type", "text/javascript; charset=utf-8")
			h.Set("Cache-Control", "no-cache")
			io.WriteString(w, start)
		default:
			serveAsset(w, r, name)
		}
	})
}

func serveAsset(w http.ResponseWriter, r *http.Request, name string) {
	f, err := assets.Open("assets/" + path.Clean(name) + ".gz")
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	h := w.Header()
	if strings.HasSuffix(name, ".css") {
		h.Set("Content-Type", "text/css; charset=utf-8")
	} else {
		h.Set("Content-Type", "text/javascript; charset=utf-8")
	}
	h.Set("Cache-Control", "public, max-age=86400")
	h.Add("Vary", "Accept-Encoding")
	if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		h.Set("Content-Encoding", "gzip")
		io.Copy(w, f)
		return
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		http.Error(w, "corrupt asset", http.StatusInternalServerError)
		return
	}
	io.Copy(w, zr)
}
