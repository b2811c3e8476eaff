// Package vision looks at the pixels of images, in a background job after they are stored: faces
// (OpenCV's cascade classifier, through a small cgo wrapper), text (the Tesseract command) and smart
// tags derived from them and the file's keywords. A missing detector leaves its result null with the
// reason recorded, never a failed analysis.
package vision

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/imaging"
	"github.com/mediagraph/mediagraph/media/membudget"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/storage"
)

// Sizes of the decodes: faces are looked for in a small one (a face of a twelfth of the shorter side
// is still 30 px there in a 3:2 photo), text is read in a larger one (Tesseract wants letters 20 px or more).
const (
	faceSide = 640
	textSide = 2000
	// maxReadBytes bounds the files read into memory, as intake's analysis does.
	maxReadBytes = 256 << 20
)

// Service analyzes the pixels of versions and records what it found.
type Service struct {
	db       *models.DB
	store    storage.Store
	memory   *membudget.Budget
	settings config.Library
	faces    *FaceDetector
	noFaces  string // why faces is nil
	reader   *Reader
	tagger   Tagger
	// analyzed, when set, returns an asset with its pending pixels analyzed (AnalyzeWith).
	analyzed func(ctx context.Context, a *models.Asset) (*models.Asset, error)
}

// AnalyzeWith has the vision of an image whose pixels are still pending analysis complete it first
// with analyzed, the analysis its own job runs: the smart tags build on its colors and keywords.
func (s *Service) AnalyzeWith(analyzed func(ctx context.Context, a *models.Asset) (*models.Asset, error)) {
	s.analyzed = analyzed
}

// New prepares the detectors the settings name; one that cannot be loaded is reported in the log
// and in every analysis, and the others still run.
func New(db *models.DB, store storage.Store, memory *membudget.Budget, settings config.Library, log *slog.Logger) *Service {
	s := &Service{db: db, store: store, memory: memory, settings: settings, tagger: DerivedTagger{},
		reader: NewReader(settings.Tesseract, settings.OCRTimeout)}
	if !s.Enabled() {
		return s
	}
	faces, err := NewFaceDetector(settings.FaceCascade)
	if err != nil {
		s.noFaces = "no face detector: " + err.Error()
		log.Warn("faces are not detected", "reason", err)
	}
	s.faces = faces
	if err := s.reader.Available(); err != nil {
		log.Warn("text in images is not read", "reason", err)
	}
	return s
}

// Enabled says whether new images are analyzed (MEDIAGRAPH_VISION).
func (s *Service) Enabled() bool { return s.settings.Vision == "on" }

// Analyze looks at the pixels of an asset's current version, if it is an image, and records what it
// found; when the asset was replaced meanwhile it looks at the new version too (its job was absorbed
// by this one). A file that cannot be decoded is recorded FAILED; only the database or the store
// failing is an error, for the job to try again.
func (s *Service) Analyze(ctx context.Context, assetID string) error {
	if !s.Enabled() {
		return nil
	}
	done := -1
	for range maxRounds {
		found, err := s.db.AssetsByID(ctx, []string{assetID}, models.Visibility{})
		if err != nil || len(found) == 0 || found[0].Version == done {
			return err // a purged asset needs nothing
		}
		if err := s.analyzeCurrent(ctx, found[0]); err != nil {
			return err
		}
		done = found[0].Version
	}
	return nil
}

// Update is Analyze unless the vision of the asset's current version is newer than the analysis of its
// pixels, as its job needs: the asset.analyzed that ends an upload's analysis follows the asset.created
// whose job looked already, while a reprocess's new analysis is looked at again.
func (s *Service) Update(ctx context.Context, assetID string) error {
	found, err := s.db.AssetsByID(ctx, []string{assetID}, models.Visibility{})
	if err != nil || len(found) == 0 {
		return err
	}
	done, err := s.db.CurrentVision(ctx, []string{assetID})
	if err != nil {
		return err
	}
	if v, a := done[assetID], found[0]; v != nil && a.AnalyzedAt != nil && !v.AnalyzedAt.Before(*a.AnalyzedAt) {
		return nil
	}
	return s.Analyze(ctx, assetID)
}

// maxRounds bounds the versions one job follows when an asset is replaced again and again.
const maxRounds = 3

func (s *Service) analyzeCurrent(ctx context.Context, a *models.Asset) error {
	if a.Kind != models.KindImage || a.Antivirus.Status == models.ScanInfected {
		return nil
	}
	if s.analyzed != nil {
		fresh, err := s.analyzed(ctx, a)
		if err != nil || fresh == nil {
			return err // purged or replaced meanwhile: the replacement's own job looks at it
		}
		a = fresh
	}
	v := &models.Vision{AssetID: a.ID, Number: a.Version, Status: models.VisionDone}
	buf, release, err := s.read(ctx, a.AssetVersion)
	if err != nil {
		return err
	}
	defer release()
	an, err := a.Analysis.Get()
	if err != nil {
		return err
	}
	if err := s.Inspect(ctx, buf, an.SmartTags, v); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		v.Status, v.Error = models.VisionFailed, ptr(err.Error())
	}
	v.AnalyzedAt = models.Now()
	return s.db.SaveVision(ctx, v)
}

func (s *Service) read(ctx context.Context, av *models.AssetVersion) ([]byte, func(), error) {
	if av.Size > maxReadBytes {
		return nil, func() {}, nil
	}
	buf, release, err := s.memory.Read(ctx, s.store, av.ObjectKey, av.Size)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s for vision: %w", av.ObjectKey, err)
	}
	return buf, release, nil
}

// Inspect runs the detectors over the image in buf, whose keywords are given, and fills v with what
// they found; an error is about the file (nil buf: one too large to read).
func (s *Service) Inspect(ctx context.Context, buf []byte, keywords []string, v *models.Vision) error {
	if buf == nil {
		return fmt.Errorf("the file is larger than the %d MiB analyzed", maxReadBytes>>20)
	}
	h, err := imaging.ReadHeader(buf)
	if err != nil {
		return fmt.Errorf("read header: %w", err)
	}
	if h.Pixels() > s.settings.MaxImagePixels {
		return fmt.Errorf("the image has more than the %d pixels analyzed", s.settings.MaxImagePixels)
	}
	small, err := imaging.DecodeThumbnail(buf, h, faceSide)
	if err != nil {
		return err
	}
	sig := Signals{Keywords: keywords, Pixels: small, Flat: looksLikeText(small)}
	s.findFaces(small, v, &sig)
	if err := s.readText(ctx, buf, h, v, &sig); err != nil {
		return err
	}
	v.Tags = models.JSONOf(s.tagger.Tags(sig))
	return nil
}

func (s *Service) findFaces(t imaging.Thumbnail, v *models.Vision, sig *Signals) {
	if s.faces == nil {
		v.FacesUnavailable = ptr(s.noFaces)
		return
	}
	faces, err := s.faces.Faces(t)
	if err != nil {
		v.FacesUnavailable = ptr("the face detector failed: " + err.Error())
		return
	}
	v.Faces, v.FaceCount, sig.Faces = models.JSONOf(faces), ptr(len(faces)), faces
}

// readText reads the text of images that look like documents or screenshots, and of all those
// smaller than the setting. Only a decode failing is an error; Tesseract failing is recorded.
func (s *Service) readText(ctx context.Context, buf []byte, h imaging.Header, v *models.Vision, sig *Signals) error {
	if !sig.Flat && h.Pixels() >= s.settings.OCRAllBelowPixels {
		v.OCRUnavailable = ptr("not read: the image does not look like a document or a screenshot")
		return nil
	}
	if err := s.reader.Available(); err != nil {
		v.OCRUnavailable = ptr(err.Error())
		return nil
	}
	big, err := imaging.DecodeThumbnail(buf, h, textSide)
	if err != nil {
		return err
	}
	text, err := s.reader.Read(ctx, big)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil {
		v.OCRUnavailable = ptr("the text could not be read: " + err.Error())
		return nil
	}
	v.OCRText, sig.Text = &text.Content, &text
	return nil
}

func ptr[T any](v T) *T { return &v }

// ForAssets reads what the analysis found in the current versions of the assets, by asset id, for
// any authenticated caller; an asset not analyzed yet is absent.
func (s *Service) ForAssets(ctx context.Context, ids []string) (map[string]*models.Vision, error) {
	if _, err := access.Authorize(ctx, access.Read); err != nil {
		return nil, err
	}
	return s.db.CurrentVision(ctx, ids)
}
