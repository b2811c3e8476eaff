package models

import (
	"context"
	"fmt"
)

// RecordProcessingError records why version of an asset cannot be processed, when that version is
// still the asset's current one and nothing is recorded yet: a replacement's own analysis is never
// overwritten by a failure of the bytes it replaced, and the first reason found stays.
func (db *DB) RecordProcessingError(ctx context.Context, assetID string, version int, reason string) error {
	err := db.with(ctx).Exec(`UPDATE assets SET processing_error = ? WHERE id = ? AND version = ? AND processing_error IS NULL`,
		reason, assetID, version).Error
	if err != nil {
		return fmt.Errorf("record processing error of %s: %w", assetID, translate(err))
	}
	return nil
}
