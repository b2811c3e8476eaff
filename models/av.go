package models

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm/clause"
)

// AVMedia is what was made of one version of a video, sound or document besides its analysis: the
// poster that transforms start from, the waveform's peaks, the HLS encode and how far it got.
type AVMedia struct {
	AssetID string `gorm:"primaryKey;size:40"`
	Version int    `gorm:"primaryKey"`
	// PosterKey is the stored poster frame (PNG), PosterAt the second it was taken at.
	PosterKey      *string `gorm:"size:512"`
	PosterWidth    *int
	PosterHeight   *int
	PosterBlurhash *string
	PosterAt       *float64
	// PosterError says why no poster was made.
	PosterError *string
	// Waveform holds the peaks (at most av.MaxBuckets, 0 to 1); WaveformError says why there are none.
	Waveform      JSON[[]float64]
	WaveformError *string
	HLSStatus     HLSStatus `gorm:"column:hls_status;size:16;not null"`
	HLSProgress   float64   `gorm:"column:hls_progress;not null"`
	HLSError      *string   `gorm:"column:hls_error"`
	// HLSRenditions lists the encoded sizes, smallest first.
	HLSRenditions JSON[[]Rendition] `gorm:"column:hls_renditions"`
	UpdatedAt     time.Time
}

// TableName implements gorm's Tabler.
func (AVMedia) TableName() string { return "av_media" }

// Rendition is one encoded size of a video's HLS ladder.
type Rendition struct {
	Width  int `json:"width"`
	Height int `json:"height"`
	// Playlist is the rendition's playlist, MP4 its progressive file, both relative to the encode.
	Playlist string `json:"playlist"`
	MP4      string `json:"mp4"`
}

// HLSStatus is how far a version's HLS encode is.
type HLSStatus string

const (
	HLSNone     HLSStatus = "NONE"
	HLSPending  HLSStatus = "PENDING"
	HLSEncoding HLSStatus = "ENCODING"
	HLSReady    HLSStatus = "READY"
	HLSFailed   HLSStatus = "FAILED"
)

// AVMediaOf returns what was made of a version, nil when nothing was yet.
func (db *DB) AVMediaOf(ctx context.Context, assetID string, version int) (*AVMedia, error) {
	var m AVMedia
	err := db.with(ctx).Where("asset_id = ? AND version = ?", assetID, version).Take(&m).Error
	if errors.Is(translate(err), ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read av media of %s/%d: %w", assetID, version, translate(err))
	}
	return &m, nil
}

// SaveAVMedia writes the named columns of m, creating its row when there is none.
func (db *DB) SaveAVMedia(ctx context.Context, m *AVMedia, columns ...string) error {
	m.UpdatedAt = Now()
	columns = append(columns, "updated_at")
	err := db.with(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "asset_id"}, {Name: "version"}},
		DoUpdates: clause.AssignmentColumns(columns),
	}).Select(append([]string{"asset_id", "version", "hls_status", "hls_progress"}, columns...)).Create(m).Error
	if err != nil {
		return fmt.Errorf("save av media of %s/%d: %w", m.AssetID, m.Version, translate(err))
	}
	return nil
}
