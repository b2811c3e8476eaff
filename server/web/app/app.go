// Package app serves the web UI, the media area editors use at `/`. Its sources are in ui/ at the
// module root; `make ui` builds them into dist/ here, and the bundle is committed (like generated Go
// code), so the binary needs no Node to serve it.
package app

import (
	"bytes"
	"compress/gzip"
	"embed"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"
)

//go:embed all:dist
var dist embed.FS

// Prefix is where the bundle's files are served: Vite's `base` in ui/vite.config.ts.
const Prefix = "/ui/"

// Routes are the UI's own pages, answered with index.html so that a reload or a shared link of any
// view opens it (the client-side router then reads the path). `/` is one of them.
var Routes = []string{"/{$}", "/trash", "/moderation", "/tokens", "/webhooks", "/members", "/sessions", "/invite/{token}"}

// file is one file of the bundle, with its gzip form when that is smaller.
type file struct {
	body, gz    []byte
	contentType string
}

var (
	loadOnce sync.Once
	files    map[string]file
)

// load reads the bundle once and compresses what compresses, so each request is a copy from memory.
func load() {
	files = map[string]file{}
	_ = fs.WalkDir(dist, "dist", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := dist.ReadFile(p)
		if err != nil {
			return err
		}
		f := file{body: body, contentType: contentType(p)}
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(body)
		zw.Close()
		if buf.Len() < len(body) {
			f.gz = buf.Bytes()
		}
		files[strings.TrimPrefix(p, "dist/")] = f
		return nil
	})
}

func contentType(p string) string {
	switch path.Ext(p) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	default:
		return "application/octet-stream"
	}
}

// serve writes f, compressed when the client takes gzip.
func serve(w http.ResponseWriter, r *http.Request, f file) {
	h := w.Header()
	h.Set("Content-Type", f.contentType)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Add("Vary", "Accept-Encoding")
	body := f.body
	if f.gz != nil && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		h.Set("Content-Encoding", "gzip")
		body = f.gz
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// Index answers the UI's pages with index.html, never cached: it names the current bundle's files.
func Index() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		loadOnce.Do(load)
		f, ok := files["index.html"]
		if !ok {
			http.Error(w, "the web UI is not built: run make ui", http.StatusNotFound)
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		// An invitation's secret is in its page's path: no other site may learn it as a referrer.
		w.Header().Set("Referrer-Policy", "no-referrer")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; img-src 'self' data: blob: https: http:; media-src 'self' blob: https: http:; frame-src 'self' https: http:; connect-src 'self' ws: wss:; style-src 'self' 'unsafe-inline'")
		serve(w, r, f)
	})
}

// Assets answers the bundle's files under Prefix. Their names carry a hash of their content, so they
// are cached for a year.
func Assets() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		loadOnce.Do(load)
		name := strings.TrimPrefix(r.URL.Path, Prefix)
		f, ok := files[name]
		if !ok || name == "index.html" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		serve(w, r, f)
	})
}
