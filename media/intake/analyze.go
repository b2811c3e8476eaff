package intake

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"time"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/catalogue"
	"github.com/mediagraph/mediagraph/media/membudget"
	"github.com/mediagraph/mediagraph/media/photometa"
	"github.com/mediagraph/mediagraph/media/probe"
	"github.com/mediagraph/mediagraph/models"
)

const (
	// maxAnalyzedBytes bounds the images and documents read into memory to be analyzed; larger files
	// are stored and described by their type and checksums only, with a processing error saying why.
	maxAnalyzedBytes = 256 << 20
	// maxKeptBytes bounds a file copied while it is stored, which spares reading it back.
	maxKeptBytes = 32 << 20
)

// analysis bounds how many files are analyzed at once, whatever the number of uploads in flight:
// decoding is CPU- and memory-bound, so more at once would only queue inside libvips and hold memory.
type analysis struct {
	slots  chan struct{}
	memory *membudget.Budget
	prober probe.Prober
}

func newAnalysis(memory *membudget.Budget) analysis {
	return analysis{
		slots:  make(chan struct{}, runtime.GOMAXPROCS(0)),
		memory: memory,
		prober: probe.NewProber(),
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

// depth is how far an analysis reads an image.
type depth int

const (
	// header reads what an upload answers with — size, frames, metadata, credits — and leaves the
	// image pending: decoding its pixels (colors, placeholders, the proof it is whole) costs tens of
	// milliseconds a file, which a background job spends instead (CompleteAnalysis).
	header depth = iota
	// pixels reads the image whole.
	pixels
)

// analyze learns what it can from the stored bytes of version v — or from kept, a copy made while
// they were stored — and records it on a and v. It returns the credits the file carries, for fields
// the caller has not filled. Only a refusal (an image larger than the pixel limit) is an error about
// the file; damage is recorded on the asset. An image read to its header only stays unanalyzed
// (AnalyzedAt nil) unless the header itself is damaged.
func (s *Service) analyze(ctx context.Context, field string, a *models.Asset, v *models.AssetVersion, kept []byte, d depth) (photometa.Credits, error) {
	select {
	case s.analysis.slots <- struct{}{}:
		defer func() { <-s.analysis.slots }()
	case <-ctx.Done():
		return photometa.Credits{}, ctx.Err()
	}
	started := time.Now()
	r, err := s.examine(ctx, a, v, kept, d)
	if d == pixels || a.Kind != models.KindImage {
		s.observer.Analyzed(string(a.Kind), time.Since(started))
	}
	var limit *probe.PixelLimitError
	if errors.As(err, &limit) {
		return photometa.Credits{}, access.Invalid(field, "%s", limit.Error())
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
	a.ProcessingError = catalogue.BlankToNil(&r.Error)
	a.AnalyzedAt = nil
	if d == pixels || a.Kind != models.KindImage || a.ProcessingError != nil {
		now := models.Now()
		a.AnalyzedAt = &now
	}
	return r.Credits, nil
}

func (s *Service) examine(ctx context.Context, a *models.Asset, v *models.AssetVersion, kept []byte, d depth) (probe.Result, error) {
	switch {
	case readsWhole(a):
		buf := kept
		if buf == nil {
			var release func()
			var why probe.Result
			if buf, release, why = s.readForAnalysis(ctx, v); buf == nil {
				return why, nil
			}
			defer release()
		}
		switch {
		case a.Kind == models.KindImage && d == header:
			return probe.Header(buf, s.settings.MaxImagePixels)
		case a.Kind == models.KindImage:
			return probe.Image(buf, s.settings.MaxImagePixels)
		}
		return probe.Document(buf), nil
	case a.Kind == models.KindVideo || a.Kind == models.KindAudio:
		o, err := s.store.Open(ctx, v.ObjectKey)
		if err != nil {
			return probe.Result{}, fmt.Errorf("open %s for analysis: %w", v.ObjectKey, err)
		}
		defer o.Close()
		return s.analysis.prober.Media(ctx, o, v.Size), nil
	}
	return probe.Result{}, nil
}

// readForAnalysis reads a stored version into memory within the analysis budget, or says in a result
// why it will not. release gives the memory back.
func (s *Service) readForAnalysis(ctx context.Context, v *models.AssetVersion) (buf []byte, release func(), why probe.Result) {
	unread := probe.Result{Error: "the stored bytes could not be read for analysis"}
	if v.Size > maxAnalyzedBytes {
		return nil, nil, probe.Result{Error: fmt.Sprintf("the file is larger than the %d MiB analyzed, so only its type and checksums are known", maxAnalyzedBytes>>20)}
	}
	buf, release, err := s.analysis.memory.Read(ctx, s.store, v.ObjectKey, v.Size)
	if err != nil {
		if ctx.Err() == nil {
			s.log.ErrorContext(ctx, "read for analysis", "key", v.ObjectKey, "error", err)
		}
		return nil, nil, unread
	}
	return buf, release, probe.Result{}
}
