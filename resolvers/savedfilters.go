package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/mediagraph/mediagraph/models"
)

// withSavedFilter applies the saved filter id (when given) to an assets query: its conditions join the
// filter, and its ordering applies unless the query names one.
func (r *queryResolver) withSavedFilter(ctx context.Context, id *string, filter *models.AssetFilter, order models.AssetOrder) (*models.AssetFilter, models.AssetOrder, error) {
	if id == nil {
		return filter, order, nil
	}
	q, err := r.Media.Assets.ApplySavedFilter(ctx, *id, filter)
	if err != nil {
		return nil, order, err
	}
	if fc := graphql.GetFieldContext(ctx); q.OrderBy != nil && fc.Field.Arguments.ForName("orderBy") == nil {
		order = *q.OrderBy
	}
	return q.Filter, order, nil
}
