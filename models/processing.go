package models

import (
	"context"
	"fmt"
)

// RecordProcessingError records why a version of an asset cannot be processed, unless a reason is
// recorded already: the first one found stays.
func (db *DB) RecordProcessingError(ctx context.Context, assetID string, version int, reason string) error {
	err := db.with(ctx).Exec(`UPDATE asset_versions SET processing_error = ? WHERE asset_id = ? AND number = ? AND processing_error IS NULL`,
		reason, assetID, version).Error
	if err != nil {
		return fmt.Errorf("record processing error of %s: %w", assetID, translate(err))
	}
	return nil
}
