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
	// boxes is how many boxes median cut splits the colors into before near-duplicates merge: more
	// than any caller asks for, so that a small but distinct color gets a box of its own.
	boxes = 16
	// cellBits per channel makes the cells a box's color is taken from: 8 levels wide, so the densest
	// cell of a flat color holds that color alone and the blends along its edges fall in other cells.
	cellBits = 5
	// minAlpha is the least alpha a pixel needs to count: the rest is mostly background showing through.
	minAlpha = 128
	// minDistance is how far apart in Oklab two returned colors are at least: several times the least
	// difference an eye notices (about 0.02), so the shades of one sky come back as one or two blues.
	minDistance = 0.14
	// minShare is the least share of the counted pixels a color needs: what covers less is the blend
	// along an edge, not a color of the image.
	minShare = 0.01
)

// swatch is the pixels of one exact color.
type swatch struct {
	rgb      [3]uint8
	n, alpha int
}

// box is a set of swatches that median cut keeps together, with the channel its colors spread
// most along and how far.
type box struct {
	swatches        []swatch
	n               int
	channel, spread int
}

func newBox(ss []swatch, n int) box {
	b := box{swatches: ss, n: n}
	b.channel, b.spread = widest(ss)
	return b
}

// DominantColors returns up to max colors that cover most of p, largest area first. Pixels with alpha
// below 128 are ignored, colors close enough to look alike are merged, and colors covering under 1%
// are left out; Shares are of the pixels counted, so they add up to at most 1. The result is empty if
// no pixel counts or p is malformed.
//
// Median cut splits the exact colors into boxes; each box shows as the mean of its densest cell, not
// of all its pixels, so that a flat color stays exactly itself however many blends its edges leave in
// the sample. Boxes then merge, largest first, into the nearest color already chosen when they look
// alike. Nothing depends on max but the cut at the end, so fewer colors are a prefix of more.
func DominantColors(p Pixels, max int) []Color {
	if max < 1 || p.check() != nil {
		return nil
	}
	all, counted := swatches(p)
	if counted == 0 {
		return nil
	}
	colors := merge(medianCut(all, counted, boxes), counted)
	return colors[:min(len(colors), max)]
}

// swatches counts the pixels of each exact color that counts, in a fixed order.
func swatches(p Pixels) ([]swatch, int) {
	index := map[[3]uint8]int{}
	var out []swatch
	counted := 0
	for i := 0; i < len(p.RGBA); i += 4 {
		px := p.RGBA[i : i+4]
		if px[3] < minAlpha {
			continue
		}
		rgb := [3]uint8{px[0], px[1], px[2]}
		k, ok := index[rgb]
		if !ok {
			k = len(out)
			index[rgb] = k
			out = append(out, swatch{rgb: rgb})
		}
		out[k].n++
		out[k].alpha += int(px[3])
		counted++
	}
	// In RGB order: least significant channel first, each pass keeping the order of the one before.
	for c := 2; c >= 0; c-- {
		sortByChannel(out, c)
	}
	return out, counted
}

// sortByChannel orders swatches by one channel, keeping the order of equal values as a stable sort
// would, in linear time: a counting sort over the channel's 256 values. Median cut sorts thousands
// of swatches for each of its cuts, and a comparison sort there cost as much as decoding the image.
func sortByChannel(ss []swatch, channel int) {
	var start [257]int
	for _, s := range ss {
		start[int(s.rgb[channel])+1]++
	}
	for v := 1; v < len(start); v++ {
		start[v] += start[v-1]
	}
	sorted := make([]swatch, len(ss))
	for _, s := range ss {
		v := s.rgb[channel]
		sorted[start[v]] = s
		start[v]++
	}
	copy(ss, sorted)
}

func compareRGB(a, b [3]uint8) int {
	return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]), cmp.Compare(a[2], b[2]))
}

// medianCut splits the swatches into at most n boxes: each time the box with the most pixels times
// its widest channel's spread, along that channel, where half of its pixels lie on either side.
func medianCut(all []swatch, counted, n int) []box {
	out := []box{newBox(all, counted)}
	for len(out) < n {
		best, score := -1, 0
		for i, b := range out {
			if b.spread*b.n > score {
				best, score = i, b.spread*b.n
			}
		}
		if best < 0 {
			break // every box holds one color
		}
		lo, hi := split(out[best])
		out[best] = lo
		out = append(out, hi)
	}
	return out
}

// widest is the channel along which colors spread most, and how far.
func widest(ss []swatch) (channel, spread int) {
	for c := range 3 {
		lo, hi := 255, 0
		for _, s := range ss {
			lo, hi = min(lo, int(s.rgb[c])), max(hi, int(s.rgb[c]))
		}
		if hi-lo > spread {
			channel, spread = c, hi-lo
		}
	}
	return channel, spread
}

// split cuts a box of several colors in two along its widest channel at its pixels' median;
// neither half is empty.
func split(b box) (box, box) {
	ss, channel := b.swatches, b.channel
	sortByChannel(ss, channel)
	at, seen := 1, ss[0].n
	for at < len(ss)-1 && 2*seen < b.n {
		seen += ss[at].n
		at++
	}
	return newBox(ss[:at], seen), newBox(ss[at:], b.n-seen)
}

// cell sums the pixels of one cell of the color cube, in linear light.
type cell struct {
	n, alpha int
	sum      [3]float64
}

// face is the color a box shows as: the mean of its densest cell's pixels, in linear light, and
// their mean alpha.
func face(b box) (rgb [3]float64, alpha float64) {
	const shift = 8 - cellBits
	cells := map[[3]uint8]*cell{}
	var densest *cell
	var densestKey [3]uint8
	for _, s := range b.swatches {
		k := [3]uint8{s.rgb[0] >> shift, s.rgb[1] >> shift, s.rgb[2] >> shift}
		c := cells[k]
		if c == nil {
			c = &cell{}
			cells[k] = c
		}
		c.n += s.n
		c.alpha += s.alpha
		for i := range 3 {
			c.sum[i] += float64(s.n) * linearOf[s.rgb[i]]
		}
		if densest == nil || c.n > densest.n || (c.n == densest.n && compareRGB(k, densestKey) < 0) {
			densest, densestKey = c, k
		}
	}
	n := float64(densest.n)
	return [3]float64{densest.sum[0] / n, densest.sum[1] / n, densest.sum[2] / n}, float64(densest.alpha) / n
}

// cluster is boxes merged into one color: the face of the largest, the pixels of all.
type cluster struct {
	n     int
	rgb   [3]float64
	alpha float64
	lab   [3]float64
}

// merge turns boxes into colors, largest first: a box joins the nearest color already chosen when it
// looks alike, else becomes a color; colors too small to be more than edges are left out.
func merge(bs []box, counted int) []Color {
	slices.SortStableFunc(bs, func(a, b box) int { return cmp.Compare(b.n, a.n) })
	var clusters []cluster
	for _, b := range bs {
		rgb, alpha := face(b)
		lab := oklab(rgb[0], rgb[1], rgb[2])
		nearest, dist := -1, math.Inf(1)
		for c := range clusters {
			if d := distance(clusters[c].lab, lab); d < dist {
				nearest, dist = c, d
			}
		}
		if dist < minDistance {
			clusters[nearest].n += b.n
			continue
		}
		clusters = append(clusters, cluster{n: b.n, rgb: rgb, alpha: alpha, lab: lab})
	}
	// Merging can move a later color ahead; the sort is stable so ties keep their order.
	slices.SortStableFunc(clusters, func(a, b cluster) int { return cmp.Compare(b.n, a.n) })
	var colors []Color
	for _, c := range clusters {
		share := float64(c.n) / float64(counted)
		if share < minShare {
			continue
		}
		colors = append(colors, Color{
			Red: uint8(srgbOf(c.rgb[0])), Green: uint8(srgbOf(c.rgb[1])), Blue: uint8(srgbOf(c.rgb[2])),
			Alpha: uint8(math.Round(c.alpha)), Share: share,
		})
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
