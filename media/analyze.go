package media

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"unicode/utf8"

	"github.com/mediagraph/mediagraph/media/ingest"
	"github.com/mediagraph/mediagraph/media/photometa"
	"github.com/mediagraph/mediagraph/models"
)

// maxAnalyzedBytes bounds the images and documents read into memory to be analyzed; larger files
// are stored and described by their type and checksums only, with a processing error saying why.
const maxAnalyzedBytes = 256 << 20

// analysis bounds how many files are analyzed at once, whatever the number of uploads in flight:
// decoding is CPU- and memory-bound, so more at once would only queue inside libvips and hold memory.
type analysis struct {
	slots  chan struct{}
	prober ingest.Prober
}

func newAnalysis() analysis {
	return analysis{slots: make(chan struct{}, runtime.GOMAXPROCS(0)), prober: ingest.NewProber()}
}

// analyze learns what it can from the stored bytes of version v and records it on a and v. It
// returns the credits the file carries, for fields the caller has not filled. Only a refusal (an
// image larger than the pixel limit) is an error about the file; damage is recorded on the asset.
func (s *Service) analyze(ctx context.Context, field string, a *models.Asset, v *models.AssetVersion) (photometa.Credits, error) {
	select {
	case s.analysis.slots <- struct{}{}:
		defer func() { <-s.analysis.slots }()
	case <-ctx.Done():
		return photometa.Credits{}, ctx.Err()
	}
	r, err := s.examine(ctx, a.Kind, a.MimeType, v)
	var limit *ingest.PixelLimitError
	if errors.As(err, &limit) {
		return photometa.Credits{}, invalid(field, "%s", limit.Error())
	}
	if err != nil {
		return photometa.Credits{}, err
	}
	a.Width, a.Height, v.Width, v.Height = r.Width, r.Height, r.Width, r.Height
	a.Duration, a.Blurhash, a.Thumbhash, a.LQIP = r.Duration, r.Blurhash, r.Thumbhash, r.LQIP
	a.Analysis = models.JSONOf(r.Analysis)
	a.EmbeddedMetadata = models.JSON[models.JSONObject]{}
	if r.Embedded != nil {
		a.EmbeddedMetadata = models.JSONOf(r.Embedded)
	}
	a.ProcessingError = blankToNil(&r.Error)
	now := models.Now()
	a.AnalyzedAt = &now
	return r.Credits, nil
}

func (s *Service) examine(ctx context.Context, kind models.AssetKind, mime string, v *models.AssetVersion) (ingest.Result, error) {
	switch {
	case kind == models.KindImage:
		buf, r := s.readForAnalysis(ctx, v)
		if buf == nil {
			return r, nil
		}
		return ingest.Image(buf, s.settings.MaxImagePixels)
	case mime == "application/pdf":
		buf, r := s.readForAnalysis(ctx, v)
		if buf == nil {
			return r, nil
		}
		return ingest.Document(buf), nil
	case kind == models.KindVideo || kind == models.KindAudio:
		o, err := s.store.Open(ctx, v.ObjectKey)
		if err != nil {
			return ingest.Result{}, fmt.Errorf("open %s for analysis: %w", v.ObjectKey, err)
		}
		defer o.Close()
		return s.analysis.prober.Media(ctx, o, v.Size), nil
	}
	return ingest.Result{}, nil
}

// readForAnalysis reads a stored version into memory, or says in a result why it will not.
func (s *Service) readForAnalysis(ctx context.Context, v *models.AssetVersion) ([]byte, ingest.Result) {
	if v.Size > maxAnalyzedBytes {
		return nil, ingest.Result{Error: fmt.Sprintf("the file is larger than the %d MiB analyzed, so only its type and checksums are known", maxAnalyzedBytes>>20)}
	}
	o, err := s.store.Open(ctx, v.ObjectKey)
	if err != nil {
		return nil, ingest.Result{Error: "the stored bytes could not be read for analysis"}
	}
	defer o.Close()
	buf := make([]byte, v.Size)
	if _, err := io.ReadFull(o, buf); err != nil {
		s.log.ErrorContext(ctx, "read for analysis", "key", v.ObjectKey, "error", err)
		return nil, ingest.Result{Error: "the stored bytes could not be read for analysis"}
	}
	return buf, ingest.Result{}
}

// prefillCredits gives an asset the author and copyright its file names, where the uploader gave none.
func prefillCredits(a *models.Asset, c photometa.Credits) {
	if a.Author == nil {
		a.Author = clip(c.Creator, maxCreditLength)
	}
	if a.Copyright == nil {
		a.Copyright = clip(c.Copyright, maxCreditLength)
	}
}

// clip shortens embedded text to a field's limit on a character boundary: the file's own words are
// kept rather than refusing the upload over them.
func clip(s *string, max int) *string {
	if s == nil {
		return nil
	}
	t := strings.TrimSpace(*s)
	if utf8.RuneCountInString(t) > max {
		t = string([]rune(t)[:max])
	}
	return blankToNil(&t)
}

// Exif is an asset's camera data with the raw metadata it was read from.
type Exif struct {
	models.Exif
	Raw map[string]any
}

// ExifOf returns what an asset's file says about itself, or nil when it says nothing.
func ExifOf(a *models.Asset) (*Exif, error) {
	an, err := a.Analysis.Get()
	if err != nil {
		return nil, err
	}
	raw, err := a.EmbeddedMetadata.Get()
	if err != nil {
		return nil, err
	}
	if an.Exif == nil && len(raw) == 0 {
		return nil, nil
	}
	e := &Exif{Raw: raw}
	if an.Exif != nil {
		e.Exif = *an.Exif
	}
	if e.Raw == nil {
		e.Raw = map[string]any{}
	}
	return e, nil
}
