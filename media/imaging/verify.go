package imaging

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/davidbyttow/govips/v2/vips"
)

// ErrDamaged is returned, wrapped with libvips' reason, for an image whose header reads but whose
// pixel data does not decode: corrupt entropy-coded data, invalid frames, a truncated file.
var ErrDamaged = errors.New("the image data is damaged")

// decodes counts the decodes of pixel data this process has started.
var decodes atomic.Int64

// Decodes is how many times this process has started decoding an image's pixels: what lets a test
// show that a damaged image is decoded once, not once per request.
func Decodes() int64 { return decodes.Load() }

func countDecode() { decodes.Add(1) }

// verifiedShrink is the smallest JPEG scale at which libjpeg still reports corrupt entropy-coded
// data: at 1/4 and 1/8 it decodes damaged-huffman.jpg of the hostile set without a word, so a
// decode shrunk further proves nothing about the full image.
const verifiedShrink = 2

// DecodeVerified is DecodeThumbnail that also proves the whole image decodes, in the same decode,
// and answers an error wrapping ErrDamaged when it does not: an upload then costs one decode,
// damaged or not. A JPEG is decoded at half size at least, where libjpeg notices corrupt
// entropy-coded data, and the thumbnail resized from that; an animation is decoded frame after
// frame, the thumbnail made from the first. Other stills go through DecodeThumbnail as before: their
// loaders read the whole frame even when they shrink it (libvips may take a HEIF's thumbnail from
// the preview the file embeds).
func DecodeVerified(buf []byte, h Header, size int) (Thumbnail, error) {
	switch {
	case h.Frames > 1:
		return decodeFrames(buf, h, size)
	case h.jpeg:
		return decodeHalfJPEG(buf, h, size)
	}
	return DecodeThumbnail(buf, h, size)
}

// decodeHalfJPEG decodes the JPEG buf (whose header is h) at no less than half size, failing on any
// error, into a thumbnail fitting size×size: the resize reads every decoded row. A CMYK JPEG is
// converted by its profile as libvips' thumbnail would, to within a few levels.
func decodeHalfJPEG(buf []byte, h Header, size int) (Thumbnail, error) {
	start()
	countDecode()
	width, height := fit(h, size)
	img, err := loadJPEG(buf, h, width, height, min(jpegShrink(h, width, height), verifiedShrink))
	if err != nil {
		return Thumbnail{}, damaged(loadError(err))
	}
	defer img.Close()
	return thumbnailOf(img, damagedPixels)
}

// decodeFrames decodes every frame of the animation buf (whose header is h), failing on any error:
// the first into a thumbnail fitting size×size, then the others, read through and dropped. Frames
// are read in order, so each is decoded once.
func decodeFrames(buf []byte, h Header, size int) (Thumbnail, error) {
	start()
	countDecode()
	params := vips.NewImportParams()
	params.FailOnError.Set(true)
	params.NumPages.Set(-1)
	img, err := vips.LoadImageFromBuffer(buf, params)
	if err != nil {
		return Thumbnail{}, damaged(loadError(err))
	}
	defer img.Close()
	t, err := firstFrame(img, h, size)
	if err != nil {
		return Thumbnail{}, err
	}
	rest, err := rows(img, img.PageHeight(), img.Height()-img.PageHeight())
	if err != nil {
		return Thumbnail{}, fmt.Errorf("frames after the first: %w", err)
	}
	defer rest.Close()
	if _, err := rest.Average(); err != nil {
		return Thumbnail{}, damagedPixels(err)
	}
	return t, nil
}

// firstFrame is the thumbnail of the first frame of the loaded animation img, made as libvips'
// thumbnail does: turned upright, resized with alpha premultiplied so that transparent pixels'
// colours do not bleed.
func firstFrame(img *vips.ImageRef, h Header, size int) (Thumbnail, error) {
	first, err := rows(img, 0, img.PageHeight())
	if err != nil {
		return Thumbnail{}, fmt.Errorf("first frame: %w", err)
	}
	defer first.Close()
	if err := first.AutoRotate(); err != nil {
		return Thumbnail{}, fmt.Errorf("turn upright: %w", err)
	}
	width, height := fit(h, size)
	if err := first.PremultiplyAlpha(); err != nil {
		return Thumbnail{}, fmt.Errorf("premultiply: %w", err)
	}
	if err := resizeTo(first, width, height); err != nil {
		return Thumbnail{}, fmt.Errorf("resize: %w", err)
	}
	if err := first.UnpremultiplyAlpha(); err != nil {
		return Thumbnail{}, fmt.Errorf("unpremultiply: %w", err)
	}
	return thumbnailOf(first, damagedPixels)
}

// rows is img's rows from top, height of them, as one image: a frame or a run of frames.
func rows(img *vips.ImageRef, top, height int) (*vips.ImageRef, error) {
	r, err := img.Copy()
	if err != nil {
		return nil, err
	}
	// One page as tall as the image, so that the extract cuts rows rather than each page.
	if err := r.SetPageHeight(img.Height()); err != nil {
		r.Close()
		return nil, err
	}
	if err := r.ExtractArea(0, top, img.Width(), height); err != nil {
		r.Close()
		return nil, err
	}
	return r, nil
}

// Verify decodes every frame of buf (whose header is h) with libvips failing on any error, JPEGs at
// half size, streaming the pixels rather than holding them. Damage is an error wrapping ErrDamaged;
// bytes no loader reads are ErrUnsupported. When ctx ends libvips' kill flag stops the decode, and
// the error wraps ctx.Err().
func Verify(ctx context.Context, buf []byte, h Header) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	start()
	countDecode()
	params := vips.NewImportParams()
	params.FailOnError.Set(true)
	params.Access.Set(vips.AccessSequential)
	params.JpegShrinkFactor.Set(verifiedShrink)
	if h.Frames > 1 {
		params.NumPages.Set(-1)
	}
	img, err := vips.LoadImageFromBuffer(buf, params)
	if err != nil {
		return damaged(loadError(err))
	}
	defer img.Close()
	stop := killOnDone(ctx, img)
	_, err = img.Average() // pulls every pixel of every frame through the loader
	stop()
	if ctxErr := ctx.Err(); err != nil && ctxErr != nil {
		return fmt.Errorf("verify: %w", ctxErr)
	}
	if err != nil {
		return damagedPixels(err)
	}
	return nil
}

// Verify is the package's Verify of the job's input: what tells, once Run has failed, damaged bytes
// from any other failure.
func (j *Job) Verify(ctx context.Context) error { return Verify(ctx, j.buf, j.h) }

// VerifyCost is the estimated price of Verify on the job's input, in the cost model's terms; it
// streams its pixels, so it holds next to no pixel memory.
func (j *Job) VerifyCost() Cost {
	frames := float64(max(j.h.Frames, 1))
	decoded, stored := float64(j.h.Pixels())*frames, 0.0
	if j.h.jpeg && j.h.Frames <= 1 {
		decoded, stored = decoded/(verifiedShrink*verifiedShrink), float64(j.h.Pixels())*nsPerStoredJPEGPixel
	}
	return Cost{Work: time.Duration(math.Min(stored+decoded*nsPerDecodedPixel, math.MaxInt64)), Field: "w"}
}

// damagedPixels is a failure to compute the pixels of an image loaded failing on any error: the
// loader's, as nothing else in the pipelines of this file fails on data.
func damagedPixels(err error) error { return damaged(vipsError(err)) }

// damaged wraps libvips' reason for a failed decode in ErrDamaged, on one line, each part once:
// libjpeg repeats its warning for every damaged block.
func damaged(err error) error {
	if errors.Is(err, ErrUnsupported) {
		return err
	}
	first, _, _ := strings.Cut(strings.TrimSpace(err.Error()), "\n")
	var parts []string
	for _, p := range strings.Split(first, "; ") {
		if !slices.Contains(parts, p) {
			parts = append(parts, p)
		}
	}
	return fmt.Errorf("%w: %s", ErrDamaged, strings.Join(parts, "; "))
}
