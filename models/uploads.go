package models

import (
	"context"
	"fmt"
	"time"
)

// CreateUploads records new upload tickets.
func (db *DB) CreateUploads(ctx context.Context, uploads []*Upload) error {
	if err := db.with(ctx).Create(uploads).Error; err != nil {
		return fmt.Errorf("create uploads: %w", translate(err))
	}
	return nil
}

// UploadsByID returns the uploads among ids.
func (db *DB) UploadsByID(ctx context.Context, ids []string) ([]*Upload, error) {
	var out []*Upload
	if err := db.with(ctx).Where(inList("id", len(ids)), toAny(ids)...).Find(&out).Error; err != nil {
		return nil, fmt.Errorf("load uploads: %w", err)
	}
	return out, nil
}

// FinishUpload records how an upload ended.
func (db *DB) FinishUpload(ctx context.Context, id string, status UploadStatus, resultAssetID, errMsg *string) error {
	err := db.with(ctx).Model(&Upload{}).Where("id = ?", id).Updates(map[string]any{
		"status": status, "result_asset_id": resultAssetID, "error": errMsg, "updated_at": Now(),
	}).Error
	if err != nil {
		return fmt.Errorf("finish upload %s: %w", id, err)
	}
	return nil
}

// ExpiredUploads returns the uploads whose tickets ran out before now and that still need sweeping,
// oldest first: pending ones, and failed ones not touched since their ticket ran out (their ticket
// could still write after the rejection).
func (db *DB) ExpiredUploads(ctx context.Context, now time.Time, limit int) ([]*Upload, error) {
	var out []*Upload
	err := db.with(ctx).Where("expires_at < ? AND (status = ? OR (status = ? AND updated_at <= expires_at))", now, UploadPending, UploadFailed).
		Order("expires_at").Limit(limit).Find(&out).Error
	if err != nil {
		return nil, fmt.Errorf("find expired uploads: %w", err)
	}
	return out, nil
}
