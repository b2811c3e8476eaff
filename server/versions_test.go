package server_test

import (
	"bytes"
	"image/gif"
	"net/http"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
)

// An earlier version is transformed by its own facts: a 4-frame GIF replaced by a PNG stays animated
// at its versioned URL, and the PNG that replaced it is a still with its alpha.
func TestOldVersionTransformsByItsOwnFacts(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		editor := s.Token("EDITOR")
		id := upload(t, s, editor, "anim.gif", map[string]any{"status": "PUBLIC"})
		replace := `mutation($id: ID!, $file: Upload!) { replaceAsset(id: $id, file: $file) { version filename } }`
		var out struct{ ReplaceAsset struct{ Version int } }
		s.Multipart(editor, replace, map[string]any{"id": id, "file": nil}, []string{"variables.file"}, apptest.Fixture(t, "alpha.png")).Decode(t, &out)
		if out.ReplaceAsset.Version != 2 {
			t.Fatalf("replaced to version %d, want 2", out.ReplaceAsset.Version)
		}

		frames := func(path string) int {
			t.Helper()
			f := fetch(t, s, http.MethodGet, path, "", nil)
			if f.Status != http.StatusOK {
				t.Fatalf("GET %s: HTTP %d %s", path, f.Status, f.Body)
			}
			g, err := gif.DecodeAll(bytes.NewReader(f.Body))
			if err != nil {
				t.Fatalf("GET %s: %v", path, err)
			}
			if g.Config.Width != 100 {
				t.Errorf("GET %s: %d px wide, want 100", path, g.Config.Width)
			}
			return len(g.Image)
		}
		if n := frames("/media/v/" + id + "/1/anim.gif?w=100&fm=gif"); n != 4 {
			t.Errorf("version 1 (the GIF) transformed to %d frames, want 4", n)
		}
		if n := frames("/media/v/" + id + "/2/anim.png?w=100&fm=gif"); n != 1 {
			t.Errorf("version 2 (the PNG) transformed to %d frames, want a still", n)
		}
		img, f := decoded(t, s, "/media/v/"+id+"/2/anim.png?w=100", nil)
		if f.Header.Get("Content-Type") != "image/png" || img.Bounds().Dx() != 100 {
			t.Fatalf("version 2 at w=100: %s %v", f.Header.Get("Content-Type"), img.Bounds())
		}
		if _, _, _, a := img.At(0, 0).RGBA(); a == 0xffff {
			t.Errorf("version 2's transform lost the PNG's transparency")
		}
	})
}
