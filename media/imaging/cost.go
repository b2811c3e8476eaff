package imaging

import (
	"errors"
	"fmt"
	"image"
	"math"
	"time"
)

// Weights of the cost model, in nanoseconds of one core per pixel, measured with
// BenchmarkCostWeights (AMD EPYC, one libvips thread, 12 MP photo to 1000×750):
// JPEG 68 ms, WebP 99 ms, AVIF 456 ms, GIF 906 ms, PNG 1145 ms; the same to JPEG with a blur of
// sigma 20 took 242 ms and of sigma 50 1108 ms. They are rough on purpose: the estimate only has to
// tell an ordinary transform from one that would hold a core for tens of seconds.
const (
	// A JPEG's entropy-coded data is read whole whatever the shrink on load.
	nsPerStoredJPEGPixel = 2.0
	nsPerDecodedPixel    = 15.0
	nsPerResizedPixel    = 10.0
	// libvips' Gaussian is two separable passes over a mask about 3.6 sigma wide (min_ampl 0.2), on
	// every band: about 25 ns per output pixel and unit of sigma.
	nsPerBlurredPixelSigma = 25.0
	// The entropy crop copies the loaded image to memory, then measures the entropy of strips of it
	// until it is cut to size: 12 MP to 1000×333 (1000×750 loaded) took 18 ms cut in the centre and
	// 39 ms by entropy, to 3000×1000 (3000×2250 loaded) 113 ms and 233 ms: 18 to 28 ns per loaded
	// pixel, measured by BenchmarkCostWeights/jpg-crop.
	nsPerEntropyPixel = 25.0
	// bytesPerPixel is an 8-bit RGBA pixel; blurring works in float, four times as wide.
	bytesPerPixel        = 4
	bytesPerBlurredPixel = 16
)

// nsPerEncodedPixel is each output format's encoder, less the decode and resize the benchmark
// also did: AVIF costs several times WebP, and PNG (zlib over adaptive filters) and GIF
// (quantising) cost more still on photos.
var nsPerEncodedPixel = map[Format]float64{JPEG: 20, WebP: 50, AVIF: 550, GIF: 1100, PNG: 1400}

// Cost is the estimated price of one transform, worked out from the header and the plan before
// any pixel is decoded.
type Cost struct {
	// Work is one core's time on the machine the weights were measured on.
	Work time.Duration
	// Memory is the most pixel memory the transform holds at once, in bytes, not counting the input.
	Memory int64
	// Field is the parameter whose lowering cuts the most work: "blur", "crop", "fm" or "w".
	Field string
}

// ErrTooCostly is returned, wrapped in an *OverBudgetError, for a transform over its budget.
var ErrTooCostly = errors.New("transform over budget")

// OverBudgetError says which parameter to lower for a transform over its budget.
type OverBudgetError struct {
	Field   string
	Message string
}

func (e *OverBudgetError) Error() string { return e.Message }

func (e *OverBudgetError) Unwrap() error { return ErrTooCostly }

// estimate prices plan p of an image whose header is h; pure, so that it is tested without libvips.
func estimate(h Header, p plan) Cost {
	frames := 1.0
	if p.allFrames {
		frames = float64(h.Frames)
	}
	loaded := area(p.loadSize) * frames
	out := loaded
	switch {
	case p.cut != image.Point{}:
		out = area(p.cut) * frames
	case p.canvas != image.Point{}:
		out = area(p.canvas) * frames
	}
	blurred := out
	if p.canvas != (image.Point{}) {
		blurred = loaded // blur comes before the padding
	}
	decoded, entropy := float64(h.Pixels())*frames, 0.0
	if h.plainJPEG && !p.allFrames {
		k := float64(jpegShrink(h, p.loadSize.X, p.loadSize.Y))
		decoded, entropy = float64(h.Pixels())/(k*k), float64(h.Pixels())*nsPerStoredJPEGPixel
	}
	terms := []struct {
		field string
		ns    float64
	}{
		{"w", entropy + decoded*nsPerDecodedPixel + loaded*nsPerResizedPixel},
		{"blur", blurred * p.blur * nsPerBlurredPixelSigma},
		{"fm", out * nsPerEncodedPixel[p.format]},
	}
	if p.entropy {
		terms = append(terms, struct {
			field string
			ns    float64
		}{"crop", loaded * nsPerEntropyPixel})
	}
	c := Cost{Memory: int64((decoded + loaded + out) * bytesPerPixel)}
	if p.blur > 0 {
		c.Memory += int64(blurred * bytesPerBlurredPixel)
	}
	var total, top float64
	for _, t := range terms {
		total += t.ns
		if t.ns > top {
			top, c.Field = t.ns, t.field
		}
	}
	// An encoder of its own is only the parameter to lower when it is one of the costly ones.
	if c.Field == "fm" && nsPerEncodedPixel[p.format] <= nsPerEncodedPixel[WebP] {
		c.Field = "w"
	}
	c.Work = time.Duration(math.Min(total, math.MaxInt64))
	return c
}

func area(p image.Point) float64 { return float64(p.X) * float64(p.Y) }

// Check refuses a transform that would take more than work or hold more than memory bytes of
// pixels, naming the parameter to lower.
func (c Cost) Check(work time.Duration, memory int64) error {
	advice := map[string]string{"w": "ask for a smaller w or h", "blur": "lower blur", "fm": "ask for a cheaper format (fm=webp or fm=jpg)", "crop": "ask for another crop than entropy, or a smaller w or h"}[c.Field]
	switch {
	case work > 0 && c.Work > work:
		return &OverBudgetError{Field: c.Field, Message: fmt.Sprintf("this transform would take about %s of processing, over the %s allowed: %s", c.Work.Round(100*time.Millisecond), work, advice)}
	case memory > 0 && c.Memory > memory:
		field := c.Field
		if field == "fm" || field == "crop" {
			field, advice = "w", "ask for a smaller w or h"
		}
		return &OverBudgetError{Field: field, Message: fmt.Sprintf("this transform would hold about %d MiB of pixels, over the %d MiB allowed: %s", c.Memory>>20, memory>>20, advice)}
	}
	return nil
}

// MemoryBound is the most pixel memory a transform by s of an image of width×height (as displayed)
// and frames frames may hold, worked out from those stored facts before the bytes are read: decoded
// without shrink on load, so that no header makes it more.
func MemoryBound(width, height, frames int, s Spec) (int64, error) {
	h := Header{Width: width, Height: height, Frames: max(frames, 1), Orientation: 1}
	if frames > 1 {
		h.FrameDelays = make([]int, frames)
	}
	p, err := newPlan(h, s)
	if err != nil {
		return 0, err
	}
	return estimate(h, p).Memory, nil
}
