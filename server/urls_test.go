package server_test

import (
	"bytes"
	"encoding/base64"
	"image"
	_ "image/jpeg" // placeholders are JPEG, or PNG with transparency
	_ "image/png"
	"math"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// For what the gate does not transform — a damaged image (videos and PDFs transform from their
// stills) — the API gives no transform URL and no responsive image, and url(params) is the original's
// URL, which answers (as does transformUrl without parameters, the version's original).
func TestURLsOfUntransformableAssetsAnswer(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	editor, delivery := s.Token("EDITOR"), s.Token("DELIVERY")
	for _, name := range []string{"truncated.jpg"} {
		id := upload(t, s, editor, name, map[string]any{"status": "PUBLIC"})
		s.Settle() // its damage is known once its pixels are analyzed
		var out struct {
			Asset struct {
				Plain, Sized    string
				TransformURL    *string
				Versioned       string
				ResponsiveImage *struct{ Src string }
			}
		}
		s.Must(delivery, `query($id: ID!) { asset(id: $id) { plain: url sized: url(params: { w: 200, fm: WEBP })
			transformUrl(params: { w: 200 }) versioned: transformUrl responsiveImage(params: { w: 200 }) { src } } }`, map[string]any{"id": id}, &out)
		a := out.Asset
		if a.TransformURL != nil || a.ResponsiveImage != nil {
			t.Errorf("%s: transformUrl %v, responsiveImage %+v; want both null", name, a.TransformURL, a.ResponsiveImage)
		}
		if a.Sized != a.Plain {
			t.Errorf("%s: url(params) = %s, want the original's %s", name, a.Sized, a.Plain)
		}
		for what, u := range map[string]string{"url(params)": a.Sized, "transformUrl without params": a.Versioned} {
			if f := fetch(t, s, http.MethodGet, strings.TrimPrefix(u, s.URL), "", nil); u == "" || f.Status != http.StatusOK {
				t.Errorf("%s: %s %q answers %d", name, what, u, f.Status)
			}
		}
	}
	r := s.Query(delivery, `query($id: ID!) { asset(id: $id) { url(params: { w: 0 }) } }`, map[string]any{"id": upload(t, s, editor, "clip.mp4", map[string]any{"status": "PUBLIC"})})
	wantCode(t, "a bad parameter on a video", r, "VALIDATION_FAILED", "params.w")
}

// placeholderAspect decodes a data URI placeholder and returns its width over height.
func placeholderAspect(t *testing.T, uri string) float64 {
	t.Helper()
	_, data, ok := strings.Cut(uri, ";base64,")
	raw, err := base64.StdEncoding.DecodeString(data)
	if !ok || err != nil {
		t.Fatalf("placeholder %q is not a base64 data URI: %v", uri, err)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("placeholder does not decode: %v", err)
	}
	return float64(cfg.Width) / float64(cfg.Height)
}

// The placeholder and the background color of a responsive image follow its crop: the placeholder has
// the shape of width/height, and the color is that of the part shown.
func TestResponsivePlaceholderFollowsTheCrop(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	editor := s.Token("EDITOR")
	photo := upload(t, s, editor, "photo.webp", nil) // 1024×768
	square := upload(t, s, editor, "focal-red-square.png", nil)
	s.Settle()
	type responsive struct {
		Width, Height   int
		Base64, BgColor string
	}
	ask := func(id string, params map[string]any) responsive {
		t.Helper()
		var out struct {
			Asset struct{ ResponsiveImage responsive }
		}
		s.Must(editor, `query($id: ID!, $p: ImageParams) { asset(id: $id) { responsiveImage(params: $p) { width height base64 bgColor } } }`,
			map[string]any{"id": id, "p": params}, &out)
		return out.Asset.ResponsiveImage
	}
	for _, params := range []map[string]any{
		{"w": 320, "ar": "16:9"}, {"w": 300, "h": 300, "fit": "CROP"}, {"w": 100, "h": 400, "fit": "CROP"},
		{"ar": "21:9"}, {"w": 400, "h": 100, "fit": "SCALE"}, {"w": 200},
	} {
		r := ask(photo, params)
		want := float64(r.Width) / float64(r.Height)
		if got := placeholderAspect(t, r.Base64); math.Abs(got/want-1) > 0.07 {
			t.Errorf("%v: %d×%d image, placeholder of aspect %.3f, want %.3f", params, r.Width, r.Height, got, want)
		}
	}

	whole := ask(square, map[string]any{"w": 300})
	right := ask(square, map[string]any{"w": 200, "ar": "1:2", "crop": "RIGHT"})
	red, _ := strconv.ParseUint(right.BgColor[1:3], 16, 8)
	green, _ := strconv.ParseUint(right.BgColor[3:5], 16, 8)
	if whole.BgColor != "#ffffff" || red < green+8 {
		t.Errorf("bgColor %s of the whole white image, %s of its right part with the red square; want white, then a red tint", whole.BgColor, right.BgColor)
	}
}
