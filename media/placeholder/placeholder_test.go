package placeholder

import (
	"cmp"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// paint builds a w×h Pixels whose pixel (x, y) is at(x, y).
func paint(w, h int, at func(x, y int) [4]uint8) Pixels {
	p := Pixels{Width: w, Height: h, RGBA: make([]byte, 0, 4*w*h)}
	for y := range h {
		for x := range w {
			px := at(x, y)
			p.RGBA = append(p.RGBA, px[:]...)
		}
	}
	return p
}

func solid(w, h int, c [4]uint8) Pixels {
	return paint(w, h, func(int, int) [4]uint8 { return c })
}

// halves is red on the left half and blue on the right.
func halves(w, h int) Pixels {
	return paint(w, h, func(x, _ int) [4]uint8 {
		if x < w/2 {
			return [4]uint8{255, 0, 0, 255}
		}
		return [4]uint8{0, 0, 255, 255}
	})
}

// photo stands in for a real thumbnail: a sky gradient over a noisy field.
func photo(w, h int) Pixels {
	rng := rand.New(rand.NewPCG(1, 2))
	return paint(w, h, func(x, y int) [4]uint8 {
		n := uint8(rng.IntN(24))
		if y < h/2 {
			return [4]uint8{uint8(90 + y), uint8(140 + y), 230, 255}
		}
		return [4]uint8{40 + n, uint8(110+x/4) + n, 30 + n/2, 255}
	})
}

// near reports whether two 8-bit channels are within tol of each other.
func near(a, b uint8, tol int) bool {
	return max(int(a)-int(b), int(b)-int(a)) <= tol
}

// The test decoders are written from the specs independently of the encoders, conversions included,
// so that a mistake shared by both cannot cancel out.

func testLinear(v uint8) float64 {
	f := float64(v) / 255
	if f <= 0.04045 {
		return f / 12.92
	}
	return math.Pow((f+0.055)/1.055, 2.4)
}

func testSRGB(v float64) uint8 {
	v = math.Max(0, math.Min(1, v))
	if v <= 0.0031308 {
		return uint8(math.Round(v * 12.92 * 255))
	}
	return uint8(math.Round((1.055*math.Pow(v, 1/2.4) - 0.055) * 255))
}

// decodeBlurhash renders hash at w×h as the reference decoder does (punch 1).
func decodeBlurhash(t *testing.T, hash string, w, h int) Pixels {
	t.Helper()
	const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~"
	number := func(s string) int {
		n := 0
		for _, c := range []byte(s) {
			d := strings.IndexByte(alphabet, c)
			if d < 0 {
				t.Fatalf("blurhash %q: %q is not a base-83 digit", hash, c)
			}
			n = n*83 + d
		}
		return n
	}
	if len(hash) < 6 {
		t.Fatalf("blurhash %q is too short", hash)
	}
	size := number(hash[:1])
	nx, ny := size%9+1, size/9+1
	if len(hash) != 4+2*nx*ny {
		t.Fatalf("blurhash %q: %d characters for %dx%d components", hash, len(hash), nx, ny)
	}
	acMax := float64(number(hash[1:2])+1) / 166
	terms := make([][3]float64, nx*ny)
	dc := number(hash[2:6])
	terms[0] = [3]float64{testLinear(uint8(dc >> 16)), testLinear(uint8(dc >> 8)), testLinear(uint8(dc))}
	for i := 1; i < nx*ny; i++ {
		v := number(hash[4+2*i : 6+2*i])
		for c, q := range []int{v / (19 * 19), v / 19 % 19, v % 19} {
			f := float64(q-9) / 9
			terms[i][c] = math.Copysign(f*f, f) * acMax
		}
	}
	return paint(w, h, func(x, y int) [4]uint8 {
		var rgb [3]float64
		for j := range ny {
			for i := range nx {
				basis := math.Cos(math.Pi*float64(x*i)/float64(w)) * math.Cos(math.Pi*float64(y*j)/float64(h))
				for c := range rgb {
					rgb[c] += terms[i+j*nx][c] * basis
				}
			}
		}
		return [4]uint8{testSRGB(rgb[0]), testSRGB(rgb[1]), testSRGB(rgb[2]), 255}
	})
}

func TestBlurhashKnownValues(t *testing.T) {
	// Worked by hand from the spec: size 0, no AC so max 0, then 0xffffff or 0 in four digits.
	for _, c := range []struct {
		color [4]uint8
		want  string
	}{
		{[4]uint8{255, 255, 255, 255}, "00TSUA"},
		{[4]uint8{0, 0, 0, 255}, "000000"},
	} {
		got, err := Blurhash(solid(8, 8, c.color), 1, 1)
		if err != nil || got != c.want {
			t.Errorf("Blurhash(%v, 1, 1) = %q, %v; want %q", c.color, got, err, c.want)
		}
	}
}

func TestBlurhashSolidRoundTrip(t *testing.T) {
	for _, color := range [][4]uint8{{200, 120, 40, 255}, {12, 180, 250, 255}, {128, 128, 128, 255}} {
		// One component carries the color alone, so it must come back exactly.
		hash, err := Blurhash(solid(100, 75, color), 1, 1)
		if err != nil {
			t.Fatal(err)
		}
		for i, v := range decodeBlurhash(t, hash, 16, 16).RGBA[:3] {
			if v != color[i] {
				t.Errorf("%v: 1x1 hash %q decodes channel %d as %d", color, hash, i, v)
			}
		}
		// The reference samples the basis at integer x, not x+½, so a flat image has small odd AC
		// terms and decodes a few levels off near the edges (at most 8 over a grid of colors).
		hash, err = Blurhash(solid(100, 75, color), 4, 3)
		if err != nil {
			t.Fatal(err)
		}
		decoded := decodeBlurhash(t, hash, 32, 32)
		for i := 0; i < len(decoded.RGBA); i += 4 {
			for c := range 3 {
				if !near(decoded.RGBA[i+c], color[c], 8) {
					t.Fatalf("%v: 4x3 hash %q decodes pixel %d as %v", color, hash, i/4, decoded.RGBA[i:i+4])
				}
			}
		}
	}
}

// checkHalves checks that decoded, 32 pixels wide, is red a quarter of the way across and blue three
// quarters: with four horizontal components a sharp edge rings, least there.
func checkHalves(t *testing.T, hash any, decoded Pixels) {
	t.Helper()
	at := func(x int) []byte { i := 4 * (decoded.Height/2*decoded.Width + x); return decoded.RGBA[i : i+3] }
	if left := at(8); left[0] < 200 || left[1] > 60 || left[2] > 60 {
		t.Errorf("hash %v decodes the red left half as %v", hash, left)
	}
	if right := at(24); right[2] < 200 || right[0] > 60 || right[1] > 60 {
		t.Errorf("hash %v decodes the blue right half as %v", hash, right)
	}
}

func TestBlurhashHalves(t *testing.T) {
	hash, err := Blurhash(halves(100, 75), 4, 3)
	if err != nil {
		t.Fatal(err)
	}
	checkHalves(t, hash, decodeBlurhash(t, hash, 32, 32))
}

func TestBlurhashRamp(t *testing.T) {
	// Dark to light: the strongest AC term is negative, so the quantised maximum must be taken over
	// magnitudes (as the C reference does) or the ramp flattens out.
	ramp := paint(100, 75, func(x, _ int) [4]uint8 {
		v := uint8(x * 255 / 99)
		return [4]uint8{v, v, v, 255}
	})
	hash, err := Blurhash(ramp, 4, 1)
	if err != nil {
		t.Fatal(err)
	}
	decoded := decodeBlurhash(t, hash, 32, 1)
	for x := 1; x < 32; x++ {
		if decoded.RGBA[4*x] < decoded.RGBA[4*(x-1)] {
			t.Fatalf("hash %q decodes the ramp darkening at x=%d: %v", hash, x, decoded.RGBA)
		}
	}
	if left, right := decoded.RGBA[4*4], decoded.RGBA[4*27]; int(right)-int(left) < 150 {
		t.Errorf("hash %q decodes the ramp from %d to %d only", hash, left, right)
	}
}

func TestBlurhashLength(t *testing.T) {
	p := photo(20, 15)
	for x := 1; x <= 9; x++ {
		for y := 1; y <= 9; y++ {
			hash, err := Blurhash(p, x, y)
			if err != nil {
				t.Fatal(err)
			}
			if len(hash) != 4+2*x*y {
				t.Errorf("%dx%d components: %d characters, want %d", x, y, len(hash), 4+2*x*y)
			}
			decodeBlurhash(t, hash, 4, 4) // checks that the size digit says x by y
		}
	}
}

func TestBlurhashErrors(t *testing.T) {
	p := photo(10, 10)
	for _, c := range [][2]int{{0, 3}, {4, 0}, {10, 3}, {4, 10}, {-1, 1}} {
		if _, err := Blurhash(p, c[0], c[1]); err == nil || !strings.HasPrefix(err.Error(), "blurhash: ") {
			t.Errorf("Blurhash with %dx%d components: error %v", c[0], c[1], err)
		}
	}
	for _, bad := range []Pixels{{}, {Width: 0, Height: 5}, {Width: 2, Height: 2, RGBA: make([]byte, 15)}, {Width: 2, Height: 3, RGBA: make([]byte, 16)}} {
		if _, err := Blurhash(bad, 4, 3); err == nil {
			t.Errorf("Blurhash(%dx%d, %d bytes) accepted a malformed image", bad.Width, bad.Height, len(bad.RGBA))
		}
	}
}

// thumbhashAspectRatio is the spec's thumbHashToApproximateAspectRatio.
func thumbhashAspectRatio(hash []byte) float64 {
	hasAlpha, isLandscape := hash[2]&0x80 != 0, hash[4]&0x80 != 0
	long := 7.0
	if hasAlpha {
		long = 5
	}
	short := float64(hash[3] & 7)
	if isLandscape {
		return long / short
	}
	return short / long
}

// thumbhashAverage is the spec's thumbHashToAverageRGBA, channels 0..1.
func thumbhashAverage(hash []byte) [4]float64 {
	header := int(hash[0]) | int(hash[1])<<8 | int(hash[2])<<16
	l := float64(header&63) / 63
	p := float64(header>>6&63)/31.5 - 1
	q := float64(header>>12&63)/31.5 - 1
	a := 1.0
	if header>>23 != 0 {
		a = float64(hash[5]&15) / 15
	}
	b := l - 2.0/3*p
	r := (3*l - b + q) / 2
	g := r - q
	clamp := func(v float64) float64 { return math.Max(0, math.Min(1, v)) }
	return [4]float64{clamp(r), clamp(g), clamp(b), a}
}

// decodeThumbhash is the spec's thumbHashToRGBA: at most 32 pixels along the longer side.
func decodeThumbhash(t *testing.T, hash []byte) Pixels {
	t.Helper()
	if len(hash) < 5 {
		t.Fatalf("thumbhash %x is too short", hash)
	}
	header24 := int(hash[0]) | int(hash[1])<<8 | int(hash[2])<<16
	header16 := int(hash[3]) | int(hash[4])<<8
	lDC := float64(header24&63) / 63
	pDC := float64(header24>>6&63)/31.5 - 1
	qDC := float64(header24>>12&63)/31.5 - 1
	lScale := float64(header24>>18&31) / 31
	hasAlpha := header24>>23 != 0
	pScale := float64(header16>>3&63) / 63
	qScale := float64(header16>>9&63) / 63
	isLandscape := header16>>15 != 0
	long := 7
	if hasAlpha {
		long = 5
	}
	lx, ly := max(3, header16&7), max(3, long)
	if isLandscape {
		lx, ly = max(3, long), max(3, header16&7)
	}
	aDC, aScale := 1.0, 0.0
	start := 5
	if hasAlpha {
		if len(hash) < 6 {
			t.Fatalf("thumbhash %x is too short for alpha", hash)
		}
		aDC, aScale = float64(hash[5]&15)/15, float64(hash[5]>>4)/15
		start = 6
	}
	index := 0
	channel := func(nx, ny int, scale float64) []float64 {
		var ac []float64
		for cy := range ny {
			for cx := 0; cx*ny < nx*(ny-cy); cx++ {
				if cx == 0 && cy == 0 {
					continue
				}
				at := start + index/2
				if at >= len(hash) {
					t.Fatalf("thumbhash %x is too short for its AC terms", hash)
				}
				nibble := hash[at] >> (4 * (index % 2)) & 15
				ac = append(ac, (float64(nibble)/7.5-1)*scale)
				index++
			}
		}
		return ac
	}
	lAC := channel(lx, ly, lScale)
	pAC := channel(3, 3, pScale*1.25) // the spec boosts saturation to make up for quantisation
	qAC := channel(3, 3, qScale*1.25)
	var aAC []float64
	if hasAlpha {
		aAC = channel(5, 5, aScale)
	}
	if index != 2*(len(hash)-start) && index != 2*(len(hash)-start)-1 {
		t.Fatalf("thumbhash %x has %d bytes of AC terms for %d terms", hash, len(hash)-start, index)
	}

	ratio := thumbhashAspectRatio(hash)
	w, h := 32, int(math.Round(32/ratio))
	if ratio < 1 {
		w, h = int(math.Round(32*ratio)), 32
	}
	sum := func(ac []float64, nx, ny int, fx, fy []float64) (v float64) {
		j := 0
		for cy := range ny {
			for cx := 0; cx*ny < nx*(ny-cy); cx++ {
				if cx == 0 && cy == 0 {
					continue
				}
				v += ac[j] * fx[cx] * fy[cy] * 2
				j++
			}
		}
		return v
	}
	return paint(w, h, func(x, y int) [4]uint8 {
		fx, fy := make([]float64, 7), make([]float64, 7)
		for c := range 7 {
			fx[c] = math.Cos(math.Pi / float64(w) * (float64(x) + 0.5) * float64(c))
			fy[c] = math.Cos(math.Pi / float64(h) * (float64(y) + 0.5) * float64(c))
		}
		l := lDC + sum(lAC, lx, ly, fx, fy)
		p := pDC + sum(pAC, 3, 3, fx, fy)
		q := qDC + sum(qAC, 3, 3, fx, fy)
		a := aDC
		if hasAlpha {
			a += sum(aAC, 5, 5, fx, fy)
		}
		b := l - 2.0/3*p
		r := (3*l - b + q) / 2
		g := r - q
		to8 := func(v float64) uint8 { return uint8(math.Max(0, 255*math.Min(1, v))) }
		return [4]uint8{to8(r), to8(g), to8(b), to8(a)}
	})
}

func TestThumbhashSolid(t *testing.T) {
	for _, color := range [][4]uint8{{200, 120, 40, 255}, {12, 180, 250, 255}, {128, 128, 128, 255}} {
		hash, err := Thumbhash(solid(100, 75, color))
		if err != nil {
			t.Fatal(err)
		}
		if hash[2]&0x80 != 0 {
			t.Errorf("%v: opaque image has the alpha flag: %x", color, hash)
		}
		avg := thumbhashAverage(hash)
		for c := range 3 {
			if math.Abs(avg[c]*255-float64(color[c])) > 6 {
				t.Errorf("%v: hash %x averages to %.1f in channel %d", color, hash, avg[c]*255, c)
			}
		}
		if avg[3] != 1 {
			t.Errorf("%v: hash %x has average alpha %v", color, hash, avg[3])
		}
		decoded := decodeThumbhash(t, hash)
		for i := 0; i < len(decoded.RGBA); i += 4 {
			for c := range 4 {
				if !near(decoded.RGBA[i+c], color[c], 6) {
					t.Fatalf("%v: hash %x decodes pixel %d as %v", color, hash, i/4, decoded.RGBA[i:i+4])
				}
			}
		}
	}
}

func TestThumbhashAspectRatio(t *testing.T) {
	// Only the shorter side's component count is kept, so ratios come back to the nearest 1/7:
	// 2:1 is stored as 7 by 4.
	for _, c := range []struct {
		w, h int
		want float64
	}{{100, 50, 2}, {50, 100, 0.5}, {100, 100, 1}, {100, 25, 4}, {30, 90, 1.0 / 3}} {
		hash, err := Thumbhash(photo(c.w, c.h))
		if err != nil {
			t.Fatal(err)
		}
		got := thumbhashAspectRatio(hash)
		if math.Abs(math.Log(got/c.want)) > math.Log(1.2) {
			t.Errorf("%dx%d: aspect ratio %.3f, want about %.3f", c.w, c.h, got, c.want)
		}
		decoded := decodeThumbhash(t, hash)
		if max(decoded.Width, decoded.Height) != 32 || (c.w > c.h) != (decoded.Width > decoded.Height) {
			t.Errorf("%dx%d: decodes to %dx%d", c.w, c.h, decoded.Width, decoded.Height)
		}
	}
}

func TestThumbhashHalves(t *testing.T) {
	hash, err := Thumbhash(halves(100, 100))
	if err != nil {
		t.Fatal(err)
	}
	checkHalves(t, hash, decodeThumbhash(t, hash))
}

func TestThumbhashTransparency(t *testing.T) {
	// A red disc on nothing.
	p := paint(100, 100, func(x, y int) [4]uint8 {
		if (x-50)*(x-50)+(y-50)*(y-50) < 30*30 {
			return [4]uint8{255, 0, 0, 255}
		}
		return [4]uint8{0, 0, 0, 0}
	})
	hash, err := Thumbhash(p)
	if err != nil {
		t.Fatal(err)
	}
	if hash[2]&0x80 == 0 {
		t.Fatalf("hash %x of a half-transparent image lacks the alpha flag", hash)
	}
	if a := thumbhashAverage(hash)[3]; math.Abs(a-math.Pi*0.09) > 0.1 {
		t.Errorf("hash %x has average alpha %.2f, want about %.2f", hash, a, math.Pi*0.09)
	}
	decoded := decodeThumbhash(t, hash)
	at := func(x, y int) []byte { return decoded.RGBA[4*(y*decoded.Width+x) : 4*(y*decoded.Width+x)+4] }
	if centre := at(16, 16); centre[3] < 200 || centre[0] < 180 {
		t.Errorf("hash %x decodes the disc's centre as %v", hash, centre)
	}
	for _, corner := range [][2]int{{1, 1}, {30, 1}, {1, 30}, {30, 30}} {
		if px := at(corner[0], corner[1]); px[3] > 64 {
			t.Errorf("hash %x decodes the transparent corner %v as %v", hash, corner, px)
		}
	}
	// The transparent pixels were black; compositing them onto the average keeps them from darkening the disc.
	if avg := thumbhashAverage(hash); avg[0] < 0.8 {
		t.Errorf("hash %x averages to %v, want red", hash, avg)
	}
}

func TestThumbhashErrors(t *testing.T) {
	for _, c := range [][2]int{{101, 10}, {10, 101}, {200, 200}} {
		if _, err := Thumbhash(photo(c[0], c[1])); err == nil || !strings.HasPrefix(err.Error(), "thumbhash: ") {
			t.Errorf("Thumbhash(%dx%d): error %v", c[0], c[1], err)
		}
	}
	for _, bad := range []Pixels{{}, {Width: 3, Height: 0}, {Width: 2, Height: 2, RGBA: make([]byte, 12)}} {
		if _, err := Thumbhash(bad); err == nil {
			t.Errorf("Thumbhash(%dx%d, %d bytes) accepted a malformed image", bad.Width, bad.Height, len(bad.RGBA))
		}
	}
	if _, err := Thumbhash(photo(100, 100)); err != nil {
		t.Errorf("Thumbhash(100x100) = %v", err)
	}
}

func TestColorHex(t *testing.T) {
	if got := (Color{Red: 1, Green: 0xab, Blue: 255, Alpha: 7}).Hex(); got != "#01abff" {
		t.Errorf("Hex() = %q, want #01abff", got)
	}
}

func TestDominantColorsProportions(t *testing.T) {
	p := paint(100, 100, func(_, y int) [4]uint8 {
		if y < 70 {
			return [4]uint8{255, 0, 0, 255}
		}
		return [4]uint8{0, 0, 255, 255}
	})
	got := DominantColors(p, 5)
	if len(got) != 2 {
		t.Fatalf("DominantColors = %v, want red and blue", got)
	}
	for i, want := range []struct {
		hex   string
		share float64
	}{{"#ff0000", 0.7}, {"#0000ff", 0.3}} {
		if got[i].Hex() != want.hex || got[i].Alpha != 255 || math.Abs(got[i].Share-want.share) > 1e-9 {
			t.Errorf("color %d = %+v (%s), want %s with share %v", i, got[i], got[i].Hex(), want.hex, want.share)
		}
	}
}

func TestDominantColorsMergesShades(t *testing.T) {
	// A sky: one blue shading over 100 columns, through many histogram buckets.
	sky := paint(100, 75, func(x, y int) [4]uint8 {
		return [4]uint8{uint8(70 + x/3), uint8(130 + x/3), uint8(215 + x/5 - y/10), 255}
	})
	got := DominantColors(sky, 5)
	if len(got) != 1 || got[0].Share != 1 {
		t.Fatalf("DominantColors(sky) = %+v, want one blue", got)
	}
	if c := got[0]; c.Blue < 200 || c.Red > 110 || c.Green < 130 || c.Green > 170 {
		t.Errorf("DominantColors(sky) = %s, want a mid sky blue", c.Hex())
	}
	// From deep blue overhead to pale at the horizon is a long way, but still not five blues.
	deep := paint(100, 75, func(_, y int) [4]uint8 {
		f := float64(y) / 74
		return [4]uint8{uint8(60 + 110*f), uint8(110 + 90*f), uint8(200 + 35*f), 255}
	})
	got = DominantColors(deep, 5)
	if len(got) > 2 {
		t.Errorf("DominantColors(deep sky) = %+v, want at most two blues", got)
	}
}

func TestDominantColorsMax(t *testing.T) {
	bands := [][4]uint8{{255, 0, 0, 255}, {0, 160, 0, 255}, {0, 0, 255, 255}, {255, 230, 0, 255}}
	p := paint(100, 100, func(_, y int) [4]uint8 {
		// Unequal areas so the order is defined: 40%, 30%, 20%, 10%.
		switch {
		case y < 40:
			return bands[0]
		case y < 70:
			return bands[1]
		case y < 90:
			return bands[2]
		}
		return bands[3]
	})
	all := DominantColors(p, 10)
	if len(all) != 4 {
		t.Fatalf("DominantColors(4 colors, 10) = %+v", all)
	}
	for i, c := range all {
		if c.Red != bands[i][0] || c.Green != bands[i][1] || c.Blue != bands[i][2] {
			t.Errorf("color %d = %s, want %v", i, c.Hex(), bands[i])
		}
	}
	for n := range 5 {
		if got := DominantColors(p, n); len(got) != min(n, 4) || (n > 0 && !reflect.DeepEqual(got, all[:n])) {
			t.Errorf("DominantColors(4 colors, %d) = %+v, want the first %d of %+v", n, got, n, all)
		}
	}
	if got := DominantColors(p, -1); len(got) != 0 {
		t.Errorf("DominantColors(max -1) = %+v", got)
	}
}

func TestDominantColorsTransparency(t *testing.T) {
	if got := DominantColors(solid(50, 50, [4]uint8{255, 0, 0, 0}), 5); len(got) != 0 {
		t.Errorf("DominantColors(transparent) = %+v, want none", got)
	}
	// Faint green over half the image is ignored; red is then all there is.
	p := paint(50, 50, func(x, _ int) [4]uint8 {
		if x < 25 {
			return [4]uint8{255, 0, 0, 200}
		}
		return [4]uint8{0, 255, 0, 127}
	})
	got := DominantColors(p, 5)
	if len(got) != 1 || got[0].Hex() != "#ff0000" || got[0].Alpha != 200 || got[0].Share != 1 {
		t.Errorf("DominantColors(red, faint green) = %+v, want opaque-enough red alone", got)
	}
	if got := DominantColors(Pixels{Width: 2, Height: 2, RGBA: make([]byte, 8)}, 5); len(got) != 0 {
		t.Errorf("DominantColors(malformed) = %+v", got)
	}
}

func TestDominantColorsNoise(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	noise := paint(100, 100, func(int, int) [4]uint8 {
		return [4]uint8{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256))}
	})
	got := DominantColors(noise, 8)
	if len(got) != 8 {
		t.Fatalf("DominantColors(noise, 8) gave %d colors", len(got))
	}
	total := 0.0
	for i, c := range got {
		total += c.Share
		if c.Share <= 0 || (i > 0 && c.Share > got[i-1].Share) {
			t.Errorf("color %d has share %v after %v", i, c.Share, got[max(0, i-1)].Share)
		}
		if c.Alpha < minAlpha {
			t.Errorf("color %d has alpha %d, from pixels that should not count", i, c.Alpha)
		}
	}
	if total > 1+1e-9 {
		t.Errorf("shares add up to %v", total)
	}
	if again := DominantColors(noise, 8); !reflect.DeepEqual(got, again) {
		t.Errorf("DominantColors is not deterministic:\n%+v\n%+v", got, again)
	}
}

func TestSRGBRoundTrip(t *testing.T) {
	for v := range 256 {
		if got := srgbOf(linearOf[v]); got != v {
			t.Errorf("srgbOf(linearOf[%d]) = %d", v, got)
		}
	}
	// Between two levels, the nearer one; on both sides of the curve's linear toe.
	for _, v := range []int{5, 200} {
		if got := srgbOf(0.2*linearOf[v] + 0.8*linearOf[v+1]); got != v+1 {
			t.Errorf("srgbOf(just below linearOf[%d]) = %d", v+1, got)
		}
	}
}

func BenchmarkBlurhash(b *testing.B) {
	p := photo(100, 75)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Blurhash(p, 4, 3); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkThumbhash(b *testing.B) {
	p := photo(100, 75)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Thumbhash(p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDominantColors(b *testing.B) {
	p := photo(100, 75)
	b.ReportAllocs()
	for b.Loop() {
		DominantColors(p, 5)
	}
}

// A white image with a red square, sampled as a resize samples it: a pixel on the square's edge blends
// the two. The palette is the two colors, exactly, not their blends.
func TestDominantColorsKeepPureColorsPure(t *testing.T) {
	const side = 100
	p := paint(side, 67, func(x, y int) [4]uint8 {
		// the square covers [75.3, 91.7) × [8.3, 25): edge pixels are covered in part
		cover := overlap(float64(x), 75.3, 91.7) * overlap(float64(y), 8.3, 25)
		mix := func(red, white float64) uint8 {
			return uint8(srgbOf(cover*linearOf[uint8(red)] + (1-cover)*linearOf[uint8(white)]))
		}
		return [4]uint8{255, mix(0, 255), mix(0, 255), 255}
	})
	got := DominantColors(p, 5)
	if len(got) != 2 || got[0].Hex() != "#ffffff" || got[1].Hex() != "#ff0000" {
		t.Fatalf("DominantColors(white, red square) = %+v, want #ffffff then #ff0000 alone", got)
	}
}

// overlap is how much of the pixel [x, x+1) lies in [lo, hi).
func overlap(x, lo, hi float64) float64 { return math.Max(0, math.Min(x+1, hi)-math.Max(x, lo)) }

// The counting sort orders swatches exactly as a stable comparison sort does, ties included.
func TestSortByChannelIsStable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for c := range 3 {
		ss := make([]swatch, 5000)
		for i := range ss {
			// few distinct values, so that most swatches tie on the channel
			ss[i] = swatch{rgb: [3]uint8{uint8(r.IntN(8)), uint8(r.IntN(8)), uint8(r.IntN(8))}, n: i}
		}
		want := slices.Clone(ss)
		slices.SortStableFunc(want, func(x, y swatch) int { return cmp.Compare(x.rgb[c], y.rgb[c]) })
		sortByChannel(ss, c)
		if !slices.Equal(ss, want) {
			t.Fatalf("channel %d: the counting sort differs from a stable sort", c)
		}
	}
}
