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
// tags for the smartTags filter when the version is still the asset's current one. It is a catalogue
// change: the generation advances, so caches of what readers saw drop their answers.
func (db *DB) SaveVision(ctx context.Context, v *Vision) error {
	return db.Transaction(ctx, func(tx *DB) error {
		g := tx.with(ctx)
		err := g.Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "asset_id"}, {Name: "number"}},
			UpdateAll: true,
		}).Create(v).Error
		if err != nil {
			return fmt.Errorf("save vision of %s version %d: %w", v.AssetID, v.Number, translate(err))
		}
		return indexVisionTags(g, v.AssetID, v.Number)
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

// CurrentVision reads the vision analyses of the assets' current versions, by asset id; an asset
// whose current version was not analyzed yet is absent.
func (db *DB) CurrentVision(ctx context.Context, ids []string) (map[string]*Vision, error) {
	out := make(map[string]*Vision, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	var rows []*Vision
	err := db.with(ctx).Joins("JOIN assets a ON a.id = asset_vision.asset_id AND a.version = asset_vision.number").
		Where(inList("asset_vision.asset_id", len(ids)), toAny(ids)...).Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("read vision: %w", translate(err))
	}
	for _, r := range rows {
		out[r.AssetID] = r
	}
	return out, nil
}

// FacesBox is the box holding every face found in a version, nil when none were found or looked for.
func (db *DB) FacesBox(ctx context.Context, assetID string, number int) (*Face, error) {
	var v Vision
	err := db.with(ctx).Where("asset_id = ? AND number = ? AND face_count > 0", assetID, number).Take(&v).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read faces of %s version %d: %w", assetID, number, translate(err))
	}
	faces, err := v.Faces.Get()
	if err != nil {
		return nil, err
	}
	return Box(faces), nil
}

// Box is the smallest box holding every face, nil when there are none.
func Box(faces []Face) *Face {
	if len(faces) == 0 {
		return nil
	}
	x0, y0, x1, y1 := 1.0, 1.0, 0.0, 0.0
	for _, f := range faces {
		x0, y0 = min(x0, f.X), min(y0, f.Y)
		x1, y1 = max(x1, f.X+f.Width), max(y1, f.Y+f.Height)
	}
	return &Face{X: x0, Y: y0, Width: x1 - x0, Height: y1 - y0}
}
