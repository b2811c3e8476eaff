package imaging

import (
	"testing"

	"github.com/davidbyttow/govips/v2/vips"
)

// TestStillWebPHeader checks the Go reading of a still WebP's header against libvips' on lossy,
// lossless, alpha and EXIF-rotated files, and that an animation and a damaged file are left to
// libvips.
func TestStillWebPHeader(t *testing.T) {
	t.Parallel()
	start()
	webp := func(t *testing.T, src []byte, p vips.WebpExportParams, alpha bool) []byte {
		t.Helper()
		img, err := vips.LoadImageFromBuffer(src, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer img.Close()
		if alpha && !img.HasAlpha() {
			if err := img.AddAlpha(); err != nil {
				t.Fatal(err)
			}
		}
		out, _, err := img.ExportWebp(&p)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	photo := fixture(t, "photo.webp")
	rotated := fixture(t, "rotated-orientation-6.jpg")
	for _, c := range []struct {
		name string
		buf  []byte
	}{
		{"lossy", photo},
		{"lossy with alpha", webp(t, photo, vips.WebpExportParams{Quality: 80}, true)},
		{"lossless", webp(t, photo, vips.WebpExportParams{Lossless: true}, false)},
		{"lossless with alpha", webp(t, fixture(t, "alpha.png"), vips.WebpExportParams{Lossless: true}, false)},
		{"EXIF orientation 6", webp(t, rotated, vips.WebpExportParams{Quality: 80}, false)},
	} {
		want, err := ReadHeader(c.buf)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got, ok := stillWebPHeader(c.buf)
		if !ok {
			t.Errorf("%s: not read", c.name)
			continue
		}
		if got.Width != want.Width || got.Height != want.Height || got.Orientation != want.Orientation || got.HasAlpha != want.HasAlpha ||
			got.Frames != want.Frames || got.ColorSpace != want.ColorSpace {
			t.Errorf("%s: %d×%d orientation %d alpha %v, %d frame(s), %s; libvips: %d×%d orientation %d alpha %v, %d frame(s), %s", c.name,
				got.Width, got.Height, got.Orientation, got.HasAlpha, got.Frames, got.ColorSpace,
				want.Width, want.Height, want.Orientation, want.HasAlpha, want.Frames, want.ColorSpace)
		}
	}
	if h, _ := ReadHeader(webp(t, rotated, vips.WebpExportParams{Quality: 80}, false)); h.Orientation != 6 {
		t.Errorf("the rotated WebP has orientation %d for libvips, want 6: the case tests nothing", h.Orientation)
	}

	anim := transform(t, fixture(t, "anim.gif"), Spec{Format: WebP, Quality: 75, Animated: true})
	if _, ok := stillWebPHeader(anim); ok {
		t.Error("an animated WebP was read as still")
	}
	if h, err := transformHeader(anim); err != nil || h.Frames != 4 {
		t.Errorf("transformHeader(animated WebP): %d frames (%v), want 4", h.Frames, err)
	}
	if _, ok := stillWebPHeader(photo[:len(photo)/2]); ok {
		t.Error("a truncated WebP was read")
	}
}
