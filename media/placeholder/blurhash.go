package placeholder

import (
	"fmt"
	"math"
)

// base83 is BlurHash's alphabet; a digit's value is its index.
const base83 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~"

// Blurhash encodes p as a BlurHash (https://github.com/woltapp/blurhash) of xComponents by
// yComponents DCT components, 1 to 9 each; more components keep more detail in a longer string
// (4 + 2·x·y characters). Alpha is ignored, as the format has no place for it.
func Blurhash(p Pixels, xComponents, yComponents int) (string, error) {
	if xComponents < 1 || xComponents > 9 || yComponents < 1 || yComponents > 9 {
		return "", fmt.Errorf("blurhash: %dx%d components, want 1 to 9 each way", xComponents, yComponents)
	}
	if err := p.check(); err != nil {
		return "", fmt.Errorf("blurhash: %w", err)
	}
	w, h := p.Width, p.Height
	linear := make([]float64, 3*w*h)
	for i := range w * h {
		for c := range 3 {
			linear[3*i+c] = linearOf[p.RGBA[4*i+c]]
		}
	}
	// The reference samples the basis at x, not x+½; so must any encoder whose hashes are to match it.
	cosX, cosY := cosines(xComponents, w, 0), cosines(yComponents, h, 0)

	factors := make([][3]float64, 0, xComponents*yComponents)
	for j := range yComponents {
		for i := range xComponents {
			var r, g, b float64
			fx := cosX[i*w : (i+1)*w]
			for y := range h {
				row, fy := linear[3*w*y:3*w*(y+1)], cosY[j*h+y]
				for x, c := range fx {
					basis := c * fy
					px := row[3*x : 3*x+3 : 3*x+3]
					r += basis * px[0]
					g += basis * px[1]
					b += basis * px[2]
				}
			}
			scale := 2 / float64(w*h)
			if i == 0 && j == 0 {
				scale /= 2
			}
			factors = append(factors, [3]float64{r * scale, g * scale, b * scale})
		}
	}

	dc, ac := factors[0], factors[1:]
	var largest float64
	for _, f := range ac {
		for _, v := range f {
			largest = max(largest, math.Abs(v))
		}
	}
	// With no AC components this is 0, which is also what the format wants then.
	quantisedMax := int(max(0, min(82, math.Floor(largest*166-0.5))))
	acMax := float64(quantisedMax+1) / 166
	quantise := func(v float64) int {
		return int(max(0, min(18, math.Floor(signPow(v/acMax, 0.5)*9+9.5))))
	}

	hash := make([]byte, 0, 4+2*len(ac))
	hash = appendBase83(hash, (xComponents-1)+(yComponents-1)*9, 1)
	hash = appendBase83(hash, quantisedMax, 1)
	hash = appendBase83(hash, srgbOf(dc[0])<<16|srgbOf(dc[1])<<8|srgbOf(dc[2]), 4)
	for _, f := range ac {
		hash = appendBase83(hash, quantise(f[0])*19*19+quantise(f[1])*19+quantise(f[2]), 2)
	}
	return string(hash), nil
}

// signPow raises |v| to exp keeping v's sign, which spends BlurHash's few AC levels on small values.
func signPow(v, exp float64) float64 {
	return math.Copysign(math.Pow(math.Abs(v), exp), v)
}

// appendBase83 appends n as exactly digits base-83 digits, most significant first.
func appendBase83(b []byte, n, digits int) []byte {
	div := 1
	for range digits - 1 {
		div *= 83
	}
	for ; div > 0; div /= 83 {
		b = append(b, base83[n/div%83])
	}
	return b
}
