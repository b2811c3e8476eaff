package av

import (
	"context"
	"errors"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
)

// DefaultBuckets is the size of a waveform when none is asked for.
const DefaultBuckets = 1000

// Waveform is buckets peaks of a sound's version, nil with a reason when there are none: not yet
// computed (the job runs after the upload), or not computable.
func (s *Service) Waveform(ctx context.Context, a *models.Asset, buckets int) ([]float64, string, error) {
	if buckets < 1 || buckets > MaxBuckets {
		return nil, "", access.Invalid("buckets", "buckets must be from 1 to %d", MaxBuckets)
	}
	m, stored, err := s.storedPeaks(ctx, a)
	switch {
	case err != nil:
		return nil, "", err
	case m != nil && m.WaveformError != nil:
		return nil, *m.WaveformError, nil
	case len(stored) == 0 && !s.ff.Available():
		return nil, Missing, nil
	case len(stored) == 0:
		return nil, "the waveform is being computed", nil
	}
	out, err := Buckets(stored, min(buckets, len(stored)))
	if err != nil {
		return nil, "", access.Invalid("buckets", "%v", err)
	}
	return out, "", nil
}

// MakeWaveform computes and records the peaks of a sound's version; a sound that cannot be decoded
// gets its reason recorded instead.
func (s *Service) MakeWaveform(ctx context.Context, a *models.Asset) ([]float64, error) {
	peaks, err := s.decodeWaveform(ctx, a)
	var refused *access.Error
	if errors.As(err, &refused) {
		msg := refused.Message
		return nil, errors.Join(err, s.db.SaveAVMedia(ctx, &models.AVMedia{AssetID: a.ID, Version: a.Version, WaveformError: &msg}, "waveform_error"))
	}
	if err != nil {
		return nil, err
	}
	m := &models.AVMedia{AssetID: a.ID, Version: a.Version, Waveform: models.JSONOf(peaks)}
	return peaks, s.db.SaveAVMedia(ctx, m, "waveform", "waveform_error")
}

func (s *Service) decodeWaveform(ctx context.Context, a *models.Asset) ([]float64, error) {
	if !s.ff.Available() {
		return nil, access.Invalid("params", "%s", Missing)
	}
	if a.Duration == nil {
		return nil, access.Invalid("params", "the sound's duration is unknown, so its waveform is not drawn")
	}
	var peaks []float64
	err := s.reading(ctx, a, func(url string) (err error) {
		peaks, err = s.ff.Waveform(ctx, url, *a.Duration)
		return err
	})
	if err != nil && ctx.Err() == nil {
		return nil, access.Invalid("params", "this sound cannot be decoded: %v", err)
	}
	return peaks, err
}

// waveformStill is the waveform drawn as an image, from the stored peaks or computed now.
func (s *Service) waveformStill(ctx context.Context, a *models.Asset) (Still, error) {
	return s.ensure(ctx, a, "waveform", func(ctx context.Context) ([]byte, error) {
		_, peaks, err := s.storedPeaks(ctx, a)
		if err == nil && len(peaks) == 0 {
			peaks, err = s.MakeWaveform(ctx, a)
		}
		if err != nil {
			return nil, err
		}
		return WaveformPNG(peaks)
	})
}

// storedPeaks reads the recorded waveform of a's version, empty when there is none.
func (s *Service) storedPeaks(ctx context.Context, a *models.Asset) (*models.AVMedia, []float64, error) {
	m, err := s.Media(ctx, a)
	if err != nil || m == nil {
		return nil, nil, err
	}
	peaks, err := m.Waveform.Get()
	return m, peaks, err
}

// Derive makes what the background job makes of an asset's current version: a video's poster, a
// sound's waveform. What cannot be made is recorded with its reason; only a failure that another
// try may not meet (the database, the store) is an error.
func (s *Service) Derive(ctx context.Context, assetID string) error {
	a, err := s.current(ctx, assetID)
	if err != nil || a == nil {
		return err
	}
	var refused *access.Error
	switch a.Kind {
	case models.KindVideo:
		_, err = s.MakePoster(ctx, a)
	case models.KindAudio:
		_, err = s.MakeWaveform(ctx, a)
	default:
		if a.MimeType == "application/pdf" {
			err = s.MeasureFirstPage(ctx, a)
		}
	}
	if errors.As(err, &refused) {
		return nil
	}
	return err
}

// current loads an asset with its current version, nil when it is gone.
func (s *Service) current(ctx context.Context, assetID string) (*models.Asset, error) {
	found, err := s.db.AssetsByID(ctx, []string{assetID}, models.Visibility{})
	if err != nil || len(found) == 0 {
		return nil, err
	}
	return found[0], nil
}
