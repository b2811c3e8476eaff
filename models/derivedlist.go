package models

import (
	"context"
	"fmt"
	"time"
)

// DerivativesOf returns up to limit stored transforms of an asset whose keys sort after after, in key
// order.
func (db *DB) DerivativesOf(ctx context.Context, assetID, after string, limit int) ([]*Derivative, error) {
	var out []*Derivative
	err := db.with(ctx).Where("asset_id = ? AND object_key > ?", assetID, after).Order("object_key").Limit(limit).Find(&out).Error
	if err != nil {
		return nil, fmt.Errorf("list derivatives of %s: %w", assetID, err)
	}
	return out, nil
}

// CountDerivatives counts the stored transforms of an asset.
func (db *DB) CountDerivatives(ctx context.Context, assetID string) (int64, error) {
	var n int64
	if err := db.with(ctx).Model(&Derivative{}).Where("asset_id = ?", assetID).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count derivatives of %s: %w", assetID, err)
	}
	return n, nil
}

// servedPrecision is how stale a last-served time may be: it is written at most once a period.
const servedPrecision = 24 * time.Hour

// TouchDerivatives records that the stored transforms of keys were served at at, in one statement,
// skipping those recorded as served less than a day before.
func (db *DB) TouchDerivatives(ctx context.Context, keys []string, at time.Time) error {
	if len(keys) == 0 {
		return nil
	}
	args := append([]any{at, at.Add(-servedPrecision)}, toAny(keys)...)
	err := db.with(ctx).Exec(`UPDATE derivatives SET last_served_at = ?
		WHERE (last_served_at IS NULL OR last_served_at < ?) AND `+inList("object_key", len(keys)), args...).Error
	if err != nil {
		return fmt.Errorf("record derivatives served: %w", err)
	}
	return nil
}

// TakeDerivativesOf deletes the records of every stored transform of the assets, returning their keys.
func (db *DB) TakeDerivativesOf(ctx context.Context, assetIDs []string) ([]string, error) {
	var keys []string
	err := db.with(ctx).Raw(`DELETE FROM derivatives WHERE `+inList("asset_id", len(assetIDs))+` RETURNING object_key`,
		toAny(assetIDs)...).Scan(&keys).Error
	if err != nil {
		return nil, fmt.Errorf("delete derivatives: %w", err)
	}
	return keys, nil
}

// TakeUnservedDerivatives deletes the records of up to limit stored transforms not served (nor made)
// since cutoff, returning their keys.
func (db *DB) TakeUnservedDerivatives(ctx context.Context, cutoff time.Time, limit int) ([]string, error) {
	var keys []string
	err := db.with(ctx).Raw(`DELETE FROM derivatives WHERE object_key IN (
			SELECT object_key FROM derivatives WHERE COALESCE(last_served_at, created_at) < ? ORDER BY object_key LIMIT ?)
		RETURNING object_key`, cutoff, limit).Scan(&keys).Error
	if err != nil {
		return nil, fmt.Errorf("delete unserved derivatives: %w", err)
	}
	return keys, nil
}
