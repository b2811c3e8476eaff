package models

import (
	"context"
	"fmt"
	"time"
)

// Derivative records a transform of a version stored in the object store, so that purging the
// asset can find it: the store itself is never listed.
type Derivative struct {
	ObjectKey string `gorm:"primaryKey;size:512"`
	AssetID   string `gorm:"size:40;not null"`
	Version   int    `gorm:"not null"`
	Size      int64  `gorm:"not null"`
	CreatedAt time.Time
	// Params are the transform's URL parameters (w=640&fm=webp); Format, Width and Height describe
	// the result.
	Params string `gorm:"not null"`
	Format string `gorm:"size:16;not null"`
	Width  *int
	Height *int
	// LastServedAt is when the stored result was last served, to a day: nil until served from the store.
	LastServedAt *time.Time
}

// RecordDerivative notes a stored transform of the asset's current version, and reports whether it
// did: not when the asset was purged or replaced meanwhile. Recording it twice is harmless.
func (db *DB) RecordDerivative(ctx context.Context, d *Derivative) (bool, error) {
	res := db.with(ctx).Exec(`INSERT INTO derivatives (object_key, asset_id, version, size, created_at, params, format, width, height)
		SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM assets WHERE id = ? AND version = ?)
		ON CONFLICT (object_key) DO NOTHING`, d.ObjectKey, d.AssetID, d.Version, d.Size, Now(), d.Params, d.Format, d.Width, d.Height,
		d.AssetID, d.Version)
	if res.Error != nil {
		return false, fmt.Errorf("record derivative: %w", translate(res.Error))
	}
	if res.RowsAffected == 0 {
		var n int64
		err := db.with(ctx).Model(&Derivative{}).Where("object_key = ?", d.ObjectKey).Count(&n).Error
		return n > 0, err
	}
	return true, nil
}

// VersionByNumber returns version number of an asset.
func (db *DB) VersionByNumber(ctx context.Context, assetID string, number int) (*AssetVersion, error) {
	var v AssetVersion
	if err := db.with(ctx).Where("asset_id = ? AND number = ?", assetID, number).Take(&v).Error; err != nil {
		return nil, translate(err)
	}
	return &v, nil
}

// ReplaceBytes records v, analyzed, as the new current version of asset a (a.Version is its number).
func (db *DB) ReplaceBytes(ctx context.Context, a *Asset, v *AssetVersion) error {
	g := db.with(ctx)
	if err := g.Create(v).Error; err != nil {
		return fmt.Errorf("insert asset version: %w", translate(err))
	}
	a.UpdatedAt = Now()
	err := g.Model(a).Select("version", "filename", "basename", "author", "copyright", "updated_at",
		"moderation_status", "moderation_note", "moderation_by_id", "moderation_at").Updates(a).Error
	if err != nil {
		return fmt.Errorf("replace asset bytes: %w", translate(err))
	}
	return db.reindexAnalysis(ctx, a)
}

// TakeReplacedDerivatives deletes the records of up to limit stored transforms of versions that are
// no longer current (or of assets gone), returning their object keys. One statement: it needs no
// transaction, so it never touches the catalogue's generation.
func (db *DB) TakeReplacedDerivatives(ctx context.Context, limit int) ([]string, error) {
	var keys []string
	err := db.with(ctx).Raw(`DELETE FROM derivatives WHERE object_key IN (
			SELECT d.object_key FROM derivatives d LEFT JOIN assets a ON a.id = d.asset_id
			WHERE a.id IS NULL OR a.version > d.version ORDER BY d.object_key LIMIT ?)
		RETURNING object_key`, limit).Scan(&keys).Error
	if err != nil {
		return nil, fmt.Errorf("delete replaced derivatives: %w", translate(err))
	}
	return keys, nil
}
