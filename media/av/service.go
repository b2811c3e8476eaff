package av

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/draw"
	_ "image/png" // posters, frames, pages and waveforms are PNGs
	"io"
	"log/slog"
	"runtime"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/imaging"
	"github.com/mediagraph/mediagraph/media/placeholder"
	"github.com/mediagraph/mediagraph/media/probe"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/storage"
)

// Service makes and keeps the images, waveforms and streams of videos, sounds and documents.
type Service struct {
	db       *models.DB
	store    storage.Store
	ff       FFmpeg
	settings config.Library
	tmpDir   string
	log      *slog.Logger
	// slots bounds the frames, pages and waveforms made at once, as analysis is bounded.
	slots chan struct{}
}

// New returns the service over db and store; HLS encodes work in tmpDir.
func New(db *models.DB, store storage.Store, settings config.Library, tmpDir string, log *slog.Logger) *Service {
	return &Service{db: db, store: store, ff: NewFFmpeg(), settings: settings, tmpDir: tmpDir, log: log,
		slots: make(chan struct{}, runtime.GOMAXPROCS(0))}
}

// UseFFmpeg replaces the ffmpeg the service runs (tests run without one).
func (s *Service) UseFFmpeg(f FFmpeg) { s.ff = f }

// Available says whether ffmpeg is installed, and if not, why nothing it makes is there.
func (s *Service) Available() (bool, string) { return s.ff.Available(), Missing }

// HLSOn reports whether videos are encoded for streaming.
func (s *Service) HLSOn() bool { return s.settings.HLS == "on" }

// posterShare is where in a video its poster is taken: a tenth in, past fades from black and titles.
const posterShare = 0.1

// Still is the image a transform of a video, sound or document starts from, stored.
type Still struct {
	Key           string
	Size          int64
	Width, Height int
	// Name tells stills of one version apart (poster, frame-1500, page-2, waveform).
	Name string
}

// Media is what was made of a version, nil when nothing was yet.
func (s *Service) Media(ctx context.Context, a *models.Asset) (*models.AVMedia, error) {
	return s.db.AVMediaOf(ctx, a.ID, a.Version)
}

// StillOf is the image that transforms of a start from: a video's poster, or its frame at second t;
// a document's page (1 when nil); a sound's waveform. It is made when it was not, and stored.
func (s *Service) StillOf(ctx context.Context, a *models.Asset, t *float64, page *int) (Still, error) {
	if t != nil && a.Kind != models.KindVideo {
		return Still{}, access.Invalid("t", "t (a time in seconds) applies to videos only")
	}
	if page != nil && a.MimeType != "application/pdf" {
		return Still{}, access.Invalid("page", "page applies to PDF documents only")
	}
	switch {
	case a.Kind == models.KindVideo && t == nil:
		return s.poster(ctx, a)
	case a.Kind == models.KindVideo:
		return s.frame(ctx, a, *t)
	case a.MimeType == "application/pdf":
		return s.page(ctx, a, page)
	case a.Kind == models.KindAudio:
		return s.waveformStill(ctx, a)
	}
	return Still{}, access.Invalid("params", "transforms apply to images, videos, sounds and PDF documents; %s is %s", a.ID, a.MimeType)
}

func (s *Service) frame(ctx context.Context, a *models.Asset, t float64) (Still, error) {
	if a.Duration == nil || t < 0 || t > *a.Duration {
		return Still{}, access.Invalid("t", "t must be from 0 to the video's duration (%s s)", durationText(a))
	}
	name := fmt.Sprintf("frame-%d", int64(t*1000))
	return s.ensure(ctx, a, name, func(ctx context.Context) ([]byte, error) { return s.decodeFrame(ctx, a, t) })
}

func durationText(a *models.Asset) string {
	if a.Duration == nil {
		return "unknown"
	}
	return fmt.Sprintf("%.3f", *a.Duration)
}

// poster is the stored poster, made now when the job has not yet.
func (s *Service) poster(ctx context.Context, a *models.Asset) (Still, error) {
	m, err := s.Media(ctx, a)
	if err != nil {
		return Still{}, err
	}
	if m != nil && m.PosterKey != nil && m.PosterWidth != nil && m.PosterHeight != nil {
		o, err := s.store.Head(ctx, *m.PosterKey)
		if err == nil {
			return Still{Key: *m.PosterKey, Size: o.Size, Width: *m.PosterWidth, Height: *m.PosterHeight, Name: "poster"}, nil
		}
	}
	if m != nil && m.PosterError != nil {
		return Still{}, access.Invalid("params", "this video has no poster: %s", *m.PosterError)
	}
	st, err := s.MakePoster(ctx, a)
	if err != nil {
		return Still{}, err
	}
	return st, nil
}

// MakePoster takes the poster of a video's version, stores it and records its size and blurhash.
func (s *Service) MakePoster(ctx context.Context, a *models.Asset) (Still, error) {
	at := 0.0
	if a.Duration != nil {
		at = *a.Duration * posterShare
	}
	var pixels []byte
	st, err := s.ensure(ctx, a, "poster", func(ctx context.Context) ([]byte, error) {
		b, err := s.decodeFrame(ctx, a, at)
		pixels = b
		return b, err
	})
	var refused *access.Error
	if errors.As(err, &refused) {
		msg := refused.Message
		return Still{}, errors.Join(err, s.db.SaveAVMedia(ctx, &models.AVMedia{AssetID: a.ID, Version: a.Version, PosterError: &msg}, "poster_error"))
	}
	if err != nil {
		return Still{}, err
	}
	m := &models.AVMedia{AssetID: a.ID, Version: a.Version, PosterKey: &st.Key, PosterWidth: &st.Width, PosterHeight: &st.Height, PosterAt: &at}
	if pixels != nil {
		m.PosterBlurhash = blurhashOf(pixels)
	}
	return st, s.db.SaveAVMedia(ctx, m, "poster_key", "poster_width", "poster_height", "poster_blurhash", "poster_at", "poster_error")
}

// blurhashOf is the blurhash of a PNG, nil when it cannot be read (the poster is served without one).
func blurhashOf(png []byte) *string {
	img, _, err := image.Decode(bytes.NewReader(png))
	if err != nil {
		return nil
	}
	rgba := image.NewNRGBA(img.Bounds())
	draw.Draw(rgba, rgba.Bounds(), img, img.Bounds().Min, draw.Src)
	h, err := placeholder.Blurhash(placeholder.Pixels{Width: rgba.Rect.Dx(), Height: rgba.Rect.Dy(), RGBA: rgba.Pix}, 4, 3)
	if err != nil {
		return nil
	}
	return &h
}

// decodeFrame reads the frame at second at of a's bytes, within the service's slots.
func (s *Service) decodeFrame(ctx context.Context, a *models.Asset, at float64) ([]byte, error) {
	if !s.ff.Available() {
		return nil, access.Invalid("params", "%s", Missing)
	}
	var out []byte
	err := s.reading(ctx, a, func(url string) (err error) {
		out, err = s.ff.Frame(ctx, url, at)
		return err
	})
	if errors.Is(err, ErrNoFrame) || errors.Is(err, ErrTooMuchOutput) {
		return nil, access.Invalid("t", "no frame of this video can be shown at %.3f s", at)
	}
	if err != nil && ctx.Err() == nil {
		return nil, access.Invalid("params", "this video cannot be decoded: %v", err)
	}
	return out, err
}

// reading serves a's stored bytes to ffmpeg for the length of work, within the service's slots.
func (s *Service) reading(ctx context.Context, a *models.Asset, work func(url string) error) error {
	select {
	case s.slots <- struct{}{}:
		defer func() { <-s.slots }()
	case <-ctx.Done():
		return ctx.Err()
	}
	o, err := s.store.Open(ctx, a.ObjectKey)
	if err != nil {
		return fmt.Errorf("open %s: %w", a.ObjectKey, err)
	}
	defer o.Close()
	url, stop, err := probe.ServeOnce(o, a.Size)
	if err != nil {
		return err
	}
	defer stop()
	return work(url)
}

// page is a document's page as a still; the page count is the document's analysis.
func (s *Service) page(ctx context.Context, a *models.Asset, page *int) (Still, error) {
	n := 1
	if page != nil {
		n = *page
	}
	an, err := a.Analysis.Get()
	if err != nil {
		return Still{}, err
	}
	if an.PageCount > 0 && (n < 1 || n > an.PageCount) {
		return Still{}, access.Invalid("page", "page must be from 1 to %d", an.PageCount)
	}
	return s.ensure(ctx, a, fmt.Sprintf("page-%d", n), func(ctx context.Context) ([]byte, error) {
		return s.renderPage(ctx, a, n)
	})
}

// maxPageBytes bounds the documents read into memory to render a page.
const maxPageBytes = 256 << 20

func (s *Service) renderPage(ctx context.Context, a *models.Asset, n int) ([]byte, error) {
	buf, err := s.readDocument(ctx, a)
	if err != nil {
		return nil, err
	}
	out, _, _, err := imaging.Page(buf, n, s.settings.MaxImagePixels)
	switch {
	case errors.Is(err, imaging.ErrNoPage):
		return nil, access.Invalid("page", "%v", err)
	case errors.Is(err, imaging.ErrTooLarge):
		return nil, access.Invalid("page", "%v", err)
	case err != nil:
		return nil, access.Invalid("page", "this document's page cannot be rendered: %v", err)
	}
	return out, nil
}

// readDocument reads a document's bytes whole, as libvips needs them.
func (s *Service) readDocument(ctx context.Context, a *models.Asset) ([]byte, error) {
	if a.Size > maxPageBytes {
		return nil, access.Invalid("page", "documents over %d MiB are not rendered", maxPageBytes>>20)
	}
	o, err := s.store.Open(ctx, a.ObjectKey)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", a.ObjectKey, err)
	}
	defer o.Close()
	buf := make([]byte, a.Size)
	if _, err := io.ReadFull(o, buf); err != nil {
		return nil, fmt.Errorf("read %s: %w", a.ObjectKey, err)
	}
	return buf, nil
}

// ensure returns the stored still name of a's version, made by make when it is not stored yet.
// It is recorded as a transform of the version, so that replacing or purging the asset removes it.
func (s *Service) ensure(ctx context.Context, a *models.Asset, name string, make func(context.Context) ([]byte, error)) (Still, error) {
	key := fmt.Sprintf("derived/%s/%d/%s.png", a.ID, a.Version, name)
	if o, err := s.store.Open(ctx, key); err == nil {
		defer o.Close()
		cfg, _, err := image.DecodeConfig(o)
		if err == nil {
			return Still{Key: key, Size: o.Info().Size, Width: cfg.Width, Height: cfg.Height, Name: name}, nil
		}
	} else if !errors.Is(err, storage.ErrNotFound) {
		return Still{}, fmt.Errorf("open %s: %w", key, err)
	}
	out, err := make(ctx)
	if err != nil {
		return Still{}, err
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(out))
	if err != nil {
		return Still{}, fmt.Errorf("read %s: %w", name, err)
	}
	if err := s.keep(ctx, a, key, out, "image/png"); err != nil {
		return Still{}, err
	}
	return Still{Key: key, Size: int64(len(out)), Width: cfg.Width, Height: cfg.Height, Name: name}, nil
}

// keep records key as a derivative of a's version and stores out under it.
func (s *Service) keep(ctx context.Context, a *models.Asset, key string, out []byte, mimeType string) error {
	kept, err := s.db.RecordDerivative(ctx, &models.Derivative{ObjectKey: key, AssetID: a.ID, Version: a.Version, Size: int64(len(out))})
	if err != nil {
		return err
	}
	if !kept {
		return access.Invalid("params", "asset %s version %d was replaced or deleted; ask for its current version", a.ID, a.Version)
	}
	if _, err := s.store.Put(ctx, key, bytes.NewReader(out), storage.PutOptions{ContentType: mimeType}); err != nil {
		return fmt.Errorf("store %s: %w", key, err)
	}
	return nil
}

// Makes reports whether stills of a can be made here: a video's or a sound's need ffmpeg and a file
// it read; a PDF's, a page count.
func (s *Service) Makes(a *models.Asset) bool {
	switch {
	case a.ProcessingError != nil:
		return false
	case a.Kind == models.KindVideo:
		return s.ff.Available() && a.Width != nil && a.Height != nil && a.Duration != nil
	case a.Kind == models.KindAudio:
		return s.ff.Available() && a.Duration != nil && *a.Duration > 0
	case a.MimeType == "application/pdf":
		an, err := a.Analysis.Get()
		return err == nil && an.PageCount > 0
	}
	return false
}

// StillFacts are the size and placeholder of a still, known without making it.
type StillFacts struct {
	Width, Height int
	Blurhash      *string
}

// FactsOf says the size of a's still (a video's poster, a document's first page, a sound's
// waveform) without making it; nil when it is not known before it is made (a document's page
// before the job rendered it).
func (s *Service) FactsOf(ctx context.Context, a *models.Asset) (*StillFacts, error) {
	if a.Kind == models.KindAudio && a.Duration != nil {
		return &StillFacts{Width: min(MaxBuckets, int(*a.Duration*waveformRate)), Height: waveformImageHeight}, nil
	}
	m, err := s.Media(ctx, a)
	if err != nil {
		return nil, err
	}
	if m != nil && m.PosterWidth != nil && m.PosterHeight != nil {
		return &StillFacts{Width: *m.PosterWidth, Height: *m.PosterHeight, Blurhash: m.PosterBlurhash}, nil
	}
	if a.Kind == models.KindVideo && a.Width != nil && a.Height != nil {
		return &StillFacts{Width: *a.Width, Height: *a.Height}, nil
	}
	return nil, nil
}

// MeasureFirstPage records the size of a document's first page, its poster, from the page's header:
// responsive images of a document need it before any page is rendered, and nothing is stored.
func (s *Service) MeasureFirstPage(ctx context.Context, a *models.Asset) error {
	buf, err := s.readDocument(ctx, a)
	if err != nil {
		return err
	}
	w, h, err := imaging.PageSize(buf, 1)
	if err != nil {
		msg := fmt.Sprintf("the document's first page cannot be read: %v", err)
		return s.db.SaveAVMedia(ctx, &models.AVMedia{AssetID: a.ID, Version: a.Version, PosterError: &msg}, "poster_error")
	}
	m := &models.AVMedia{AssetID: a.ID, Version: a.Version, PosterWidth: &w, PosterHeight: &h}
	return s.db.SaveAVMedia(ctx, m, "poster_width", "poster_height")
}
