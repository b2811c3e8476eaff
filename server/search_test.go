package server_test

import (
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// search and the text filters find words anywhere, ignoring case (beyond ASCII too), pass over assets
// whose texts are unset, and never reach past the caller's visibility.
func TestSearchAndTextFilters(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		editor, delivery := s.Token("EDITOR"), s.Token("DELIVERY")
		up := s.MustUpload(editor, map[string]any{"status": "PUBLIC"}, apptest.Fixture(t, "alpha.png"), apptest.Fixture(t, "clip.mp4"))
		photo, clip := up[0], up[1]
		secret := s.MustUpload(editor, map[string]any{"notes": "Secret ÉTÉ plans"}, apptest.Fixture(t, "photo-12mp.jpg"))[0]
		// The photo gets a title but no alt: a NULL beside a value in the same row.
		s.Must(editor, `mutation($id: ID!) { updateAsset(id: $id, input: { author: "Zoë Müller", defaultFieldMetadata: [
			{ locale: "it", title: "Quadrato Rosso" } ] }) { id } }`, map[string]any{"id": photo.ID}, nil)
		s.Must(editor, `mutation($id: ID!) { tagAssets(ids: [$id], tags: ["Seaside"]) { id } }`, map[string]any{"id": clip.ID}, nil)
		// Notes are for colleagues, even on a PUBLIC asset: a delivery token's search must not see them.
		s.Must(editor, `mutation($id: ID!) { updateAsset(id: $id, input: { notes: "Embargoed until Friday" }) { id } }`, map[string]any{"id": clip.ID}, nil)

		find := func(token string, filter map[string]any) []string {
			t.Helper()
			var out struct{ Assets struct{ Nodes []idOnly } }
			s.Must(token, `query($f: AssetFilter) { assets(filter: $f, orderBy: FILENAME_ASC) { nodes { id } } }`, map[string]any{"f": filter}, &out)
			return ids(out.Assets.Nodes)
		}
		for _, c := range []struct {
			name   string
			token  string
			filter map[string]any
			want   []string
		}{
			{"nothing matches", editor, map[string]any{"search": "zzz"}, nil},
			{"filename", editor, map[string]any{"search": "ALPHA"}, []string{photo.ID}},
			{"title in any locale", editor, map[string]any{"search": "quadrato"}, []string{photo.ID}},
			{"tag name", editor, map[string]any{"search": "seaside"}, []string{clip.ID}},
			{"notes, non-ASCII case", editor, map[string]any{"search": "été"}, []string{secret.ID}},
			{"every word must match", editor, map[string]any{"search": "secret plans"}, []string{secret.ID}},
			{"words from different assets", editor, map[string]any{"search": "secret seaside"}, nil},
			{"author matches", editor, map[string]any{"author": map[string]any{"matches": "MÜLLER"}}, []string{photo.ID}},
			{"notes matches", editor, map[string]any{"notes": map[string]any{"matches": "plans"}}, []string{secret.ID}},
			{"alt unset everywhere", editor, map[string]any{"alt": map[string]any{"matches": "x"}}, nil},
			{"author exists (the JPEG's IPTC names one)", editor, map[string]any{"author": map[string]any{"exists": true}}, []string{photo.ID, secret.ID}},
			{"LIKE wildcards are literal", editor, map[string]any{"search": "%"}, nil},
			{"delivery: private notes", delivery, map[string]any{"search": "secret"}, nil},
			{"editor: notes of a public asset", editor, map[string]any{"search": "embargoed"}, []string{clip.ID}},
			{"delivery: notes of a public asset", delivery, map[string]any{"search": "embargoed"}, nil},
			{"delivery: OR cannot widen", delivery, map[string]any{"OR": []any{map[string]any{"search": "secret"}, map[string]any{"search": "alpha"}}}, []string{photo.ID}},
		} {
			if got := find(c.token, c.filter); !sameSet(got, c.want) {
				t.Errorf("%s: %v, want %v", c.name, got, c.want)
			}
		}
		query := `query($f: AssetFilter) { assets(filter: $f) { nodes { id } } }`
		for _, field := range []string{"notes", "originalFilename"} {
			wantCode(t, "delivery filter by "+field, s.Query(delivery, query, map[string]any{"f": map[string]any{field: map[string]any{"matches": "e"}}}),
				"FORBIDDEN", "filter."+field)
		}
	})
}
