package models

import (
	"context"
	"fmt"
	"strings"
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

// Check says whether a is deliverable at the instant, and if not, why. A variant is deliverable
// when it and its original (a.VariantOf, which the caller loads) both are.
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
	case a.VariantOfID != nil && a.VariantOf == nil:
		return NotPublic // an original not loaded is not known to be deliverable
	case a.VariantOf != nil:
		return v.Check(a.VariantOf)
	}
	return Deliverable
}

// SQL is the same predicate over the assets table, with its arguments: of the asset, and of its
// original when it is a variant.
func (v Availability) SQL() (string, []any) {
	own, args := v.of("assets")
	original, more := v.of("o")
	return own + ` AND (assets.variant_of_id IS NULL OR EXISTS (SELECT 1 FROM assets o WHERE o.id = assets.variant_of_id AND ` + original + `))`,
		append(args, more...)
}

// of is the predicate over one row of assets, named table.
func (v Availability) of(table string) (string, []any) {
	return strings.NewReplacer("assets.", table+".").Replace(`assets.status = ? AND assets.deleted_at IS NULL AND assets.moderation_status = ?
		AND (assets.available_from IS NULL OR assets.available_from <= ?)
		AND (assets.available_until IS NULL OR assets.available_until > ?)`), []any{StatusPublic, ModerationApproved, v.At, v.At}
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
