package imaging

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"math"
	"strings"

	"github.com/davidbyttow/govips/v2/vips"
)

// Fit is how an image is fitted into the requested box (imgix semantics).
type Fit int

const (
	// FitClip fits the image inside the box keeping its aspect ratio. It may scale up; MaxSide
	// still caps the result.
	FitClip Fit = iota
	// FitMax is FitClip that never makes the image larger than the original.
	FitMax
	// FitCrop scales the image to cover the box keeping its aspect ratio, then cuts it to exactly
	// the box; Crop says which part is kept.
	FitCrop
	// FitFill fits the image inside the box, then pads it to exactly the box, centred, with white
	// for JPEG and transparency for the other formats.
	FitFill
	// FitScale stretches the image to exactly the box, distorting it.
	FitScale
)

// Crop says which part of the image FitCrop keeps.
type Crop int

const (
	// CropCenter keeps the middle.
	CropCenter Crop = iota
	// CropFocalPoint keeps the focal point (Spec.FocalX, Spec.FocalY) as close to the centre as
	// the image allows.
	CropFocalPoint
	// CropTop keeps the top edge, centred horizontally.
	CropTop
	// CropBottom keeps the bottom edge, centred horizontally.
	CropBottom
	// CropLeft keeps the left edge, centred vertically.
	CropLeft
	// CropRight keeps the right edge, centred vertically.
	CropRight
	// CropEntropy keeps the busiest part, as libvips' entropy measure finds it. An animation kept
	// animated is cut in the centre instead: each frame would pick a different part.
	CropEntropy
)

// Format is an output format.
type Format int

const (
	// JPEG has no alpha: transparency is flattened onto white.
	JPEG Format = iota
	// PNG is lossless; Spec.Quality does not apply.
	PNG
	// WebP is lossy and can keep an animation.
	WebP
	// AVIF is AV1 in HEIF, encoded by libheif.
	AVIF
	// GIF is 256 colours with 1-bit transparency and can keep an animation.
	GIF
)

// MimeType is f's media type: image/jpeg, image/png, image/webp, image/avif or image/gif ("" for
// an unknown Format).
func (f Format) MimeType() string { return encodings[f].mime }

// Extension is f's usual file-name extension, without the dot: jpg, png, webp, avif or gif (""
// for an unknown Format).
func (f Format) Extension() string { return encodings[f].ext }

// Spec is a validated, normalized transform; the caller (the HTTP layer) has parsed and bounded
// every field.
type Spec struct {
	// Width and Height are the box in output pixels (dpr already applied). 0 leaves that side
	// free, following the image's aspect ratio; both 0 keep the original size.
	Width, Height int
	Fit           Fit
	Crop          Crop
	// FocalX and FocalY locate CropFocalPoint's point as fractions (0 to 1) of the displayed,
	// oriented image.
	FocalX, FocalY float64
	Format         Format
	// Quality is 1 to 100 for JPEG, WebP and AVIF; the other formats ignore it.
	Quality int
	// Blur is a Gaussian sigma in output pixels, applied after resizing; 0 for none.
	Blur float64
	// Animated keeps every frame of an animated input. Only GIF and WebP outputs can; otherwise,
	// and when false, the first frame is used.
	Animated bool
	// MaxSide caps both output sides: a larger result is scaled down to fit, keeping its shape.
	// 0 for no cap.
	MaxSide int
	// MaxPixels refuses, before decoding, an input whose frames hold more pixels: one frame, or
	// all of them when the output is animated. 0 for no limit.
	MaxPixels int64
}

// ErrTooLarge is returned, wrapped with the sizes, for an input over Spec.MaxPixels.
var ErrTooLarge = errors.New("image too large")

// Job is a transform worked out against its input's header, priced, and not yet run.
type Job struct {
	buf []byte
	h   Header
	p   plan
	// Cost is what running it is estimated to take, for the caller to refuse or queue it.
	Cost Cost
}

// Prepare reads buf's header and plans s against it, without decoding a pixel.
func Prepare(buf []byte, s Spec) (*Job, error) {
	h, err := transformHeader(buf)
	if err != nil {
		return nil, fmt.Errorf("transform: decode: %w", vipsError(err))
	}
	p, err := newPlan(h, s)
	if err != nil {
		return nil, fmt.Errorf("transform: %w", err)
	}
	return &Job{buf: buf, h: h, p: p, Cost: estimate(h, p)}, nil
}

// Run decodes, transforms and encodes. When ctx ends it stops between steps and, within each step
// and the encode where libvips computes pixels, through libvips' kill flag; the error then wraps
// ctx.Err().
func (j *Job) Run(ctx context.Context) ([]byte, error) {
	countDecode()
	img, err := j.p.load(j.buf, j.h)
	if err != nil {
		return nil, fmt.Errorf("transform: decode: %w", vipsError(err))
	}
	defer img.Close()
	for _, st := range j.p.steps() {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("transform: before %s: %w", st.name, err)
		}
		stop := killOnDone(ctx, img)
		err := st.run(img)
		stop()
		if err != nil {
			return nil, stepError(ctx, st.name, err)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("transform: before encoding: %w", err)
	}
	stop := killOnDone(ctx, img)
	out, err := j.p.encoding.encode(img, j.p.quality)
	stop()
	if err != nil {
		// libvips decodes lazily, as the encoder pulls pixels, so a damaged input fails here.
		return nil, stepError(ctx, "encode "+j.p.encoding.ext, err)
	}
	return out, nil
}

// stepError is the failure of the step named name: the end of ctx when the kill flag stopped it,
// else libvips' reason.
func stepError(ctx context.Context, name string, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return fmt.Errorf("transform: %s: %w", name, ctxErr)
	}
	return fmt.Errorf("transform: %s: %w", name, vipsError(err))
}

// plan is a Spec worked out against one image's header, as imgproxy does: every size is settled
// before a pixel is decoded, then the steps apply it.
type plan struct {
	// allFrames loads every frame of an animation, stacked into one tall image.
	allFrames bool
	// flattenOnLoad puts an RGBA PNG on white as it is decoded, before resizing, for an output
	// without alpha (loadFlattened).
	flattenOnLoad bool
	// loadSize is what libvips' thumbnail makes of the displayed image; it shrinks on load (a
	// JPEG decodes at 1/2, 1/4 or 1/8 scale) wherever the format allows.
	loadSize image.Point
	// cut, when set, is cut out of each loaded frame around (focusX, focusY), or where libvips'
	// entropy measure finds the busiest part.
	cut            image.Point
	focusX, focusY float64
	entropy        bool
	// importProfile converts from an embedded ICC profile. Not for CMYK: thumbnail has already
	// converted it through its profile, yet leaves that profile attached.
	importProfile bool
	blur          float64
	// canvas, when set, is the output size the picture is centred on.
	canvas   image.Point
	encoding encoding
	format   Format
	quality  int
}

// newPlan works s out for the image h describes, and refuses it when over s.MaxPixels.
func newPlan(h Header, s Spec) (plan, error) {
	if err := s.check(); err != nil {
		return plan{}, err
	}
	p := plan{
		importProfile: h.ColorSpace != "cmyk",
		blur:          s.Blur,
		encoding:      encodings[s.Format],
		format:        s.Format,
		quality:       s.Quality,
	}
	p.allFrames = s.Animated && p.encoding.animates && len(h.FrameDelays) > 1
	p.flattenOnLoad = h.rgbaPNG && !p.encoding.alpha
	frames := int64(1)
	if p.allFrames {
		frames = int64(h.Frames)
	}
	if s.MaxPixels > 0 && h.Pixels()*frames > s.MaxPixels {
		return plan{}, fmt.Errorf("%w: %d frame(s) of %d×%d px is over %d px", ErrTooLarge, frames, h.Width, h.Height, s.MaxPixels)
	}

	out := OutputSize(h.Width, h.Height, s)
	// Enlarging an animation multiplies every frame: bound what is made, not only what is read.
	if s.MaxPixels > 0 && p.allFrames && int64(out.X)*int64(out.Y)*frames > s.MaxPixels {
		return plan{}, fmt.Errorf("%w: %d frames of %d×%d px is over %d px", ErrTooLarge, frames, out.X, out.Y, s.MaxPixels)
	}
	// Forcing the exact size costs at most a sub-pixel of distortion and makes the output size
	// the plan's rather than libvips' own rounding.
	p.loadSize = out
	width, height := float64(h.Width), float64(h.Height)
	switch s.Fit {
	case FitCrop:
		k := math.Max(float64(out.X)/width, float64(out.Y)/height)
		p.loadSize = image.Pt(max(out.X, scale(width, k)), max(out.Y, scale(height, k)))
		if p.loadSize != out {
			p.cut = out
			p.focusX, p.focusY = s.focus()
			// The entropy crop is a step of its own, after a lazy load, rather than thumbnail's
			// crop mode: thumbnail runs it eagerly inside the load, where no kill flag reaches it.
			p.entropy = s.Crop == CropEntropy && !p.allFrames
		}
	case FitFill:
		k := math.Min(float64(out.X)/width, float64(out.Y)/height)
		p.loadSize = image.Pt(min(out.X, scale(width, k)), min(out.Y, scale(height, k)))
		if p.loadSize != out {
			p.canvas = out
		}
	}
	return p, nil
}

// check refuses a Spec the HTTP layer should never have built, so that a bug there is a clear
// error here rather than a libvips failure or an odd picture.
func (s Spec) check() error {
	enc, ok := encodings[s.Format]
	switch {
	case !ok:
		return fmt.Errorf("unknown format %d", s.Format)
	case s.Fit < FitClip || s.Fit > FitScale:
		return fmt.Errorf("unknown fit %d", s.Fit)
	case s.Crop < CropCenter || s.Crop > CropEntropy:
		return fmt.Errorf("unknown crop %d", s.Crop)
	case s.Width < 0 || s.Height < 0 || s.MaxSide < 0 || s.MaxPixels < 0:
		return errors.New("negative size or limit")
	case !(s.FocalX >= 0 && s.FocalX <= 1 && s.FocalY >= 0 && s.FocalY <= 1): // also refuses NaN
		return fmt.Errorf("focal point (%g, %g) outside the image", s.FocalX, s.FocalY)
	case !(s.Blur >= 0 && s.Blur <= math.MaxFloat64):
		return fmt.Errorf("blur sigma %g", s.Blur)
	case enc.lossy && (s.Quality < 1 || s.Quality > 100):
		return fmt.Errorf("quality %d outside 1..100", s.Quality)
	}
	return nil
}

// OutputSize is the size a transform gives an image of width×height (as displayed) under s: the box
// with a free side following the aspect ratio, the fit applied, then the whole scaled down to
// MaxSide. URLs state it without decoding anything, so the arithmetic lives here only.
func OutputSize(width, height int, s Spec) image.Point {
	w, h := float64(width), float64(height)
	box := image.Pt(s.Width, s.Height)
	switch {
	case box.X == 0 && box.Y == 0:
		box = image.Pt(width, height)
	case box.X == 0:
		box.X = scale(w, float64(box.Y)/h)
	case box.Y == 0:
		box.Y = scale(h, float64(box.X)/w)
	}
	out := box
	if s.Fit == FitClip || s.Fit == FitMax {
		k := math.Min(float64(box.X)/w, float64(box.Y)/h)
		if s.Fit == FitMax {
			k = math.Min(k, 1)
		}
		out = image.Pt(scale(w, k), scale(h, k))
	}
	if longest := max(out.X, out.Y); s.MaxSide > 0 && longest > s.MaxSide {
		k := float64(s.MaxSide) / float64(longest)
		out = image.Pt(scale(float64(out.X), k), scale(float64(out.Y), k))
	}
	return out
}

// scale is n scaled by k, rounded, and never below one pixel.
func scale(n, k float64) int { return max(1, int(math.Round(n*k))) }

// focus is the point FitCrop keeps as close to the centre as it can. The edge crops are points
// on that edge rather than libvips' low/high crops, which would also pin the other axis to a
// corner.
func (s Spec) focus() (x, y float64) {
	switch s.Crop {
	case CropFocalPoint:
		return s.FocalX, s.FocalY
	case CropTop:
		return 0.5, 0
	case CropBottom:
		return 0.5, 1
	case CropLeft:
		return 0, 0.5
	case CropRight:
		return 1, 0.5
	}
	return 0.5, 0.5
}

// load decodes buf lazily, shrunk on load, oriented as displayed: no pixel is computed before the
// steps and the encode ask for them.
func (p plan) load(buf []byte, h Header) (*vips.ImageRef, error) {
	switch {
	case p.flattenOnLoad:
		return loadFlattened(buf, h, p.loadSize.X, p.loadSize.Y)
	case !p.allFrames:
		return loadScaled(buf, h, p.loadSize.X, p.loadSize.Y)
	}
	params := vips.NewImportParams()
	params.FailOnError.Set(true) // a partly grey picture would be served and cached as if whole
	params.NumPages.Set(-1)
	return vips.LoadThumbnailFromBuffer(buf, p.loadSize.X, p.loadSize.Y, vips.InterestingNone, vips.SizeForce, params)
}

// step is one named stage of the pipeline; it changes the image in place.
type step struct {
	name string
	run  func(*vips.ImageRef) error
}

// steps is what follows the load, in an order that matters: blur and padding work on sRGB; blur
// comes before padding so that the padding stays sharp, and flattening before it so that it
// finds no alpha to keep.
func (p plan) steps() []step {
	var steps []step
	switch {
	case p.entropy:
		steps = append(steps, step{"decode for the entropy crop", toMemory}, step{"entropy crop", p.entropyCrop})
	case p.cut != (image.Point{}):
		steps = append(steps, step{"crop", p.crop})
	}
	steps = append(steps, step{"convert to sRGB", p.toSRGB})
	if p.blur > 0 {
		steps = append(steps, step{"blur", p.blurFrames})
	}
	if !p.encoding.alpha {
		steps = append(steps, step{"flatten", flatten})
	}
	if p.canvas != (image.Point{}) {
		steps = append(steps, step{"pad", p.pad})
	}
	return steps
}

// crop cuts p.cut out of every frame around the focus, moved inwards as far as needed to stay
// inside the frame.
func (p plan) crop(img *vips.ImageRef) error {
	width, height := img.Width(), img.PageHeight()
	// Never outside the frame, should libvips have rounded the loaded size differently.
	cut := image.Pt(min(p.cut.X, width), min(p.cut.Y, height))
	left := clamp(int(math.Round(p.focusX*float64(width)-float64(cut.X)/2)), 0, width-cut.X)
	top := clamp(int(math.Round(p.focusY*float64(height)-float64(cut.Y)/2)), 0, height-cut.Y)
	return img.ExtractArea(left, top, cut.X, cut.Y)
}

// entropyCrop cuts p.cut out of the busiest part of the image, as libvips' entropy measure finds it.
func (p plan) entropyCrop(img *vips.ImageRef) error {
	return img.SmartCrop(min(p.cut.X, img.Width()), min(p.cut.Y, img.Height()), vips.InterestingEntropy)
}

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

// toSRGB leaves the image 8-bit sRGB whatever it came as. An embedded profile is converted from
// rather than dropped: stripped, a Display P3 or Adobe RGB photo would look washed out.
func (p plan) toSRGB(img *vips.ImageRef) error {
	if p.importProfile && img.HasICCProfile() {
		if err := img.TransformICCProfileWithFallback("srgb", "srgb"); err != nil {
			return err
		}
	}
	if img.Interpretation() != vips.InterpretationSRGB {
		if err := img.ToColorSpace(vips.InterpretationSRGB); err != nil {
			return err
		}
	}
	if img.BandFormat() != vips.BandFormatUchar {
		return img.Cast(vips.BandFormatUchar)
	}
	return nil
}

// blurFrames blurs with alpha premultiplied, so that the colour of transparent pixels does not
// bleed into the picture, and each frame on its own, so that one frame does not bleed into the
// next.
func (p plan) blurFrames(img *vips.ImageRef) error {
	if err := img.PremultiplyAlpha(); err != nil {
		return err
	}
	if err := eachFrame(img, func(f *vips.ImageRef) error { return f.GaussianBlur(p.blur) }); err != nil {
		return err
	}
	return img.UnpremultiplyAlpha()
}

// eachFrame applies fn to every frame of img separately and stacks the results back up.
func eachFrame(img *vips.ImageRef, fn func(*vips.ImageRef) error) error {
	width, pageHeight := img.Width(), img.PageHeight()
	n := img.Height() / pageHeight
	if n == 1 {
		return fn(img)
	}
	rest := make([]*vips.ImageRef, 0, n-1)
	defer func() {
		for _, f := range rest {
			f.Close()
		}
	}()
	for i := 1; i < n; i++ {
		f, err := frame(img, i)
		if err != nil {
			return err
		}
		rest = append(rest, f)
		if err := fn(f); err != nil {
			return err
		}
	}
	// img becomes the first frame only now, as the others are cut from it. It goes first in the
	// join too: the result takes its metadata (delays, loop) from there.
	if err := img.SetPageHeight(img.Height()); err != nil {
		return err
	}
	if err := img.ExtractArea(0, 0, width, pageHeight); err != nil {
		return err
	}
	if err := fn(img); err != nil {
		return err
	}
	if err := img.ArrayJoin(rest, 1); err != nil {
		return err
	}
	return img.SetPageHeight(pageHeight)
}

// frame is frame i of img on its own.
func frame(img *vips.ImageRef, i int) (*vips.ImageRef, error) {
	pageHeight := img.PageHeight()
	f, err := img.Copy()
	if err != nil {
		return nil, err
	}
	// As one page: govips' ExtractArea cuts the same area out of every page of an animation.
	if err := f.SetPageHeight(f.Height()); err != nil {
		f.Close()
		return nil, err
	}
	if err := f.ExtractArea(0, i*pageHeight, f.Width(), pageHeight); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// flatten puts a transparent image on white for a format without alpha.
func flatten(img *vips.ImageRef) error {
	if !img.HasAlpha() {
		return nil
	}
	return img.Flatten(&vips.Color{R: 255, G: 255, B: 255})
}

// pad centres every frame on p.canvas: white for a format without alpha, transparent otherwise.
func (p plan) pad(img *vips.ImageRef) error {
	background := &vips.ColorRGBA{R: 255, G: 255, B: 255, A: 255}
	if p.encoding.alpha {
		background = &vips.ColorRGBA{}
		if err := img.AddAlpha(); err != nil {
			return err
		}
	}
	left, top := (p.canvas.X-img.Width())/2, (p.canvas.Y-img.PageHeight())/2
	return img.EmbedBackgroundRGBA(left, top, p.canvas.X, p.canvas.Y, background)
}

// encoding is what a transform needs to know about an output format.
type encoding struct {
	mime, ext string
	lossy     bool // takes Spec.Quality
	alpha     bool // keeps transparency
	animates  bool // keeps every frame of an animation
	encode    func(img *vips.ImageRef, quality int) ([]byte, error)
}

var encodings = map[Format]encoding{
	JPEG: {mime: "image/jpeg", ext: "jpg", lossy: true, encode: encodeJPEG},
	PNG:  {mime: "image/png", ext: "png", alpha: true, encode: encodePNG},
	WebP: {mime: "image/webp", ext: "webp", lossy: true, alpha: true, animates: true, encode: encodeWebP},
	AVIF: {mime: "image/avif", ext: "avif", lossy: true, alpha: true, encode: encodeAVIF},
	GIF:  {mime: "image/gif", ext: "gif", alpha: true, animates: true, encode: encodeGIF},
}

// encodeJPEG writes a baseline JPEG: progressive ones cost more to encode and gain little at
// thumbnail sizes. Optimised Huffman tables cost almost nothing and save about 6%.
func encodeJPEG(img *vips.ImageRef, quality int) ([]byte, error) {
	buf, _, err := img.ExportJpeg(&vips.JpegExportParams{Quality: quality, OptimizeCoding: true, StripMetadata: true})
	return buf, err
}

// encodePNG uses zlib level 6 with adaptive row filters: on a photo, 40% smaller than unfiltered
// for about twice the time, and level 9 gained nothing measurable.
func encodePNG(img *vips.ImageRef, _ int) ([]byte, error) {
	buf, _, err := img.ExportPng(&vips.PngExportParams{Compression: 6, Filter: vips.PngFilterAll, StripMetadata: true})
	return buf, err
}

// webpEffort is libwebp's method: at 300 px, effort 4 (libvips' default) took 7 ms and effort 2
// took 3 ms for files a few per cent larger; a new transform is paid for by the request waiting on it.
const webpEffort = 2

func encodeWebP(img *vips.ImageRef, quality int) ([]byte, error) {
	buf, _, err := img.ExportWebp(&vips.WebpExportParams{Quality: quality, ReductionEffort: webpEffort, StripMetadata: true})
	if err != nil {
		return nil, err
	}
	return stripWebP(buf)
}

// stripWebP drops the EXIF and XMP chunks of a WebP file. libvips 8.14's webpsave ignores its
// strip option: it copies the input's EXIF (camera, GPS) and XMP, and makes up EXIF when there is
// none. It writes no ICC profile, as govips asks for none.
func stripWebP(buf []byte) ([]byte, error) {
	if len(buf) < 12 || string(buf[:4]) != "RIFF" || string(buf[8:12]) != "WEBP" {
		return nil, errors.New("strip metadata: not a WebP file")
	}
	out := append(make([]byte, 0, len(buf)), buf[:12]...)
	vp8x := -1
	for rest := buf[12:]; len(rest) > 0; {
		if len(rest) < 8 {
			return nil, errors.New("strip metadata: truncated WebP chunk")
		}
		n := int(binary.LittleEndian.Uint32(rest[4:8]))
		if 8+n > len(rest) {
			return nil, errors.New("strip metadata: truncated WebP chunk")
		}
		end := min(8+n+n%2, len(rest)) // chunks are padded to even sizes
		switch fourCC := string(rest[:4]); fourCC {
		case "EXIF", "XMP ":
		default:
			if fourCC == "VP8X" && n >= 10 {
				vp8x = len(out)
			}
			out = append(out, rest[:end]...)
		}
		rest = rest[end:]
	}
	if vp8x >= 0 {
		const exifFlag, xmpFlag = 0x08, 0x04
		out[vp8x+8] &^= exifFlag | xmpFlag
	}
	binary.LittleEndian.PutUint32(out[4:8], uint32(len(out)-8))
	return out, nil
}

// avifEffort is 3 (aom cpu-used 6): measured here, a 300 px AVIF takes about 35 ms against 100 ms
// at libvips' default effort 4, and is no larger.
const avifEffort = 3

func encodeAVIF(img *vips.ImageRef, quality int) ([]byte, error) {
	buf, _, err := img.ExportAvif(&vips.AvifExportParams{Quality: quality, Bitdepth: 8, Effort: avifEffort, StripMetadata: true})
	return buf, err
}

// encodeGIF quantises at effort 4: libimagequant is then over twice as fast as at libvips'
// default 7, for files within a few percent, which adds up over an animation's frames.
func encodeGIF(img *vips.ImageRef, _ int) ([]byte, error) {
	buf, _, err := img.ExportGIF(&vips.GifExportParams{Effort: 4, Bitdepth: 8})
	return buf, err
}

// vipsError keeps the libvips message of a govips error, on one line, and drops the Go stack
// trace govips appends to it: that belongs in no log line or response.
func vipsError(err error) error {
	msg, _, found := strings.Cut(err.Error(), "\nStack:")
	if !found {
		return err
	}
	return errors.New(oneLine(msg))
}

// oneLine joins the lines of a libvips error message.
func oneLine(msg string) string {
	var lines []string
	for line := range strings.Lines(msg) {
		if line = strings.TrimSpace(line); line != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "; ")
}
