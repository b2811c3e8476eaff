package placeholder

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"math"
	"strings"
)

// Region says which part of an image a placeholder stands for once the image is given another
// shape: Crop cuts the shape out around the point (FocalX, FocalY), fractions of the image; otherwise
// the whole image is stretched to it.
type Region struct {
	Crop           bool
	FocalX, FocalY float64
}

// reshapedSide is the long side of a reshaped placeholder, that of the LQIPs it is made from.
const reshapedSide = 16

// Reshape turns an LQIP data URI into one of the aspect ratio (width over height) of the image it
// will stand in for, cut or stretched as region says, and returns its average color too: a page
// that shows a 16:9 crop of a 4:3 photo gets a 16:9 placeholder, painted the crop's color. The
// LQIP is a few hundred bytes, so this is cheap enough for every asset of a list.
func Reshape(lqip string, aspect float64, region Region) (string, Color, error) {
	src, err := decodeDataURI(lqip)
	if err != nil {
		return "", Color{}, fmt.Errorf("reshape placeholder: %w", err)
	}
	if !(aspect > 0) || math.IsInf(aspect, 0) {
		return "", Color{}, fmt.Errorf("reshape placeholder: aspect ratio %v", aspect)
	}
	b := src.Bounds()
	sw, sh := float64(b.Dx()), float64(b.Dy())
	rx, ry, rw, rh := 0.0, 0.0, sw, sh
	if region.Crop {
		if sw/sh > aspect {
			rw = sh * aspect
			rx = clamp(region.FocalX*sw-rw/2, 0, sw-rw)
		} else {
			rh = sw / aspect
			ry = clamp(region.FocalY*sh-rh/2, 0, sh-rh)
		}
	}
	w, h := reshapedSide, max(1, int(math.Round(reshapedSide/aspect)))
	if aspect < 1 {
		w, h = max(1, int(math.Round(reshapedSide*aspect))), reshapedSide
	}
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			px := bilinear(src, rx+(float64(x)+0.5)*rw/float64(w)-0.5, ry+(float64(y)+0.5)*rh/float64(h)-0.5)
			copy(out.Pix[out.PixOffset(x, y):], px[:])
		}
	}
	uri, err := encodeLQIP(out)
	if err != nil {
		return "", Color{}, fmt.Errorf("reshape placeholder: %w", err)
	}
	return uri, average(out), nil
}

func decodeDataURI(uri string) (*image.NRGBA, error) {
	_, data, ok := strings.Cut(uri, ";base64,")
	if !ok || !strings.HasPrefix(uri, "data:image/") {
		return nil, errors.New("not a base64 image data URI")
	}
	raw, err := base64.StdEncoding.DecodeString(data)
	if err != nil {
		return nil, err
	}
	img, _, err := image.Decode(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	b := img.Bounds()
	if b.Dx() > 4*reshapedSide || b.Dy() > 4*reshapedSide {
		return nil, fmt.Errorf("a %d×%d placeholder is not an LQIP", b.Dx(), b.Dy())
	}
	out := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(out, out.Bounds(), img, b.Min, draw.Src)
	return out, nil
}

// bilinear samples img at (x, y), pixel centres at whole numbers, edges extended.
func bilinear(img *image.NRGBA, x, y float64) [4]uint8 {
	b := img.Bounds()
	x = clamp(x, 0, float64(b.Dx()-1))
	y = clamp(y, 0, float64(b.Dy()-1))
	x0, y0 := int(x), int(y)
	x1, y1 := min(x0+1, b.Dx()-1), min(y0+1, b.Dy()-1)
	fx, fy := x-float64(x0), y-float64(y0)
	var out [4]uint8
	for c := range 4 {
		at := func(px, py int) float64 { return float64(img.Pix[img.PixOffset(px, py)+c]) }
		top := at(x0, y0)*(1-fx) + at(x1, y0)*fx
		bottom := at(x0, y1)*(1-fx) + at(x1, y1)*fx
		out[c] = uint8(math.Round(top*(1-fy) + bottom*fy))
	}
	return out
}

// average is the color of img weighed by opacity, as a page would paint it behind the image.
func average(img *image.NRGBA) Color {
	var sum [4]int
	for i := 0; i < len(img.Pix); i += 4 {
		a := int(img.Pix[i+3])
		sum[0] += int(img.Pix[i]) * a
		sum[1] += int(img.Pix[i+1]) * a
		sum[2] += int(img.Pix[i+2]) * a
		sum[3] += a
	}
	if sum[3] == 0 {
		return Color{}
	}
	return Color{Red: uint8(sum[0] / sum[3]), Green: uint8(sum[1] / sum[3]), Blue: uint8(sum[2] / sum[3]), Alpha: uint8(sum[3] / (len(img.Pix) / 4)), Share: 1}
}

func clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }
