package media

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"unicode/utf8"

	"golang.org/x/sync/semaphore"

	"github.com/mediagraph/mediagraph/media/ingest"
	"github.com/mediagraph/mediagraph/media/photometa"
	"github.com/mediagraph/mediagraph/models"
)

const (
	// maxAnalyzedBytes bounds the images and documents read into memory to be analyzed; larger files
	// are stored and described by their type and checksums only, with a processing error saying why.
	maxAnalyzedBytes = 256 << 20
	// analysisMemory bounds the bytes of all files held in memory for analysis at once.
	analysisMemory = 2 * maxAnalyzedBytes
	// maxKeptBytes bounds a file copied while it is stored, which spares reading it back.
	maxKeptBytes = 32 << 20
)

// analysis bounds how many files are analyzed at once, whatever the number of uploads in flight:
// decoding is CPU- and memory-bound, so more at once would only queue inside libvips and hold memory.
type analysis struct {
	slots  chan struct{}
	memory *semaphore.Weighted
	prober ingest.Prober
}

func newAnalysis() analysis {
	return analysis{
		slots:  make(chan struct{}, runtime.GOMAXPROCS(0)),
		memory: semaphore.NewWeighted(analysisMemory),
		prober: ingest.NewProber(),
	}
}

// readsWhole says whether analysis of a decodes the whole file in memory.
func readsWhole(a *models.Asset) bool {
	return a.Kind == models.KindImage || a.MimeType == "application/pdf"
}

// keepForAnalysis makes hr keep a copy of a file of the given size that analysis will read whole,
// when it is small and the memory budget allows; the returned func gives the memory back.
func (s *Service) keepForAnalysis(hr *hashingReader, a *models.Asset, size int64) func() {
	if !readsWhole(a) || size <= 0 || size > maxKeptBytes || !s.analysis.memory.TryAcquire(size) {
		return func() {}
	}
	hr.copy = make([]byte, 0, size)
	return func() { s.analysis.memory.Release(size) }
}

// analyze learns what it can from the stored bytes of version v — or from kept, a copy made while
// they were stored — and records it on a and v. It returns the credits the file carries, for fields
// the caller has not filled. Only a refusal (an image larger than the pixel limit) is an error about
// the file; damage is recorded on the asset.
func (s *Service) analyze(ctx context.Context, field string, a *models.Asset, v *models.AssetVersion, kept []byte) (photometa.Credits, error) {
	select {
	case s.analysis.slots <- struct{}{}:
		defer func() { <-s.analysis.slots }()
	case <-ctx.Done():
		return photometa.Credits{}, ctx.Err()
	}
	r, err := s.examine(ctx, a, v, kept)
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

func (s *Service) examine(ctx context.Context, a *models.Asset, v *models.AssetVersion, kept []byte) (ingest.Result, error) {
	switch {
	case readsWhole(a):
		buf := kept
		if buf == nil {
			var release func()
			var why ingest.Result
			if buf, release, why = s.readForAnalysis(ctx, v); buf == nil {
				return why, nil
			}
			defer release()
		}
		if a.Kind == models.KindImage {
			return ingest.Image(buf, s.settings.MaxImagePixels)
		}
		return ingest.Document(buf), nil
	case a.Kind == models.KindVideo || a.Kind == models.KindAudio:
		o, err := s.store.Open(ctx, v.ObjectKey)
		if err != nil {
			return ingest.Result{}, fmt.Errorf("open %s for analysis: %w", v.ObjectKey, err)
		}
		defer o.Close()
		return s.analysis.prober.Media(ctx, o, v.Size), nil
	}
	return ingest.Result{}, nil
}

// readForAnalysis reads a stored version into memory within the analysis budget, or says in a result
// why it will not. release gives the memory back.
func (s *Service) readForAnalysis(ctx context.Context, v *models.AssetVersion) (buf []byte, release func(), why ingest.Result) {
	unread := ingest.Result{Error: "the stored bytes could not be read for analysis"}
	if v.Size > maxAnalyzedBytes {
		return nil, nil, ingest.Result{Error: fmt.Sprintf("the file is larger than the %d MiB analyzed, so only its type and checksums are known", maxAnalyzedBytes>>20)}
	}
	if err := s.analysis.memory.Acquire(ctx, v.Size); err != nil {
		return nil, nil, unread
	}
	release = func() { s.analysis.memory.Release(v.Size) }
	o, err := s.store.Open(ctx, v.ObjectKey)
	if err != nil {
		release()
		return nil, nil, unread
	}
	defer o.Close()
	buf = make([]byte, v.Size)
	if _, err := io.ReadFull(o, buf); err != nil {
		s.log.ErrorContext(ctx, "read for analysis", "key", v.ObjectKey, "error", err)
		release()
		return nil, nil, unread
	}
	return buf, release, ingest.Result{}
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

// prefillTitle gives an asset the title its file names, in the default locale, unless it has one.
func (s *Service) prefillTitle(ctx context.Context, tx *models.DB, id string, c photometa.Credits) error {
	if t := clip(c.Title, maxAltLength); t != nil {
		return tx.PrefillTitle(ctx, id, s.settings.DefaultLocale(), *t)
	}
	return nil
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
