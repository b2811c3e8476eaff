package server_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// Under a signing key, what an image loader in a browser builds — an allowed width, an allowed
// quality, a format, auto=format — is served unsigned; anything else still needs s=. Parameters the
// gate does not know are ignored, said so in a header, and change nothing of the result.
func TestUnsignedAllowListUnderASigningKey(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t), func(c *config.Config) { c.SigningKey = "a key the operator chose" })
	editor := s.Token("EDITOR")
	id := upload(t, s, editor, "alpha.png", map[string]any{"status": "PUBLIC"})
	path := fmt.Sprintf("/media/asset/%s/alpha.png?", id)
	for _, q := range []string{"w=16", "w=640&q=75", "w=750&q=75&auto=format", "w=128&fm=webp", "fm=avif", "auto=format"} {
		if f := fetch(t, s, http.MethodGet, path+q, "", nil); f.Status != http.StatusOK {
			t.Errorf("%s unsigned: HTTP %d %s, want 200", q, f.Status, f.Body)
		}
	}
	for _, q := range []string{"w=17", "w=16&q=80", "w=16&h=16", "w=16&dpr=2", "w=16&blur=5", "w=16&fit=crop", "w=16&auto=compress", "ar=16:9"} {
		wantGateError(t, q+" unsigned", fetch(t, s, http.MethodGet, path+q, "", nil), http.StatusForbidden, "FORBIDDEN")
	}

	plain := fetch(t, s, http.MethodGet, path+"w=32", "", nil)
	s.App.Media.Deliver.Settle()
	stored := s.Rows("derivatives")
	tagged := fetch(t, s, http.MethodGet, path+"w=32&utm_source=x&v=1700000000", "", nil)
	if tagged.Status != http.StatusOK || string(tagged.Body) != string(plain.Body) || tagged.Header.Get("ETag") != plain.Header.Get("ETag") {
		t.Errorf("with utm_source and a cache-buster: HTTP %d, ETag %q; want the result of w=32 alone (%q)",
			tagged.Status, tagged.Header.Get("ETag"), plain.Header.Get("ETag"))
	}
	if got := tagged.Header.Get("Mediagraph-Ignored-Params"); got != "utm_source, v" {
		t.Errorf("Mediagraph-Ignored-Params %q, want \"utm_source, v\"", got)
	}
	if plain.Header.Get("Mediagraph-Ignored-Params") != "" {
		t.Error("Mediagraph-Ignored-Params without any ignored parameter")
	}
	s.App.Media.Deliver.Settle()
	if n := s.Rows("derivatives"); n != stored {
		t.Errorf("an ignored parameter stored a new result: %d → %d", stored, n)
	}
	wantGateError(t, "a repeated unknown parameter", fetch(t, s, http.MethodGet, path+"utm_source=a&utm_source=b", "", nil), http.StatusBadRequest, "VALIDATION_FAILED")
	wantGateError(t, "a repeated width", fetch(t, s, http.MethodGet, path+"w=16&w=32", "", nil), http.StatusBadRequest, "VALIDATION_FAILED")

	// A URL the API signed stays valid with tracking parameters added to it.
	var out struct{ Asset struct{ TransformURL string } }
	s.Must(editor, `query($id: ID!) { asset(id: $id) { transformUrl(params: { w: 100, h: 50, fit: CROP }) } }`, map[string]any{"id": id}, &out)
	signed := strings.TrimPrefix(out.Asset.TransformURL, s.URL) + "&utm_source=newsletter"
	if f := fetch(t, s, http.MethodGet, signed, "", nil); f.Status != http.StatusOK {
		t.Errorf("a signed URL with utm_source: HTTP %d %s", f.Status, f.Body)
	}
}
