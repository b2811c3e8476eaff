package server_test

import (
	"bytes"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
)

// remoteFiles serves files on 127.0.0.2, the one loopback address the tests allow to be fetched.
func remoteFiles(t *testing.T) (allowed, loopbackURL string) {
	t.Helper()
	png := fixtures.Read(t, "alpha.png")
	l, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Fatalf("listen on 127.0.0.2: %v", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/img/alpha.png", func(w http.ResponseWriter, r *http.Request) { w.Write(png) })
	mux.HandleFunc("/big.bin", func(w http.ResponseWriter, r *http.Request) {
		w.Write(append(png[:64:64], bytes.Repeat([]byte("x"), 300_000)...)) // an accepted type, too large
	})
	mux.HandleFunc("/to-loopback", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, strings.Replace("http://"+r.Host, "127.0.0.2", "127.0.0.1", 1)+"/img/alpha.png", http.StatusFound)
	})
	mux.HandleFunc("/to-metadata", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "100000")
		w.Write(png[:500]) // and hang up: the client sees the body end early
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/hop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/img/alpha.png", http.StatusMovedPermanently)
	})
	srv := &httptest.Server{Listener: l, Config: &http.Server{Handler: mux}}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv.URL, strings.Replace(srv.URL, "127.0.0.2", "127.0.0.1", 1)
}

// createAssetFromUrl fetches what it may and refuses, before storing a byte, what it may not reach.
func TestCreateAssetFromURL(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		allowed, loopback := remoteFiles(t)
		s := start(t, func(c *config.Config) {
			c.FetchAllow = []netip.Prefix{netip.MustParsePrefix("127.0.0.2/32")}
			c.MaxUploadBytes = 200_000
		})
		editor := s.Token("EDITOR")
		const create = `mutation($in: CreateAssetFromUrlInput!) { createAssetFromUrl(input: $in) { id filename width height tags { name } } }`
		var out struct {
			CreateAssetFromURL struct {
				ID, Filename  string
				Width, Height int
				Tags          []struct{ Name string }
			} `json:"createAssetFromUrl"`
		}
		s.Must(editor, create, map[string]any{"in": map[string]any{"url": allowed + "/img/alpha.png", "asset": map[string]any{"tags": []string{"fetched"}}}}, &out)
		if a := out.CreateAssetFromURL; a.Filename != "alpha.png" || a.Width == 0 || len(a.Tags) != 1 {
			t.Errorf("fetched asset: %+v", a)
		}
		s.Must(editor, create, map[string]any{"in": map[string]any{"url": allowed + "/hop", "filename": "renamed.png"}}, &out)
		if out.CreateAssetFromURL.Filename != "renamed.png" {
			t.Errorf("after a redirect, with a filename: %+v", out.CreateAssetFromURL)
		}

		for name, c := range map[string]struct{ url, code string }{
			"loopback":             {loopback + "/img/alpha.png", "VALIDATION_FAILED"},
			"a name for loopback":  {strings.Replace(loopback, "127.0.0.1", "localhost", 1) + "/img/alpha.png", "VALIDATION_FAILED"},
			"cloud metadata":       {"http://169.254.169.254/latest/meta-data/", "VALIDATION_FAILED"},
			"redirect to loopback": {allowed + "/to-loopback", "VALIDATION_FAILED"},
			"redirect to metadata": {allowed + "/to-metadata", "VALIDATION_FAILED"},
			"endless redirects":    {allowed + "/loop", "VALIDATION_FAILED"},
			"not found":            {allowed + "/nothing-here", "VALIDATION_FAILED"},
			"file scheme":          {"file:///etc/passwd", "VALIDATION_FAILED"},
			"credentials in URL":   {"http://user:pw@example.com/x.png", "VALIDATION_FAILED"},
			"too large":            {allowed + "/big.bin", "FILE_TOO_LARGE"},
			"broken off":           {allowed + "/broken", "VALIDATION_FAILED"},
		} {
			unchanged(t, s, name, func() {
				r := s.Query(editor, create, map[string]any{"in": map[string]any{"url": c.url}})
				wantCode(t, name, r, c.code, "input.url")
				if len(r.Errors) == 0 {
					return
				}
				if msg := r.Errors[0].Message; strings.Contains(msg, "dial tcp") || strings.Contains(msg, "127.0.0.1") || strings.Contains(msg, "169.254") {
					t.Errorf("%s: the message shows network internals: %s", name, msg)
				}
			})
		}
		unchanged(t, s, "a path as filename", func() {
			r := s.Query(editor, create, map[string]any{"in": map[string]any{"url": allowed + "/img/alpha.png", "filename": "../etc/passwd"}})
			wantCode(t, "a path as filename", r, "VALIDATION_FAILED", "input.filename")
		})
		wantCode(t, "delivery token", s.Query(s.Token("DELIVERY"), create, map[string]any{"in": map[string]any{"url": allowed + "/img/alpha.png"}}), "FORBIDDEN", "")
	})
}
