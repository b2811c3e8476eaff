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

// ReplaceBytes records v as the new current version of asset a, whose columns describe v's bytes.
func (db *DB) ReplaceBytes(ctx context.Context, a *Asset, v *AssetVersion) error {
	g := db.with(ctx)
	if err := g.Create(v).Error; err != nil {
		return fmt.Errorf("insert asset version: %w", translate(err))
	}
	err := g.Model(a).Select("kind", "format", "mime_type", "size", "md5", "sha256", "object_key", "version",
		"filename", "basename", "author", "copyright").Updates(a).Error
	if err != nil {
		return fmt.Errorf("replace asset bytes: %w", translate(err))
	}
	return db.SaveAnalysis(ctx, a)
}

// TakeReplacedDerivatives deletes the records of up to limit stored transforms of versions that are
// no longer current, returning their object keys.
func (db *DB) TakeReplacedDerivatives(ctx context.Context, limit int) ([]string, error) {
	var keys []string
	err := db.with(ctx).Model(&Derivative{}).
		Where("EXISTS (SELECT 1 FROM assets a WHERE a.id = derivatives.asset_id AND a.version > derivatives.version)").
		Order("object_key").Limit(limit).Pluck("object_key", &keys).Error
	if err != nil {
		return nil, fmt.Errorf("list replaced derivatives: %w", err)
	}
	if len(keys) == 0 {
		return nil, nil
	}
	if err := db.with(ctx).Where(inList("object_key", len(keys)), toAny(keys)...).Delete(&Derivative{}).Error; err != nil {
		return nil, fmt.Errorf("delete replaced derivatives: %w", err)
	}
	return keys, nil
}
