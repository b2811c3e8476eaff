package catalogue

import (
	"context"
	"slices"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
)

// FacetRequest is a request for facet counts over a filter; each facet is counted (one query) only
// when a client selects it.
type FacetRequest struct {
	filter *models.AssetFilter
	// only is the facets asked for; nil asks for all.
	only  []models.Facet
	limit int
	vis   models.Visibility
}

// Facets checks a request for facet counts of the assets the caller may see.
func (s *Assets) Facets(ctx context.Context, filter *models.AssetFilter, facets []models.Facet, limit int) (*FacetRequest, error) {
	p, err := access.Authorize(ctx, access.Read)
	if err != nil {
		return nil, err
	}
	if limit < 1 || limit > models.MaxFacetValues {
		return nil, access.Invalid("limit", "limit must be between 1 and %d", models.MaxFacetValues)
	}
	return &FacetRequest{filter: filter, only: facets, limit: limit, vis: p.Visibility()}, nil
}

// CountFacet counts one facet of the request; nil when the request left it out.
func (s *Assets) CountFacet(ctx context.Context, r *FacetRequest, facet models.Facet) ([]*models.FacetValue, error) {
	if r.only != nil && !slices.Contains(r.only, facet) {
		return nil, nil
	}
	if r.vis.PublicOnly && models.FacetIsManagement(facet) {
		return nil, &access.Error{Code: access.CodeForbidden, Field: "facets", Message: "only EDITOR and ADMIN tokens may count " + string(facet)}
	}
	values, err := s.db.CountFacet(ctx, models.FacetQuery{Filter: r.filter, Facet: facet, Limit: r.limit, Visibility: r.vis})
	if err != nil {
		return nil, queryError(err, "")
	}
	return values, nil
}
