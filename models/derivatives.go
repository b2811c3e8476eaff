package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm/clause"
)

// Derivative records a transform of a version stored in the object store, so that purging the
// asset can find it: the store itself is never listed.
type Derivative struct {
	ObjectKey string `gorm:"primaryKey;size:512"`
	AssetID   string `gorm:"size:40;not null"`
	Version   int    `gorm:"not null"`
	Size      int64  `gorm:"not null"`
	CreatedAt time.Time
}

// RecordDerivative notes a stored transform; recording it twice (two instances racing) is harmless.
func (db *DB) RecordDerivative(ctx context.Context, d *Derivative) error {
	if err := db.with(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(d).Error; err != nil {
		return fmt.Errorf("record derivative: %w", translate(err))
	}
	return nil
}

// VersionByNumber returns version number of an asset.
func (db *DB) VersionByNumber(ctx context.Context, assetID string, number int) (*AssetVersion, error) {
	var v AssetVersion
	if err := db.with(ctx).Where("asset_id = ? AND number = ?", assetID, number).Take(&v).Error; err != nil {
		return nil, translate(err)
	}
	return &v, nil
}
