package vision

import (
	"cmp"
	"math"
	"slices"

	"github.com/mediagraph/mediagraph/media/imaging"
)

// colorShare is the share of an image's opaque pixels in one named color.
type colorShare struct {
	name  string
	share float64
}

// namedColors counts t's opaque pixels by the plain color name a person would give them, the
// largest share first.
func namedColors(t imaging.Thumbnail) []colorShare {
	counts := map[string]int{}
	total := 0
	for i := 0; i+3 < len(t.RGBA); i += 4 {
		if t.RGBA[i+3] < 128 {
			continue
		}
		counts[colorName(t.RGBA[i], t.RGBA[i+1], t.RGBA[i+2])]++
		total++
	}
	out := make([]colorShare, 0, len(counts))
	for name, n := range counts {
		out = append(out, colorShare{name, float64(n) / float64(max(total, 1))})
	}
	slices.SortFunc(out, func(a, b colorShare) int { return cmp.Or(cmp.Compare(b.share, a.share), cmp.Compare(a.name, b.name)) })
	return out
}

// colorName names a color by its hue, saturation and value, with the words of the basic color terms.
func colorName(r8, g8, b8 byte) string {
	r, g, b := float64(r8)/255, float64(g8)/255, float64(b8)/255
	hi, lo := max(r, g, b), min(r, g, b)
	v, c := hi, hi-lo
	s := 0.0
	if hi > 0 {
		s = c / hi
	}
	switch {
	case v < 0.18:
		return "black"
	case s < 0.15 && v > 0.85:
		return "white"
	case s < 0.15:
		return "gray"
	}
	h := hue(r, g, b, hi, c)
	switch {
	case h < 15 || h >= 340:
		if v < 0.55 {
			return "brown"
		}
		if s < 0.5 {
			return "pink"
		}
		return "red"
	case h < 45:
		if v < 0.6 {
			return "brown"
		}
		return "orange"
	case h < 70:
		return "yellow"
	case h < 165:
		return "green"
	case h < 200:
		return "cyan"
	case h < 260:
		return "blue"
	case h < 300:
		return "purple"
	}
	return "pink"
}

// hue is the hue of an RGB color in degrees; hi is its largest channel and c its chroma.
func hue(r, g, b, hi, c float64) float64 {
	if c == 0 {
		return 0
	}
	var h float64
	switch hi {
	case r:
		h = math.Mod((g-b)/c, 6)
	case g:
		h = (b-r)/c + 2
	default:
		h = (r-g)/c + 4
	}
	h *= 60
	if h < 0 {
		h += 360
	}
	return h
}

// Flatness of a page or a screen: a few flat colors cover most of it, where a photo's pixels spread
// over many. Colors are counted in bins of 16 levels a channel.
const (
	flatTopBin  = 0.35 // the commonest bin (the background) covers at least this share
	flatTopBins = 0.80 // and the 16 commonest at least this one
)

// looksLikeText says whether t looks like a document or a screenshot: worth reading for text.
func looksLikeText(t imaging.Thumbnail) bool {
	bins := make([]int, 4096)
	total := 0
	for i := 0; i+3 < len(t.RGBA); i += 4 {
		if t.RGBA[i+3] < 128 {
			continue
		}
		bins[int(t.RGBA[i]>>4)<<8|int(t.RGBA[i+1]>>4)<<4|int(t.RGBA[i+2]>>4)]++
		total++
	}
	if total == 0 {
		return false
	}
	slices.SortFunc(bins, func(a, b int) int { return b - a })
	top := 0
	for _, n := range bins[:16] {
		top += n
	}
	return float64(bins[0]) >= flatTopBin*float64(total) && float64(top) >= flatTopBins*float64(total)
}
