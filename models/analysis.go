package models

import (
	"context"
	"fmt"
	"time"
)

// AssetColor indexes one dominant color of an asset's current version for the colors filter; the
// version's analysis holds them all, these rows let a filter find them with an index.
type AssetColor struct {
	AssetID  string `gorm:"primaryKey;size:40"`
	Position int    `gorm:"primaryKey"`
	Red      int
	Green    int
	Blue     int
}

// AssetSmartTag indexes one smart tag of an asset's current version for the smartTags filter.
type AssetSmartTag struct {
	AssetID string `gorm:"primaryKey;size:40"`
	NameKey string `gorm:"primaryKey"`
}

// analysisColumns are the columns of a version that an analysis writes.
var analysisColumns = []string{"width", "height", "duration", "blurhash", "thumbhash", "lqip",
	"analysis", "embedded_metadata", "processing_error", "analyzed_at"}

// SaveAnalysis records a new analysis of an asset's current bytes: the columns of its current version
// that analysis writes and the rows its filters search. When the asset is no longer at a.Version
// (replaced meanwhile), nothing is written and ErrConflict is returned.
func (db *DB) SaveAnalysis(ctx context.Context, a *Asset) error {
	a.UpdatedAt = Now()
	res := db.with(ctx).Model(&Asset{}).Where("id = ? AND version = ?", a.ID, a.Version).Update("updated_at", a.UpdatedAt)
	if res.Error != nil {
		return fmt.Errorf("save analysis: %w", translate(res.Error))
	}
	if res.RowsAffected == 0 {
		return ErrConflict
	}
	if err := db.SaveVersionAnalysis(ctx, a.AssetVersion); err != nil {
		return err
	}
	return db.reindexAnalysis(ctx, a)
}

// SaveVersionAnalysis records a new analysis of one version's bytes, current or not.
func (db *DB) SaveVersionAnalysis(ctx context.Context, v *AssetVersion) error {
	err := db.with(ctx).Model(&AssetVersion{}).Where("asset_id = ? AND number = ?", v.AssetID, v.Number).
		Select(analysisColumns).Updates(v).Error
	if err != nil {
		return fmt.Errorf("save analysis of %s version %d: %w", v.AssetID, v.Number, translate(err))
	}
	return nil
}

// reindexAnalysis replaces the rows that filters search with those of the asset's current analysis.
func (db *DB) reindexAnalysis(ctx context.Context, a *Asset) error {
	for _, table := range []any{&AssetColor{}, &AssetSmartTag{}} {
		if err := db.with(ctx).Where("asset_id = ?", a.ID).Delete(table).Error; err != nil {
			return fmt.Errorf("clear analysis index: %w", translate(err))
		}
	}
	if err := db.indexAnalysis(ctx, a); err != nil {
		return err
	}
	return indexVisionTags(db.with(ctx), a.ID, a.Version)
}

// indexAnalysis writes the rows that let filters find an asset by its colors and smart tags.
func (db *DB) indexAnalysis(ctx context.Context, a *Asset) error {
	an, err := a.Analysis.Get()
	if err != nil {
		return err
	}
	g := db.with(ctx)
	if len(an.Colors) > 0 {
		rows := make([]AssetColor, len(an.Colors))
		for i, c := range an.Colors {
			rows[i] = AssetColor{AssetID: a.ID, Position: i, Red: c.Red, Green: c.Green, Blue: c.Blue}
		}
		if err := g.Create(&rows).Error; err != nil {
			return fmt.Errorf("index colors: %w", translate(err))
		}
	}
	if len(an.SmartTags) > 0 {
		seen := map[string]bool{}
		var rows []AssetSmartTag
		for _, t := range an.SmartTags {
			if k := FoldKey(t); k != "" && !seen[k] {
				seen[k] = true
				rows = append(rows, AssetSmartTag{AssetID: a.ID, NameKey: k})
			}
		}
		if err := g.Create(&rows).Error; err != nil {
			return fmt.Errorf("index smart tags: %w", translate(err))
		}
	}
	return nil
}

// PrefillTitle gives an asset a title in locale, unless it has one there already.
func (db *DB) PrefillTitle(ctx context.Context, assetID, locale, title string) error {
	err := db.with(ctx).Exec(`INSERT INTO asset_metadata (asset_id, locale, title, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (asset_id, locale) DO UPDATE SET title = COALESCE(asset_metadata.title, excluded.title)`,
		assetID, locale, title, Now()).Error
	if err != nil {
		return fmt.Errorf("prefill title: %w", translate(err))
	}
	return nil
}

// AssetIDs lists every asset, trashed ones included, oldest first: what a full reanalysis covers.
// Those whose current bytes are quarantined (INFECTED) are left out: nothing may read them again.
func (db *DB) AssetIDs(ctx context.Context) ([]string, error) {
	var ids []string
	err := db.with(ctx).Model(&Asset{}).Joins(currentVersionJoin).Where("cv.antivirus_status <> ?", ScanInfected).
		Order("assets.created_at, assets.id").Pluck("assets.id", &ids).Error
	if err != nil {
		return nil, fmt.Errorf("list asset ids: %w", err)
	}
	return ids, nil
}

// CountAnalyzedSince counts the assets among ids whose current version was analyzed at or after since.
func (db *DB) CountAnalyzedSince(ctx context.Context, ids []string, since time.Time) (int64, error) {
	var total int64
	const chunkSize = 1000 // bound parameters per statement stay far below both dialects' limits
	for start := 0; start < len(ids); start += chunkSize {
		chunk := ids[start:min(start+chunkSize, len(ids))]
		var n int64
		err := db.with(ctx).Model(&Asset{}).Joins(currentVersionJoin).Where(inList("assets.id", len(chunk)), toAny(chunk)...).
			Where("cv.analyzed_at >= ?", since).Count(&n).Error
		if err != nil {
			return 0, fmt.Errorf("count analyzed assets: %w", err)
		}
		total += n
	}
	return total, nil
}

// AnalysisStatus is how far the analysis of a version's bytes is.
type AnalysisStatus string

// The analysis statuses.
const (
	AnalysisPending AnalysisStatus = "PENDING"
	AnalysisDone    AnalysisStatus = "DONE"
	AnalysisFailed  AnalysisStatus = "FAILED"
)

// AnalysisState is where the analysis of a version's bytes stands.
type AnalysisState struct {
	Status     AnalysisStatus
	AnalyzedAt *time.Time
}

// AnalysisState tells it from the version's own record, which needs no column of its own: bytes not
// analyzed yet are pending, and bytes analyzed with a processing error failed.
func (v *AssetVersion) AnalysisState() AnalysisState {
	switch {
	case v.AnalyzedAt == nil:
		return AnalysisState{Status: AnalysisPending}
	case v.ProcessingError != nil:
		return AnalysisState{Status: AnalysisFailed, AnalyzedAt: v.AnalyzedAt}
	}
	return AnalysisState{Status: AnalysisDone, AnalyzedAt: v.AnalyzedAt}
}
