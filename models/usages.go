package models

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// EntryRef names a place in a CMS entry that references assets. Field and Locale are "" when the
// reference is not tied to one.
type EntryRef struct {
	Type   string
	ID     string
	Field  string
	Locale string
}

// UsageStats summarises the references to one asset.
type UsageStats struct {
	Count int64
	Live  int64
}

// visibleUsages limits public-only readers to the references of live entries: drafts are the editors'.
func visibleUsages(g *gorm.DB, vis Visibility) *gorm.DB {
	if vis.OwnRole != "" {
		g = g.Where("asset_id IN (SELECT assets.id FROM assets WHERE "+ownSQL+")", vis.OwnRole, vis.OwnRole)
	}
	if vis.PublicOnly {
		return g.Where("live")
	}
	return g
}

// UsagesForAssets returns each asset's usages the reader may see, oldest first.
func (db *DB) UsagesForAssets(ctx context.Context, assetIDs []string, vis Visibility) (map[string][]*Usage, error) {
	var rows []*Usage
	err := visibleUsages(db.with(ctx), vis).Where(inList("asset_id", len(assetIDs)), toAny(assetIDs)...).Order("created_at, id").Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("load usages: %w", err)
	}
	out := make(map[string][]*Usage, len(assetIDs))
	for _, u := range rows {
		out[u.AssetID] = append(out[u.AssetID], u)
	}
	return out, nil
}

// UsageStatsForAssets counts each asset's usages the reader may see, and the live ones.
func (db *DB) UsageStatsForAssets(ctx context.Context, assetIDs []string, vis Visibility) (map[string]UsageStats, error) {
	var rows []struct {
		AssetID string
		N       int64
		Live    int64
	}
	err := visibleUsages(db.with(ctx), vis).Model(&Usage{}).
		Select("asset_id, COUNT(*) AS n, SUM(CASE WHEN live THEN 1 ELSE 0 END) AS live").
		Where(inList("asset_id", len(assetIDs)), toAny(assetIDs)...).Group("asset_id").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("count usages: %w", err)
	}
	out := make(map[string]UsageStats, len(rows))
	for _, r := range rows {
		out[r.AssetID] = UsageStats{Count: r.N, Live: r.Live}
	}
	return out, nil
}

// AssetsWithLiveUsages returns those of ids that a live entry references.
func (db *DB) AssetsWithLiveUsages(ctx context.Context, ids []string) ([]string, error) {
	var out []string
	err := db.with(ctx).Model(&Usage{}).Distinct("asset_id").
		Where("live").Where(inList("asset_id", len(ids)), toAny(ids)...).Pluck("asset_id", &out).Error
	if err != nil {
		return nil, fmt.Errorf("find live usages: %w", err)
	}
	return out, nil
}

// EntryUsages returns the usages recorded for an entry that the reader may see; an empty Field or
// Locale in the reference matches any unless exact.
func (db *DB) EntryUsages(ctx context.Context, e EntryRef, exact bool, vis Visibility) ([]*Usage, error) {
	g := visibleUsages(db.with(ctx), vis).Where("entry_type = ? AND entry_id = ?", e.Type, e.ID)
	if exact || e.Field != "" {
		g = g.Where("field = ?", e.Field)
	}
	if exact || e.Locale != "" {
		g = g.Where("locale = ?", e.Locale)
	}
	var rows []*Usage
	if err := g.Order("created_at, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("load entry usages: %w", err)
	}
	return rows, nil
}

// SyncEntryUsages makes the entry's references exactly assetIDs, all with the given live flag.
func (db *DB) SyncEntryUsages(ctx context.Context, e EntryRef, assetIDs []string, live bool) error {
	g := db.with(ctx)
	del := g.Where("entry_type = ? AND entry_id = ? AND field = ? AND locale = ?", e.Type, e.ID, e.Field, e.Locale)
	if len(assetIDs) > 0 {
		del = del.Where("NOT ("+inList("asset_id", len(assetIDs))+")", toAny(assetIDs)...)
	}
	if err := del.Delete(&Usage{}).Error; err != nil {
		return fmt.Errorf("remove entry usages: %w", err)
	}
	existing, err := db.EntryUsages(ctx, e, true, Visibility{})
	if err != nil {
		return err
	}
	have := make(map[string]bool, len(existing))
	for _, u := range existing {
		have[u.AssetID] = true
	}
	var rows []*Usage
	for _, id := range assetIDs {
		if !have[id] {
			have[id] = true
			rows = append(rows, &Usage{ID: NewID(UsagePrefix), AssetID: id, EntryType: e.Type, EntryID: e.ID, Field: e.Field, Locale: e.Locale, Live: live})
		}
	}
	if len(rows) > 0 {
		if err := g.Create(&rows).Error; err != nil {
			return fmt.Errorf("add entry usages: %w", translate(err))
		}
	}
	err = g.Model(&Usage{}).
		Where("entry_type = ? AND entry_id = ? AND field = ? AND locale = ? AND live <> ?", e.Type, e.ID, e.Field, e.Locale, live).
		Updates(map[string]any{"live": live, "updated_at": Now()}).Error
	if err != nil {
		return fmt.Errorf("update entry usages: %w", err)
	}
	return nil
}

// UsageByID returns one usage, or ErrNotFound.
func (db *DB) UsageByID(ctx context.Context, id string) (*Usage, error) {
	var u Usage
	if err := db.with(ctx).Where("id = ?", id).Take(&u).Error; err != nil {
		return nil, translate(err)
	}
	return &u, nil
}
