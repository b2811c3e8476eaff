package server_test

import (
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

type savedFilterOut struct {
	ID      string
	Name    string
	Filter  map[string]any
	OrderBy *string
	Search  *string
	Shared  bool
	Mine    bool
}

// Saved filters round-trip, apply to the asset list beside a filter, stay personal until shared, and
// a stored filter that no longer applies answers a coded error naming it, never INTERNAL.
func TestSavedFilters(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		editor, colleague, delivery := s.Token("EDITOR"), s.Token("EDITOR"), s.Token("DELIVERY")
		up := s.MustUpload(editor, map[string]any{"status": "PUBLIC"}, apptest.Fixture(t, "alpha.png"), apptest.Fixture(t, "focal-red-square.png"), apptest.Fixture(t, "clip.mp4"))
		alpha, square := up[0], up[1]
		private := s.MustUpload(editor, nil, apptest.Fixture(t, "misnamed-jpeg.png"))[0]

		const fields = `id name filter orderBy search shared mine`
		create := func(token string, input map[string]any) apptest.Response {
			return s.Query(token, `mutation($in: CreateSavedFilterInput!) { createSavedFilter(input: $in) { `+fields+` } }`, map[string]any{"in": input})
		}
		var created struct{ CreateSavedFilter savedFilterOut }
		filter := map[string]any{"format": map[string]any{"in": []any{"png", "jpg"}}, "size": map[string]any{"gt": 10}}
		create(editor, map[string]any{"name": " PNG and JPEG ", "filter": filter, "orderBy": "FILENAME_DESC"}).Decode(t, &created)
		sf := created.CreateSavedFilter
		if sf.Name != "PNG and JPEG" || sf.Shared || !sf.Mine || sf.OrderBy == nil || *sf.OrderBy != "FILENAME_DESC" ||
			sf.Filter["format"] == nil || sf.Filter["size"].(map[string]any)["gt"] != float64(10) || len(sf.Filter) != 2 {
			t.Errorf("created %+v", sf)
		}

		list := func(token string, query string, vars map[string]any) ([]string, apptest.Response) {
			t.Helper()
			res := s.Query(token, query, vars)
			var out struct{ Assets struct{ Nodes []idOnly } }
			if len(res.Errors) == 0 {
				res.Decode(t, &out)
			}
			return ids(out.Assets.Nodes), res
		}
		const apply = `query($sf: ID, $f: AssetFilter) { assets(savedFilter: $sf, filter: $f) { nodes { id } } }`
		got, _ := list(editor, apply, map[string]any{"sf": sf.ID})
		if want := []string{private.ID, square.ID, alpha.ID}; strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("saved filter in its order: %v, want %v", got, want)
		}
		got, _ = list(editor, apply, map[string]any{"sf": sf.ID, "f": map[string]any{"status": map[string]any{"eq": "PUBLIC"}}})
		if !sameSet(got, []string{alpha.ID, square.ID}) {
			t.Errorf("saved filter and a filter: %v", got)
		}
		got, _ = list(editor, `query($sf: ID) { assets(savedFilter: $sf, orderBy: FILENAME_ASC) { nodes { id } } }`, map[string]any{"sf": sf.ID})
		if len(got) != 3 || got[0] != alpha.ID {
			t.Errorf("an explicit order wins: %v", got)
		}

		// Personal until shared: the colleague neither lists nor applies it, and may not change it.
		mineOnly := func(token string) []savedFilterOut {
			var out struct{ SavedFilters []savedFilterOut }
			s.Must(token, `{ savedFilters { `+fields+` } }`, nil, &out)
			return out.SavedFilters
		}
		if l := mineOnly(colleague); len(l) != 0 {
			t.Errorf("a colleague lists a personal filter: %+v", l)
		}
		if _, res := list(colleague, apply, map[string]any{"sf": sf.ID}); res.Code() != "NOT_FOUND" {
			t.Errorf("a colleague applies a personal filter: %+v", res.Errors)
		}
		const update = `mutation($id: ID!, $in: UpdateSavedFilterInput!) { updateSavedFilter(id: $id, input: $in) { ` + fields + ` } }`
		var updated struct{ UpdateSavedFilter savedFilterOut }
		s.Must(editor, update, map[string]any{"id": sf.ID, "in": map[string]any{"shared": true, "search": "alpha", "orderBy": nil}}, &updated)
		if u := updated.UpdateSavedFilter; !u.Shared || u.OrderBy != nil || u.Search == nil || u.Name != sf.Name || len(u.Filter) != 2 {
			t.Errorf("updated %+v", u)
		}
		if l := mineOnly(colleague); len(l) != 1 || l[0].Mine {
			t.Errorf("a colleague lists %+v, want the shared filter, not theirs", l)
		}
		if got, _ := list(colleague, apply, map[string]any{"sf": sf.ID}); !sameSet(got, []string{alpha.ID}) {
			t.Errorf("shared filter with its search: %v", got)
		}
		if res := s.Query(colleague, update, map[string]any{"id": sf.ID, "in": map[string]any{"name": "mine now"}}); res.Code() != "FORBIDDEN" {
			t.Errorf("a colleague renames a shared filter: %+v", res.Errors)
		}
		s.Must(s.Admin, update, map[string]any{"id": sf.ID, "in": map[string]any{"name": "Renamed by admin"}}, nil)

		// Delivery tokens neither list nor apply saved filters.
		if res := s.Query(delivery, `{ savedFilters { id } }`, nil); res.Code() != "FORBIDDEN" {
			t.Errorf("delivery lists saved filters: %+v", res.Errors)
		}
		if _, res := list(delivery, apply, map[string]any{"sf": sf.ID}); res.Code() != "FORBIDDEN" || res.Errors[0].Extensions["field"] != "savedFilter" {
			t.Errorf("delivery applies a saved filter: %+v", res.Errors)
		}

		for _, c := range []struct {
			name  string
			input map[string]any
			field string
		}{
			{"blank name", map[string]any{"name": "  "}, "input.name"},
			{"bad color", map[string]any{"name": "x", "filter": map[string]any{"colors": map[string]any{"anyIn": []any{"red"}}}}, "input.filter.colors.anyIn[0]"},
			{"nested trash", map[string]any{"name": "x", "filter": map[string]any{"AND": []any{map[string]any{"deleted": true}}}}, "input.filter.AND[0].deleted"},
			{"long name", map[string]any{"name": strings.Repeat("n", 201)}, "input.name"},
		} {
			if res := create(editor, c.input); res.Code() != "VALIDATION_FAILED" || res.Errors[0].Extensions["field"] != c.field {
				t.Errorf("%s: %+v, want VALIDATION_FAILED on %s", c.name, res.Errors, c.field)
			}
		}

		// A field removed since the filter was saved: a clear error naming the filter and the field.
		if err := s.App.DB.Gorm().Exec(`UPDATE saved_filters SET filter = ? WHERE id = ?`, `{"format":{"eq":"png"},"rating":{"gt":3}}`, sf.ID).Error; err != nil {
			t.Fatal(err)
		}
		_, res := list(editor, apply, map[string]any{"sf": sf.ID})
		if res.Code() != "VALIDATION_FAILED" || res.Errors[0].Extensions["field"] != "savedFilter" ||
			!strings.Contains(res.Errors[0].Message, `"rating"`) || !strings.Contains(res.Errors[0].Message, "Renamed by admin") {
			t.Errorf("stale filter: %+v", res.Errors)
		}

		const del = `mutation($id: ID!) { deleteSavedFilter(id: $id) }`
		s.Must(editor, del, map[string]any{"id": sf.ID}, nil)
		if res := s.Query(editor, del, map[string]any{"id": sf.ID}); res.Code() != "NOT_FOUND" {
			t.Errorf("deleted twice: %+v", res.Errors)
		}
		if l := mineOnly(editor); len(l) != 0 {
			t.Errorf("after delete: %+v", l)
		}
	})
}
