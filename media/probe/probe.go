// Package probe learns what a file is from its bytes: an image's displayed size, camera data,
// credits, dominant colors and placeholders; a video's or a sound's duration and codecs; a
// document's page count. It reports damage as a processing error instead of inventing facts.
package probe

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"github.com/mediagraph/mediagraph/media/imaging"
	"github.com/mediagraph/mediagraph/media/photometa"
	"github.com/mediagraph/mediagraph/media/placeholder"
	"github.com/mediagraph/mediagraph/models"
)

// Result is what the bytes of one file told the analysers. Nil and zero fields were not learned.
type Result struct {
	Width, Height *int
	// Duration is in seconds, for sound, video and animations.
	Duration  *float64
	Blurhash  *string
	Thumbhash *string
	// LQIP is a tiny blurred image as a data URI.
	LQIP     *string
	Analysis models.Analysis
	// Embedded is the metadata the file carries (EXIF, IPTC, XMP, tags), as read.
	Embedded models.JSONObject
	// Credits are the title, creator and copyright the file names.
	Credits photometa.Credits
	// Error says why the bytes could not be (fully) read; what was read before stays.
	Error string
}

// PixelLimitError refuses an image whose frames hold more pixels than the server decodes.
type PixelLimitError struct {
	Width, Height int
	Limit         int64
}

func (e *PixelLimitError) Error() string {
	return fmt.Sprintf("the image is %d×%d (%.1f megapixels); at most %.0f megapixels are accepted",
		e.Width, e.Height, float64(e.Width)*float64(e.Height)/1e6, float64(e.Limit)/1e6)
}

// thumbnailSize bounds the image every pixel fact is computed from: large enough for five dominant
// colors and for ThumbHash (which takes at most 100×100). The decode it comes from is larger for
// JPEGs (half size), which prove their whole data in it.
const thumbnailSize = 100

// Image reads an image: its header first (see Header); then one decode, which proves the pixels whole
// and gives the small image colors and placeholders are computed from.
func Image(buf []byte, maxPixels int64) (Result, error) {
	r, h, err := header(buf, maxPixels)
	if err != nil || r.Error != "" {
		return r, err
	}
	// The decode proves the whole image first: a thumbnail alone can decode from damaged data, and
	// no pixel fact is made up from it.
	t, err := imaging.DecodeVerified(buf, h, thumbnailSize)
	if err != nil {
		r.Error = imageError(err)
		return r, nil
	}
	r.describePixels(placeholder.Pixels{Width: t.Width, Height: t.Height, RGBA: t.RGBA})
	return r, nil
}

// Header reads what an image's header says — its size, frames, colour space and metadata — and
// decodes no pixels: the facts an upload answers with, refusing with a *PixelLimitError an image
// whose frame holds more than maxPixels. A header that cannot be read is a Result.Error.
func Header(buf []byte, maxPixels int64) (Result, error) {
	r, _, err := header(buf, maxPixels)
	return r, err
}

func header(buf []byte, maxPixels int64) (Result, imaging.Header, error) {
	h, err := imaging.ReadHeader(buf)
	if err != nil {
		return Result{Error: imageError(err)}, h, nil
	}
	if h.Pixels() > maxPixels {
		return Result{}, h, &PixelLimitError{Width: h.Width, Height: h.Height, Limit: maxPixels}
	}
	r := Result{Width: &h.Width, Height: &h.Height}
	r.Analysis.HasAlpha, r.Analysis.ColorSpace = h.HasAlpha, h.ColorSpace
	if h.Frames > 1 {
		r.Analysis.FrameCount = h.Frames
		if total := sum(h.FrameDelays); total > 0 {
			seconds := float64(total) / 1000
			r.Duration = &seconds
		}
	}
	r.readMetadata(h)
	return r, h, nil
}

// readMetadata keeps what the metadata blocks hold. Damaged blocks are common (editors rewrite them
// badly) and do not make the image damaged: what could be read is kept.
func (r *Result) readMetadata(h imaging.Header) {
	meta, _ := photometa.Parse(h.Exif, h.IPTC, h.XMP)
	if meta.Exif != (models.Exif{}) {
		r.Analysis.Exif = &meta.Exif
	}
	r.Credits = meta.Credits
	r.Analysis.SmartTags = smartTags(meta.Credits.Keywords)
	if len(meta.Raw) > 0 {
		r.Embedded = meta.Raw
	}
}

// describePixels computes every pixel-derived fact from the one thumbnail.
func (r *Result) describePixels(p placeholder.Pixels) {
	for _, c := range placeholder.DominantColors(p, 5) {
		r.Analysis.Colors = append(r.Analysis.Colors, models.Color{Red: int(c.Red), Green: int(c.Green), Blue: int(c.Blue), Alpha: int(c.Alpha)})
	}
	x, y := 4, 3 // components follow the shape, as the BlurHash authors advise
	if p.Height > p.Width {
		x, y = 3, 4
	}
	if bh, err := placeholder.Blurhash(p, x, y); err == nil {
		r.Blurhash = &bh
	}
	if th, err := placeholder.Thumbhash(p); err == nil {
		s := base64.StdEncoding.EncodeToString(th)
		r.Thumbhash = &s
	}
	if uri, err := placeholder.LQIP(p); err == nil {
		r.LQIP = &uri
	}
}

// Document reads what a document's header says: the page count of a PDF.
func Document(buf []byte) Result {
	h, err := imaging.ReadHeader(buf)
	if err != nil {
		return Result{Error: fmt.Sprintf("the document cannot be read: %s", firstLine(err))}
	}
	return Result{Analysis: models.Analysis{PageCount: h.Frames}}
}

func imageError(err error) string {
	switch {
	case errors.Is(err, imaging.ErrUnsupported):
		return "this image format cannot be decoded here, so nothing is known about its pixels"
	case errors.Is(err, imaging.ErrDamaged):
		return firstLine(err)
	}
	return "the image is damaged and cannot be fully decoded: " + firstLine(err)
}

// firstLine keeps libvips' summary of an error and drops its backtrace.
func firstLine(err error) string {
	s, _, _ := strings.Cut(strings.TrimSpace(err.Error()), "\n")
	return s
}

// Smart tags are bounded as editors' tags are: a file's keywords are whatever its author wrote.
const (
	maxSmartTags     = 100
	maxSmartTagRunes = 100
)

func smartTags(keywords []string) []string {
	var tags []string
	for _, k := range keywords {
		if r := []rune(strings.TrimSpace(k)); len(r) > 0 && len(r) <= maxSmartTagRunes && len(tags) < maxSmartTags {
			tags = append(tags, string(r))
		}
	}
	return tags
}

func sum(list []int) int {
	t := 0
	for _, v := range list {
		t += v
	}
	return t
}
