package server_test

import (
	"bytes"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
)

const replaceWith = `mutation($id: ID!, $file: Upload!, $in: ReplaceAssetInput) {
  replaceAsset(id: $id, file: $file, input: $in) { id kind version filename originalFilename } }`

type replacedAsset struct {
	ReplaceAsset struct {
		ID, Kind, Filename, OriginalFilename string
		Version                              int
	}
}

func replaceFile(s *apptest.Server, token, id, fixture string, input map[string]any, data []byte) apptest.Response {
	return s.Multipart(token, replaceWith, map[string]any{"id": id, "file": nil, "in": input}, []string{"variables.file"},
		apptest.File{Name: fixture, Content: bytes.NewReader(data)})
}

// replaceAsset keeps its promise to the pages that show an asset: while a live entry uses an image,
// bytes of another kind are refused with ASSET_IN_USE unless allowKindChange; the same kind, or an
// unused asset, is replaced as before, and newUrl gives the asset the new file's name.
func TestReplaceKeepsTheKind(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		editor := s.Token("EDITOR")
		clip, jpeg := fixtures.Read(t, "clip.mp4"), fixtures.Read(t, "cmyk.jpg")
		used := upload(t, s, editor, "alpha.png", nil)
		unused := upload(t, s, editor, "focal-red-square.png", nil)
		s.Must(editor, `mutation($ids: [ID!]!) { syncEntryReferences(entry: { type: "post", id: "1" }, assetIds: $ids, live: true) { id } }`,
			map[string]any{"ids": []string{used}}, nil)

		unchanged(t, s, "a video for an image in use", func() {
			wantCode(t, "a video for an image in use", replaceFile(s, editor, used, "clip.mp4", nil, clip), "ASSET_IN_USE", "file")
		})
		var out replacedAsset
		replaceFile(s, editor, used, "cmyk.jpg", nil, jpeg).Decode(t, &out)
		if a := out.ReplaceAsset; a.Kind != "IMAGE" || a.Version != 2 || a.Filename != "alpha.jpg" || a.OriginalFilename != "cmyk.jpg" {
			t.Errorf("an image for an image in use: %+v", a)
		}
		replaceFile(s, editor, used, "clip.mp4", map[string]any{"allowKindChange": true}, clip).Decode(t, &out)
		if a := out.ReplaceAsset; a.Kind != "VIDEO" || a.Version != 3 || a.Filename != "alpha.mp4" {
			t.Errorf("a video for an image in use, with allowKindChange: %+v", a)
		}
		replaceFile(s, editor, unused, "Über Clip (1).mp4", map[string]any{"newUrl": true}, clip).Decode(t, &out)
		if a := out.ReplaceAsset; a.Kind != "VIDEO" || a.Filename != "Uber-Clip-1.mp4" || a.OriginalFilename != "Über Clip (1).mp4" {
			t.Errorf("a video for an unused image, with newUrl: %+v", a)
		}
	})
}
