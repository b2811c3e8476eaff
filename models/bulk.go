package models

import (
	"context"
	"fmt"

	"gorm.io/gorm/clause"
)

// metadataBatch bounds the rows of one statement of SaveMetadataRows: well within both dialects'
// limits of bound parameters, and large enough that a bulk change of 500 assets is one statement.
const metadataBatch = 1000

// SaveMetadataRows writes the localized metadata of many assets in a few statements, whatever their
// number: rows left empty are deleted (one statement a locale), the others upserted (one statement a
// thousand rows).
func (db *DB) SaveMetadataRows(ctx context.Context, rows []*AssetMetadata) error {
	g := db.with(ctx)
	var kept []*AssetMetadata
	emptied := map[string][]string{} // locale → asset ids
	now := Now()
	for _, m := range rows {
		if m.Alt == nil && m.Title == nil && m.FocalX == nil && m.CustomData == nil {
			emptied[m.Locale] = append(emptied[m.Locale], m.AssetID)
			continue
		}
		m.UpdatedAt = now
		kept = append(kept, m)
	}
	for locale, ids := range emptied {
		err := g.Where("locale = ?", locale).Where(inList("asset_id", len(ids)), toAny(ids)...).Delete(&AssetMetadata{}).Error
		if err != nil {
			return fmt.Errorf("delete asset metadata: %w", err)
		}
	}
	if len(kept) == 0 {
		return nil
	}
	err := g.Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "asset_id"}, {Name: "locale"}},
		DoUpdates: clause.AssignmentColumns([]string{"alt", "title", "focal_x", "focal_y", "custom_data", "updated_at"}),
	}).CreateInBatches(kept, metadataBatch).Error
	if err != nil {
		return fmt.Errorf("save asset metadata: %w", err)
	}
	return nil
}
