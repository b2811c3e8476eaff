package models

import (
	"context"
	"fmt"
)

// VariantsOf returns the visible, live variants of an asset, oldest first.
func (db *DB) VariantsOf(ctx context.Context, originalID string, vis Visibility) ([]*Asset, error) {
	g := visibleAssets(db.with(ctx).Model(&Asset{}).Joins(currentVersionJoin), nil, vis).
		Where("assets.variant_of_id = ?", originalID).Order("assets.created_at, assets.id")
	assets, err := findAssets(g)
	if err != nil {
		return nil, fmt.Errorf("load variants: %w", err)
	}
	return assets, nil
}

// VariantMatching returns a live variant of an asset whose current version is of format and width
// exactly, or nil.
func (db *DB) VariantMatching(ctx context.Context, originalID, format string, width int) (*Asset, error) {
	g := db.with(ctx).Model(&Asset{}).Joins(currentVersionJoin).
		Where("assets.variant_of_id = ? AND assets.deleted_at IS NULL AND cv.format = ? AND cv.width = ?", originalID, format, width).
		Order("assets.created_at, assets.id").Limit(1)
	found, err := findAssets(g)
	if err != nil || len(found) == 0 {
		return nil, err
	}
	return found[0], nil
}
