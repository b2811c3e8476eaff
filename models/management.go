package models

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// AdvanceGrantEpochs moves the listed assets to a new grant epoch: every signed link made before no
// longer opens them.
func (db *DB) AdvanceGrantEpochs(ctx context.Context, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	err := db.with(ctx).Model(&Asset{}).Where(inList("id", len(ids)), toAny(ids)...).
		Updates(map[string]any{"grant_epoch": gorm.Expr("grant_epoch + 1"), "updated_at": Now()}).Error
	if err != nil {
		return fmt.Errorf("revoke signed links: %w", err)
	}
	return nil
}

// AssetByMD5 returns the oldest live asset whose current bytes have this MD5, if any.
func (db *DB) AssetByMD5(ctx context.Context, md5 string) (*Asset, error) {
	g := db.with(ctx).Model(&Asset{}).Joins(currentVersionJoin).
		Where("cv.md5 = ? AND assets.deleted_at IS NULL", md5).Order("assets.created_at").Limit(1)
	found, err := findAssets(g)
	if err != nil {
		return nil, fmt.Errorf("find asset by md5: %w", err)
	}
	if len(found) == 0 {
		return nil, ErrNotFound
	}
	return found[0], nil
}
