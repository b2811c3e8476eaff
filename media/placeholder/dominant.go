package placeholder

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// Color is one dominant color: the channels and its share of the (opaque) pixels, 0..1.
type Color struct {
	Red, Green, Blue, Alpha uint8
	Share                   float64
}

// Hex is the color as "#rrggbb", lower case, without alpha.
func (c Color) Hex() string {
	return fmt.Sprintf("#%02x%02x%02x", c.Red, c.Green, c.Blue)
}

const (
	// bucketBits per channel makes 4096 buckets: fine enough that a bucket's pixels look alike,
	// coarse enough that a thumbnail spreads over few of them.
	bucketBits = 4
	// minAlpha is the least alpha a pixel needs to count: the rest is mostly background showing through.
	minAlpha = 128
	// minDistance is how far apart in Oklab two returned colors are at least: several times the least
	// difference an eye notices (about 0.02), so the shades of one sky come back as one or two blues.
	minDistance = 0.1
)

// bucket sums the pixels that fall in one histogram cell: colors in linear light, so that their mean
// is the color the eye would see from afar.
type bucket struct {
	n, alpha int
	r, g, b  float64
}

func (b *bucket) add(o bucket) {
	b.n += o.n
	b.alpha += o.alpha
	b.r, b.g, b.b = b.r+o.r, b.g+o.g, b.b+o.b
}

// DominantColors returns up to max colors that cover most of p, most common first. Pixels with alpha
// below 128 are ignored, and colors close enough to look alike are merged; Shares are of the pixels
// counted, so they add up to at most 1. The result is empty if no pixel counts or p is malformed.
//
// It is a histogram of coarsely quantised colors, taken greedily from the most common bucket down:
// a bucket joins the nearest color already chosen if that is close, else becomes a color of its own.
func DominantColors(p Pixels, max int) []Color {
	if max < 1 || p.check() != nil {
		return nil
	}
	const shift = 8 - bucketBits
	hist := make([]bucket, 1<<(3*bucketBits))
	counted := 0
	for i := 0; i < len(p.RGBA); i += 4 {
		px := p.RGBA[i : i+4]
		if px[3] < minAlpha {
			continue
		}
		k := int(px[0]>>shift)<<(2*bucketBits) | int(px[1]>>shift)<<bucketBits | int(px[2]>>shift)
		b := &hist[k]
		b.n++
		b.alpha += int(px[3])
		b.r += linearOf[px[0]]
		b.g += linearOf[px[1]]
		b.b += linearOf[px[2]]
		counted++
	}
	if counted == 0 {
		return nil
	}

	// Most common first, ties to the lower bucket so that the same pixels always give the same
	// colors. Keys pack the count above the bucket's index, complemented: plain integers sort about
	// twice as fast as buckets compared by a function, which tells on noisy images' 4096 buckets.
	const last = 1<<(3*bucketBits) - 1
	var order []int
	for k, b := range hist {
		if b.n > 0 {
			order = append(order, b.n<<(3*bucketBits)|(last-k))
		}
	}
	slices.Sort(order)
	slices.Reverse(order)

	type cluster struct {
		sum  bucket
		seed [3]float64 // Oklab of the first bucket: distances are to it, so a cluster cannot drift
	}
	var clusters []cluster
	for _, key := range order {
		b := hist[last-key&last]
		lab := oklab(b.r/float64(b.n), b.g/float64(b.n), b.b/float64(b.n))
		nearest, dist := -1, math.Inf(1)
		for c := range clusters {
			if d := distance(clusters[c].seed, lab); d < dist {
				nearest, dist = c, d
			}
		}
		switch {
		case dist < minDistance:
			clusters[nearest].sum.add(b)
		case len(clusters) < max:
			clusters = append(clusters, cluster{sum: b, seed: lab})
		}
	}
	// Merging can move a later color ahead; the sort is stable so ties keep their order.
	slices.SortStableFunc(clusters, func(a, b cluster) int { return cmp.Compare(b.sum.n, a.sum.n) })

	colors := make([]Color, len(clusters))
	for i, c := range clusters {
		n := float64(c.sum.n)
		colors[i] = Color{
			Red:   uint8(srgbOf(c.sum.r / n)),
			Green: uint8(srgbOf(c.sum.g / n)),
			Blue:  uint8(srgbOf(c.sum.b / n)),
			Alpha: uint8(math.Round(float64(c.sum.alpha) / n)),
			Share: n / float64(counted),
		}
	}
	return colors
}

// oklab converts linear sRGB to Oklab (Björn Ottosson, 2020), where Euclidean distance tracks how
// different two colors look far better than in RGB.
func oklab(r, g, b float64) [3]float64 {
	l := math.Cbrt(0.4122214708*r + 0.5363325363*g + 0.0514459929*b)
	m := math.Cbrt(0.2119034982*r + 0.6806995457*g + 0.1073969566*b)
	s := math.Cbrt(0.0883024619*r + 0.2817188376*g + 0.6299787005*b)
	return [3]float64{
		0.2104542553*l + 0.7936177850*m - 0.0040720619*s,
		1.9779984951*l - 2.4285922050*m + 0.4505937099*s,
		0.0259040371*l + 0.7827717662*m - 0.8086757061*s,
	}
}

func distance(a, b [3]float64) float64 {
	return math.Sqrt((a[0]-b[0])*(a[0]-b[0]) + (a[1]-b[1])*(a[1]-b[1]) + (a[2]-b[2])*(a[2]-b[2]))
}
