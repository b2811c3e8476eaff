package placeholder

import (
	"fmt"
	"math"
)

// thumbhashMaxSide is the largest image ThumbHash encodes; bigger ones cost more and change nothing.
const thumbhashMaxSide = 100

// Thumbhash encodes p as a ThumbHash (https://evanw.github.io/thumbhash/), which unlike a BlurHash keeps
// alpha and the approximate aspect ratio. p must be at most 100×100 pixels.
func Thumbhash(p Pixels) ([]byte, error) {
	if err := p.check(); err != nil {
		return nil, fmt.Errorf("thumbhash: %w", err)
	}
	w, h := p.Width, p.Height
	if w > thumbhashMaxSide || h > thumbhashMaxSide {
		return nil, fmt.Errorf("thumbhash: %dx%d image does not fit in %[3]dx%[3]d", w, h, thumbhashMaxSide)
	}
	n := w * h

	// The alpha-weighted average color is what transparent pixels are composited onto, so that they
	// do not drag the color channels towards black.
	var avgR, avgG, avgB, avgA float64
	for i := range n {
		px := p.RGBA[4*i : 4*i+4]
		alpha := float64(px[3]) / 255
		avgR += alpha / 255 * float64(px[0])
		avgG += alpha / 255 * float64(px[1])
		avgB += alpha / 255 * float64(px[2])
		avgA += alpha
	}
	if avgA > 0 {
		avgR, avgG, avgB = avgR/avgA, avgG/avgA, avgB/avgA
	}

	hasAlpha := avgA < float64(n)
	lLimit := 7 // luminance components along the longer side; fewer when alpha needs the bytes
	if hasAlpha {
		lLimit = 5
	}
	longer := float64(max(w, h))
	lx := max(1, int(math.Round(float64(lLimit*w)/longer)))
	ly := max(1, int(math.Round(float64(lLimit*h)/longer)))

	// Luminance, yellow−blue and red−green separate what the eye resolves finely from what it does not.
	lpqa := make([]float64, 4*n)
	l, pb, qr, a := lpqa[:n], lpqa[n:2*n], lpqa[2*n:3*n], lpqa[3*n:]
	for i := range n {
		px := p.RGBA[4*i : 4*i+4]
		alpha := float64(px[3]) / 255
		r := avgR*(1-alpha) + alpha/255*float64(px[0])
		g := avgG*(1-alpha) + alpha/255*float64(px[1])
		b := avgB*(1-alpha) + alpha/255*float64(px[2])
		l[i] = (r + g + b) / 3
		pb[i] = (r+g)/2 - b
		qr[i] = r - g
		a[i] = alpha
	}

	d := dct{w: w, h: h, cosX: cosines(lLimit, w, 0.5), cosY: cosines(lLimit, h, 0.5)}
	lDC, lAC, lScale := d.encode(l, max(3, lx), max(3, ly))
	pDC, pAC, pScale := d.encode(pb, 3, 3)
	qDC, qAC, qScale := d.encode(qr, 3, 3)

	isLandscape := w > h
	header24 := round(63*lDC) | round(31.5+31.5*pDC)<<6 | round(31.5+31.5*qDC)<<12 | round(31*lScale)<<18 | bit(hasAlpha)<<23
	shorter := lx // only the shorter side's count is stored; the longer side's is lLimit
	if isLandscape {
		shorter = ly
	}
	header16 := shorter | round(63*pScale)<<3 | round(63*qScale)<<9 | bit(isLandscape)<<15
	hash := []byte{byte(header24), byte(header24 >> 8), byte(header24 >> 16), byte(header16), byte(header16 >> 8)}

	acs := [][]float64{lAC, pAC, qAC}
	if hasAlpha {
		aDC, aAC, aScale := d.encode(a, 5, 5)
		hash = append(hash, byte(round(15*aDC)|round(15*aScale)<<4))
		acs = append(acs, aAC)
	}
	// The AC terms follow as nibbles, low nibble first.
	var nibbles []int
	for _, ac := range acs {
		for _, f := range ac {
			nibbles = append(nibbles, round(15*f))
		}
	}
	for i := 0; i < len(nibbles); i += 2 {
		b := nibbles[i]
		if i+1 < len(nibbles) {
			b |= nibbles[i+1] << 4
		}
		hash = append(hash, byte(b))
	}
	return hash, nil
}

// dct holds the basis tables of one image for the ThumbHash DCT.
type dct struct {
	w, h       int
	cosX, cosY []float64
}

// encode returns channel's DC term, its AC terms scaled into 0..1, and the scale they were divided
// by. Only the triangle of low frequencies cx·ny < nx·(ny−cy) is kept, as the format prescribes.
func (d dct) encode(channel []float64, nx, ny int) (dc float64, ac []float64, scale float64) {
	for cy := range ny {
		for cx := 0; cx*ny < nx*(ny-cy); cx++ {
			var f float64
			fx := d.cosX[cx*d.w : (cx+1)*d.w]
			for y := range d.h {
				fy := d.cosY[cy*d.h+y]
				for x, v := range channel[y*d.w : (y+1)*d.w] {
					f += v * fx[x] * fy
				}
			}
			f /= float64(d.w * d.h)
			if cx == 0 && cy == 0 {
				dc = f
				continue
			}
			ac = append(ac, f)
			scale = max(scale, math.Abs(f))
		}
	}
	// A term that is 0 in exact arithmetic comes out as rounding noise, which this blows up to
	// either side of ½: its nibble is 7 or 8 by chance, here as in the reference.
	if scale > 0 {
		for i := range ac {
			ac[i] = 0.5 + 0.5/scale*ac[i]
		}
	}
	return dc, ac, scale
}

// round rounds a non-negative v to the nearest integer, halves up, as the reference's Math.round does.
func round(v float64) int {
	return int(math.Round(v))
}

// bit is 1 for true.
func bit(b bool) int {
	if b {
		return 1
	}
	return 0
}
