package deliver

import (
	"context"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/imageurl"
	"github.com/mediagraph/mediagraph/models"
)

// Issuers says whether the API token that signed a grant still stands.
type Issuers interface {
	Revoked(ctx context.Context, tokenID string) (bool, error)
}

var errGrantRevoked = access.NewError(access.CodeAssetAccessDenied, "the signed URL was revoked; ask whoever shared it for a new one")

// grantStands checks what issued a signed grant still stands: the asset's links were not revoked
// since (its grant epoch is the grant's), and the token that signed it is not revoked.
func (s *Service) grantStands(ctx context.Context, a *models.Asset, g imageurl.URLGrant) error {
	if g.Epoch != a.GrantEpoch {
		return errGrantRevoked
	}
	if g.Issuer == "" {
		return nil
	}
	revoked, err := s.issuers.Revoked(ctx, g.Issuer)
	if err != nil {
		return err
	}
	if revoked {
		return errGrantRevoked
	}
	return nil
}
