package media

import (
	"context"
	"errors"
	"fmt"

	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/storage"
)

// OpenAsset opens the current bytes of an asset for the caller, who may be anonymous: PUBLIC assets
// are open to anyone, PRIVATE and trashed ones only to editors.
func (s *Service) OpenAsset(ctx context.Context, id string) (*models.Asset, storage.Object, error) {
	assets, err := s.db.AssetsByID(ctx, []string{id}, models.Visibility{})
	if err != nil {
		return nil, nil, err
	}
	if len(assets) == 0 {
		return nil, nil, notFound("asset", id)
	}
	a := assets[0]
	if !CanSeePrivate(ctx) {
		if a.DeletedAt != nil {
			return nil, nil, notFound("asset", id)
		}
		if a.Status != models.StatusPublic {
			return nil, nil, newError(CodeAssetAccessDenied, "asset %s is private", id)
		}
	}
	o, err := s.store.Open(ctx, a.ObjectKey)
	if errors.Is(err, storage.ErrNotFound) {
		return nil, nil, fmt.Errorf("bytes of asset %s missing from the store at %s: %w", id, a.ObjectKey, err)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("open asset %s: %w", id, err)
	}
	return a, o, nil
}
