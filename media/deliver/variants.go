package deliver

import (
	"context"
	"fmt"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/imageurl"
	"github.com/mediagraph/mediagraph/models"
)

// withOriginal loads the original of a variant, whose availability the variant's follows; a purged
// original leaves VariantOf nil, which no public reader gets past.
func (s *Service) withOriginal(ctx context.Context, a *models.Asset) error {
	if a.VariantOfID == nil {
		return nil
	}
	found, err := s.db.AssetsByID(ctx, []string{*a.VariantOfID}, models.Visibility{})
	if err != nil {
		return fmt.Errorf("load the original of %s: %w", a.ID, err)
	}
	if len(found) > 0 {
		a.VariantOf = found[0]
	}
	return nil
}

// exactVariant opens, instead of making a transform, a variant of the asset whose format and width
// are exactly what a request of the current version asks for (a width and a format, nothing that
// would reshape it), when the caller may have it; nil when there is none.
func (s *Service) exactVariant(ctx context.Context, d *Delivery, version int, p imageurl.ImageParams, t transform) (*Delivery, error) {
	rest := p
	rest.W, rest.Fm, rest.Auto, rest.Q = nil, nil, nil, nil
	if p.W == nil || !rest.IsZero() || (version != 0 && version != d.Asset.Version) {
		return nil, nil
	}
	v, err := s.db.VariantMatching(ctx, d.Asset.ID, t.spec.Format.Extension(), *p.W)
	if err != nil || v == nil {
		return nil, err
	}
	v.VariantOf = d.Asset
	if !access.CanSeePrivate(ctx) && (models.Availability{At: models.Now()}).Check(v) != models.Deliverable {
		return nil, nil // the variant is not out yet: the transform stands in for it
	}
	if s.checkScan(v) != nil {
		return nil, nil
	}
	d.Asset, d.VaryAccept = v, t.varyAccept
	return s.openOriginal(ctx, d, v.ObjectKey)
}
