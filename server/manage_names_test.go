package server_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// Every way in keeps the uploaded name exactly (originalFilename) and builds the URL-safe filename
// from it, transliterating other scripts; a name that normalizes to nothing takes the asset id's
// short form, so two such files never share a name.
func TestNamesInEveryScript(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		editor := s.Token("EDITOR")
		png, jpeg := fixtures.Read(t, "alpha.png"), fixtures.Read(t, "cmyk.jpg")
		var up struct {
			UploadAssets []struct{ ID, Filename, OriginalFilename, Path string }
		}
		names := []string{"日本.png", "Über Photo (1).JPEG", "???.png", "😀.png", "Крем для лица.png"}
		contents := [][]byte{png, jpeg, png, png, png}
		var files []apptest.File
		var paths []string
		for i, n := range names {
			files = append(files, apptest.File{Name: n, Content: bytes.NewReader(contents[i])})
			paths = append(paths, "variables.f."+string(rune('0'+i)))
		}
		s.Multipart(editor, `mutation($f: [Upload!]!) { uploadAssets(files: $f) { id filename originalFilename path } }`,
			map[string]any{"f": make([]any, len(names))}, paths, files...).Decode(t, &up)
		if len(up.UploadAssets) != len(names) {
			t.Fatalf("uploaded %d assets", len(up.UploadAssets))
		}
		want := []string{"Ri-Ben.png", "Uber-Photo-1.jpg", "", "", "Krem-dlia-litsa.png"}
		for i, a := range up.UploadAssets {
			if a.OriginalFilename != names[i] {
				t.Errorf("originalFilename of %q: %q", names[i], a.OriginalFilename)
			}
			short := strings.ToLower(a.ID[len(a.ID)-10:]) + ".png"
			if w := want[i]; (w != "" && a.Filename != w) || (w == "" && a.Filename != short) {
				t.Errorf("filename of %q: %q, want %q", names[i], a.Filename, map[bool]string{true: w, false: short}[w != ""])
			}
			if f := fetch(t, s, http.MethodGet, a.Path, editor, nil); f.Status != http.StatusOK {
				t.Errorf("the gate URL of %q (%s): HTTP %d", names[i], a.Path, f.Status)
			}
		}
		if up.UploadAssets[2].Filename == up.UploadAssets[3].Filename {
			t.Errorf("two names that normalize to nothing share %q", up.UploadAssets[2].Filename)
		}

		// The uploaded name is searchable, in its own script, by editors (search, open to delivery
		// tokens, leaves it out).
		for what, filter := range map[string]map[string]any{
			"originalFilename": {"originalFilename": map[string]any{"matches": "日本"}},
		} {
			var found struct {
				Assets struct{ Nodes []struct{ ID string } }
			}
			s.Must(editor, `query($f: AssetFilter) { assets(filter: $f) { nodes { id } } }`, map[string]any{"f": filter}, &found)
			if len(found.Assets.Nodes) != 1 || found.Assets.Nodes[0].ID != up.UploadAssets[0].ID {
				t.Errorf("%s 日本: %+v", what, found.Assets.Nodes)
			}
		}

		// A signed upload keeps the name too.
		tk := newTickets(t, s, editor, map[string]any{"filename": "北京 写真.png", "mimeType": "image/png", "size": len(png)})[0]
		put(t, tk.URL, tk.Headers, png, nil)
		var done struct {
			CompleteUploads []struct{ Filename, OriginalFilename string }
		}
		s.Must(editor, `mutation($ids: [ID!]!) { completeUploads(ids: $ids) { filename originalFilename } }`, map[string]any{"ids": []string{tk.ID}}, &done)
		if a := done.CompleteUploads[0]; a.Filename != "Bei-Jing-Xie-Zhen.png" || a.OriginalFilename != "北京 写真.png" {
			t.Errorf("signed upload of 北京 写真.png: %+v", a)
		}

		// Renaming changes the filename only; the uploaded name stays.
		var renamed struct {
			UpdateAsset struct{ Filename, OriginalFilename string }
		}
		s.Must(editor, `mutation($id: ID!) { updateAsset(id: $id, input: { filename: "Ελληνικά" }) { filename originalFilename } }`,
			map[string]any{"id": up.UploadAssets[0].ID}, &renamed)
		if renamed.UpdateAsset.Filename != "Ellenika.png" || renamed.UpdateAsset.OriginalFilename != "日本.png" {
			t.Errorf("renamed: %+v", renamed.UpdateAsset)
		}
	})
}
