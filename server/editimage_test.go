package server_test

import (
	"bytes"
	"image/png"
	"net/http"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

const editImage = `mutation($id: ID!, $ops: [ImageOperationInput!]!) { editImage(id: $id, operations: $ops) { version width height filename url } }`

// editImage stores its result as the next version, through the replacement's path: the gate serves
// the edited bytes at the same URL, in the image's format.
func TestEditImageStoresANewVersion(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		editor := s.Token("EDITOR")
		id := upload(t, s, editor, "alpha.png", map[string]any{"status": "PUBLIC"})
		var before struct{ Asset struct{ Width, Height int } }
		s.Must(editor, `query($id: ID!) { asset(id: $id) { width height } }`, map[string]any{"id": id}, &before)
		var out struct {
			EditImage struct {
				Version, Width, Height int
				Filename, URL          string
			}
		}
		s.Must(editor, editImage, map[string]any{"id": id, "ops": []map[string]any{
			{"rotate": 90}, {"crop": map[string]any{"x": 0, "y": 0, "width": 0.5, "height": 1, "unit": "RELATIVE"}}, {"filter": "GRAYSCALE"},
		}}, &out)
		e := out.EditImage
		wantW, wantH := before.Asset.Height/2, before.Asset.Width
		if e.Version != 2 || e.Filename != "alpha.png" || e.Width != wantW || e.Height != wantH {
			t.Fatalf("edited: %+v; want version 2 of alpha.png, %d×%d", e, wantW, wantH)
		}
		f := fetch(t, s, http.MethodGet, strings.TrimPrefix(e.URL, s.URL), "", nil)
		img, err := png.Decode(bytes.NewReader(f.Body))
		if f.Status != http.StatusOK || err != nil {
			t.Fatalf("GET %s: HTTP %d, %v", e.URL, f.Status, err)
		}
		if b := img.Bounds(); b.Dx() != wantW || b.Dy() != wantH {
			t.Fatalf("the gate serves %d×%d", b.Dx(), b.Dy())
		}
		if v := assetVersions(t, s, editor, id); len(v.Versions) != 2 {
			t.Fatalf("%d versions after an edit, want 2", len(v.Versions))
		}
	})
}

// Bad operations are coded with the field at fault; a DELIVERY token may not edit.
func TestEditImageRefusals(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	editor := s.Token("EDITOR")
	img := upload(t, s, editor, "alpha.png", nil)
	pdf := upload(t, s, editor, "document-3-pages.pdf", nil)
	for name, c := range map[string]struct {
		token, id   string
		ops         []map[string]any
		code, field string
	}{
		"no step":          {editor, img, []map[string]any{}, "VALIDATION_FAILED", "operations"},
		"two in one step":  {editor, img, []map[string]any{{"rotate": 90, "flip": true}}, "VALIDATION_FAILED", "operations[0]"},
		"nothing in one":   {editor, img, []map[string]any{{"flip": false}}, "VALIDATION_FAILED", "operations[0]"},
		"crop outside":     {editor, img, []map[string]any{{"flop": true}, {"crop": map[string]any{"x": 0, "y": 0, "width": 1e6, "height": 1}}}, "VALIDATION_FAILED", "operations[1].crop"},
		"steep free angle": {editor, img, []map[string]any{{"rotate": 60}}, "VALIDATION_FAILED", "operations[0].rotate"},
		"bad factor":       {editor, img, []map[string]any{{"contrast": -1}}, "VALIDATION_FAILED", "operations[0].contrast"},
		"not an image":     {editor, pdf, []map[string]any{{"flip": true}}, "VALIDATION_FAILED", "id"},
		"delivery token":   {s.Token("DELIVERY"), img, []map[string]any{{"flip": true}}, "FORBIDDEN", "Mutation.editImage"},
	} {
		res := s.Query(c.token, editImage, map[string]any{"id": c.id, "ops": c.ops})
		field := ""
		if len(res.Errors) > 0 {
			field, _ = res.Errors[0].Extensions["field"].(string)
		}
		if res.Code() != c.code || field != c.field {
			t.Errorf("%s: %s (field %q), want %s (field %q): %+v", name, res.Code(), field, c.code, c.field, res.Errors)
		}
	}
	if v := assetVersions(t, s, editor, img); len(v.Versions) != 1 {
		t.Errorf("refused edits left %d versions", len(v.Versions))
	}
}
