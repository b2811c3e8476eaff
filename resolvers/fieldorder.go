package resolvers

import (
	"context"

	"github.com/mediagraph/mediagraph/graph/model"
	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/catalogue"
	"github.com/mediagraph/mediagraph/models"
)

// listByMetadata answers assets(orderByMetadata: …), which replaces orderBy: naming both is a
// contradiction the caller should hear about rather than have one silently win.
func (r *queryResolver) listByMetadata(ctx context.Context, filter *models.AssetFilter, orderBy *models.AssetOrder, by *model.MetadataOrder, page models.PageRequest) (*catalogue.AssetList, error) {
	if orderBy != nil && *orderBy == models.OrderRelevance {
		return nil, access.Invalid("orderByMetadata", "orders the list instead of orderBy: RELEVANCE; give one of them")
	}
	dir := by.Direction.Value()
	locale := by.Locale.Value()
	req := catalogue.MetadataOrder{Key: by.Key, Desc: dir != nil && *dir == model.OrderDirectionDesc, Locale: locale}
	return r.Media.Assets.ListAssetsByField(ctx, filter, req, page)
}
