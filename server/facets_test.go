package server_test

import (
	"fmt"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

type facetCounts map[string][]struct {
	Value string
	Count int
}

// counts is one facet's values as "value:count" in the order they came.
func (f facetCounts) counts(facet string) []string {
	var out []string
	for _, v := range f[facet] {
		out = append(out, fmt.Sprintf("%s:%d", v.Value, v.Count))
	}
	return out
}

// assetFacets counts over the caller's assets, each facet ignoring its own condition; a DELIVERY
// token counts only the assets it may see and may not count what only management may filter by.
func TestAssetFacets(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		editor, delivery := s.Token("EDITOR"), s.Token("DELIVERY")
		public := s.MustUpload(editor, map[string]any{"status": "PUBLIC"}, apptest.Fixture(t, "alpha.png"), apptest.Fixture(t, "clip.mp4"))
		private := s.MustUpload(editor, nil, apptest.Fixture(t, "photo-12mp.jpg"), apptest.Fixture(t, "focal-red-square.png"))
		s.Must(editor, `mutation($ids: [ID!]!) { tagAssets(ids: $ids, tags: ["Brand"]) { id } }`,
			map[string]any{"ids": []string{public[0].ID, private[0].ID, private[1].ID}}, nil)

		const q = `query($f: AssetFilter, $facets: [Facet!], $limit: Int) { assetFacets(filter: $f, facets: $facets, limit: $limit) {
			kind { value count } format { value count } status { value count } tag { value count } orientation { value count } } }`
		facets := func(token string, vars map[string]any) facetCounts {
			t.Helper()
			var out struct{ AssetFacets facetCounts }
			s.Must(token, q, vars, &out)
			return out.AssetFacets
		}
		png := map[string]any{"format": map[string]any{"eq": "png"}}
		got := facets(editor, map[string]any{"f": png})
		for _, c := range []struct {
			facet string
			want  []string
		}{
			// format ignores its own condition: every format, with the checked one among them.
			{"format", []string{"png:2", "jpg:1", "mp4:1"}},
			{"kind", []string{"IMAGE:2"}},
			{"status", []string{"PRIVATE:1", "PUBLIC:1"}},
			{"tag", []string{"Brand:2"}},
		} {
			if g := got.counts(c.facet); fmt.Sprint(g) != fmt.Sprint(c.want) {
				t.Errorf("editor, format png: %s = %v, want %v", c.facet, g, c.want)
			}
		}
		got = facets(delivery, map[string]any{"f": png})
		if g := got.counts("format"); fmt.Sprint(g) != fmt.Sprint([]string{"mp4:1", "png:1"}) {
			t.Errorf("delivery counts private assets: format = %v", g)
		}
		if g := got.counts("status"); fmt.Sprint(g) != fmt.Sprint([]string{"PUBLIC:1"}) {
			t.Errorf("delivery: status = %v", g)
		}
		got = facets(editor, map[string]any{"facets": []string{"KIND"}, "limit": 1})
		if g := got.counts("kind"); fmt.Sprint(g) != fmt.Sprint([]string{"IMAGE:3"}) || got["format"] != nil {
			t.Errorf("facets [KIND], limit 1: kind %v, format %v; want the top kind only and no format", g, got["format"])
		}

		for _, c := range []struct {
			name, token, query string
			vars               map[string]any
			code, field        string
		}{
			{"delivery counts antivirus", delivery, `{ assetFacets { antivirus { value count } } }`, nil, "FORBIDDEN", "AssetFacets.antivirus"},
			{"delivery filters by notes", delivery, `{ assetFacets(filter: { notes: { exists: true } }) { kind { value } } }`, nil, "FORBIDDEN", "filter.notes"},
			{"limit too large", editor, q, map[string]any{"limit": 101}, "VALIDATION_FAILED", "limit"},
			{"bad color in the filter", editor, q, map[string]any{"f": map[string]any{"colors": map[string]any{"anyIn": []string{"red"}}}}, "VALIDATION_FAILED", "filter.colors.anyIn[0]"},
		} {
			res := s.Query(c.token, c.query, c.vars)
			if res.Code() != c.code || res.Errors[0].Extensions["field"] != c.field {
				t.Errorf("%s: %+v, want %s on %s", c.name, res.Errors, c.code, c.field)
			}
		}
		var out struct{ AssetFacets facetCounts }
		s.Must(editor, `{ assetFacets { antivirus { value count } moderation { value count } } }`, nil, &out)
		if len(out.AssetFacets["moderation"]) == 0 || len(out.AssetFacets["antivirus"]) == 0 {
			t.Errorf("editor: antivirus and moderation facets %v", out.AssetFacets)
		}
	})
}
