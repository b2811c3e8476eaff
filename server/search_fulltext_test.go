package server_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// Full-text search over the photo's own metadata (keywords, IPTC title and author), the titles
// editors give in other locales and the words only editors may search, on both databases.
func TestFullTextSearch(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		editor, delivery := s.Token("EDITOR"), s.Token("DELIVERY")
		public := map[string]any{"status": "PUBLIC"}
		photo := s.MustUpload(editor, public, apptest.Fixture(t, "photo-12mp.jpg"))[0]
		// Another cathedral, not in Milan: it stays when -milan leaves the photo out.
		other := s.MustUpload(editor, map[string]any{"status": "PUBLIC", "tags": []string{"Cathedral"}}, apptest.Fixture(t, "alpha.png"))[0]
		// Gothic in the title of one and only in the notes of the other, which is newer.
		titled := s.MustUpload(editor, public, apptest.Fixture(t, "focal-red-square.png"))[0]
		noted := s.MustUpload(editor, map[string]any{"status": "PUBLIC", "notes": "gothic arches, ask Marco"}, apptest.Fixture(t, "anim.gif"))[0]
		s.Must(editor, `mutation($id: ID!) { updateAsset(id: $id, input: { defaultFieldMetadata: [
			{ locale: "it", title: "Cattedrale di Santa Maria Nascente" }, { locale: "de", title: "Mailänder Dom" } ] }) { id } }`,
			map[string]any{"id": photo.ID}, nil)
		s.Must(editor, `mutation($id: ID!) { updateAsset(id: $id, input: { defaultFieldMetadata: [
			{ locale: "en", title: "Gothic window" } ] }) { id } }`, map[string]any{"id": titled.ID}, nil)
		// Renamed, the GIF keeps its uploaded name only as its original filename.
		s.Must(editor, `mutation($id: ID!) { updateAsset(id: $id, input: { filename: "arches.gif" }) { id } }`, map[string]any{"id": noted.ID}, nil)

		search := func(token, words string, order string) []string {
			t.Helper()
			var out struct{ Assets struct{ Nodes []idOnly } }
			s.Must(token, `query($s: String, $o: AssetOrder) { assets(filter: { search: $s }, orderBy: $o) { nodes { id } } }`,
				map[string]any{"s": words, "o": order}, &out)
			return ids(out.Assets.Nodes)
		}
		for _, c := range []struct {
			name, token, words string
			want               []string
		}{
			{"keyword (smart tag)", editor, "cathedral", []string{photo.ID, other.ID}},
			{"IPTC title", editor, "Duomo", []string{photo.ID}},
			{"author prefix", editor, "lovel", []string{photo.ID}},
			{"keyword prefix", editor, "cath", []string{photo.ID, other.ID}},
			{"exclusion", editor, "-milan cathedral", []string{other.ID}},
			{"exclusion alone", editor, "-milan -gothic -cathedral", []string{}},
			{"italian title", editor, "nascente", []string{photo.ID}},
			{"german title, accents ignored", editor, "mailander", []string{photo.ID}},
			{"german title as written", editor, "Mailänder dom", []string{photo.ID}},
			{"phrase", editor, `"santa maria"`, []string{photo.ID}},
			{"phrase out of order", editor, `"maria santa"`, nil},
			{"camera", editor, "canon eos", []string{photo.ID}},
			{"every term must match", editor, "duomo gothic", nil},
			{"original filename: editors", editor, "anim", []string{noted.ID}},
			{"notes: editors", editor, "marco", []string{noted.ID}},
			{"notes: not delivery", delivery, "marco", nil},
			{"original filename: not delivery", delivery, "anim", nil},
			{"punctuation only", editor, "%%", nil},
			{"a word longer than any", editor, strings.Repeat("cathedral", 400), nil},
		} {
			if got := search(c.token, c.words, "CREATED_AT_DESC"); !sameSet(got, c.want) {
				t.Errorf("%s: search %q: %v, want %v", c.name, c.words, got, c.want)
			}
		}
		if got := search(editor, "gothic", "RELEVANCE"); !slices.Equal(got, []string{titled.ID, noted.ID}) {
			t.Errorf("RELEVANCE: %v, want the title match %s above the notes match %s", got, titled.ID, noted.ID)
		}
		if got := search(delivery, "gothic", "RELEVANCE"); !slices.Equal(got, []string{titled.ID}) {
			t.Errorf("RELEVANCE for delivery: %v, want the title match only", got)
		}

		// RELEVANCE pages through cursors like any ordering.
		var page struct {
			Assets struct {
				Nodes    []idOnly
				PageInfo struct{ EndCursor string }
			}
		}
		pageQuery := `query($after: String) { assets(filter: { search: "gothic" }, orderBy: RELEVANCE, first: 1, after: $after) {
			nodes { id } pageInfo { endCursor } } }`
		s.Must(editor, pageQuery, map[string]any{"after": nil}, &page)
		first := ids(page.Assets.Nodes)
		s.Must(editor, pageQuery, map[string]any{"after": page.Assets.PageInfo.EndCursor}, &page)
		if got := append(first, ids(page.Assets.Nodes)...); !slices.Equal(got, []string{titled.ID, noted.ID}) {
			t.Errorf("RELEVANCE by pages of one: %v", got)
		}
		wantCode(t, "RELEVANCE without a search", s.Query(editor, `{ assets(orderBy: RELEVANCE) { nodes { id } } }`, nil),
			"VALIDATION_FAILED", "orderBy")

		// Search combines with every other filter.
		var out struct{ Assets struct{ Nodes []idOnly } }
		s.Must(editor, `{ assets(filter: { search: "cathedral", tags: { anyIn: ["cathedral"] } }) { nodes { id } } }`, nil, &out)
		if got := ids(out.Assets.Nodes); !slices.Equal(got, []string{other.ID}) {
			t.Errorf("search and tags: %v, want %s", got, other.ID)
		}
	})
}

// A change is searchable as soon as the mutation that made it answers: the index is written in the
// change's own transaction, from the events it records.
func TestSearchIndexFollowsChanges(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		editor := s.Token("EDITOR")
		a := s.MustUpload(editor, nil, apptest.Fixture(t, "alpha.png"))[0]
		found := func(words string) bool {
			t.Helper()
			var out struct{ Assets struct{ Nodes []idOnly } }
			s.Must(editor, `query($s: String) { assets(filter: { search: $s }) { nodes { id } } }`, map[string]any{"s": words}, &out)
			return slices.Equal(ids(out.Assets.Nodes), []string{a.ID})
		}
		var tag struct {
			TagAssets []struct{ Tags []idOnly }
		}
		s.Must(editor, `mutation($id: ID!) { tagAssets(ids: [$id], tags: ["Harbour"]) { tags { id } } }`, map[string]any{"id": a.ID}, &tag)
		var col struct{ CreateCollection idOnly }
		s.Must(editor, `mutation { createCollection(input: { name: "Summer campaign" }) { id } }`, nil, &col)
		s.Must(editor, `mutation($id: ID!, $c: ID) { moveAssets(ids: [$id], collectionId: $c) { id } }`, map[string]any{"id": a.ID, "c": col.CreateCollection.ID}, nil)
		s.Must(editor, `mutation($id: ID!) { updateAsset(id: $id, input: { author: "Grace Hopper" }) { id } }`, map[string]any{"id": a.ID}, nil)
		for _, words := range []string{"harbour", "summer campaign", "hopper"} {
			if !found(words) {
				t.Errorf("%q: not found right after the change", words)
			}
		}
		s.Must(editor, `mutation($id: ID!) { renameTag(id: $id, name: "Port") { id } }`, map[string]any{"id": tag.TagAssets[0].Tags[0].ID}, nil)
		s.Must(editor, `mutation($id: ID!) { updateCollection(id: $id, input: { name: "Winter" }) { id } }`, map[string]any{"id": col.CreateCollection.ID}, nil)
		if !found("port winter") || found("harbour") || found("summer") {
			t.Errorf("after renaming the tag and the collection: port winter %v, harbour %v, summer %v", found("port winter"), found("harbour"), found("summer"))
		}
		s.Must(editor, `mutation($id: ID!) { deleteAssets(ids: [$id]) }`, map[string]any{"id": a.ID}, nil)
		if found("port") {
			t.Error("a trashed asset is still found in the library")
		}
		var trash struct{ Assets struct{ Nodes []idOnly } }
		s.Must(editor, `{ assets(filter: { deleted: true, search: "port" }) { nodes { id } } }`, nil, &trash)
		if got := ids(trash.Assets.Nodes); !slices.Equal(got, []string{a.ID}) {
			t.Errorf("search in the trash: %v", got)
		}
		s.Must(editor, `mutation($id: ID!) { purgeAssets(ids: [$id]) }`, map[string]any{"id": a.ID}, nil)
		if n := s.Rows("search_docs"); n != 0 {
			t.Errorf("%d search documents left after the purge", n)
		}
	})
}

// The search expression of the query argument, its errors and the filters it adds.
func TestSearchExpressionAndNewFilters(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		editor, delivery := s.Token("EDITOR"), s.Token("DELIVERY")
		photo := s.MustUpload(editor, map[string]any{"status": "PUBLIC", "tags": []string{"Brand"}}, apptest.Fixture(t, "photo-12mp.jpg"))[0]
		draft := s.MustUpload(editor, map[string]any{"tags": []string{"Brand", "draft"}}, apptest.Fixture(t, "rotated-orientation-6.jpg"))[0]
		clip := s.MustUpload(editor, nil, apptest.Fixture(t, "clip.mp4"))[0]
		list := func(token, query string, filter map[string]any) apptest.Response {
			return s.Query(token, `query($q: String, $f: AssetFilter) { assets(query: $q, filter: $f) { nodes { id } } }`,
				map[string]any{"q": query, "f": filter})
		}
		got := func(token, query string, filter map[string]any) []string {
			t.Helper()
			var out struct{ Assets struct{ Nodes []idOnly } }
			list(token, query, filter).Decode(t, &out)
			return ids(out.Assets.Nodes)
		}
		for _, c := range []struct {
			query  string
			filter map[string]any
			want   []string
		}{
			{`kind:image tag:brand width>1000 created>2026-01-01 "duomo" -draft`, nil, []string{photo.ID}},
			{`kind:image tag:brand width>1000 created<2020-01-01 "duomo" -draft`, nil, nil},
			{`tag:brand -tag:draft`, nil, []string{photo.ID}},
			{`tag:brand`, map[string]any{"orientation": map[string]any{"eq": "PORTRAIT"}}, []string{draft.ID}},
			{`aspect:landscape year:2024`, nil, []string{photo.ID}},
			{`aspect:portrait`, nil, []string{draft.ID}},
			{`duration>0.5 kind:video`, nil, []string{clip.ID}},
			{`size>1m`, nil, []string{photo.ID}},
			{`title:"duomo at"`, nil, []string{photo.ID}},
		} {
			if ids := got(editor, c.query, c.filter); !sameSet(ids, c.want) {
				t.Errorf("query %q: %v, want %v", c.query, ids, c.want)
			}
		}
		for _, c := range []struct {
			query, column string
		}{
			{"kind:image widht>5", "column 12"},
			{"width>abc", "column 7"},
			{"kind:picture", "column 6"},
			{"-width>5", "column 1"},
			{"width>", "column 7"},
		} {
			r := list(editor, c.query, nil)
			wantCode(t, "query "+c.query, r, "VALIDATION_FAILED", "query")
			if r.Code() == "VALIDATION_FAILED" && !strings.HasPrefix(r.Errors[0].Message, c.column+":") {
				t.Errorf("query %q: message %q, want it to begin with %q", c.query, r.Errors[0].Message, c.column)
			}
		}

		// The filters of the field table: duration, year, class of shape, and the creator for management.
		var me struct{ Asset struct{ CreatedBy idOnly } }
		s.Must(editor, `query($id: ID!) { asset(id: $id) { createdBy { id } } }`, map[string]any{"id": photo.ID}, &me)
		for name, c := range map[string]struct {
			filter map[string]any
			want   []string
		}{
			"duration":         {map[string]any{"duration": map[string]any{"gt": 0}}, []string{clip.ID}},
			"year":             {map[string]any{"year": map[string]any{"eq": 2024}}, []string{photo.ID}},
			"year unknown":     {map[string]any{"year": map[string]any{"exists": false}}, []string{draft.ID, clip.ID}},
			"panorama":         {map[string]any{"aspectRatioBucket": map[string]any{"eq": "PANORAMA"}}, nil},
			"shape in":         {map[string]any{"aspectRatioBucket": map[string]any{"in": []string{"PORTRAIT", "LANDSCAPE"}}}, []string{photo.ID, draft.ID, clip.ID}},
			"created by":       {map[string]any{"createdBy": map[string]any{"in": []string{me.Asset.CreatedBy.ID}}}, []string{photo.ID, draft.ID, clip.ID}},
			"not created by":   {map[string]any{"createdBy": map[string]any{"notIn": []string{me.Asset.CreatedBy.ID}}}, nil},
			"original by name": {map[string]any{"originalFilename": map[string]any{"matches": "ROTATED"}}, []string{draft.ID}},
		} {
			if ids := got(editor, "", c.filter); !sameSet(ids, c.want) {
				t.Errorf("%s: %v, want %v", name, ids, c.want)
			}
		}
		wantCode(t, "delivery by creator", list(delivery, "", map[string]any{"createdBy": map[string]any{"in": []string{"tok_x"}}}), "FORBIDDEN", "filter.createdBy")
		wantCode(t, "delivery by notes in a query", list(delivery, "notes:x", nil), "FORBIDDEN", "filter.AND[0].notes")
	})
}
