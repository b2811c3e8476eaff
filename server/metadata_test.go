package server_test

import (
	"fmt"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// Structured metadata fields: an ADMIN defines them, editors fill them with validated values of every
// type (bad ones refused naming the key), filters compare NUMBER and DATE values as numbers and
// dates, a type change converts every value or is refused, and delivery tokens read values but not
// definitions.
func TestMetadataFields(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		editor, delivery := s.Token("EDITOR"), s.Token("DELIVERY")
		const createField = `mutation($in: CreateMetadataFieldInput!) { createMetadataField(input: $in) { id key type options required default localized label(locale: "it") } }`
		fieldIDs := map[string]string{}
		for _, in := range []map[string]any{
			{"key": "credit", "type": "TEXT", "validation": map[string]any{"pattern": "^[A-Z]", "max": 20}},
			{"key": "rating", "type": "NUMBER", "validation": map[string]any{"min": 0, "max": 100}},
			{"key": "shot_on", "type": "DATE"},
			{"key": "approved", "type": "BOOLEAN"},
			{"key": "channel", "type": "SELECT", "options": []string{"web", "print"}, "default": "web", "label": []any{map[string]any{"locale": "it", "text": "Canale"}}},
			{"key": "topics", "type": "MULTI_SELECT", "options": []string{"food", "travel", "art"}},
			{"key": "caption", "type": "TEXT", "localized": true},
			{"key": "code", "type": "TEXT", "required": true},
		} {
			var out struct {
				CreateMetadataField struct{ ID, Key, Label string }
			}
			s.Must(s.Admin, createField, map[string]any{"in": in}, &out)
			fieldIDs[out.CreateMetadataField.Key] = out.CreateMetadataField.ID
			if in["key"] == "channel" && out.CreateMetadataField.Label != "Canale" {
				t.Errorf("label in it: %q", out.CreateMetadataField.Label)
			}
		}
		for _, c := range []struct {
			name, token string
			in          map[string]any
			code, field string
		}{
			{"editor defines", editor, map[string]any{"key": "x", "type": "TEXT"}, "FORBIDDEN", ""},
			{"taken key", s.Admin, map[string]any{"key": "rating", "type": "TEXT"}, "CONFLICT", "input.key"},
			{"bad key", s.Admin, map[string]any{"key": "Bad Key", "type": "TEXT"}, "VALIDATION_FAILED", "input.key"},
			{"select without options", s.Admin, map[string]any{"key": "s", "type": "SELECT"}, "VALIDATION_FAILED", "input.options"},
			{"default not an option", s.Admin, map[string]any{"key": "s", "type": "SELECT", "options": []string{"a"}, "default": "b"}, "VALIDATION_FAILED", "input.default"},
			{"bad pattern", s.Admin, map[string]any{"key": "p", "type": "TEXT", "validation": map[string]any{"pattern": "("}}, "VALIDATION_FAILED", "input.validation.pattern"},
		} {
			res := s.Query(c.token, createField, map[string]any{"in": c.in})
			if res.Code() != c.code || (c.field != "" && res.Errors[0].Extensions["field"] != c.field) {
				t.Errorf("%s: %+v, want %s on %s", c.name, res.Errors, c.code, c.field)
			}
		}

		up := s.MustUpload(editor, map[string]any{"status": "PUBLIC"}, apptest.Fixture(t, "alpha.png"), apptest.Fixture(t, "focal-red-square.png"), apptest.Fixture(t, "clip.mp4"))
		a, b, c := up[0].ID, up[1].ID, up[2].ID
		const update = `mutation($ids: [ID!]!, $m: [MetadataValueInput!]) { updateAssets(ids: $ids, input: { metadata: $m }) { id } }`
		set := func(ids []string, m ...map[string]any) {
			t.Helper()
			s.Must(editor, update, map[string]any{"ids": ids, "m": m}, nil)
		}
		set([]string{a, b}, map[string]any{"key": "topics", "value": []string{"food", "art"}}, map[string]any{"key": "approved", "value": true},
			map[string]any{"key": "credit", "value": "Acme"}, map[string]any{"key": "code", "value": "X1"})
		set([]string{a}, map[string]any{"key": "rating", "value": 4.5}, map[string]any{"key": "shot_on", "value": "2026-03-01"},
			map[string]any{"key": "caption", "value": "Ciao", "locale": "it"}, map[string]any{"key": "channel", "value": "print"})
		set([]string{b}, map[string]any{"key": "rating", "value": 10}, map[string]any{"key": "shot_on", "value": "2025-12-31"},
			map[string]any{"key": "topics", "value": []string{"travel"}})

		for _, bad := range []struct {
			key   string
			value any
		}{
			{"rating", "abc"}, {"rating", 101}, {"shot_on", "yesterday"}, {"channel", "tv"}, {"topics", []string{"x"}},
			{"approved", "maybe"}, {"credit", "lower case"}, {"code", nil}, {"nope", 1},
		} {
			res := s.Query(editor, update, map[string]any{"ids": []string{c}, "m": []map[string]any{{"key": bad.key, "value": bad.value}}})
			if res.Code() != "VALIDATION_FAILED" || res.Errors[0].Extensions["field"] != "metadata."+bad.key {
				t.Errorf("%s = %v: %+v, want VALIDATION_FAILED on metadata.%s", bad.key, bad.value, res.Errors, bad.key)
			}
		}

		type valueOut struct {
			Field  struct{ Key string }
			Value  any
			Locale *string
		}
		var got struct {
			Asset struct {
				Metadata []valueOut
				Rating   any
				Caption  any
			}
		}
		s.Must(delivery, `query($id: ID!) { asset(id: $id, locale: "it") { metadata { field { key } value locale } rating: metadataValue(key: "rating")
			caption: metadataValue(key: "caption") } }`, map[string]any{"id": a}, &got)
		values := map[string]string{}
		for _, v := range got.Asset.Metadata {
			values[v.Field.Key] = fmt.Sprint(v.Value)
		}
		want := map[string]string{"approved": "true", "caption": "Ciao", "channel": "print", "code": "X1", "credit": "Acme",
			"rating": "4.5", "shot_on": "2026-03-01", "topics": "[food art]"}
		if fmt.Sprint(values) != fmt.Sprint(want) || got.Asset.Rating != 4.5 || got.Asset.Caption != "Ciao" {
			t.Errorf("delivery reads %v (rating %v, caption %v), want %v", values, got.Asset.Rating, got.Asset.Caption, want)
		}
		var dflt struct {
			Asset struct{ Channel, Caption any }
		}
		s.Must(editor, `query($id: ID!) { asset(id: $id) { channel: metadataValue(key: "channel") caption: metadataValue(key: "caption") } }`, map[string]any{"id": c}, &dflt)
		if dflt.Asset.Channel != "web" || dflt.Asset.Caption != nil {
			t.Errorf("without values: channel %v (want the default), caption %v", dflt.Asset.Channel, dflt.Asset.Caption)
		}

		find := func(filter ...map[string]any) []string {
			t.Helper()
			var out struct{ Assets struct{ Nodes []idOnly } }
			s.Must(delivery, `query($f: AssetFilter) { assets(filter: $f) { nodes { id } } }`, map[string]any{"f": map[string]any{"metadata": filter}}, &out)
			return ids(out.Assets.Nodes)
		}
		for _, q := range []struct {
			name   string
			filter map[string]any
			want   []string
		}{
			{"numbers compare as numbers", map[string]any{"key": "rating", "gt": 5}, []string{b}},
			{"less than", map[string]any{"key": "rating", "lt": 5}, []string{a}},
			{"dates compare as dates", map[string]any{"key": "shot_on", "lt": "2026-01-01"}, []string{b}},
			{"a date equals", map[string]any{"key": "shot_on", "eq": "2026-03-01"}, []string{a}},
			{"multi-select in", map[string]any{"key": "topics", "in": []string{"art", "nothing"}}, []string{a}},
			{"boolean", map[string]any{"key": "approved", "eq": true}, []string{a, b}},
			{"absent", map[string]any{"key": "rating", "exists": false}, []string{c}},
			{"text matches", map[string]any{"key": "credit", "matches": "acm"}, []string{a, b}},
			{"localized in any locale", map[string]any{"key": "caption", "eq": "Ciao"}, []string{a}},
			{"a number is not text", map[string]any{"key": "credit", "eq": 4.5}, nil},
		} {
			if g := find(q.filter); !sameSet(g, q.want) {
				t.Errorf("%s: %v, want %v", q.name, g, q.want)
			}
		}
		if g := find(map[string]any{"key": "rating", "gt": 1}, map[string]any{"key": "topics", "in": []string{"travel"}}); !sameSet(g, []string{b}) {
			t.Errorf("two conditions: %v", g)
		}

		var facets struct{ AssetFacets facetCounts }
		s.Must(delivery, `query($f: AssetFilter) { assetFacets(filter: $f) { topics: metadata(key: "topics") { value count } } }`,
			map[string]any{"f": map[string]any{"metadata": []any{map[string]any{"key": "topics", "in": []string{"food"}}, map[string]any{"key": "rating", "gt": 5}}}}, &facets)
		if g := facets.AssetFacets.counts("topics"); fmt.Sprint(g) != "[travel:1]" {
			t.Errorf("topics facet ignoring its own condition, rating > 5: %v", g)
		}
		if res := s.Query(editor, `{ assetFacets { metadata(key: "credit") { value } } }`, nil); res.Code() != "VALIDATION_FAILED" || res.Errors[0].Extensions["field"] != "key" {
			t.Errorf("facet of a TEXT field: %+v", res.Errors)
		}
		for missing, want := range map[bool][]string{true: {c}, false: {a, b}} {
			var out struct{ Assets struct{ Nodes []idOnly } }
			s.Must(editor, `query($m: Boolean) { assets(filter: { missingRequiredMetadata: $m }) { nodes { id } } }`, map[string]any{"m": missing}, &out)
			if g := ids(out.Assets.Nodes); !sameSet(g, want) {
				t.Errorf("missingRequiredMetadata %v: %v, want %v", missing, g, want)
			}
		}

		const changeType = `mutation($id: ID!, $t: MetadataFieldType!) { updateMetadataField(id: $id, input: { type: $t }) { type } }`
		if res := s.Query(s.Admin, changeType, map[string]any{"id": fieldIDs["credit"], "t": "NUMBER"}); res.Code() != "VALIDATION_FAILED" || res.Errors[0].Extensions["field"] != "input.type" {
			t.Errorf("TEXT \"Acme\" to NUMBER: %+v", res.Errors)
		}
		s.Must(s.Admin, changeType, map[string]any{"id": fieldIDs["rating"], "t": "TEXT"}, nil)
		if g := find(map[string]any{"key": "rating", "eq": "10"}); !sameSet(g, []string{b}) {
			t.Errorf("rating as TEXT, eq \"10\": %v", g)
		}

		if res := s.Query(delivery, `{ metadataFields { key } }`, nil); res.Code() != "FORBIDDEN" {
			t.Errorf("delivery lists definitions: %+v", res.Errors)
		}
		if res := s.Query(delivery, `query($id: ID!) { asset(id: $id) { metadata { field { options } } } }`, map[string]any{"id": a}); res.Code() != "FORBIDDEN" {
			t.Errorf("delivery reads a field's options: %+v", res.Errors)
		}
		// A delivery response that showed the field's values is not served from the cache once it is gone.
		const topics = `query($id: ID!) { asset(id: $id) { metadataValue(key: "topics") } }`
		var before, after struct{ Asset struct{ MetadataValue any } }
		s.Must(delivery, topics, map[string]any{"id": a}, &before)
		s.Must(s.Admin, `mutation($id: ID!) { deleteMetadataField(id: $id) }`, map[string]any{"id": fieldIDs["topics"]}, nil)
		s.Must(delivery, topics, map[string]any{"id": a}, &after)
		if fmt.Sprint(before.Asset.MetadataValue) != "[food art]" || after.Asset.MetadataValue != nil {
			t.Errorf("topics before and after deleting the field: %v, %v", before.Asset.MetadataValue, after.Asset.MetadataValue)
		}
		if g := find(map[string]any{"key": "topics", "exists": true}); len(g) != 0 {
			t.Errorf("values outlive their field: %v", g)
		}
	})
}
