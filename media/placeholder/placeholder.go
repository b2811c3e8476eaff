// Package placeholder computes what a client shows while an image loads — a BlurHash, a ThumbHash
// and the dominant colors — from a small thumbnail the caller has already decoded.
package placeholder

import (
	"fmt"
	"math"
)

// Pixels is an 8-bit sRGB image, row-major, 4 bytes per pixel (R, G, B, A, straight — not
// premultiplied — alpha).
type Pixels struct {
	Width, Height int
	RGBA          []byte
}

// check says why p cannot be read as an image, if it cannot.
func (p Pixels) check() error {
	if p.Width <= 0 || p.Height <= 0 {
		return fmt.Errorf("empty %dx%d image", p.Width, p.Height)
	}
	// Compared by division, not by multiplying the dimensions, so absurd ones cannot overflow.
	n := len(p.RGBA) / 4
	if len(p.RGBA)%4 != 0 || n%p.Width != 0 || n/p.Width != p.Height {
		return fmt.Errorf("%d bytes of RGBA do not make a %dx%d image", len(p.RGBA), p.Width, p.Height)
	}
	return nil
}

// linearOf maps an 8-bit sRGB value to linear light. It is a table because every pixel goes through it.
var linearOf = func() (t [256]float64) {
	for i := range t {
		v := float64(i) / 255
		if v <= 0.04045 {
			t[i] = v / 12.92
		} else {
			t[i] = math.Pow((v+0.055)/1.055, 2.4)
		}
	}
	return t
}()

// srgbOf maps linear light back to an 8-bit sRGB value, clamping what is out of gamut. It rounds as
// the BlurHash reference does, which matters for hashes to match other encoders'.
func srgbOf(v float64) int {
	v = max(0, min(1, v))
	if v <= 0.0031308 {
		return int(v*12.92*255 + 0.5)
	}
	return int((1.055*math.Pow(v, 1/2.4)-0.055)*255 + 0.5)
}

// cosines tabulates cos(π·c·(x+offset)/size) at [c*size+x] for c < n and x < size: a DCT basis along
// one axis, computed once rather than once per pixel and component.
func cosines(n, size int, offset float64) []float64 {
	t := make([]float64, n*size)
	for c := range n {
		for x := range size {
			t[c*size+x] = math.Cos(math.Pi * float64(c) * (float64(x) + offset) / float64(size))
		}
	}
	return t
}
