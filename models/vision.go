package models

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Face is a face found in an image: its box as fractions of the image's width and height as
// displayed, from the top-left corner.
type Face struct {
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	Width  float64 `json:"w"`
	Height float64 `json:"h"`
}

// TagSource says where a smart tag came from.
type TagSource string

const (
	TagKeyword TagSource = "KEYWORD" // the file's own keywords (IPTC, XMP)
	TagModel   TagSource = "MODEL"   // a trained detector or classifier looking at the pixels
	TagOCR     TagSource = "OCR"     // the text read in the image
	TagColor   TagSource = "COLOR"   // the share of the image's pixels in a named color
)

// SmartTag is one smart tag with where it came from and how sure its source is, from 0 to 1.
type SmartTag struct {
	Name       string    `json:"name"`
	Source     TagSource `json:"source"`
	Confidence float64   `json:"confidence"`
}

// VisionStatus is how far the analysis of an image's pixels is.
type VisionStatus string

const (
	VisionPending VisionStatus = "PENDING"
	VisionDone    VisionStatus = "DONE"
	VisionFailed  VisionStatus = "FAILED"
)

// Vision is what looking at a version's pixels found: faces, text and tags. A nil Faces or OCRText
// was not learned, and FacesUnavailable or OCRUnavailable says why (a detector not installed, an
// image not read for text). The row's ocr_text column is the one full-text search indexes.
type Vision struct {
	AssetID          string `gorm:"primaryKey;size:40"`
	Number           int    `gorm:"primaryKey"`
	Status           VisionStatus
	Faces            JSON[[]Face]
	FaceCount        *int
	FacesUnavailable *string
	OCRText          *string `gorm:"column:ocr_text"`
	OCRUnavailable   *string `gorm:"column:ocr_unavailable"`
	Tags             JSON[[]SmartTag]
	Error            *string
	AnalyzedAt       time.Time
}

// TableName implements gorm's Tabler.
func (Vision) TableName() string { return "asset_vision" }

// FaceList is the faces found, nil when none were looked for.
func (v *Vision) FaceList() ([]Face, error) {
	if v.FaceCount == nil {
		return nil, nil
	}
	faces, err := v.Faces.Get()
	if faces == nil && err == nil {
		faces = []Face{}
	}
	return faces, err
}

// SaveVision records the vision analysis of one version, replacing an earlier one, and indexes its
// tags for the smartTags filter when the version is still the asset's current one.
func (db *DB) SaveVision(ctx context.Context, v *Vision) error {
	return db.with(ctx).Transaction(func(tx *gorm.DB) error {
		err := tx.Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "asset_id"}, {Name: "number"}},
			UpdateAll: true,
		}).Create(v).Error
		if err != nil {
			return fmt.Errorf("save vision of %s version %d: %w", v.AssetID, v.Number, translate(err))
		}
		return indexVisionTags(tx, v.AssetID, v.Number)
	})
}

// indexVisionTags adds the vision tags of version number to the smart-tag rows, when it is the asset's
// current version; the keyword tags already there stay.
func indexVisionTags(tx *gorm.DB, assetID string, number int) error {
	var v Vision
	err := tx.Where("asset_id = ? AND number = ?", assetID, number).
		Where("number = (SELECT version FROM assets WHERE id = ?)", assetID).Take(&v).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("index vision tags: %w", translate(err))
	}
	tags, err := v.Tags.Get()
	if err != nil {
		return err
	}
	for _, t := range tags {
		if k := FoldKey(t.Name); k != "" {
			err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&AssetSmartTag{AssetID: assetID, NameKey: k}).Error
			if err != nil {
				return fmt.Errorf("index vision tags: %w", translate(err))
			}
		}
	}
	return nil
}

// VisionOf reads the vision analyses of versions, by asset id; versions never analyzed are absent.
func (db *DB) VisionOf(ctx context.Context, keys []VersionKey) (map[VersionKey]*Vision, error) {
	out := make(map[VersionKey]*Vision, len(keys))
	if len(keys) == 0 {
		return out, nil
	}
	ids := make([]any, len(keys))
	for i, k := range keys {
		ids[i] = k.AssetID
	}
	var rows []*Vision
	if err := db.with(ctx).Where(inList("asset_id", len(ids)), ids...).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read vision: %w", translate(err))
	}
	want := map[VersionKey]bool{}
	for _, k := range keys {
		want[k] = true
	}
	for _, r := range rows {
		if k := (VersionKey{AssetID: r.AssetID, Number: r.Number}); want[k] {
			out[k] = r
		}
	}
	return out, nil
}

// VersionKey names one version of an asset.
type VersionKey struct {
	AssetID string
	Number  int
}
