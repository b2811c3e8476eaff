package deliver

import (
	"context"
	"crypto/sha256"
	"encoding/hex"

	"github.com/mediagraph/mediagraph/media/av"
	"github.com/mediagraph/mediagraph/media/imageurl"
	"github.com/mediagraph/mediagraph/models"
)

// Stills gives the image a transform of a video, sound or document starts from (av.Service).
type Stills interface {
	StillOf(ctx context.Context, a *models.Asset, t *float64, page *int) (av.Still, error)
	// Makes says whether a still of a can be made; FactsOf says its size, nil when not known yet.
	Makes(a *models.Asset) bool
	FactsOf(ctx context.Context, a *models.Asset) (*av.StillFacts, error)
}

// Transforms reports whether the gate transforms a's current version: an image (Transformable), or
// a video, sound or document whose still can be made here. The API gives no transform URL for
// anything else, so that no URL it returns answers an error.
func (s *Service) Transforms(a *models.Asset) bool {
	if a.Kind == models.KindImage {
		return Transformable(a)
	}
	return s.stills != nil && hasStill(a) && s.stills.Makes(a)
}

// stillParams are p for a still of a: without parameters a video's or a document's URL would be its
// original, so a format is named (the still's own default), and the image is what it points at.
func stillParams(a *models.Asset, p imageurl.ImageParams) imageurl.ImageParams {
	if !p.IsZero() {
		return p
	}
	fm := imageurl.FormatJPG
	if a.Kind == models.KindAudio {
		fm = imageurl.FormatPNG
	}
	p.Fm = &fm
	return p
}

// stillFacts is a's still as the size and placeholder a responsive image needs: a copy of a with
// the still's dimensions, or nil when they are not known yet.
func (s *Service) stillFacts(ctx context.Context, a *models.Asset) (*models.Asset, error) {
	if !s.Transforms(a) {
		return nil, nil
	}
	f, err := s.stills.FactsOf(ctx, a)
	if err != nil || f == nil {
		return nil, err
	}
	v := *a.AssetVersion
	v.Width, v.Height, v.Blurhash, v.LQIP = &f.Width, &f.Height, f.Blurhash, nil
	v.Kind, v.ProcessingError, v.Analysis = models.KindImage, nil, models.JSONOf(models.Analysis{})
	still := *a
	still.AssetVersion = &v
	return &still, nil
}

// UseStills makes videos, sounds and documents transformable from the stills of st.
func (s *Service) UseStills(st Stills) { s.stills = st }

// hasStill reports whether transforms of a start from a still: a video (its poster or a frame), a
// sound (its waveform) or a PDF (a page).
func hasStill(a *models.Asset) bool {
	return a.Kind == models.KindVideo || a.Kind == models.KindAudio || a.MimeType == "application/pdf"
}

// stillAsset is a as the image its transforms start from: the still's key, size and dimensions, a
// digest of its own so that each still's transforms are stored apart, and the version's id and
// number, so that a replacement sweeps them as it sweeps an image's.
func (s *Service) stillAsset(ctx context.Context, a *models.Asset, p imageurl.ImageParams) (*models.Asset, error) {
	st, err := s.stills.StillOf(ctx, a, p.T, p.Page)
	if err != nil {
		return nil, err
	}
	v := *a.AssetVersion
	v.Kind, v.ObjectKey, v.Size, v.Width, v.Height = models.KindImage, st.Key, st.Size, &st.Width, &st.Height
	sum := sha256.Sum256([]byte(a.SHA256 + "/" + st.Name))
	v.SHA256 = hex.EncodeToString(sum[:])
	analysis := models.Analysis{}
	v.Format, v.MimeType = "jpg", "image/jpeg"
	if a.Kind == models.KindAudio { // a waveform is drawn on transparency
		v.Format, v.MimeType, analysis.HasAlpha = "png", "image/png", true
	}
	v.Analysis, v.ProcessingError = models.JSONOf(analysis), nil
	still := *a
	still.AssetVersion = &v
	return &still, nil
}
