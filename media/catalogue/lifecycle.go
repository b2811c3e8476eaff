package catalogue

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/storage"
)

// DeleteAllConfirmation is what deleteAllAssets must be given, so that no client empties a library by
// a slip.
const DeleteAllConfirmation = "DELETE ALL"

// DeleteAllResult counts what DeleteAllAssets did.
type DeleteAllResult struct {
	Trashed      int
	SkippedInUse int
}

// DeleteAssetVersion removes an earlier version of an asset: its row, its stored transforms and its
// bytes. The current version is never removed: replace or restore another one first. Each version
// owns its object (a restore copies the bytes), so removing this one takes nothing from another.
func (s *Assets) DeleteAssetVersion(ctx context.Context, id string, number int) (*models.Asset, error) {
	var keys []string
	assets, err := s.changeAssets(ctx, []string{id}, liveAssets, models.EventAssetUpdated, func(tx *models.DB, assets []*models.Asset) error {
		if assets[0].Version == number {
			return access.Invalid("version", "version %d is the current version of asset %s and cannot be deleted: replace the asset or restore another version first", number, id)
		}
		v, err := versionOf(ctx, tx, id, number)
		if err != nil {
			return err
		}
		keys, err = tx.DeleteVersion(ctx, v)
		return err
	})
	if err != nil {
		return nil, err
	}
	storage.Discard(ctx, s.store, keys, s.log)
	return assets[0], nil
}

// VersionOf returns version number of the asset of id, which the caller was checked to see.
func (s *Assets) VersionOf(ctx context.Context, id string, number int) (*models.AssetVersion, error) {
	return versionOf(ctx, s.db, id, number)
}

func versionOf(ctx context.Context, db *models.DB, id string, number int) (*models.AssetVersion, error) {
	v, err := db.VersionByNumber(ctx, id, number)
	if err != nil {
		if errors.Is(err, models.ErrNotFound) {
			e := access.NotFound("version", fmt.Sprintf("%s/%d", id, number))
			e.Field = "version"
			return nil, e
		}
		return nil, err
	}
	return v, nil
}

// purgeBatch is how many trashed assets one transaction purges.
const purgeBatch = 100

// EmptyTrash purges every asset in the trash now, returning how many.
func (s *Assets) EmptyTrash(ctx context.Context) (int, error) {
	if _, err := access.Authorize(ctx, access.Admin); err != nil {
		return 0, err
	}
	return s.purgeTrashedBefore(ctx, models.Now())
}

// PurgeExpiredTrash purges the assets that have been in the trash longer than the retention: the work
// of a periodic job, which acts for nobody.
func (s *Assets) PurgeExpiredTrash(ctx context.Context) (int, error) {
	return s.purgeTrashedBefore(ctx, models.Now().Add(-s.settings.TrashRetention))
}

// purgeTrashedBefore purges, in batches of one transaction and one asset.purged event each, the assets
// trashed at or before cutoff; the bytes of each batch go once its rows are gone.
func (s *Assets) purgeTrashedBefore(ctx context.Context, cutoff time.Time) (int, error) {
	total := 0
	for {
		ids, err := s.db.TrashedAssetIDs(ctx, cutoff, purgeBatch)
		if err != nil || len(ids) == 0 {
			return total, err
		}
		purged, err := s.purge(ctx, ids)
		if err != nil {
			return total, err
		}
		total += len(purged)
	}
}

// DeleteAllAssets moves every asset not in the trash to it, but those a live entry uses, which it
// counts instead. confirm must be DeleteAllConfirmation.
func (s *Assets) DeleteAllAssets(ctx context.Context, confirm string) (DeleteAllResult, error) {
	var r DeleteAllResult
	if _, err := access.Authorize(ctx, access.Admin); err != nil {
		return r, err
	}
	if confirm != DeleteAllConfirmation {
		return r, access.Invalid("confirm", "confirm must be %q exactly", DeleteAllConfirmation)
	}
	after := ""
	for {
		ids, err := s.db.LiveAssetIDs(ctx, after, maxBulkIDs)
		if err != nil || len(ids) == 0 {
			return r, err
		}
		after = ids[len(ids)-1]
		trashed, skipped, err := s.trashUnused(ctx, ids)
		if err != nil {
			return r, err
		}
		r.Trashed += trashed
		r.SkippedInUse += skipped
	}
}

// trashUnused trashes those of ids no live entry uses, in one transaction with its asset.deleted
// event; the usages are read inside it, so an entry that starts using an asset meanwhile keeps it.
func (s *Assets) trashUnused(ctx context.Context, ids []string) (trashed, skipped int, err error) {
	err = s.db.Transaction(ctx, func(tx *models.DB) error {
		used, err := tx.AssetsWithLiveUsages(ctx, ids)
		if err != nil {
			return err
		}
		var unused []string
		for _, id := range ids {
			if !slices.Contains(used, id) {
				unused = append(unused, id)
			}
		}
		trashed, skipped = len(unused), len(used)
		if len(unused) == 0 {
			return nil
		}
		if err := tx.UpdateAssets(ctx, unused, map[string]any{"deleted_at": models.Now()}); err != nil {
			return err
		}
		return record(ctx, tx, models.Event{Kind: models.EventAssetDeleted, AssetIDs: unused})
	})
	return trashed, skipped, err
}
