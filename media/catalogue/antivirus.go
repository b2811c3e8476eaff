package catalogue

import (
	"context"
	"errors"

	"github.com/mediagraph/mediagraph/models"
)

// NoScanner is why bytes are SKIPPED when no clamd is configured.
const NoScanner = "no scanner configured"

// newScan is the scan state of new bytes. With a scanner they are PENDING, and the asset.created or
// asset.replaced event the same transaction records is what has them scanned: the outbox turns it into
// a durable scan job, so a committed version is always scanned and a rolled-back one never is.
// Without one the verdict is known at once, and no job or later event is needed for it.
func (s *core) newScan() models.Antivirus {
	if s.settings.ClamdAddr == "" {
		reason := NoScanner
		return models.Antivirus{Status: models.ScanSkipped, Error: &reason}
	}
	return models.Antivirus{Status: models.ScanPending}
}

// RecordScan records what scanning version number of asset assetID found, with an
// asset.antivirus_changed event when its status changed. An INFECTED verdict is final: later calls
// change nothing, and it forgets the version's stored transforms, whose keys it returns so that
// their bytes are deleted. It reports whether the version still exists.
func (s *Registry) RecordScan(ctx context.Context, assetID string, number int, av models.Antivirus) (derived []string, found bool, err error) {
	err = s.db.Transaction(ctx, func(tx *models.DB) error {
		old, err := tx.VersionByNumber(ctx, assetID, number)
		if err != nil {
			return err
		}
		found = true
		if old.Antivirus.Status == models.ScanInfected {
			return nil
		}
		if _, err := tx.SaveAntivirus(ctx, assetID, number, av); err != nil {
			return err
		}
		if av.Status == models.ScanInfected {
			if derived, err = tx.TakeVersionDerivatives(ctx, assetID, number); err != nil {
				return err
			}
		}
		if old.Antivirus.Status == av.Status {
			return nil
		}
		return record(ctx, tx, models.Event{Kind: models.EventAssetAntivirusChanged, AssetIDs: []string{assetID}})
	})
	if errors.Is(err, models.ErrNotFound) {
		return nil, false, nil // purged meanwhile
	}
	return derived, found, err
}
