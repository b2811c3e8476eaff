package intake

import (
	"context"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/catalogue"
	"github.com/mediagraph/mediagraph/media/observe"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/storage"
)

// ReplaceAsset stores new bytes as an asset's next version. Its id, gate URL, description, tags,
// collection and usages stay; its versioned URLs change, so no cache serves the old bytes under the
// new ones' name. The old version stays stored; its transforms are swept (SweepDerivatives).
//
// The new bytes pass the upload policy as any upload does; bytes of another kind are refused while
// live entries use the asset, unless rules.AllowKindChange.
func (s *Service) ReplaceAsset(ctx context.Context, id string, f UploadFile, rules catalogue.ReplaceRules) (*models.Asset, error) {
	p, err := access.Authorize(ctx, access.Write)
	if err != nil {
		return nil, err
	}
	if err := s.checkUpload([]UploadFile{f}, nil); err != nil {
		return nil, err
	}
	cur, err := s.liveAsset(ctx, id)
	if err != nil {
		return nil, err
	}
	in, err := s.receiveAs(ctx, "file", f, p, cur.ID, false)
	if err != nil {
		return nil, err
	}
	err = s.registry.Replace(ctx, id, catalogue.NewAsset{Asset: in.asset, Version: in.version, Credits: in.credits}, rules)
	if err != nil {
		storage.Discard(ctx, s.store, []string{in.version.ObjectKey}, s.log)
		return nil, err
	}
	s.observer.Ingested(observe.WayReplace, 1, in.asset.Size)
	return s.assets.Asset(ctx, id)
}

// liveAsset loads an asset the caller may change: visible to them and not in the trash.
func (s *Service) liveAsset(ctx context.Context, id string) (*models.Asset, error) {
	a, err := s.assets.Asset(ctx, id)
	if err != nil {
		return nil, err
	}
	if a.DeletedAt != nil {
		return nil, access.NewError(access.CodeNotFound, "asset %s is in the trash; restore it first", id)
	}
	return a, nil
}
