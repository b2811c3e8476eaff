package imaging

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"testing"

	"github.com/mediagraph/mediagraph/internal/fixtures"
)

// halves is a 40×20 PNG: red on top, blue below, a green column at the left.
func halves(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for y := range 20 {
		for x := range 40 {
			c := color.RGBA{R: 220, G: 40, B: 30, A: 255}
			if y >= 10 {
				c = color.RGBA{R: 30, G: 40, B: 220, A: 255}
			}
			if x < 4 {
				c = color.RGBA{R: 30, G: 200, B: 40, A: 255}
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func editPNG(t *testing.T, src []byte, ops ...EditOp) image.Image {
	t.Helper()
	out, format, err := Edit(src, ops, 90)
	if err != nil {
		t.Fatal(err)
	}
	if format != PNG {
		t.Fatalf("a PNG came out as %v", format)
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func rgb(img image.Image, x, y int) (r, g, b uint8) {
	c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
	return c.R, c.G, c.B
}

func TestEditGeometry(t *testing.T) {
	src := halves(t)
	for name, c := range map[string]struct {
		ops  []EditOp
		w, h int
	}{
		"crop in pixels": {[]EditOp{{Kind: EditCrop, Crop: Rect{X: 5, Y: 2, Width: 30, Height: 15}}}, 30, 15},
		"relative crop":  {[]EditOp{{Kind: EditCrop, Crop: Rect{X: 0.5, Y: 0, Width: 0.5, Height: 0.5, Relative: true}}}, 20, 10},
		"rotate 90":      {[]EditOp{{Kind: EditRotate, Angle: 90}}, 20, 40},
		"rotate -90":     {[]EditOp{{Kind: EditRotate, Angle: -90}}, 20, 40},
		"rotate 180":     {[]EditOp{{Kind: EditRotate, Angle: 180}}, 40, 20},
		"in order":       {[]EditOp{{Kind: EditRotate, Angle: 90}, {Kind: EditCrop, Crop: Rect{Width: 20, Height: 10}}}, 20, 10},
	} {
		img := editPNG(t, src, c.ops...)
		if b := img.Bounds(); b.Dx() != c.w || b.Dy() != c.h {
			t.Errorf("%s: %d×%d, want %d×%d", name, b.Dx(), b.Dy(), c.w, c.h)
		}
	}
	// Straightening keeps the largest upright rectangle of the same shape: no white corner.
	img := editPNG(t, src, EditOp{Kind: EditRotate, Angle: 5})
	b := img.Bounds()
	if b.Dx() >= 40 || b.Dy() >= 20 || b.Dx() < 30 {
		t.Fatalf("straightened by 5°: %d×%d", b.Dx(), b.Dy())
	}
	for _, p := range []image.Point{{0, 0}, {b.Dx() - 1, 0}, {0, b.Dy() - 1}, {b.Dx() - 1, b.Dy() - 1}} {
		if r, g, bl := rgb(img, p.X, p.Y); r > 240 && g > 240 && bl > 240 {
			t.Errorf("straightened corner %v is background white", p)
		}
	}
}

func TestEditFlipAndFlop(t *testing.T) {
	src := halves(t)
	if r, _, b := rgb(editPNG(t, src, EditOp{Kind: EditFlip}), 20, 0); b < r {
		t.Error("flipped, the top is not blue")
	}
	if _, g, _ := rgb(editPNG(t, src, EditOp{Kind: EditFlop}), 39, 5); g < 150 {
		t.Error("flopped, the right edge is not green")
	}
}

func TestEditColours(t *testing.T) {
	src := halves(t)
	one := EditOp{Kind: EditAdjust, Brightness: 1, Contrast: 1, Saturate: 1}
	if r, g, b := rgb(editPNG(t, src, one), 20, 5); r < 200 || g > 60 || b > 50 {
		t.Errorf("factors of 1 changed the red to %d,%d,%d", r, g, b)
	}
	dark := one
	dark.Brightness = 0
	if r, g, b := rgb(editPNG(t, src, dark), 20, 5); r > 5 || g > 5 || b > 5 {
		t.Errorf("brightness 0 left %d,%d,%d", r, g, b)
	}
	grey := one
	grey.Saturate = 0
	if r, g, b := rgb(editPNG(t, src, grey), 20, 5); absDiff(r, g) > 3 || absDiff(g, b) > 3 {
		t.Errorf("saturation 0 left %d,%d,%d", r, g, b)
	}
	flat := one
	flat.Contrast = 0
	if r, g, b := rgb(editPNG(t, src, flat), 20, 5); absDiff(r, 128) > 2 || absDiff(g, 128) > 2 || absDiff(b, 128) > 2 {
		t.Errorf("contrast 0 left %d,%d,%d, want middle grey", r, g, b)
	}
	if r, g, b := rgb(editPNG(t, src, EditOp{Kind: EditGrayscale}), 20, 15); r != g || g != b {
		t.Errorf("grayscale left %d,%d,%d", r, g, b)
	}
	if r, g, b := rgb(editPNG(t, src, EditOp{Kind: EditSepia}), 20, 15); !(r > g && g > b) {
		t.Errorf("sepia gave %d,%d,%d", r, g, b)
	}
}

func absDiff(a, b uint8) uint8 {
	if a > b {
		return a - b
	}
	return b - a
}

// An edit keeps the image's format: a CMYK JPEG comes out a JPEG.
func TestEditKeepsTheFormat(t *testing.T) {
	out, format, err := Edit(fixtures.Read(t, "cmyk.jpg"), []EditOp{{Kind: EditRotate, Angle: 90}}, 85)
	if err != nil || format != JPEG || !bytes.HasPrefix(out, []byte{0xff, 0xd8}) {
		t.Fatalf("format %v, %d bytes, %v", format, len(out), err)
	}
}

func TestEditRefusesBadOperations(t *testing.T) {
	src := halves(t)
	one := EditOp{Kind: EditAdjust, Brightness: 1, Contrast: 1, Saturate: 1}
	tooBright := one
	tooBright.Brightness = 9
	for name, c := range map[string]struct {
		ops   []EditOp
		index int
		field string
	}{
		"crop outside":          {[]EditOp{{Kind: EditCrop, Crop: Rect{X: 30, Width: 20, Height: 5}}}, 0, "crop"},
		"relative crop outside": {[]EditOp{one, {Kind: EditCrop, Crop: Rect{X: 0.6, Width: 0.6, Height: 1, Relative: true}}}, 1, "crop"},
		"empty crop":            {[]EditOp{{Kind: EditCrop, Crop: Rect{Width: 0, Height: 5}}}, 0, "crop"},
		"steep free angle":      {[]EditOp{{Kind: EditRotate, Angle: 60}}, 0, "rotate"},
		"factor out of range":   {[]EditOp{tooBright}, 0, "brightness"},
	} {
		_, _, err := Edit(src, c.ops, 90)
		var e *EditError
		if !errors.As(err, &e) || e.Index != c.index || e.Field != c.field {
			t.Errorf("%s: %v, want an EditError at %d, field %s", name, err, c.index, c.field)
		}
	}
	if _, _, err := Edit([]byte("not an image"), nil, 90); !errors.Is(err, ErrUnsupported) {
		t.Errorf("not an image: %v", err)
	}
}
