package catalogue

import (
	"context"
	"slices"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
)

// MetadataOrder is a request to order a list by a structured metadata field.
type MetadataOrder struct {
	Key  string
	Desc bool
	// Locale is the locale of a localized field's values; nil for the default locale.
	Locale *string
}

// ListAssetsByField is ListAssets ordered by a metadata field instead of an AssetOrder.
func (s *Assets) ListAssetsByField(ctx context.Context, filter *models.AssetFilter, by MetadataOrder, page models.PageRequest) (*AssetList, error) {
	p, err := access.Authorize(ctx, access.Read)
	if err != nil {
		return nil, err
	}
	if page, err = checkPage(page); err != nil {
		return nil, err
	}
	order, err := s.fieldOrder(ctx, by)
	if err != nil {
		return nil, err
	}
	return s.list(ctx, models.AssetQuery{Filter: filter, ByField: order, Visibility: p.Visibility()}, page)
}

func (s *Assets) fieldOrder(ctx context.Context, by MetadataOrder) (*models.FieldOrder, error) {
	fields, err := s.db.MetadataFields(ctx)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(fields, func(f *models.MetadataField) bool { return f.Key == by.Key })
	if i < 0 {
		return nil, access.Invalid("orderByMetadata.key", "no metadata field has the key %q", by.Key)
	}
	f := fields[i]
	if f.Type == models.FieldMultiSelect {
		return nil, access.Invalid("orderByMetadata.key", "%q is a MULTI_SELECT field, whose set of values has no place in an ordering", by.Key)
	}
	order := &models.FieldOrder{Field: f, Desc: by.Desc}
	if f.Localized {
		order.Locale = s.settings.DefaultLocale()
		if by.Locale != nil {
			if err := s.checkLocale("orderByMetadata.locale", *by.Locale); err != nil {
				return nil, err
			}
			order.Locale = *by.Locale
		}
	}
	return order, nil
}
