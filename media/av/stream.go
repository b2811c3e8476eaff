package av

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"time"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/storage"
)

// HLSPrefix is where the files of a version's HLS encode are stored.
func HLSPrefix(assetID string, version int) string {
	return fmt.Sprintf("derived/%s/%d/hls/", assetID, version)
}

// hlsTypes are the content types of an encode's files, by extension.
var hlsTypes = map[string]string{".m3u8": "application/vnd.apple.mpegurl", ".m4s": "video/iso.segment", ".mp4": "video/mp4"}

// HLSType is the content type of a file of an encode, "" for a name no encode has.
func HLSType(name string) string { return hlsTypes[path.Ext(name)] }

// progressStep is the least change of an encode's progress worth a write.
const progressStep = 0.05

// EncodeHLS encodes the current version of a video into its HLS ladder and stores it, recording
// progress as it goes. An encode that cannot succeed (no ffmpeg, a damaged file) is recorded
// FAILED with its reason and is no error; one cut off (the job's deadline, a shutdown) is, so that
// the job is tried again.
func (s *Service) EncodeHLS(ctx context.Context, assetID string) error {
	a, err := s.current(ctx, assetID)
	if err != nil || a == nil || a.Kind != models.KindVideo || !s.HLSOn() {
		return err
	}
	if m, err := s.Media(ctx, a); err != nil || (m != nil && m.HLSStatus == models.HLSReady) {
		return err
	}
	renditions, err := s.encode(ctx, a)
	var refused *access.Error
	switch {
	case errors.As(err, &refused):
		msg := refused.Message
		return s.db.SaveAVMedia(ctx, &models.AVMedia{AssetID: a.ID, Version: a.Version, HLSStatus: models.HLSFailed, HLSError: &msg}, "hls_status", "hls_error")
	case err != nil:
		return err
	}
	m := &models.AVMedia{AssetID: a.ID, Version: a.Version, HLSStatus: models.HLSReady, HLSProgress: 1, HLSRenditions: models.JSONOf(renditions)}
	return s.db.SaveAVMedia(ctx, m, "hls_status", "hls_progress", "hls_error", "hls_renditions")
}

func (s *Service) encode(ctx context.Context, a *models.Asset) ([]models.Rendition, error) {
	switch {
	case !s.ff.Available():
		return nil, access.Invalid("params", "%s", Missing)
	case a.Width == nil || a.Height == nil || a.Duration == nil:
		return nil, access.Invalid("params", "the video's size or duration is unknown, so it is not encoded")
	}
	if err := s.setProgress(ctx, a, 0); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(s.tmpDir, "hls-")
	if err != nil {
		return nil, fmt.Errorf("hls: %w", err)
	}
	defer os.RemoveAll(dir)
	rungs := Ladder(*a.Width, *a.Height)
	an, err := a.Analysis.Get()
	if err != nil {
		return nil, err
	}
	last := 0.0
	err = s.reading(ctx, a, func(url string) error {
		return s.ff.HLS(ctx, url, dir, rungs, *a.Duration, an.AudioCodec != "", func(done float64) {
			if done-last >= progressStep {
				last = done
				if err := s.setProgress(ctx, a, done); err != nil {
					s.log.Warn("hls progress", "asset", a.ID, "err", err)
				}
			}
		})
	})
	if err != nil && ctx.Err() == nil {
		return nil, access.Invalid("params", "the video could not be encoded: %v", err)
	}
	if err != nil {
		return nil, err
	}
	return s.storeEncode(ctx, a, dir, rungs)
}

func (s *Service) setProgress(ctx context.Context, a *models.Asset, done float64) error {
	m := &models.AVMedia{AssetID: a.ID, Version: a.Version, HLSStatus: models.HLSEncoding, HLSProgress: done}
	return s.db.SaveAVMedia(ctx, m, "hls_status", "hls_progress", "hls_error")
}

// storeEncode makes each rendition's progressive MP4 and stores every file of the encode.
func (s *Service) storeEncode(ctx context.Context, a *models.Asset, dir string, rungs []Rung) ([]models.Rendition, error) {
	renditions := make([]models.Rendition, len(rungs))
	for i, r := range rungs {
		v := "v" + strconv.Itoa(i)
		if err := s.ff.Remux(ctx, filepath.Join(dir, v, "index.m3u8"), filepath.Join(dir, v+".mp4")); err != nil {
			return nil, access.Invalid("params", "%v", err)
		}
		renditions[i] = models.Rendition{Width: r.Width, Height: r.Height, Playlist: v + "/index.m3u8", MP4: v + ".mp4"}
	}
	prefix := HLSPrefix(a.ID, a.Version)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		return s.keepFile(ctx, a, prefix+filepath.ToSlash(rel), p)
	})
	if err != nil {
		return nil, fmt.Errorf("store hls of %s: %w", a.ID, err)
	}
	return renditions, nil
}

// keepFile records key as a derivative of a's version and stores the file at p under it.
func (s *Service) keepFile(ctx context.Context, a *models.Asset, key, p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	kept, err := s.db.RecordDerivative(ctx, &models.Derivative{ObjectKey: key, AssetID: a.ID, Version: a.Version, Size: info.Size()})
	if err != nil {
		return err
	}
	if !kept {
		return access.Invalid("params", "asset %s version %d was replaced or deleted while it was encoded", a.ID, a.Version)
	}
	if _, err := s.store.Put(ctx, key, f, storage.PutOptions{ContentType: HLSType(key)}); err != nil {
		return fmt.Errorf("store %s: %w", key, err)
	}
	return nil
}

// hlsTimeout bounds one encode: the ladder encodes at several times real time on two cores, so a
// two-hour film fits.
const hlsTimeout = 6 * time.Hour

// HLSTimeout is the deadline of an encode job.
func HLSTimeout() time.Duration { return hlsTimeout }
