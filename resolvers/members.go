package resolvers

import (
	"context"

	"github.com/mediagraph/mediagraph/graph/model"
	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
)

// role is the role of a member or token.
func (r *Resolver) role(ctx context.Context, id string) (*models.AccessRole, error) {
	found, err := r.Media.Members.RolesByID(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	if role := found[id]; role != nil {
		return role, nil
	}
	return nil, access.NotFound("role", id)
}

// permissionsInput reads a role's permissions: an omitted scope is NONE, an omitted flag false.
func permissionsInput(in *model.PermissionsInput) *models.Permissions {
	if in == nil {
		return nil
	}
	scope := func(s *models.Scope) models.Scope {
		if s == nil {
			return models.ScopeNone
		}
		return *s
	}
	flag := func(b *bool) bool { return b != nil && *b }
	return &models.Permissions{
		ReadMedia: scope(in.ReadMedia.Value()), WriteMedia: scope(in.WriteMedia.Value()), DeleteMedia: scope(in.DeleteMedia.Value()),
		PublishMedia: flag(in.PublishMedia.Value()), ManageTags: flag(in.ManageTags.Value()),
		ManageCollections: flag(in.ManageCollections.Value()), ManageTokens: flag(in.ManageTokens.Value()),
		ManageWebhooks: flag(in.ManageWebhooks.Value()), ManageSettings: flag(in.ManageSettings.Value()), Moderate: flag(in.Moderate.Value()),
	}
}
