package catalogue

import (
	"context"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
)

// Variants lists the variants of an asset that the caller may see.
func (s *Assets) Variants(ctx context.Context, originalID string) ([]*models.Asset, error) {
	p, err := access.Authorize(ctx, access.Read)
	if err != nil {
		return nil, err
	}
	return s.db.VariantsOf(ctx, originalID, p.Visibility())
}

// CheckVariantOf checks that new assets may be variants of the asset id: a live asset that is no
// variant itself, so that every variant names its original directly.
func (s *Assets) CheckVariantOf(ctx context.Context, field string, id *string) error {
	if id == nil {
		return nil
	}
	found, err := s.db.AssetsByID(ctx, []string{*id}, models.Visibility{})
	if err != nil {
		return err
	}
	switch {
	case len(found) == 0 || found[0].DeletedAt != nil:
		return &access.Error{Code: access.CodeNotFound, Field: field, Message: "no live asset " + *id + " to be a variant of"}
	case found[0].VariantOfID != nil:
		return access.Invalid(field, "%s is a variant itself; name its original, %s", *id, *found[0].VariantOfID)
	}
	return nil
}
