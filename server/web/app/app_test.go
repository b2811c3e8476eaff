package app_test

import (
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

func get(t *testing.T, url string, header map[string]string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	// The transport would ask for gzip and undo it; asking ourselves shows what is on the wire.
	res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(b)
}

// The binary serves the committed bundle: index.html at / and at each of the UI's own pages (a
// reload or a shared link works), never cached; the hashed files cached for a year, gzipped when
// asked; GraphiQL stays where it was, and paths of neither are still 404.
func TestUIServes(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	res, html := get(t, s.URL+"/", nil)
	if res.StatusCode != http.StatusOK || !strings.Contains(res.Header.Get("Content-Type"), "text/html") || res.Header.Get("Cache-Control") != "no-cache" {
		t.Fatalf("GET /: %d %v", res.StatusCode, res.Header)
	}
	script := regexp.MustCompile(`src="(/ui/assets/index-[^"]+\.js)"`).FindStringSubmatch(html)
	if script == nil {
		t.Fatalf("index.html loads no bundle:\n%s", html)
	}
	for _, page := range []string{"/trash", "/tokens", "/webhooks", "/moderation", "/invite/inv_abc"} {
		if res, body := get(t, s.URL+page, nil); res.StatusCode != http.StatusOK || body != html {
			t.Errorf("GET %s: %d, index.html: %v", page, res.StatusCode, body == html)
		}
	}
	res, plain := get(t, s.URL+script[1], nil)
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/javascript") ||
		res.Header.Get("Cache-Control") != "public, max-age=31536000, immutable" || res.Header.Get("Content-Encoding") != "" {
		t.Fatalf("GET %s: %d %v", script[1], res.StatusCode, res.Header)
	}
	res, zipped := get(t, s.URL+script[1], map[string]string{"Accept-Encoding": "gzip"})
	if res.Header.Get("Content-Encoding") != "gzip" || len(zipped) >= len(plain) {
		t.Fatalf("gzip asked: %v, %d bytes of %d", res.Header, len(zipped), len(plain))
	}
	for _, path := range []string{"/ui/assets/missing.js", "/ui/index.html", "/nowhere"} {
		if res, _ := get(t, s.URL+path, nil); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, res.StatusCode)
		}
	}
	if res, body := get(t, s.URL+"/graphiql", nil); res.StatusCode != http.StatusOK || !strings.Contains(body, "GraphiQL") {
		t.Errorf("GET /graphiql: %d", res.StatusCode)
	}
}
