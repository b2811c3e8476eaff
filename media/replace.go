package media

import (
	"context"
	"fmt"
	"path"

	"github.com/mediagraph/mediagraph/models"
)

// ReplaceAsset stores new bytes as an asset's next version. Its id, gate URL, description, tags,
// collection and usages stay; its versioned URLs change, so no cache serves the old bytes under the
// new ones' name. The old version stays stored; its transforms are swept (SweepDerivatives).
func (s *Service) ReplaceAsset(ctx context.Context, id string, f UploadFile) (*models.Asset, error) {
	p, err := authorize(ctx, writeAccess)
	if err != nil {
		return nil, err
	}
	if err := s.checkUpload([]UploadFile{f}); err != nil {
		return nil, err
	}
	cur, err := s.liveAsset(ctx, id)
	if err != nil {
		return nil, err
	}
	in, err := s.ingestAs(ctx, "file", f, p, cur.ID)
	if err != nil {
		return nil, err
	}
	err = s.change(ctx, models.Event{Kind: models.EventAssetReplaced, AssetIDs: []string{id}}, func(tx *models.DB) error {
		// Read again inside the transaction: a concurrent replacement may have taken the next number.
		found, err := tx.AssetsByID(ctx, []string{id}, models.Visibility{})
		if err != nil {
			return err
		}
		if len(found) == 0 || found[0].DeletedAt != nil {
			return notFound("asset", id)
		}
		old, a, v := found[0], in.asset, in.version
		a.Version, v.Number = old.Version+1, old.Version+1
		a.Basename, a.Filename = old.Basename, old.Basename+path.Ext(a.Filename) // the name stays; the type may change
		v.Filename = a.Filename
		a.Author, a.Copyright = old.Author, old.Copyright
		prefillCredits(a, in.credits)
		if err := tx.ReplaceBytes(ctx, a, v); err != nil {
			return err
		}
		return s.prefillTitle(ctx, tx, id, in.credits)
	})
	if err != nil {
		s.deleteObjects(ctx, []string{in.version.ObjectKey})
		return nil, err
	}
	return s.Asset(ctx, id)
}

// liveAsset loads an asset the caller may change: visible to them and not in the trash.
func (s *Service) liveAsset(ctx context.Context, id string) (*models.Asset, error) {
	a, err := s.Asset(ctx, id)
	if err != nil {
		return nil, err
	}
	if a.DeletedAt != nil {
		return nil, newError(CodeNotFound, "asset %s is in the trash; restore it first", id)
	}
	return a, nil
}

// SweepDerivatives deletes the stored transforms of versions that were replaced: no URL the service
// hands out reaches them any more. It returns how many it removed.
func (s *Service) SweepDerivatives(ctx context.Context) (int, error) {
	keys, err := s.db.TakeReplacedDerivatives(ctx, sweepBatch)
	if err != nil {
		return 0, fmt.Errorf("sweep replaced transforms: %w", err)
	}
	s.deleteObjects(ctx, keys)
	return len(keys), nil
}
