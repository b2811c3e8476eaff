package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// Refusal is why an asset may not be delivered to a public reader, or Deliverable.
type Refusal int

const (
	Deliverable Refusal = iota
	// Trashed: in the trash, which is how an editor takes an asset down.
	Trashed
	// NotPublic: PRIVATE.
	NotPublic
	// OutsideWindow: before its availableFrom or from its availableUntil on.
	OutsideWindow
	// Unapproved: REJECTED by a moderator, or still waiting for one; shared links do not open it.
	Unapproved
)

// Availability is the one predicate of what a public reader (a DELIVERY token, a browser without a
// grant) receives at an instant: PUBLIC, not trashed, inside availableFrom/availableUntil. Its two
// forms sit side by side so they cannot drift: Check for an asset in hand (the gate), Where for SQL
// (every list, count, lookup and relation of a public-only reader).
type Availability struct{ At time.Time }

// Check says whether a is deliverable at the instant, and if not, why.
func (v Availability) Check(a *Asset) Refusal {
	switch {
	case a.DeletedAt != nil:
		return Trashed
	case a.Moderation.Status != ModerationApproved:
		return Unapproved
	case a.Status != StatusPublic:
		return NotPublic
	case a.AvailableFrom != nil && v.At.Before(*a.AvailableFrom),
		a.AvailableUntil != nil && !v.At.Before(*a.AvailableUntil):
		return OutsideWindow
	}
	return Deliverable
}

// SQL is the same predicate over the assets table, with its arguments.
func (v Availability) SQL() (string, []any) {
	return `assets.status = ? AND assets.deleted_at IS NULL AND assets.moderation_status = ?
		AND (assets.available_from IS NULL OR assets.available_from <= ?)
		AND (assets.available_until IS NULL OR assets.available_until > ?)`, []any{StatusPublic, ModerationApproved, v.At, v.At}
}

// Where limits a query of assets to the deliverable ones.
func (v Availability) Where(g *gorm.DB) *gorm.DB {
	sql, args := v.SQL()
	return g.Where(sql, args...)
}

// availability is the predicate at the reader's instant (now, unless the visibility fixes one).
func (vis Visibility) availability() Availability {
	if vis.At.IsZero() {
		return Availability{At: Now()}
	}
	return Availability{At: vis.At.UTC()}
}

// NextAvailabilityChange is the earliest availableFrom or availableUntil after t among all assets:
// the next instant at which what public readers see changes without any write. Zero when none is
// ahead. Each half is one lookup on its index.
func (db *DB) NextAvailabilityChange(ctx context.Context, t time.Time) (time.Time, error) {
	t, next := t.UTC(), time.Time{}
	for _, col := range []string{"available_from", "available_until"} {
		var row struct{ At *time.Time }
		err := db.with(ctx).Model(&Asset{}).Select(col+" AS at").Where(col+" > ?", t).Order(col).Limit(1).Scan(&row).Error
		if err != nil {
			return time.Time{}, fmt.Errorf("next %s: %w", col, err)
		}
		if row.At != nil && (next.IsZero() || row.At.Before(next)) {
			next = *row.At
		}
	}
	return next, nil
}
