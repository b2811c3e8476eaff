package imaging

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"

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
// data: at 1/4 and 1/8 it decodes damaged-huffman.jpg of the hostile set without a word, so the 1/8
// decode that thumbnails take proves nothing about the full image.
const verifiedShrink = 2

// VerifyBeyondThumbnail decodes what DecodeThumbnail of buf (whose header is h) leaves unproven, and
// answers an error wrapping ErrDamaged when that does not decode: a JPEG's full entropy-coded data,
// which a thumbnail decodes shrunk so far that libjpeg overlooks corruption, and an animation's
// frames after the first. Other images cost nothing more here: their thumbnail decoded every byte.
func VerifyBeyondThumbnail(buf []byte, h Header) error {
	if h.Frames <= 1 && !isJPEG(buf) {
		return nil
	}
	return Verify(buf, h)
}

// Verify decodes every frame of buf (whose header is h) with libvips failing on any error, JPEGs at
// half size, streaming the pixels rather than holding them. Damage is an error wrapping ErrDamaged;
// bytes no loader reads are ErrUnsupported.
func Verify(buf []byte, h Header) error {
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
	if _, err := img.Average(); err != nil { // pulls every pixel of every frame through the loader
		return damaged(vipsError(err))
	}
	return nil
}

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

func isJPEG(buf []byte) bool { return bytes.HasPrefix(buf, []byte{0xFF, 0xD8, 0xFF}) }
