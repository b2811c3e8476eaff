package catalogue

import (
	"context"
	"errors"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
)

const maxEntryRefPart = 200

func (s *core) checkEntry(e models.EntryRef) (models.EntryRef, error) {
	for _, p := range []struct {
		field    string
		v        *string
		required bool
	}{{"entry.type", &e.Type, true}, {"entry.id", &e.ID, true}, {"entry.field", &e.Field, false}} {
		*p.v = strings.TrimSpace(*p.v)
		if p.required && *p.v == "" {
			return e, access.Invalid(p.field, "required")
		}
		if utf8.RuneCountInString(*p.v) > maxEntryRefPart {
			return e, access.Invalid(p.field, "at most %d characters", maxEntryRefPart)
		}
	}
	if e.Locale != "" {
		if err := s.checkLocale("entry.locale", e.Locale); err != nil {
			return e, err
		}
	}
	return e, nil
}

// SyncEntryReferences makes the assets an entry references exactly assetIDs, and records whether the
// entry is live. A live entry publishes what it references: its PRIVATE assets become PUBLIC.
func (s *Usages) SyncEntryReferences(ctx context.Context, entry models.EntryRef, ids []string, live bool) ([]*models.Usage, error) {
	if _, err := access.Authorize(ctx, access.Write); err != nil {
		return nil, err
	}
	entry, err := s.checkEntry(entry)
	if err != nil {
		return nil, err
	}
	if len(ids) > maxBulkIDs {
		return nil, access.Invalid("assetIds", "at most %d assets per entry", maxBulkIDs)
	}
	var unapproved []string
	err = s.db.Transaction(ctx, func(tx *models.DB) error {
		ids := models.Uniq(ids)
		var assets []*models.Asset
		if len(ids) > 0 {
			var err error
			if assets, err = s.loadForWrite(ctx, tx, ids, liveAssets); err != nil {
				return err
			}
		}
		if err := tx.SyncEntryUsages(ctx, entry, ids, live); err != nil {
			return err
		}
		if !live || len(ids) == 0 {
			return nil
		}
		// The references are recorded either way; only approved assets are published.
		var err error
		if unapproved, err = s.unapproved(ctx, tx, ids); err != nil {
			return err
		}
		return publish(ctx, tx, slices.DeleteFunc(assets, func(a *models.Asset) bool { return slices.Contains(unapproved, a.ID) }))
	})
	if err != nil {
		return nil, err
	}
	if len(unapproved) > 0 {
		return nil, notApproved(unapproved)
	}
	return s.db.EntryUsages(ctx, entry, true, models.Visibility{})
}

// publish makes the assets a live entry references PUBLIC. A usage is no event of its own, but an
// asset that stops being PRIVATE is an asset.updated: subscribers may now show it.
func publish(ctx context.Context, tx *models.DB, assets []*models.Asset) error {
	if err := tx.UpdateAssets(ctx, assetIDs(assets), map[string]any{"status": models.StatusPublic}); err != nil {
		return err
	}
	var private []string
	for _, a := range assets {
		if a.Status != models.StatusPublic {
			private = append(private, a.ID)
		}
	}
	if len(private) == 0 {
		return nil
	}
	return record(ctx, tx, models.Event{Kind: models.EventAssetUpdated, AssetIDs: private})
}

// AssetUsages lists where an asset the caller may see is used.
func (s *Usages) AssetUsages(ctx context.Context, assetID string) ([]*models.Usage, error) {
	if _, err := s.assets.Asset(ctx, assetID); err != nil {
		return nil, err
	}
	usages, err := s.UsagesForAssets(ctx, []string{assetID})
	return usages[assetID], err
}

// UsagesForAssets returns each asset's usages; the assets were already checked visible.
func (s *Usages) UsagesForAssets(ctx context.Context, assetIDs []string) (map[string][]*models.Usage, error) {
	p, err := access.Authorize(ctx, access.Read)
	if err != nil {
		return nil, err
	}
	return s.db.UsagesForAssets(ctx, assetIDs, p.Visibility())
}

// UsageStats counts each asset's usages; the assets were already checked visible.
func (s *Usages) UsageStats(ctx context.Context, assetIDs []string) (map[string]models.UsageStats, error) {
	p, err := access.Authorize(ctx, access.Read)
	if err != nil {
		return nil, err
	}
	return s.db.UsageStatsForAssets(ctx, assetIDs, p.Visibility())
}

// EntryAssets lists the assets an entry references that the caller may see, in reference order. An
// entry reference without a field or locale covers all of the entry's fields or locales.
func (s *Usages) EntryAssets(ctx context.Context, entry models.EntryRef) ([]*models.Asset, error) {
	p, err := access.Authorize(ctx, access.Read)
	if err != nil {
		return nil, err
	}
	if entry, err = s.checkEntry(entry); err != nil {
		return nil, err
	}
	usages, err := s.db.EntryUsages(ctx, entry, false, p.Visibility())
	if err != nil || len(usages) == 0 {
		return nil, err
	}
	ids := make([]string, len(usages))
	for i, u := range usages {
		ids[i] = u.AssetID
	}
	ids = models.Uniq(ids)
	found, err := s.assets.AssetsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]*models.Asset, 0, len(ids))
	for _, id := range ids {
		if a := found[id]; a != nil && a.DeletedAt == nil {
			out = append(out, a)
		}
	}
	return out, nil
}

// Usage returns one usage the caller may see: of a visible asset, and live for delivery tokens.
func (s *Usages) Usage(ctx context.Context, id string) (*models.Usage, error) {
	p, err := access.Authorize(ctx, access.Read)
	if err != nil {
		return nil, err
	}
	u, err := s.db.UsageByID(ctx, id)
	if errors.Is(err, models.ErrNotFound) || (err == nil && p.Visibility().PublicOnly && !u.Live) {
		return nil, access.NotFound("usage", id)
	}
	if err != nil {
		return nil, err
	}
	if _, err := s.assets.Asset(ctx, u.AssetID); err != nil {
		if _, ok := access.AsError(err); ok {
			return nil, access.NotFound("usage", id)
		}
		return nil, err
	}
	return u, nil
}
