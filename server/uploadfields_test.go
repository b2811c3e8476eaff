package server_test

import (
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// An upload that supplies metadata values must supply every required field (without a default), is
// refused naming the key otherwise, with no asset made; one supplying none is let through, and its
// asset is reported as missing the value.
func TestUploadRequiredMetadata(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		editor := s.Token("EDITOR")
		for _, in := range []map[string]any{
			{"key": "code", "type": "TEXT", "required": true},
			{"key": "channel", "type": "SELECT", "options": []string{"web", "print"}, "default": "web", "required": true},
			{"key": "rating", "type": "NUMBER", "validation": map[string]any{"max": 5}},
		} {
			s.Must(s.Admin, `mutation($in: CreateMetadataFieldInput!) { createMetadataField(input: $in) { id } }`, map[string]any{"in": in}, nil)
		}
		for _, c := range []struct {
			name  string
			meta  []map[string]any
			field string
		}{
			{"required missing", []map[string]any{{"key": "rating", "value": 3}}, "input.metadata.code"},
			{"required null", []map[string]any{{"key": "code", "value": nil}}, "input.metadata.code"},
			{"bad value", []map[string]any{{"key": "code", "value": "X"}, {"key": "rating", "value": 9}}, "input.metadata.rating"},
			{"unknown key", []map[string]any{{"key": "code", "value": "X"}, {"key": "nope", "value": 1}}, "input.metadata.nope"},
		} {
			res := s.Upload(editor, map[string]any{"metadata": c.meta}, apptest.Fixture(t, "alpha.png"))
			if res.Code() != "VALIDATION_FAILED" || res.Errors[0].Extensions["field"] != c.field {
				t.Errorf("%s: %+v, want VALIDATION_FAILED on %s", c.name, res.Errors, c.field)
			}
		}
		if n := s.Rows("assets"); n != 0 {
			t.Fatalf("refused uploads left %d assets", n)
		}

		done := s.MustUpload(editor, map[string]any{"metadata": []map[string]any{{"key": "code", "value": "A1"}, {"key": "rating", "value": 4}}}, apptest.Fixture(t, "alpha.png"))
		var got struct {
			Asset struct{ Code, Channel, Rating any }
		}
		s.Must(editor, `query($id: ID!) { asset(id: $id) { code: metadataValue(key: "code") channel: metadataValue(key: "channel") rating: metadataValue(key: "rating") } }`,
			map[string]any{"id": done[0].ID}, &got)
		if got.Asset.Code != "A1" || got.Asset.Channel != "web" || got.Asset.Rating != 4.0 {
			t.Errorf("stored values: %+v", got.Asset)
		}

		// A preset's values count as the upload's: they fill what the input leaves out, and a preset
		// lacking a required field makes its uploads give it.
		createUploadPreset(t, s, map[string]any{"name": "coded", "metadata": []map[string]any{{"key": "code", "value": "P1"}}})
		createUploadPreset(t, s, map[string]any{"name": "rated", "metadata": []map[string]any{{"key": "rating", "value": 2}}})
		res := s.Query(s.Admin, `mutation($in: UploadPresetInput!) { createUploadPreset(input: $in) { id } }`,
			map[string]any{"in": map[string]any{"name": "bad", "metadata": []map[string]any{{"key": "rating", "value": 9}}}})
		if res.Code() != "VALIDATION_FAILED" || res.Errors[0].Extensions["field"] != "input.metadata.rating" {
			t.Errorf("preset with a bad value: %+v", res.Errors)
		}
		if res := s.Upload(editor, map[string]any{"preset": "rated"}, apptest.Fixture(t, "alpha.png")); res.Code() != "VALIDATION_FAILED" ||
			res.Errors[0].Extensions["field"] != "input.metadata.code" {
			t.Errorf("upload through a preset lacking a required field: %+v", res.Errors)
		}
		viaPreset := s.MustUpload(editor, map[string]any{"preset": "coded", "metadata": []map[string]any{{"key": "rating", "value": 1}}}, apptest.Fixture(t, "cmyk.jpg"))
		s.Must(editor, `query($id: ID!) { asset(id: $id) { code: metadataValue(key: "code") channel: metadataValue(key: "channel") rating: metadataValue(key: "rating") } }`,
			map[string]any{"id": viaPreset[0].ID}, &got)
		if got.Asset.Code != "P1" || got.Asset.Rating != 1.0 {
			t.Errorf("values through the preset: %+v", got.Asset)
		}
		var preset struct {
			UploadPresets []struct {
				Name     string
				Metadata []struct {
					Key   string
					Value any
				}
			}
		}
		s.Must(s.Admin, `{ uploadPresets { name metadata { key value } } }`, nil, &preset)
		for _, p := range preset.UploadPresets {
			if p.Name == "coded" && (len(p.Metadata) != 1 || p.Metadata[0].Key != "code" || p.Metadata[0].Value != "P1") {
				t.Errorf("preset reads back %+v", p.Metadata)
			}
		}

		bare := s.MustUpload(editor, nil, apptest.Fixture(t, "focal-red-square.png"))
		var missing struct{ Assets struct{ Nodes []idOnly } }
		s.Must(editor, `{ assets(filter: { missingRequiredMetadata: true }) { nodes { id } } }`, nil, &missing)
		if got := ids(missing.Assets.Nodes); len(got) != 1 || got[0] != bare[0].ID {
			t.Errorf("missing required: %v, want only %s", got, bare[0].ID)
		}
	})
}
