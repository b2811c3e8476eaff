package catalogue

import (
	"context"
	"errors"
	"strings"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
)

const (
	maxSavedFilterName   = 200
	maxSavedFilterSearch = 1000
)

// SavedFilterChanges make or change a saved filter; on update an absent field stays as it is.
type SavedFilterChanges struct {
	Name    Optional[string]
	Filter  Optional[*models.AssetFilter]
	OrderBy Optional[*models.AssetOrder]
	Search  Optional[*string]
	Shared  Optional[bool]
}

// SavedFilters lists the caller's saved filters and the shared ones.
func (s *Assets) SavedFilters(ctx context.Context) ([]*models.SavedFilter, error) {
	p, err := access.Authorize(ctx, access.Write)
	if err != nil {
		return nil, err
	}
	return s.db.SavedFiltersOf(ctx, p.TokenID)
}

// CreateSavedFilter saves a filter, owned by the caller.
func (s *Assets) CreateSavedFilter(ctx context.Context, c SavedFilterChanges) (*models.SavedFilter, error) {
	p, err := access.Authorize(ctx, access.Write)
	if err != nil {
		return nil, err
	}
	if !c.Name.Set {
		return nil, access.Invalid("input.name", "a saved filter needs a name")
	}
	now := models.Now()
	sf := &models.SavedFilter{ID: models.NewID(models.SavedFilterPrefix), OwnerID: p.TokenID, FilterJSON: "{}", CreatedAt: now, UpdatedAt: now}
	if err := applySavedFilterChanges(sf, c); err != nil {
		return nil, err
	}
	return sf, s.db.SaveFilter(ctx, sf)
}

// UpdateSavedFilter changes a saved filter: its owner may, and an ADMIN may change a shared one.
func (s *Assets) UpdateSavedFilter(ctx context.Context, id string, c SavedFilterChanges) (*models.SavedFilter, error) {
	sf, err := s.savedFilterToChange(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := applySavedFilterChanges(sf, c); err != nil {
		return nil, err
	}
	sf.UpdatedAt = models.Now()
	return sf, s.db.SaveFilter(ctx, sf)
}

// DeleteSavedFilter removes a saved filter, with the same rights as changing it.
func (s *Assets) DeleteSavedFilter(ctx context.Context, id string) error {
	if _, err := s.savedFilterToChange(ctx, id); err != nil {
		return err
	}
	return s.db.DeleteSavedFilter(ctx, id)
}

// SavedFilterQuery is what a saved filter asks of the asset list.
type SavedFilterQuery struct {
	Filter  *models.AssetFilter
	OrderBy *models.AssetOrder
}

// ApplySavedFilter combines a saved filter with the filter a client gives beside it: both must hold,
// and the client's trash choice wins. A filter that no longer applies is a client error naming it.
func (s *Assets) ApplySavedFilter(ctx context.Context, id string, filter *models.AssetFilter) (SavedFilterQuery, error) {
	if p := access.PrincipalFrom(ctx); p != nil && p.Role == models.RoleDelivery {
		return SavedFilterQuery{}, &access.Error{Code: access.CodeForbidden, Field: "savedFilter", Message: "saved filters are management only: a DELIVERY token may not apply one"}
	}
	sf, err := s.savedFilter(ctx, id)
	if err != nil {
		return SavedFilterQuery{}, err
	}
	saved, err := sf.Filter()
	if err != nil {
		return SavedFilterQuery{}, access.Invalid("savedFilter", "saved filter %q %s; update or delete it", sf.Name, strings.TrimPrefix(err.Error(), "the saved filter "))
	}
	if sf.Search != nil {
		saved.AND = append(saved.AND, &models.AssetFilter{Search: sf.Search})
	}
	if filter != nil {
		client := *filter
		if client.Deleted != nil {
			saved.Deleted, client.Deleted = client.Deleted, nil
		}
		saved.AND = append(saved.AND, &client)
	}
	return SavedFilterQuery{Filter: saved, OrderBy: sf.OrderBy}, nil
}

// savedFilter is one saved filter the caller may see: its own, or a shared one.
func (s *Assets) savedFilter(ctx context.Context, id string) (*models.SavedFilter, error) {
	p, err := access.Authorize(ctx, access.Write)
	if err != nil {
		return nil, err
	}
	sf, err := s.db.SavedFilterByID(ctx, id)
	if errors.Is(err, models.ErrNotFound) || err == nil && !sf.Shared && sf.OwnerID != p.TokenID {
		return nil, access.NotFound("saved filter", id)
	}
	return sf, err
}

func (s *Assets) savedFilterToChange(ctx context.Context, id string) (*models.SavedFilter, error) {
	sf, err := s.savedFilter(ctx, id)
	if err != nil {
		return nil, err
	}
	if p := access.PrincipalFrom(ctx); sf.OwnerID != p.TokenID && p.Role != models.RoleAdmin {
		return nil, &access.Error{Code: access.CodeForbidden, Field: "id", Message: "only its owner or an ADMIN may change a shared filter"}
	}
	return sf, nil
}

func applySavedFilterChanges(sf *models.SavedFilter, c SavedFilterChanges) error {
	if c.Name.Set {
		name := strings.TrimSpace(c.Name.Value)
		if name == "" {
			return access.Invalid("input.name", "a saved filter needs a name")
		}
		if err := checkText("input.name", &name, maxSavedFilterName); err != nil {
			return err
		}
		sf.Name = name
	}
	if c.Filter.Set {
		if err := models.CheckFilter(c.Filter.Value); err != nil {
			if e, ok := access.AsError(queryError(err, "")); ok {
				e.Field = "input." + e.Field
				return e
			}
			return err
		}
		raw, err := models.EncodeFilter(c.Filter.Value)
		if err != nil {
			return err
		}
		sf.FilterJSON = raw
	}
	if c.OrderBy.Set {
		sf.OrderBy = c.OrderBy.Value
	}
	if c.Search.Set {
		if err := checkText("input.search", c.Search.Value, maxSavedFilterSearch); err != nil {
			return err
		}
		sf.Search = BlankToNil(c.Search.Value)
	}
	if c.Shared.Set {
		sf.Shared = c.Shared.Value
	}
	return nil
}
