package models

import (
	"context"
	"fmt"
	"time"
)

// TrashedAssetIDs returns up to limit ids of assets put in the trash at or before cutoff, oldest first.
func (db *DB) TrashedAssetIDs(ctx context.Context, cutoff time.Time, limit int) ([]string, error) {
	var ids []string
	err := db.with(ctx).Model(&Asset{}).Where("deleted_at IS NOT NULL AND deleted_at <= ?", cutoff).
		Order("deleted_at, id").Limit(limit).Pluck("id", &ids).Error
	if err != nil {
		return nil, fmt.Errorf("list trashed assets: %w", err)
	}
	return ids, nil
}

// LiveAssetIDs returns up to limit ids of assets not in the trash, in id order after after.
func (db *DB) LiveAssetIDs(ctx context.Context, after string, limit int) ([]string, error) {
	var ids []string
	err := db.with(ctx).Model(&Asset{}).Where("deleted_at IS NULL AND id > ?", after).
		Order("id").Limit(limit).Pluck("id", &ids).Error
	if err != nil {
		return nil, fmt.Errorf("list live assets: %w", err)
	}
	return ids, nil
}

// DeleteVersion removes version v's row and the records of its stored transforms, returning the
// object keys whose bytes are to be removed: the version's (in quarantine when it was found
// infected) and its transforms'.
func (db *DB) DeleteVersion(ctx context.Context, v *AssetVersion) ([]string, error) {
	g := db.with(ctx)
	var keys []string
	err := g.Model(&Derivative{}).Where("asset_id = ? AND version = ?", v.AssetID, v.Number).Pluck("object_key", &keys).Error
	if err != nil {
		return nil, fmt.Errorf("list derivatives of version %d: %w", v.Number, err)
	}
	if err := g.Where("asset_id = ? AND version = ?", v.AssetID, v.Number).Delete(&Derivative{}).Error; err != nil {
		return nil, fmt.Errorf("delete derivatives of version %d: %w", v.Number, translate(err))
	}
	if err := g.Where("asset_id = ? AND version = ?", v.AssetID, v.Number).Delete(&AVMedia{}).Error; err != nil {
		return nil, fmt.Errorf("delete av media of version %d: %w", v.Number, translate(err))
	}
	if err := g.Where("id = ?", v.ID).Delete(&AssetVersion{}).Error; err != nil {
		return nil, fmt.Errorf("delete version %d: %w", v.Number, translate(err))
	}
	key := v.ObjectKey
	if v.Antivirus.Status == ScanInfected {
		key = QuarantineKey(key)
	}
	return append(keys, key), nil
}
