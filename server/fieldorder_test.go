package server_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// assets(orderByMetadata:) orders by a field's typed value in either direction, the assets without a
// value last, and its keyset cursors walk the same order forward and backward, page by page.
func TestOrderByMetadata(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		editor := s.Token("EDITOR")
		for _, in := range []map[string]any{
			{"key": "rating", "type": "NUMBER"}, {"key": "shot_on", "type": "DATE"}, {"key": "credit", "type": "TEXT"},
			{"key": "approved", "type": "BOOLEAN"}, {"key": "caption", "type": "TEXT", "localized": true},
			{"key": "topics", "type": "MULTI_SELECT", "options": []string{"a", "b"}},
		} {
			s.Must(s.Admin, `mutation($in: CreateMetadataFieldInput!) { createMetadataField(input: $in) { id } }`, map[string]any{"in": in}, nil)
		}
		up := s.MustUpload(editor, nil, apptest.Fixture(t, "alpha.png"), apptest.Fixture(t, "focal-red-square.png"),
			apptest.Fixture(t, "anim.gif"), apptest.Fixture(t, "cmyk.jpg"), apptest.Fixture(t, "photo.webp"), apptest.Fixture(t, "tiff-image.tiff"))
		var all []string
		for _, a := range up {
			all = append(all, a.ID)
		}
		// Values with ties (10 twice, "b" twice, true twice) and two assets without any.
		values := map[string][]any{
			"rating":   {10, 2.5, 10, -1},
			"shot_on":  {"2026-03-01", "2025-12-31", "2026-03-02", "2024-01-01"},
			"credit":   {"b", "a", "b", "c"},
			"approved": {true, false, true, false},
		}
		for key, vs := range values {
			for i, v := range vs {
				s.Must(editor, `mutation($ids: [ID!]!, $m: [MetadataValueInput!]) { updateAssets(ids: $ids, input: { metadata: $m }) { id } }`,
					map[string]any{"ids": []string{all[i]}, "m": []map[string]any{{"key": key, "value": v}}}, nil)
			}
		}
		s.Must(editor, `mutation($ids: [ID!]!, $m: [MetadataValueInput!]) { updateAssets(ids: $ids, input: { metadata: $m }) { id } }`,
			map[string]any{"ids": []string{all[5]}, "m": []map[string]any{{"key": "caption", "value": "z", "locale": "it"}}}, nil)

		for key, vs := range values {
			for _, desc := range []bool{false, true} {
				want := fieldOrderOf(all, vs, desc)
				order := map[string]any{"key": key, "direction": map[bool]string{false: "ASC", true: "DESC"}[desc]}
				if got := walkFieldOrder(t, s, editor, order, true); !slices.Equal(got, want) {
					t.Errorf("%v forward: %v, want %v", order, got, want)
				}
				if got := walkFieldOrder(t, s, editor, order, false); !slices.Equal(got, want) {
					t.Errorf("%v backward: %v, want %v", order, got, want)
				}
			}
		}
		// A localized field orders by the values of the locale asked for.
		if got := walkFieldOrder(t, s, editor, map[string]any{"key": "caption", "locale": "it"}, true); got[0] != all[5] {
			t.Errorf("caption in it: %v, want %s first", got, all[5])
		}
		if got := walkFieldOrder(t, s, editor, map[string]any{"key": "caption", "direction": "DESC"}, true); got[len(got)-1] == all[5] {
			t.Errorf("caption in the default locale has no values, so the order is by id only: %v", got)
		}

		for _, c := range []struct {
			name, query string
			field       string
		}{
			{"unknown key", `{ assets(orderByMetadata: { key: "nope" }) { nodes { id } } }`, "orderByMetadata.key"},
			{"multi select", `{ assets(orderByMetadata: { key: "topics" }) { nodes { id } } }`, "orderByMetadata.key"},
			{"with relevance", `{ assets(filter: { search: "x" }, orderBy: RELEVANCE, orderByMetadata: { key: "rating" }) { nodes { id } } }`, "orderByMetadata"},
			{"cursor of another order", `{ assets(orderByMetadata: { key: "rating" }, after: "` + cursorOf(t, s, editor) + `") { nodes { id } } }`, "after"},
		} {
			res := s.Query(editor, c.query, nil)
			if res.Code() != "VALIDATION_FAILED" || res.Errors[0].Extensions["field"] != c.field {
				t.Errorf("%s: %+v, want VALIDATION_FAILED on %s", c.name, res.Errors, c.field)
			}
		}
	})
}

// fieldOrderOf is the order of ids by their values (nil past the end of vs), missing values last,
// ties by id in the same direction.
func fieldOrderOf(ids []string, vs []any, desc bool) []string {
	type row struct {
		id  string
		v   any
		has bool
	}
	var rows []row
	for i, id := range ids {
		if i < len(vs) {
			rows = append(rows, row{id, vs[i], true})
		} else {
			rows = append(rows, row{id: id})
		}
	}
	slices.SortFunc(rows, func(a, b row) int {
		if a.has != b.has {
			if a.has {
				return -1
			}
			return 1
		}
		c := compareValues(a.v, b.v)
		if c == 0 {
			c = strings.Compare(a.id, b.id)
		}
		if desc {
			return -c
		}
		return c
	})
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.id
	}
	return out
}

func compareValues(a, b any) int {
	switch a := a.(type) {
	case int:
		return compareFloat(float64(a), b)
	case float64:
		return compareFloat(a, b)
	case string:
		return strings.Compare(a, b.(string))
	case bool:
		bb := b.(bool)
		switch {
		case a == bb:
			return 0
		case !a:
			return -1
		}
		return 1
	}
	return 0
}

func compareFloat(a float64, b any) int {
	f, ok := b.(float64)
	if !ok {
		f = float64(b.(int))
	}
	switch {
	case a < f:
		return -1
	case a > f:
		return 1
	}
	return 0
}

// walkFieldOrder reads every asset in the order two at a time, forward from the start or backward from the end.
func walkFieldOrder(t *testing.T, s *apptest.Server, token string, order map[string]any, forward bool) []string {
	t.Helper()
	const q = `query($o: MetadataOrder, $first: Int, $after: String, $last: Int, $before: String) {
		assets(orderByMetadata: $o, first: $first, after: $after, last: $last, before: $before) {
			nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`
	var got []string
	vars := map[string]any{"o": order}
	for range 10 {
		if forward {
			vars["first"] = 2
		} else {
			vars["last"] = 2
		}
		var out struct {
			Assets struct {
				Nodes    []idOnly
				PageInfo struct {
					HasNextPage, HasPreviousPage bool
					StartCursor, EndCursor       string
				}
			}
		}
		s.Must(token, q, vars, &out)
		p := out.Assets.PageInfo
		if forward {
			got = append(got, ids(out.Assets.Nodes)...)
			if !p.HasNextPage {
				return got
			}
			vars["after"] = p.EndCursor
		} else {
			got = append(ids(out.Assets.Nodes), got...)
			if !p.HasPreviousPage {
				return got
			}
			vars["before"] = p.StartCursor
		}
	}
	t.Fatalf("%v: no end after 10 pages: %v", order, got)
	return nil
}

// cursorOf is a cursor of the default ordering, which an ordering by a field must refuse.
func cursorOf(t *testing.T, s *apptest.Server, token string) string {
	t.Helper()
	var out struct {
		Assets struct{ PageInfo struct{ EndCursor string } }
	}
	s.Must(token, `{ assets(first: 1) { pageInfo { endCursor } } }`, nil, &out)
	return out.Assets.PageInfo.EndCursor
}
