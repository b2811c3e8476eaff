package imaging

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/davidbyttow/govips/v2/vips"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"golang.org/x/image/webp"
)

func fixture(tb testing.TB, name string) []byte { return fixtures.Read(tb, name) }

func transform(tb testing.TB, buf []byte, s Spec) []byte {
	tb.Helper()
	out, err := Transform(buf, s)
	if err != nil {
		tb.Fatalf("Transform(%+v): %v", s, err)
	}
	return out
}

// sniff names the format by its magic bytes alone, not trusting the encoder that was asked for.
func sniff(buf []byte) (Format, bool) {
	switch {
	case bytes.HasPrefix(buf, []byte{0xff, 0xd8, 0xff}):
		return JPEG, true
	case bytes.HasPrefix(buf, []byte("\x89PNG\r\n\x1a\n")):
		return PNG, true
	case bytes.HasPrefix(buf, []byte("GIF87a")), bytes.HasPrefix(buf, []byte("GIF89a")):
		return GIF, true
	case len(buf) >= 12 && string(buf[:4]) == "RIFF" && string(buf[8:12]) == "WEBP":
		return WebP, true
	case len(buf) >= 12 && string(buf[4:8]) == "ftyp" && string(buf[8:12]) == "avif":
		return AVIF, true
	}
	return 0, false
}

// decode decodes an output with Go's own decoders, independent of libvips; AVIF, which Go cannot
// read, goes through DecodeThumbnail at full size.
func decode(tb testing.TB, buf []byte) image.Image {
	tb.Helper()
	f, ok := sniff(buf)
	if !ok {
		tb.Fatalf("output is no known format: % x", buf[:min(len(buf), 16)])
	}
	var img image.Image
	var err error
	switch f {
	case JPEG:
		img, err = jpeg.Decode(bytes.NewReader(buf))
	case PNG:
		img, err = png.Decode(bytes.NewReader(buf))
	case GIF:
		img, err = gif.Decode(bytes.NewReader(buf))
	case WebP:
		img, err = webp.Decode(bytes.NewReader(buf))
	case AVIF:
		var t Thumbnail
		var h Header
		if h, err = ReadHeader(buf); err == nil {
			if t, err = DecodeThumbnail(buf, h, 1<<14); err == nil {
				img = &image.NRGBA{Pix: t.RGBA, Stride: 4 * t.Width, Rect: image.Rect(0, 0, t.Width, t.Height)}
			}
		}
	}
	if err != nil {
		tb.Fatalf("decode %s output: %v", f.Extension(), err)
	}
	return img
}

func size(img image.Image) image.Point { return img.Bounds().Size() }

func rgba(c color.Color) (r, g, b, a uint8) {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	return n.R, n.G, n.B, n.A
}

func redPixels(img image.Image) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if r, g, bl, _ := rgba(img.At(x, y)); r > 200 && g < 60 && bl < 60 {
				n++
			}
		}
	}
	return n
}

func luma(c color.Color) float64 {
	r, g, b, _ := rgba(c)
	return 0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)
}

func lumaVariance(img image.Image) float64 {
	var sum, sq float64
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			l := luma(img.At(x, y))
			sum += l
			sq += l * l
		}
	}
	n := float64(b.Dx() * b.Dy())
	return sq/n - (sum/n)*(sum/n)
}

// grid is the mean colour of each cell of a cols×rows grid over img.
func grid(img image.Image, cols, rows int) [][3]float64 {
	b := img.Bounds()
	cells := make([][3]float64, cols*rows)
	counts := make([]float64, cols*rows)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			i := (y-b.Min.Y)*rows/b.Dy()*cols + (x-b.Min.X)*cols/b.Dx()
			r, g, bl, _ := rgba(img.At(x, y))
			cells[i][0] += float64(r)
			cells[i][1] += float64(g)
			cells[i][2] += float64(bl)
			counts[i]++
		}
	}
	for i := range cells {
		for c := range 3 {
			cells[i][c] /= counts[i]
		}
	}
	return cells
}

func gridDistance(a, b [][3]float64) float64 {
	var d float64
	for i := range a {
		for c := range 3 {
			d += math.Abs(a[i][c] - b[i][c])
		}
	}
	return d / float64(3*len(a))
}

func TestFormatNames(t *testing.T) {
	t.Parallel()
	want := map[Format][2]string{
		JPEG: {"image/jpeg", "jpg"}, PNG: {"image/png", "png"}, WebP: {"image/webp", "webp"},
		AVIF: {"image/avif", "avif"}, GIF: {"image/gif", "gif"}, Format(99): {"", ""},
	}
	for f, w := range want {
		if f.MimeType() != w[0] || f.Extension() != w[1] {
			t.Errorf("Format(%d): %q %q, want %q %q", f, f.MimeType(), f.Extension(), w[0], w[1])
		}
	}
}

// TestTransformFormats encodes the 12 MP photo to every format and reads each result back: the
// magic bytes, the size, 8-bit sRGB, upright, and no metadata left (the photo has EXIF with GPS,
// IPTC and XMP).
func TestTransformFormats(t *testing.T) {
	t.Parallel()
	photo := fixture(t, "photo-12mp.jpg")
	for _, f := range []Format{JPEG, PNG, WebP, AVIF, GIF} {
		t.Run(f.Extension(), func(t *testing.T) {
			t.Parallel()
			out := transform(t, photo, Spec{Width: 300, Height: 300, Format: f, Quality: 75})
			if got, ok := sniff(out); !ok || got != f {
				t.Fatalf("magic bytes % x, want %s", out[:min(len(out), 12)], f.Extension())
			}
			if got := size(decode(t, out)); got != image.Pt(300, 225) {
				t.Errorf("decoded size %v, want 300×225", got)
			}
			h, err := ReadHeader(out)
			if err != nil {
				t.Fatal(err)
			}
			// Not == nil: ReadHeader gives empty, non-nil blobs for absent ones.
			if len(h.Exif) != 0 || len(h.XMP) != 0 || len(h.IPTC) != 0 {
				t.Errorf("metadata left: %d bytes EXIF, %d XMP, %d IPTC", len(h.Exif), len(h.XMP), len(h.IPTC))
			}
			if h.Orientation != 1 || h.Frames != 1 || h.ColorSpace != "srgb" {
				t.Errorf("header %+v, want orientation 1, one frame, srgb", h)
			}
			if h.HasAlpha {
				t.Error("an opaque photo gained an alpha channel")
			}
		})
	}
}

// TestTransformInputs reads every image format of the fixtures, CMYK and 16-bit included.
func TestTransformInputs(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]image.Point{
		"photo-12mp.jpg":       {200, 150},
		"cmyk.jpg":             {200, 150},
		"misnamed-jpeg.png":    {200, 150},
		"alpha.png":            {200, 150},
		"photo.webp":           {200, 150},
		"photo.heic":           {200, 150},
		"photo.avif":           {200, 150},
		"tiff-image.tiff":      {200, 150}, // 16 bits per sample
		"anim.gif":             {200, 200},
		"script.svg":           {200, 150},
		"document-3-pages.pdf": {200, 283},
		"focal-red-square.png": {200, 133},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			out := transform(t, fixture(t, name), Spec{Width: 200, Format: PNG})
			img := decode(t, out)
			if size(img) != want {
				t.Errorf("size %v, want %v", size(img), want)
			}
			switch img.(type) {
			case *image.NRGBA, *image.RGBA: // 8-bit RGB(A): PNG keeps alpha where there is some
			default:
				t.Errorf("decoded as %T, want 8-bit RGB", img)
			}
		})
	}
}

// TestTransformGrey16 checks a 16-bit grey image comes out 8-bit RGB with its tones.
func TestTransformGrey16(t *testing.T) {
	t.Parallel()
	grey := image.NewGray16(image.Rect(0, 0, 64, 64))
	for y := range 64 {
		for x := range 64 {
			grey.SetGray16(x, y, color.Gray16{Y: uint16(x * 1024)})
		}
	}
	var in bytes.Buffer
	if err := png.Encode(&in, grey); err != nil {
		t.Fatal(err)
	}
	img := decode(t, transform(t, in.Bytes(), Spec{Format: PNG}))
	if _, ok := img.(*image.RGBA); !ok {
		t.Fatalf("decoded as %T, want 8-bit RGB", img)
	}
	for _, x := range []int{0, 32, 63} {
		r, g, b, _ := rgba(img.At(x, 10))
		want := uint8(x * 1024 >> 8)
		if r != g || g != b || max(r, want)-min(r, want) > 1 {
			t.Errorf("x=%d: %d,%d,%d, want grey %d", x, r, g, b, want)
		}
	}
}

func TestTransformCMYK(t *testing.T) {
	t.Parallel()
	out := transform(t, fixture(t, "cmyk.jpg"), Spec{Format: JPEG, Quality: 90})
	img, err := jpeg.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := img.(*image.YCbCr); !ok {
		t.Errorf("decoded as %T, want *image.YCbCr (3-channel)", img)
	}
	if size(img) != image.Pt(640, 480) {
		t.Errorf("size %v, want the original 640×480", size(img))
	}
	h, err := ReadHeader(out)
	if err != nil {
		t.Fatal(err)
	}
	if h.ColorSpace != "srgb" {
		t.Errorf("colour space %q, want srgb", h.ColorSpace)
	}
}

// TestTransformOrientation checks the output is the displayed image: the same picture as Go's
// decode of the stored pixels turned by EXIF orientation 6, with no orientation tag left to turn
// it a second time.
func TestTransformOrientation(t *testing.T) {
	t.Parallel()
	buf := fixture(t, "rotated-orientation-6.jpg")
	out := transform(t, buf, Spec{Width: 400, Format: JPEG, Quality: 90})
	got := decode(t, out)
	if size(got) != image.Pt(400, 600) {
		t.Fatalf("size %v, want 400×600 (portrait)", size(got))
	}
	stored, err := jpeg.Decode(bytes.NewReader(buf))
	if err != nil {
		t.Fatal(err)
	}
	if size(stored) != image.Pt(1200, 800) {
		t.Fatalf("fixture stored as %v, want 1200×800", size(stored))
	}
	// Orientation 6 displays the stored image turned 90° clockwise; 8 would be the wrong way.
	turn := func(cw bool) image.Image {
		out := image.NewNRGBA(image.Rect(0, 0, 800, 1200))
		for y := range 1200 {
			for x := range 800 {
				if cw {
					out.Set(x, y, stored.At(y, 799-x))
				} else {
					out.Set(x, y, stored.At(1199-y, x))
				}
			}
		}
		return out
	}
	right, wrong := grid(turn(true), 4, 6), grid(turn(false), 4, 6)
	g := grid(got, 4, 6)
	t.Logf("mean distance per channel: %.1f to the displayed image, %.1f to it turned the wrong way", gridDistance(g, right), gridDistance(g, wrong))
	if d := gridDistance(g, right); d > 6 {
		t.Errorf("output differs from the displayed image by %.1f per channel", d)
	}
	if d := gridDistance(g, wrong); d < 20 {
		t.Errorf("output is as close (%.1f) to the image turned the wrong way: the test cannot tell", d)
	}
	h, err := ReadHeader(out)
	if err != nil {
		t.Fatal(err)
	}
	if h.Orientation != 1 || len(h.Exif) != 0 {
		t.Errorf("orientation %d, EXIF %d bytes: want 1 and none", h.Orientation, len(h.Exif))
	}
}

// TestTransformCrop uses the 1200×800 white image with a red square from (900,100) to
// (1100,300).
func TestTransformCrop(t *testing.T) {
	t.Parallel()
	buf := fixture(t, "focal-red-square.png")
	crop := func(w, h int, c Crop) image.Image {
		t.Helper()
		img := decode(t, transform(t, buf, Spec{Width: w, Height: h, Fit: FitCrop, Crop: c, FocalX: 0.833, FocalY: 0.25, Format: PNG}))
		if size(img) != image.Pt(w, h) {
			t.Fatalf("crop %d to %d×%d: size %v", c, w, h, size(img))
		}
		return img
	}

	// 300×300 keeps the middle 800×800 of the original at 3/8 scale: the centre cut has the
	// square's left half, the focal point all of it (75×75 px).
	focal, centre := redPixels(crop(300, 300, CropFocalPoint)), redPixels(crop(300, 300, CropCenter))
	if focal < 70*70 || focal <= centre*3/2 {
		t.Errorf("300×300: %d red pixels around the focal point, %d in the centre", focal, centre)
	}

	// 200×400 keeps a 400×800 column at half scale: the middle one (400..800) misses the square.
	for c, wantRed := range map[Crop]bool{
		CropFocalPoint: true, CropCenter: false, CropRight: true, CropLeft: false, CropEntropy: true,
	} {
		if n := redPixels(crop(200, 400, c)); (n > 0) != wantRed {
			t.Errorf("crop %d to 200×400: %d red pixels, want red %v", c, n, wantRed)
		}
	}
	// 400×100 keeps a 1200×300 band at 1/3 scale: the top one (0..300) holds the square.
	for c, wantRed := range map[Crop]bool{CropTop: true, CropBottom: false} {
		if n := redPixels(crop(400, 100, c)); (n > 0) != wantRed {
			t.Errorf("crop %d to 400×100: %d red pixels, want red %v", c, n, wantRed)
		}
	}
}

// TestOutputSize covers the sizing rules on shapes the fixtures do not have.
func TestOutputSize(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		w, h int
		spec Spec
		want image.Point
	}{
		{10000, 10, Spec{Width: 100}, image.Pt(100, 1)},                                   // never below one pixel
		{3001, 2000, Spec{Width: 5000, Height: 5000, MaxSide: 1000}, image.Pt(1000, 666)}, // cap after the fit
		{3000, 2000, Spec{Width: 5000, Height: 100, MaxSide: 1000}, image.Pt(150, 100)},   // a side under the cap is not touched
		{3000, 2000, Spec{Width: 9000, Height: 300, Fit: FitScale, MaxSide: 900}, image.Pt(900, 30)},
		{3000, 2000, Spec{Height: 500, Fit: FitFill}, image.Pt(750, 500)},
		{300, 200, Spec{Width: 600, Fit: FitMax}, image.Pt(300, 200)},
	} {
		if got := OutputSize(tc.w, tc.h, tc.spec); got != tc.want {
			t.Errorf("%d×%d, %+v: %v, want %v", tc.w, tc.h, tc.spec, got, tc.want)
		}
	}
}

// TestTransformFit checks every fit on the 4000×3000 photo.
func TestTransformFit(t *testing.T) {
	t.Parallel()
	photo := fixture(t, "photo-12mp.jpg")
	for _, tc := range []struct {
		name string
		spec Spec
		want image.Point
	}{
		{"clip", Spec{Width: 300, Height: 300, Fit: FitClip}, image.Pt(300, 225)},
		{"max", Spec{Width: 300, Height: 300, Fit: FitMax}, image.Pt(300, 225)},
		{"crop", Spec{Width: 300, Height: 300, Fit: FitCrop}, image.Pt(300, 300)},
		{"fill", Spec{Width: 300, Height: 300, Fit: FitFill}, image.Pt(300, 300)},
		{"scale", Spec{Width: 300, Height: 300, Fit: FitScale}, image.Pt(300, 300)},
		{"scale distorts", Spec{Width: 300, Height: 100, Fit: FitScale}, image.Pt(300, 100)},
		{"width only", Spec{Width: 400}, image.Pt(400, 300)},
		{"height only", Spec{Height: 300, Fit: FitCrop}, image.Pt(400, 300)},
		{"max never enlarges", Spec{Width: 5000, Height: 5000, Fit: FitMax}, image.Pt(4000, 3000)},
		{"clip enlarges", Spec{Width: 5000, Height: 5000, Fit: FitClip}, image.Pt(5000, 3750)},
		{"clip enlarges up to MaxSide", Spec{Width: 5000, Height: 5000, Fit: FitClip, MaxSide: 4000}, image.Pt(4000, 3000)},
		{"MaxSide caps no resize", Spec{MaxSide: 1000}, image.Pt(1000, 750)},
		{"MaxSide keeps the box's shape", Spec{Width: 2000, Height: 1000, Fit: FitCrop, MaxSide: 1000}, image.Pt(1000, 500)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.spec.Format, tc.spec.Quality = JPEG, 80
			if got := size(decode(t, transform(t, photo, tc.spec))); got != tc.want {
				t.Errorf("size %v, want %v", got, tc.want)
			}
		})
	}
}

// TestTransformFill checks the padding: 300×225 of picture centred in 300×300, on white for JPEG
// and on transparency for PNG.
func TestTransformFill(t *testing.T) {
	t.Parallel()
	photo := fixture(t, "photo-12mp.jpg")
	spec := Spec{Width: 300, Height: 300, Fit: FitFill, Quality: 90}

	spec.Format = PNG
	img := decode(t, transform(t, photo, spec))
	for _, p := range []image.Point{{150, 0}, {0, 36}, {299, 263}, {150, 299}} {
		if _, _, _, a := rgba(img.At(p.X, p.Y)); a != 0 {
			t.Errorf("PNG padding at %v has alpha %d, want transparent", p, a)
		}
	}
	for _, p := range []image.Point{{150, 38}, {0, 150}, {299, 261}} {
		if _, _, _, a := rgba(img.At(p.X, p.Y)); a != 255 {
			t.Errorf("PNG picture at %v has alpha %d, want opaque", p, a)
		}
	}

	spec.Format = JPEG
	img = decode(t, transform(t, photo, spec))
	for _, p := range []image.Point{{150, 0}, {10, 30}, {290, 270}, {150, 299}} {
		if r, g, b, _ := rgba(img.At(p.X, p.Y)); r < 250 || g < 250 || b < 250 {
			t.Errorf("JPEG padding at %v is %d,%d,%d, want white", p, r, g, b)
		}
	}
	if l := luma(img.At(150, 150)); l > 250 {
		t.Errorf("JPEG centre is white (%.0f): no picture", l)
	}
}

// TestTransformAlpha checks transparency is kept where the format has it and flattened onto
// white where it has not.
func TestTransformAlpha(t *testing.T) {
	t.Parallel()
	buf := fixture(t, "alpha.png")
	orig := decode(t, buf)
	var clear image.Point // a fully transparent pixel of the original
	found := false
	for y := 0; y < 600 && !found; y += 10 {
		for x := 0; x < 800 && !found; x += 10 {
			if _, _, _, a := rgba(orig.At(x, y)); a == 0 {
				clear, found = image.Pt(x, y), true
			}
		}
	}
	if !found {
		t.Fatal("alpha.png has no transparent pixel")
	}
	at := image.Pt(clear.X/4, clear.Y/4)

	img := decode(t, transform(t, buf, Spec{Width: 200, Format: PNG}))
	if _, _, _, a := rgba(img.At(at.X, at.Y)); a > 10 {
		t.Errorf("PNG at %v has alpha %d, want transparent as in the original at %v", at, a, clear)
	}
	img = decode(t, transform(t, buf, Spec{Width: 200, Format: JPEG, Quality: 90}))
	if r, g, b, _ := rgba(img.At(at.X, at.Y)); r < 245 || g < 245 || b < 245 {
		t.Errorf("JPEG at %v is %d,%d,%d, want white where the original is transparent", at, r, g, b)
	}
}

// TestTransformAnimated checks anim.gif (200×200, 4 frames of 0.1 s, looping forever).
func TestTransformAnimated(t *testing.T) {
	t.Parallel()
	buf := fixture(t, "anim.gif")
	delays := []int{100, 100, 100, 100}

	t.Run("gif", func(t *testing.T) {
		t.Parallel()
		out := transform(t, buf, Spec{Width: 100, Format: GIF, Animated: true})
		h, err := ReadHeader(out)
		if err != nil {
			t.Fatal(err)
		}
		if h.Frames != 4 || !slices.Equal(h.FrameDelays, delays) || h.Width != 100 || h.Height != 100 {
			t.Errorf("%d frames of %d×%d, delays %v; want 4 of 100×100, %v", h.Frames, h.Width, h.Height, h.FrameDelays, delays)
		}
		g, err := gif.DecodeAll(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if len(g.Image) != 4 || !slices.Equal(g.Delay, []int{10, 10, 10, 10}) || g.LoopCount != 0 {
			t.Errorf("Go decodes %d frames, delays %v (1/100 s), loop count %d; want 4, 10 each, 0 (forever)", len(g.Image), g.Delay, g.LoopCount)
		}
		if grid(g.Image[0], 2, 2)[0] == grid(g.Image[2], 2, 2)[0] {
			t.Error("frames 0 and 2 look the same: the animation is not kept")
		}
	})
	t.Run("webp", func(t *testing.T) {
		t.Parallel()
		out := transform(t, buf, Spec{Width: 100, Format: WebP, Quality: 75, Animated: true})
		h, err := ReadHeader(out)
		if err != nil {
			t.Fatal(err)
		}
		if f, _ := sniff(out); f != WebP || h.Frames != 4 || !slices.Equal(h.FrameDelays, delays) {
			t.Errorf("%s with %d frames, delays %v; want WebP, 4, %v", f.Extension(), h.Frames, h.FrameDelays, delays)
		}
	})
	t.Run("cropped and blurred frame by frame", func(t *testing.T) {
		t.Parallel()
		out := transform(t, buf, Spec{Width: 100, Height: 50, Fit: FitCrop, Crop: CropEntropy, Blur: 2, Format: GIF, Animated: true})
		h, err := ReadHeader(out)
		if err != nil {
			t.Fatal(err)
		}
		if h.Frames != 4 || h.Width != 100 || h.Height != 50 || !slices.Equal(h.FrameDelays, delays) {
			t.Errorf("%d frames of %d×%d, delays %v; want 4 of 100×50, %v", h.Frames, h.Width, h.Height, h.FrameDelays, delays)
		}
		// Each frame of anim.gif is one solid colour, which a blur of that frame alone keeps to
		// its edges: blurred as one strip, the frames would bleed into each other there.
		want, err := gif.DecodeAll(bytes.NewReader(buf))
		if err != nil {
			t.Fatal(err)
		}
		got, err := gif.DecodeAll(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		for i := range min(len(got.Image), len(want.Image)) {
			for _, y := range []int{0, 49} {
				if g, w := got.Image[i].At(50, y), want.Image[i].At(100, 100); color.NRGBAModel.Convert(g) != color.NRGBAModel.Convert(w) {
					t.Errorf("frame %d, row %d: %v, want the frame's colour %v", i, y, g, w)
				}
			}
		}
	})
	t.Run("filled", func(t *testing.T) {
		t.Parallel()
		out := transform(t, buf, Spec{Width: 100, Height: 50, Fit: FitFill, Format: GIF, Animated: true})
		if h, err := ReadHeader(out); err != nil || h.Frames != 4 || h.Width != 100 || h.Height != 50 {
			t.Errorf("%+v, %v; want 4 frames of 100×50", h, err)
		}
	})
	for _, s := range []Spec{
		{Width: 100, Format: GIF},
		{Width: 100, Format: JPEG, Quality: 75, Animated: true}, // JPEG cannot animate
		{Width: 100, Format: AVIF, Quality: 75, Animated: true},
	} {
		out := transform(t, buf, s)
		if h, err := ReadHeader(out); err != nil || h.Frames != 1 {
			t.Errorf("%s, Animated %v: %d frames, %v; want one", s.Format.Extension(), s.Animated, h.Frames, err)
		}
	}
}

func TestTransformMaxPixels(t *testing.T) {
	t.Parallel()
	begin := time.Now()
	_, err := Transform(fixture(t, "bomb-30000x30000.png"), Spec{Width: 100, Format: PNG, MaxPixels: 100_000_000})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err %v, want ErrTooLarge", err)
	}
	if !strings.Contains(err.Error(), "30000×30000") {
		t.Errorf("error %q does not give the size", err)
	}
	if d := time.Since(begin); d > time.Second {
		t.Errorf("refusing took %v: the bomb was decoded", d)
	}

	// All frames count when they are all kept: 4 × 200×200 is 160,000 pixels.
	gifBuf := fixture(t, "anim.gif")
	if _, err := Transform(gifBuf, Spec{Format: GIF, Animated: true, MaxPixels: 100_000}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("animated: err %v, want ErrTooLarge", err)
	}
	if _, err := Transform(gifBuf, Spec{Format: GIF, MaxPixels: 100_000}); err != nil {
		t.Errorf("first frame only: %v", err)
	}
}

func TestTransformErrors(t *testing.T) {
	t.Parallel()
	for name, buf := range map[string][]byte{
		"nil":     nil,
		"empty":   {},
		"garbage": []byte("this is not an image, only some words that no loader can read"),
	} {
		if _, err := Transform(buf, Spec{Width: 100, Format: PNG}); !errors.Is(err, ErrUnsupported) {
			t.Errorf("%s: err %v, want ErrUnsupported", name, err)
		}
	}

	_, err := Transform(fixture(t, "truncated.jpg"), Spec{Width: 100, Format: JPEG, Quality: 80})
	if err == nil || errors.Is(err, ErrUnsupported) {
		t.Fatalf("truncated JPEG: err %v, want a decode error", err)
	}
	t.Logf("truncated JPEG: %v", err)
	if msg := err.Error(); !strings.HasPrefix(msg, "transform: ") || strings.Contains(msg, "\n") || strings.Contains(msg, "goroutine") {
		t.Errorf("error %q: want one line with context and no stack trace", msg)
	}

	photo := fixture(t, "cmyk.jpg")
	for name, s := range map[string]Spec{
		"no quality":      {Format: JPEG},
		"quality 101":     {Format: WebP, Quality: 101},
		"unknown format":  {Format: Format(9)},
		"unknown fit":     {Format: PNG, Fit: Fit(-1)},
		"unknown crop":    {Format: PNG, Crop: Crop(42)},
		"negative width":  {Format: PNG, Width: -1},
		"focal point NaN": {Format: PNG, Fit: FitCrop, Crop: CropFocalPoint, FocalX: math.NaN()},
		"negative blur":   {Format: PNG, Blur: -1},
	} {
		if _, err := Transform(photo, s); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestTransformBlur(t *testing.T) {
	t.Parallel()
	photo := fixture(t, "photo-12mp.jpg")
	sharp := decode(t, transform(t, photo, Spec{Width: 300, Format: PNG}))
	blurred := decode(t, transform(t, photo, Spec{Width: 300, Format: PNG, Blur: 4}))
	if size(blurred) != size(sharp) {
		t.Fatalf("blur changed the size: %v, want %v", size(blurred), size(sharp))
	}
	if vs, vb := lumaVariance(sharp), lumaVariance(blurred); vb >= vs {
		t.Errorf("luma variance %.1f blurred, %.1f sharp: want lower", vb, vs)
	}
}

// TestTransformICCProfile tags pure red with a profile whose red and green primaries are sRGB's
// swapped: converted from the profile, it is green; stripped of it, it would stay red.
func TestTransformICCProfile(t *testing.T) {
	t.Parallel()
	red := image.NewNRGBA(image.Rect(0, 0, 64, 32))
	for i := 0; i < len(red.Pix); i += 4 {
		copy(red.Pix[i:], []byte{255, 0, 0, 255})
	}
	var plain bytes.Buffer
	if err := png.Encode(&plain, red); err != nil {
		t.Fatal(err)
	}
	tagged := withICCProfile(t, plain.Bytes(), swappedProfile())

	for _, f := range []Format{JPEG, PNG, WebP, AVIF, GIF} {
		for name, tc := range map[string]struct {
			in        []byte
			wantGreen bool
		}{"untagged": {plain.Bytes(), false}, "tagged": {tagged, true}} {
			out := transform(t, tc.in, Spec{Format: f, Quality: 90})
			r, g, b, _ := rgba(decode(t, out).At(32, 16))
			if green := g > 200 && r < 80 && b < 80; green != tc.wantGreen {
				t.Errorf("%s %s: %d,%d,%d; want green %v", name, f.Extension(), r, g, b, tc.wantGreen)
			}
			img, err := vips.LoadImageFromBuffer(out, nil)
			if err != nil {
				t.Fatal(err)
			}
			if img.HasICCProfile() {
				t.Errorf("%s %s: output keeps an ICC profile", name, f.Extension())
			}
			img.Close()
		}
	}
}

// swappedProfile is a minimal ICC v2 RGB display profile, sRGB's D50 primaries with red and
// green exchanged and a 2.2 gamma.
func swappedProfile() []byte {
	s15 := func(v float64) uint32 { return uint32(int32(math.Round(v * 65536))) }
	xyz := func(x, y, z float64) []byte {
		return binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(
			[]byte("XYZ \x00\x00\x00\x00"), s15(x)), s15(y)), s15(z))
	}
	curve := []byte("curv\x00\x00\x00\x00\x00\x00\x00\x01\x02\x33\x00\x00") // one entry: gamma 2.2
	tags := []struct {
		sig  string
		data []byte
	}{
		{"wtpt", xyz(0.9642, 1, 0.8249)},
		{"rXYZ", xyz(0.3851, 0.7169, 0.0971)}, // sRGB's green
		{"gXYZ", xyz(0.4361, 0.2225, 0.0139)}, // sRGB's red
		{"bXYZ", xyz(0.1431, 0.0606, 0.7141)},
		{"rTRC", curve}, {"gTRC", curve}, {"bTRC", curve},
	}
	header := make([]byte, 128)
	binary.BigEndian.PutUint32(header[8:], 0x02100000)
	copy(header[12:], "mntrRGB XYZ ")
	copy(header[36:], "acsp")
	copy(header[68:], xyz(0.9642, 1, 0.8249)[8:])
	table := binary.BigEndian.AppendUint32(nil, uint32(len(tags)))
	var data []byte
	offset := len(header) + 4 + 12*len(tags)
	for _, tag := range tags {
		table = append(table, tag.sig...)
		table = binary.BigEndian.AppendUint32(table, uint32(offset+len(data)))
		table = binary.BigEndian.AppendUint32(table, uint32(len(tag.data)))
		data = append(data, tag.data...)
		for len(data)%4 != 0 {
			data = append(data, 0)
		}
	}
	profile := slices.Concat(header, table, data)
	binary.BigEndian.PutUint32(profile, uint32(len(profile)))
	return profile
}

// withICCProfile inserts an iCCP chunk holding profile after a PNG's IHDR chunk.
func withICCProfile(t *testing.T, pngBuf, profile []byte) []byte {
	t.Helper()
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	if _, err := zw.Write(profile); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	body := slices.Concat([]byte("iCCP"), []byte("swapped\x00\x00"), z.Bytes())
	chunk := binary.BigEndian.AppendUint32(nil, uint32(len(body)-4))
	chunk = append(chunk, body...)
	chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(body))
	const ihdrEnd = 8 + 4 + 4 + 13 + 4 // signature, then IHDR's length, type, data and CRC
	return slices.Concat(pngBuf[:ihdrEnd], chunk, pngBuf[ihdrEnd:])
}

// TestTransformCloses runs every step and error path and checks no govips reference is left
// open. Not parallel: the count is process-wide.
func TestTransformCloses(t *testing.T) {
	photo, anim := fixture(t, "focal-red-square.png"), fixture(t, "anim.gif")
	before := vips.OpenImageRefs()
	for _, tc := range []struct {
		buf []byte
		s   Spec
	}{
		{photo, Spec{Width: 100, Height: 100, Fit: FitCrop, Crop: CropFocalPoint, FocalX: 0.8, Blur: 1, Format: JPEG, Quality: 80}},
		{photo, Spec{Width: 100, Height: 100, Fit: FitFill, Format: WebP, Quality: 80}},
		{photo, Spec{Width: 100, Height: 100, Fit: FitCrop, Crop: CropEntropy, Format: AVIF, Quality: 80}},
		{anim, Spec{Width: 100, Height: 60, Fit: FitCrop, Blur: 1, Format: GIF, Animated: true}},
		{anim, Spec{Width: 100, Height: 60, Fit: FitFill, Format: WebP, Quality: 80, Animated: true}},
		{fixture(t, "truncated.jpg"), Spec{Width: 100, Format: PNG}},
		{[]byte("garbage garbage garbage"), Spec{Format: PNG}},
		{anim, Spec{Format: GIF, Animated: true, MaxPixels: 1}},
	} {
		_, _ = Transform(tc.buf, tc.s)
	}
	if after := vips.OpenImageRefs(); after != before {
		t.Errorf("%d govips references left open", after-before)
	}
}

// BenchmarkTransform makes a 300 px wide image from a 3000×2000 JPEG.
func BenchmarkTransform(b *testing.B) {
	buf := fixtures.Photo3000x2000(b)
	for _, f := range []Format{WebP, AVIF, JPEG} {
		b.Run(f.Extension(), func(b *testing.B) {
			s := Spec{Width: 300, Format: f, Quality: 75}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Transform(buf, s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkTransformParallel is BenchmarkTransform's WebP case on every CPU at once.
func BenchmarkTransformParallel(b *testing.B) {
	buf := fixtures.Photo3000x2000(b)
	s := Spec{Width: 300, Format: WebP, Quality: 75}
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := Transform(buf, s); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "ops/s")
}

// TestTransformFlattenOnLoad checks an RGBA PNG bound for a format without alpha is put on white as
// it is decoded, before resizing, and that the picture is what flattening after resizing gives:
// opaque parts unchanged, half-transparent ones blended with white, transparent ones white whatever
// colour they hide.
func TestTransformFlattenOnLoad(t *testing.T) {
	t.Parallel()
	src := image.NewNRGBA(image.Rect(0, 0, 300, 100))
	for y := range 100 {
		for x := range 300 {
			c := color.NRGBA{R: 255, A: 255} // opaque red
			switch {
			case x >= 200:
				c = color.NRGBA{G: 255} // transparent green
			case x >= 100:
				c = color.NRGBA{B: 255, A: 128} // half-transparent blue
			}
			src.SetNRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, src); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		format Format
		want   bool
	}{{JPEG, true}, {WebP, false}, {PNG, false}, {AVIF, false}} {
		job, err := Prepare(buf.Bytes(), Spec{Width: 150, Format: c.format, Quality: 95})
		if err != nil {
			t.Fatal(err)
		}
		if job.p.flattenOnLoad != c.want {
			t.Errorf("to %s: flatten on load %v, want %v", c.format.Extension(), job.p.flattenOnLoad, c.want)
		}
	}
	if job, err := Prepare(fixture(t, "photo-12mp.jpg"), Spec{Width: 150, Format: JPEG, Quality: 95}); err != nil || job.p.flattenOnLoad {
		t.Errorf("a JPEG to JPEG: flatten on load %v (%v), want false", job != nil && job.p.flattenOnLoad, err)
	}

	img := decode(t, transform(t, buf.Bytes(), Spec{Width: 150, Format: JPEG, Quality: 95}))
	if b := img.Bounds(); b.Dx() != 150 || b.Dy() != 50 {
		t.Fatalf("JPEG is %v, want 150×50", b)
	}
	near := func(v uint8, want int) bool { return int(v) > want-12 && int(v) < want+12 }
	for _, p := range []struct {
		x       int
		r, g, b int
		what    string
	}{{25, 255, 0, 0, "opaque red"}, {75, 127, 127, 255, "half-transparent blue on white"}, {125, 255, 255, 255, "transparent green, white"}} {
		if r, g, b, _ := rgba(img.At(p.x, 25)); !near(r, p.r) || !near(g, p.g) || !near(b, p.b) {
			t.Errorf("JPEG at (%d, 25) is %d,%d,%d, want about %d,%d,%d (%s)", p.x, r, g, b, p.r, p.g, p.b, p.what)
		}
	}
}
