package av

import (
	"context"

	"github.com/mediagraph/mediagraph/models"
)

// Poster is the still of a video or a document as the API shows it.
type Poster struct {
	Width, Height int
	Blurhash      *string
	Time          *float64
}

// Video is a video's streams as the API shows them.
type Video struct {
	Asset *models.Asset
	// Media is what was made of the version, nil when nothing yet.
	Media    *models.AVMedia
	Status   models.HLSStatus
	Progress float64
	Reason   *string
}

// Audio is a sound as the API shows it: its waveform, read on demand.
type Audio struct {
	Asset *models.Asset
}

// PosterOf is a's poster, or nil and why there is none; nil and "" for kinds that have none.
func (s *Service) PosterOf(ctx context.Context, a *models.Asset) (*Poster, string, error) {
	if a.Kind != models.KindVideo && a.MimeType != "application/pdf" {
		return nil, "", nil
	}
	m, err := s.Media(ctx, a)
	switch {
	case err != nil:
		return nil, "", err
	case m != nil && m.PosterWidth != nil && m.PosterHeight != nil:
		return &Poster{Width: *m.PosterWidth, Height: *m.PosterHeight, Blurhash: m.PosterBlurhash, Time: m.PosterAt}, "", nil
	case m != nil && m.PosterError != nil:
		return nil, *m.PosterError, nil
	case a.Kind == models.KindVideo && !s.ff.Available():
		return nil, Missing, nil
	case a.ProcessingError != nil:
		return nil, "the file could not be read: " + *a.ProcessingError, nil
	}
	return nil, "the poster is being made", nil
}

// VideoOf is a video's streams, nil for other kinds.
func (s *Service) VideoOf(ctx context.Context, a *models.Asset) (*Video, error) {
	if a.Kind != models.KindVideo {
		return nil, nil
	}
	m, err := s.Media(ctx, a)
	if err != nil {
		return nil, err
	}
	v := &Video{Asset: a, Media: m, Status: models.HLSPending}
	reason := ""
	switch {
	case !s.HLSOn():
		v.Status, reason = models.HLSNone, "HLS is off on this server (MEDIAGRAPH_HLS=on turns it on)"
	case !s.ff.Available():
		v.Status, reason = models.HLSFailed, Missing
	case m != nil && m.HLSStatus != models.HLSNone:
		v.Status, v.Progress = m.HLSStatus, m.HLSProgress
		if m.HLSError != nil {
			reason = *m.HLSError
		}
	}
	if reason != "" {
		v.Reason = &reason
	}
	return v, nil
}

// Renditions are the encoded sizes of v, empty until READY.
func (v *Video) Renditions() []models.Rendition {
	if v.Status != models.HLSReady || v.Media == nil {
		return []models.Rendition{}
	}
	r, _ := v.Media.HLSRenditions.Get()
	return r
}

// MP4 is the file of the rendition whose height is the largest at most resolution (the smallest when
// none is; the largest when resolution is nil), "" until READY.
func (v *Video) MP4(resolution *int) string {
	rs := v.Renditions()
	if len(rs) == 0 {
		return ""
	}
	pick := rs[0]
	for _, r := range rs {
		if resolution == nil || r.Height <= *resolution {
			pick = r
		}
	}
	return pick.MP4
}

// AudioOf is a sound's view, nil for other kinds.
func AudioOf(a *models.Asset) *Audio {
	if a.Kind != models.KindAudio {
		return nil
	}
	return &Audio{Asset: a}
}
