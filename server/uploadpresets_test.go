package server_test

import (
	"net/netip"
	"testing"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

type presetDescribed struct {
	Status, Author, Copyright string
	Tags                      []struct{ Name string }
	Alt                       *string
}

// describe reads what an upload preset may have set on an asset.
func describe(t *testing.T, s *apptest.Server, token, id string) presetDescribed {
	t.Helper()
	var out struct{ Asset presetDescribed }
	s.Must(token, `query($id: ID!) { asset(id: $id) { status author copyright tags { name } alt(locale: "en") } }`, map[string]any{"id": id}, &out)
	return out.Asset
}

func createUploadPreset(t *testing.T, s *apptest.Server, in map[string]any) string {
	t.Helper()
	var out struct{ CreateUploadPreset struct{ ID string } }
	s.Must(s.Admin, `mutation($in: UploadPresetInput!) { createUploadPreset(input: $in) { id } }`, map[string]any{"in": in}, &out)
	return out.CreateUploadPreset.ID
}

// An upload preset's values are defaults the call's own input overrides, on every way in; its limits
// narrow the library's and never widen them.
func TestUploadPresets(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		allowed, _ := remoteFiles(t)
		s := start(t, func(c *config.Config) { c.FetchAllow = []netip.Prefix{netip.MustParsePrefix("127.0.0.2/32")} })
		editor := s.Token("EDITOR")
		createUploadPreset(t, s, map[string]any{
			"name": "press-photos", "tags": []string{"press"}, "status": "PUBLIC", "author": "Agency", "copyright": "© Agency",
			"defaultFieldMetadata": []any{map[string]any{"locale": "en", "alt": "From the agency"}},
			"allowedTypes":         []string{"image/png", "image/svg+xml"}, "maxBytes": 4000,
		})
		preset := func(extra map[string]any) map[string]any {
			in := map[string]any{"preset": "press-photos"}
			for k, v := range extra {
				in[k] = v
			}
			return in
		}

		small := s.MustUpload(editor, preset(nil), apptest.Fixture(t, "focal-red-square.png"))[0].ID
		got := describe(t, s, editor, small)
		if got.Status != "PUBLIC" || got.Author != "Agency" || got.Copyright != "© Agency" || len(got.Tags) != 1 || got.Tags[0].Name != "press" || got.Alt == nil || *got.Alt != "From the agency" {
			t.Errorf("the preset's defaults: %+v", got)
		}
		own := s.MustUpload(editor, preset(map[string]any{"author": "Own", "tags": []string{"mine"}, "status": "PRIVATE",
			"defaultFieldMetadata": []any{map[string]any{"locale": "en", "alt": "My alt"}}}), apptest.Fixture(t, "focal-red-square.png"))[0].ID
		got = describe(t, s, editor, own)
		if got.Status != "PRIVATE" || got.Author != "Own" || got.Copyright != "© Agency" || len(got.Tags) != 1 || got.Tags[0].Name != "mine" || *got.Alt != "My alt" {
			t.Errorf("the call's own input over the preset's: %+v", got)
		}

		before := s.Rows("assets")
		wantCode(t, "a type the preset leaves out", s.Upload(editor, preset(nil), apptest.Fixture(t, "anim.gif")), "MIME_TYPE_NOT_ALLOWED", "files[0]")
		wantCode(t, "a file over the preset's maxBytes", s.Upload(editor, preset(nil), apptest.Fixture(t, "alpha.png")), "FILE_TOO_LARGE", "files[0]")
		// The library refuses SVGs carrying script unless MEDIAGRAPH_UPLOAD_TYPES lists image/svg+xml
		// itself; the preset listing it does not widen that.
		wantCode(t, "a scripted SVG the library refuses", s.Upload(editor, preset(nil), apptest.Fixture(t, "script.svg")), "MIME_TYPE_NOT_ALLOWED", "files[0]")
		wantCode(t, "an unknown preset", s.Upload(editor, map[string]any{"preset": "nope"}, apptest.Fixture(t, "alpha.png")), "NOT_FOUND", "input.preset")
		if n := s.Rows("assets"); n != before {
			t.Errorf("refused uploads made assets: %d → %d", before, n)
		}

		// Signed uploads: the preset's limits apply to the declared file, its defaults to the asset.
		png := fixtures.Read(t, "focal-red-square.png")
		file := map[string]any{"filename": "red.png", "mimeType": "image/png", "size": len(png), "preset": "press-photos"}
		wantCode(t, "a declared type the preset leaves out", s.Query(editor, createUploads, map[string]any{"in": []any{
			map[string]any{"filename": "a.jpg", "mimeType": "image/jpeg", "size": 100, "preset": "press-photos"}}}), "MIME_TYPE_NOT_ALLOWED", "input[0].mimeType")
		wantCode(t, "a declared size over the preset's", s.Query(editor, createUploads, map[string]any{"in": []any{
			map[string]any{"filename": "a.png", "mimeType": "image/png", "size": 5000, "preset": "press-photos"}}}), "FILE_TOO_LARGE", "input[0].size")
		tk := newTickets(t, s, editor, file)[0]
		if status, _ := put(t, tk.URL, tk.Headers, png, nil); status != 200 {
			t.Fatalf("PUT: HTTP %d", status)
		}
		var done completed
		s.Must(editor, completeUploads, map[string]any{"ids": []string{tk.ID}}, &done)
		if got := describe(t, s, editor, done.CompleteUploads[0].ID); got.Author != "Agency" || got.Status != "PUBLIC" || len(got.Tags) != 1 {
			t.Errorf("a signed upload with the preset: %+v", got)
		}

		// createAssetFromUrl: alpha.png is over the preset's maxBytes.
		const fromURL = `mutation($in: CreateAssetFromUrlInput!) { createAssetFromUrl(input: $in) { id } }`
		wantCode(t, "a fetched file over the preset's maxBytes", s.Query(editor, fromURL, map[string]any{"in": map[string]any{
			"url": allowed + "/img/alpha.png", "asset": preset(nil)}}), "FILE_TOO_LARGE", "input.url")
		createUploadPreset(t, s, map[string]any{"name": "fetched", "author": "Fetcher"})
		var fetched struct {
			CreateAssetFromURL struct{ ID string } `json:"createAssetFromUrl"`
		}
		s.Must(editor, fromURL, map[string]any{"in": map[string]any{"url": allowed + "/img/alpha.png", "asset": map[string]any{"preset": "fetched"}}}, &fetched)
		if got := describe(t, s, editor, fetched.CreateAssetFromURL.ID); got.Author != "Fetcher" {
			t.Errorf("createAssetFromUrl with a preset: %+v", got)
		}
	})
}

// Only ADMIN writes upload presets; their settings are checked as an upload's input is.
func TestUploadPresetRules(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	editor := s.Token("EDITOR")
	create := `mutation($in: UploadPresetInput!) { createUploadPreset(input: $in) { id } }`
	wantCode(t, "an EDITOR", s.Query(editor, create, map[string]any{"in": map[string]any{"name": "a"}}), "FORBIDDEN", "")
	id := createUploadPreset(t, s, map[string]any{"name": "a", "tags": []string{"x"}})
	for what, c := range map[string]struct {
		in          map[string]any
		code, field string
	}{
		"a taken name":  {map[string]any{"name": "a"}, "CONFLICT", "input.name"},
		"no name":       {map[string]any{}, "VALIDATION_FAILED", "input.name"},
		"a bad name":    {map[string]any{"name": "A B"}, "VALIDATION_FAILED", "input.name"},
		"a bad type":    {map[string]any{"name": "b", "allowedTypes": []string{"png"}}, "VALIDATION_FAILED", "input.allowedTypes[0]"},
		"a zero size":   {map[string]any{"name": "b", "maxBytes": 0}, "VALIDATION_FAILED", "input.maxBytes"},
		"a bad locale":  {map[string]any{"name": "b", "defaultFieldMetadata": []any{map[string]any{"locale": "xx", "alt": "?"}}}, "VALIDATION_FAILED", ""},
		"a long author": {map[string]any{"name": "b", "author": string(make([]byte, 5000))}, "VALIDATION_FAILED", ""},
	} {
		wantCode(t, what, s.Query(s.Admin, create, map[string]any{"in": c.in}), c.code, c.field)
	}
	var list struct {
		UploadPresets []struct {
			Name string
			Tags []string
		}
	}
	s.Must(s.Admin, `mutation($id: ID!) { updateUploadPreset(id: $id, input: { tags: ["y"] }) { id } }`, map[string]any{"id": id}, nil)
	s.Must(editor, `{ uploadPresets { name tags } }`, nil, &list)
	if len(list.UploadPresets) != 1 || list.UploadPresets[0].Name != "a" || len(list.UploadPresets[0].Tags) != 1 || list.UploadPresets[0].Tags[0] != "y" {
		t.Errorf("after the update: %+v", list.UploadPresets)
	}
	s.Must(s.Admin, `mutation($id: ID!) { deleteUploadPreset(id: $id) { id } }`, map[string]any{"id": id}, nil)
	wantCode(t, "a deleted preset", s.Upload(editor, map[string]any{"preset": "a"}, apptest.Fixture(t, "alpha.png")), "NOT_FOUND", "input.preset")
}
