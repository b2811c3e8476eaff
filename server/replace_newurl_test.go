package server_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
)

// assetURL is an asset's gate URL, relative to the server.
func assetURL(t *testing.T, s *apptest.Server, token, id string) string {
	t.Helper()
	var out struct{ Asset struct{ URL string } }
	s.Must(token, `query($id: ID!) { asset(id: $id) { url } }`, map[string]any{"id": id}, &out)
	return strings.TrimPrefix(out.Asset.URL, s.URL)
}

// replaceAsset keeps the gate URL's name by default; with newUrl the URL takes the new file's name,
// and both URLs serve the new bytes.
func TestReplaceWithNewURLRenamesTheGatePath(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		editor := s.Token("EDITOR")
		id := upload(t, s, editor, "alpha.png", map[string]any{"status": "PUBLIC"})
		square := fixtures.Read(t, "focal-red-square.png")
		replaceFile(s, editor, id, "focal-red-square.png", nil, square).Decode(t, nil)
		if got := assetURL(t, s, editor, id); got != "/media/asset/"+id+"/alpha.png" {
			t.Fatalf("after a plain replacement the URL is %s, want the old name", got)
		}
		jpeg := fixtures.Read(t, "cmyk.jpg")
		replaceFile(s, editor, id, "New Name.jpg", map[string]any{"newUrl": true}, jpeg).Decode(t, nil)
		u := assetURL(t, s, editor, id)
		if u != "/media/asset/"+id+"/New-Name.jpg" {
			t.Fatalf("after newUrl the URL is %s, want the new file's name", u)
		}
		if f := fetch(t, s, http.MethodGet, u, "", nil); f.Status != http.StatusOK || !bytes.Equal(f.Body, jpeg) {
			t.Fatalf("GET %s: HTTP %d, %d bytes; want the new bytes", u, f.Status, len(f.Body))
		}
	})
}
