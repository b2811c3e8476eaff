// Package visiontest makes the images vision tests read: text rendered with the Go fonts (shipped in
// golang.org/x/image, so no font need be installed), and the face fixture of media/vision/testdata.
package visiontest

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// TextPNG renders lines of black text on white, as a page or a screenshot shows it, at 40 px.
func TextPNG(tb testing.TB, lines ...string) []byte {
	tb.Helper()
	f, err := opentype.Parse(goregular.TTF)
	if err != nil {
		tb.Fatal(err)
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: 40, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		tb.Fatal(err)
	}
	defer face.Close()
	const lineHeight, margin = 60, 40
	img := image.NewRGBA(image.Rect(0, 0, 900, 2*margin+lineHeight*len(lines)))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	d := font.Drawer{Dst: img, Src: image.NewUniform(color.Black), Face: face}
	for i, l := range lines {
		d.Dot = fixed.P(margin, margin+lineHeight*(i+1)-15)
		d.DrawString(l)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// FacePath is the file of the face fixture; FaceBox is its face as marked by hand (see
// testdata/README.md), relative to the image's size.
func FacePath() string {
	_, here, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(here), "..", "testdata", "astronaut.jpg")
}

// FaceBox is the hand-marked face of the fixture: x 176–272, y 75–180 px of 512 × 512.
var FaceBox = [4]float64{176.0 / 512, 75.0 / 512, 96.0 / 512, 105.0 / 512}

// Face reads the face fixture.
func Face(tb testing.TB) []byte {
	tb.Helper()
	b, err := os.ReadFile(FacePath())
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// IoU is the intersection over union of two boxes given as x, y, width, height.
func IoU(a, b [4]float64) float64 {
	ix := max(0, min(a[0]+a[2], b[0]+b[2])-max(a[0], b[0]))
	iy := max(0, min(a[1]+a[3], b[1]+b[3])-max(a[1], b[1]))
	inter := ix * iy
	union := a[2]*a[3] + b[2]*b[3] - inter
	if union <= 0 {
		return 0
	}
	return inter / union
}
