package models

import (
	"context"
	"fmt"
)

// RecordProcessingError records why a version of an asset cannot be processed, unless a reason is
// recorded already: the first one found stays. It says whether this call recorded it.
func (db *DB) RecordProcessingError(ctx context.Context, assetID string, version int, reason string) (bool, error) {
	res := db.with(ctx).Exec(`UPDATE asset_versions SET processing_error = ? WHERE asset_id = ? AND number = ? AND processing_error IS NULL`,
		reason, assetID, version)
	if res.Error != nil {
		return false, fmt.Errorf("record processing error of %s: %w", assetID, translate(res.Error))
	}
	return res.RowsAffected > 0, nil
}
