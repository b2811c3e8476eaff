package intake

import (
	"context"
	"errors"

	"github.com/mediagraph/mediagraph/models"
)

// liveDuplicate is the oldest live asset whose current bytes have the given SHA-256 (or, when sha256
// is "", MD5), or nil. Trashed assets do not count: a duplicate of one becomes a new asset, so that
// emptying the trash never takes away what was just uploaded.
func (s *Service) liveDuplicate(ctx context.Context, sha256, md5 string) (*models.Asset, error) {
	var a *models.Asset
	var err error
	if sha256 != "" {
		a, err = s.db.AssetBySHA256(ctx, sha256)
	} else {
		a, err = s.db.AssetByMD5(ctx, md5)
	}
	if errors.Is(err, models.ErrNotFound) {
		return nil, nil
	}
	return a, err
}
