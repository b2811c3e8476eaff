package models

import (
	"context"
	"fmt"
	"time"
)

// ModerationStatus is where the review of an asset stands, when the library moderates
// (MEDIAGRAPH_MODERATION=manual).
type ModerationStatus string

const (
	// ModerationPending: waiting for a moderator; the asset may not be published.
	ModerationPending ModerationStatus = "PENDING"
	// ModerationApproved: a moderator let it through (or the library does not moderate).
	ModerationApproved ModerationStatus = "APPROVED"
	// ModerationRejected: a moderator refused it; it is never delivered.
	ModerationRejected ModerationStatus = "REJECTED"
)

// Moderation is the review of an asset's current bytes.
type Moderation struct {
	Status ModerationStatus `gorm:"size:16;not null;default:APPROVED"`
	Note   *string
	// ByID is the token of the moderator, At when they decided; nil until one did.
	ByID *string `gorm:"size:40"`
	At   *time.Time
}

// ModerationFilter matches assets by their review.
type ModerationFilter struct {
	Status *ModerationStatusFilter
}

// ModerationStatusFilter matches moderation statuses.
type ModerationStatusFilter struct {
	Eq *ModerationStatus
	In []ModerationStatus
}

// SaveModeration records the review of assets.
func (db *DB) SaveModeration(ctx context.Context, ids []string, m Moderation) error {
	return db.UpdateAssets(ctx, ids, map[string]any{
		"moderation_status": m.Status, "moderation_note": m.Note, "moderation_by_id": m.ByID, "moderation_at": m.At,
	})
}

// NotApproved returns those of ids whose moderation is not APPROVED.
func (db *DB) NotApproved(ctx context.Context, ids []string) ([]string, error) {
	var out []string
	err := db.with(ctx).Model(&Asset{}).Where(inList("id", len(ids)), toAny(ids)...).
		Where("moderation_status <> ?", ModerationApproved).Order("id").Pluck("id", &out).Error
	if err != nil {
		return nil, fmt.Errorf("find assets not approved: %w", err)
	}
	return out, nil
}
