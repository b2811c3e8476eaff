package server_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

const presetFields = `{ id name query eager }`

type presetOut struct {
	ID, Name, Query string
	Eager           bool
}

// createPreset creates a transform preset through the admin token.
func createPreset(t *testing.T, s *apptest.Server, name string, params map[string]any, eager bool) presetOut {
	t.Helper()
	var out struct{ CreateTransformPreset presetOut }
	s.Must(s.Admin, `mutation($in: CreateTransformPresetInput!) { createTransformPreset(input: $in) `+presetFields+` }`,
		map[string]any{"in": map[string]any{"name": name, "params": params, "eager": eager}}, &out)
	return out.CreateTransformPreset
}

// presetURL asks the API for transformUrl(preset:) of an asset, relative to the server.
func presetURL(t *testing.T, s *apptest.Server, token, id, preset string) string {
	t.Helper()
	var out struct{ Asset struct{ TransformURL string } }
	s.Must(token, `query($id: ID!, $p: String) { asset(id: $id) { transformUrl(preset: $p) } }`, map[string]any{"id": id, "p": preset}, &out)
	return strings.TrimPrefix(out.Asset.TransformURL, s.URL)
}

// Under a signing key a preset URL opens unsigned, with exactly the preset's transform, while the
// same parameters written out still need a signature; a preset never opens what the caller may not
// see, takes no parameter of its own, and an unknown one is NOT_FOUND.
func TestTransformPresetsUnsignedUnderASigningKey(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t, func(c *config.Config) { c.SigningKey = "a key the operator chose" })
		editor := s.Token("EDITOR")
		card := createPreset(t, s, "card", map[string]any{"w": 40, "h": 30, "fit": "CROP", "fm": "PNG"}, false)
		if card.Query != "fit=crop&fm=png&h=30&w=40" || card.Eager || !strings.HasPrefix(card.ID, "tpr_") {
			t.Errorf("created %+v", card)
		}
		id := upload(t, s, editor, "alpha.png", map[string]any{"status": "PUBLIC"})
		private := upload(t, s, editor, "focal-red-square.png", nil)

		path := presetURL(t, s, editor, id, "card")
		if want := fmt.Sprintf("/media/v/%s/1/alpha.png?preset=card", id); path != want {
			t.Fatalf("transformUrl(preset: card) = %s, want %s (unsigned)", path, want)
		}
		img, _ := decoded(t, s, path, nil)
		if b := img.Bounds(); b.Dx() != 40 || b.Dy() != 30 {
			t.Errorf("preset card: %dx%d, want 40x30", b.Dx(), b.Dy())
		}
		gate := fmt.Sprintf("/media/asset/%s/alpha.png?", id)
		if f := fetch(t, s, http.MethodGet, gate+"preset=card", "", nil); f.Status != http.StatusOK {
			t.Errorf("gate ?preset=card: HTTP %d %s", f.Status, f.Body)
		}
		wantGateError(t, "the preset's parameters unsigned", fetch(t, s, http.MethodGet, gate+card.Query, "", nil), http.StatusForbidden, "FORBIDDEN")
		wantGateError(t, "a preset with a parameter of its own", fetch(t, s, http.MethodGet, gate+"preset=card&w=640", "", nil), http.StatusBadRequest, "VALIDATION_FAILED")
		wantGateError(t, "an unknown preset", fetch(t, s, http.MethodGet, gate+"preset=nope", "", nil), http.StatusNotFound, "NOT_FOUND")
		wantGateError(t, "a preset name that is no slug", fetch(t, s, http.MethodGet, gate+"preset=..%2Fx", "", nil), http.StatusBadRequest, "VALIDATION_FAILED")
		wantGateError(t, "a preset of a PRIVATE asset", fetch(t, s, http.MethodGet, fmt.Sprintf("/media/asset/%s?preset=card", private), "", nil), http.StatusForbidden, "ASSET_ACCESS_DENIED")

		q := `query($id: ID!, $p: String, $params: ImageParams) { asset(id: $id) { transformUrl(preset: $p, params: $params) } }`
		for what, c := range map[string]struct {
			vars        map[string]any
			code, field string
		}{
			"unknown preset":    {map[string]any{"id": id, "p": "nope"}, "NOT_FOUND", "preset"},
			"preset and params": {map[string]any{"id": id, "p": "card", "params": map[string]any{"w": 10}}, "VALIDATION_FAILED", "preset"},
		} {
			res := s.Query(editor, q, c.vars)
			if res.Code() != c.code || res.Errors[0].Extensions["field"] != c.field {
				t.Errorf("%s: %+v, want %s on %s", what, res.Errors, c.code, c.field)
			}
		}

		// Changing the preset changes what its URLs serve; deleting it makes them NOT_FOUND.
		var upd struct{ UpdateTransformPreset presetOut }
		s.Must(s.Admin, `mutation($id: ID!) { updateTransformPreset(id: $id, input: { params: { w: 20, h: 10, fit: CROP, fm: PNG } }) `+presetFields+` }`, map[string]any{"id": card.ID}, &upd)
		if img, _ := decoded(t, s, gate+"preset=card", nil); img.Bounds().Dx() != 20 || img.Bounds().Dy() != 10 {
			t.Errorf("after the update: %v, want 20x10", img.Bounds())
		}
		s.Must(s.Admin, `mutation($id: ID!) { deleteTransformPreset(id: $id) { id } }`, map[string]any{"id": card.ID}, nil)
		wantGateError(t, "a deleted preset", fetch(t, s, http.MethodGet, gate+"preset=card", "", nil), http.StatusNotFound, "NOT_FOUND")
	})
}

// Only ADMIN writes presets; names are slugs and unique; params are checked as the gate's.
func TestTransformPresetRules(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	editor := s.Token("EDITOR")
	create := `mutation($in: CreateTransformPresetInput!) { createTransformPreset(input: $in) { id } }`
	ok := map[string]any{"name": "thumb", "params": map[string]any{"w": 64}}
	if code := s.Query(editor, create, map[string]any{"in": ok}).Code(); code != "FORBIDDEN" {
		t.Errorf("an EDITOR creates a preset: %s, want FORBIDDEN", code)
	}
	s.Must(s.Admin, create, map[string]any{"in": ok}, nil)
	for what, c := range map[string]struct {
		in          map[string]any
		code, field string
	}{
		"a taken name":       {ok, "CONFLICT", "input.name"},
		"capitals":           {map[string]any{"name": "Card", "params": map[string]any{"w": 64}}, "VALIDATION_FAILED", "input.name"},
		"a slash":            {map[string]any{"name": "a/b", "params": map[string]any{"w": 64}}, "VALIDATION_FAILED", "input.name"},
		"no parameter":       {map[string]any{"name": "none", "params": map[string]any{}}, "VALIDATION_FAILED", "input.params"},
		"a width too large":  {map[string]any{"name": "huge", "params": map[string]any{"w": 100000}}, "VALIDATION_FAILED", "input.params.w"},
		"a bad aspect ratio": {map[string]any{"name": "odd", "params": map[string]any{"ar": "x"}}, "VALIDATION_FAILED", "input.params.ar"},
	} {
		res := s.Query(s.Admin, create, map[string]any{"in": c.in})
		if res.Code() != c.code || res.Errors[0].Extensions["field"] != c.field {
			t.Errorf("%s: %+v, want %s on %s", what, res.Errors, c.code, c.field)
		}
	}
	var list struct{ TransformPresets []presetOut }
	s.Must(editor, `{ transformPresets `+presetFields+` }`, nil, &list)
	if len(list.TransformPresets) != 1 || list.TransformPresets[0].Query != "w=64" {
		t.Errorf("transformPresets: %+v", list.TransformPresets)
	}
	if code := s.Query(s.Token("DELIVERY"), `{ transformPresets { id } }`, nil).Code(); code != "FORBIDDEN" {
		t.Errorf("a DELIVERY token lists presets: %s", code)
	}
}

// An eager preset is made by a job when an image is created and when it is replaced, so that its
// result is in the store before anyone asks; the gate then serves the stored result.
func TestEagerPresetStoredBeforeAnyRequest(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		editor := s.Token("EDITOR")
		createPreset(t, s, "hero", map[string]any{"w": 32, "fm": "WEBP"}, true)
		createPreset(t, s, "lazy", map[string]any{"w": 48}, false)
		id := upload(t, s, editor, "alpha.png", map[string]any{"status": "PUBLIC"})
		waitForDerivatives(t, s, id, 1, 1)

		before := scrape(t, s.URL, s.Admin)
		f := fetch(t, s, http.MethodGet, fmt.Sprintf("/media/asset/%s?preset=hero", id), "", nil)
		if f.Status != http.StatusOK || f.Header.Get("Content-Type") != "image/webp" {
			t.Fatalf("?preset=hero: HTTP %d %s", f.Status, f.Header.Get("Content-Type"))
		}
		after := scrape(t, s.URL, s.Admin)
		for result, want := range map[string]float64{"hit": 1, "miss": 0} {
			labels := map[string]string{"result": result}
			if got := value(after, "mediagraph_derived_cache_lookups_total", labels) - value(before, "mediagraph_derived_cache_lookups_total", labels); got != want {
				t.Errorf("the first request of the eager preset: %v stored-result lookups %s, want %v", got, result, want)
			}
		}

		replace := `mutation($id: ID!, $file: Upload!) { replaceAsset(id: $id, file: $file) { version } }`
		if res := s.Multipart(editor, replace, map[string]any{"id": id, "file": nil}, []string{"variables.file"}, apptest.Fixture(t, "focal-red-square.png")); len(res.Errors) > 0 {
			t.Fatalf("replace: %+v", res.Errors)
		}
		waitForDerivatives(t, s, id, 2, 1)
	})
}

// waitForDerivatives waits until version of asset id has want results, recorded and in the store.
func waitForDerivatives(t *testing.T, s *apptest.Server, id string, version, want int) {
	t.Helper()
	waitFor(t, fmt.Sprintf("%d stored results of %s version %d", want, id, version), func() bool {
		keys := derivativeKeys(t, s, id, version)
		for _, k := range keys {
			o, err := s.App.Store().Open(context.Background(), k)
			if err != nil {
				return false
			}
			o.Close()
		}
		return len(keys) >= want
	})
}

func derivativeKeys(t *testing.T, s *apptest.Server, id string, version int) []string {
	t.Helper()
	var keys []string
	err := s.App.DB.Gorm().Table("derivatives").Where("asset_id = ? AND version = ?", id, version).Pluck("object_key", &keys).Error
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

// The gate takes format= for fm, as S3-backed CMSs name it, but not both at once.
func TestFormatAlias(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	id := upload(t, s, s.Token("EDITOR"), "alpha.png", map[string]any{"status": "PUBLIC"})
	for _, fm := range []string{"webp", "jpeg", "png"} {
		f := fetch(t, s, http.MethodGet, fmt.Sprintf("/media/asset/%s?w=16&format=%s", id, fm), "", nil)
		if want := "image/" + fm; f.Status != http.StatusOK || f.Header.Get("Content-Type") != want {
			t.Errorf("format=%s: HTTP %d %s, want %s", fm, f.Status, f.Header.Get("Content-Type"), want)
		}
	}
	wantGateError(t, "fm and format", fetch(t, s, http.MethodGet, fmt.Sprintf("/media/asset/%s?w=16&fm=png&format=webp", id), "", nil), http.StatusBadRequest, "VALIDATION_FAILED")
}
