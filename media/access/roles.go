package access

import (
	"context"
	"errors"
	"strings"

	"github.com/mediagraph/mediagraph/models"
)

// RoleInput is what createRole and updateRole set; nil fields are left as they are.
type RoleInput struct {
	Name        *string
	Permissions *models.Permissions
}

// Roles lists every role (ADMIN and EDITOR callers: the UI shows what a member may do).
func (s *Members) Roles(ctx context.Context) ([]*models.AccessRole, error) {
	if _, err := Authorize(ctx, Write); err != nil {
		return nil, err
	}
	return s.db.ListRoles(ctx)
}

// RolesByID returns the roles among ids.
func (s *Members) RolesByID(ctx context.Context, ids []string) (map[string]*models.AccessRole, error) {
	if _, err := Authorize(ctx, Read); err != nil {
		return nil, err
	}
	rs, err := s.db.RolesByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	return models.ByID(rs), nil
}

func (s *Members) role(ctx context.Context, id, field string) (*models.AccessRole, error) {
	rs, err := s.db.RolesByID(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	if len(rs) == 0 {
		return nil, &Error{Code: CodeNotFound, Field: field, Message: "role " + quote(id) + " not found"}
	}
	return rs[0], nil
}

func quote(s string) string { return `"` + s + `"` }

func applyRole(r *models.AccessRole, in RoleInput) error {
	if in.Name != nil {
		name := strings.TrimSpace(*in.Name)
		if name == "" || len(name) > 100 {
			return Invalid("input.name", "a role's name is 1 to 100 characters")
		}
		r.Name, r.NameKey = name, strings.ToLower(name)
	}
	if in.Permissions != nil {
		perm := *in.Permissions
		for field, scope := range map[string]models.Scope{"readMedia": perm.ReadMedia, "writeMedia": perm.WriteMedia, "deleteMedia": perm.DeleteMedia} {
			if !scope.Valid() {
				return Invalid("input.permissions."+field, "ALL, OWN or NONE")
			}
		}
		r.Permissions = perm
	}
	return nil
}

// CreateRole creates a role (ADMIN).
func (s *Members) CreateRole(ctx context.Context, in RoleInput) (*models.AccessRole, error) {
	if in.Name == nil {
		return nil, Invalid("input.name", "a role needs a name")
	}
	if in.Permissions == nil {
		in.Permissions = &models.ViewerPermissions
	}
	r := &models.AccessRole{ID: models.NewID(models.RolePrefix), CreatedAt: models.Now()}
	return s.saveRole(ctx, r, in, EventRoleCreated)
}

// UpdateRole changes a role's name or permissions (ADMIN); built-in roles stay as they are, since
// the API tokens of their names hold them too.
func (s *Members) UpdateRole(ctx context.Context, id string, in RoleInput) (*models.AccessRole, error) {
	if _, err := Authorize(ctx, Admin); err != nil {
		return nil, err
	}
	r, err := s.role(ctx, id, "id")
	if err != nil {
		return nil, err
	}
	if r.BuiltIn {
		return nil, NewError(CodeForbidden, "role %s is built in: it cannot be changed; create a role of your own instead", r.Name)
	}
	return s.saveRole(ctx, r, in, EventRoleUpdated)
}

func (s *Members) saveRole(ctx context.Context, r *models.AccessRole, in RoleInput, kind models.EventKind) (*models.AccessRole, error) {
	p, err := Authorize(ctx, Admin)
	if err != nil {
		return nil, err
	}
	if err := applyRole(r, in); err != nil {
		return nil, err
	}
	r.UpdatedAt = models.Now()
	err = s.db.Transaction(ctx, func(tx *models.DB) error {
		if err := tx.SaveRole(ctx, r); err != nil {
			return err
		}
		return audit(ctx, tx, p.ActorID(), kind, r.ID, set(map[string]any{"name": r.Name, "permissions": r.Permissions}))
	})
	if errors.Is(err, models.ErrDuplicate) {
		return nil, &Error{Code: CodeConflict, Field: "input.name", Message: "a role named " + quote(r.Name) + " exists already"}
	}
	if err != nil {
		return nil, err
	}
	return r, nil
}

// DeleteRole deletes a role nobody holds (ADMIN); built-in roles cannot be deleted.
func (s *Members) DeleteRole(ctx context.Context, id string) (string, error) {
	p, err := Authorize(ctx, Admin)
	if err != nil {
		return "", err
	}
	r, err := s.role(ctx, id, "id")
	if err != nil {
		return "", err
	}
	if r.BuiltIn {
		return "", NewError(CodeForbidden, "role %s is built in: it cannot be deleted", r.Name)
	}
	err = s.db.Transaction(ctx, func(tx *models.DB) error {
		if err := tx.DeleteRole(ctx, id); err != nil {
			return err
		}
		return audit(ctx, tx, p.ActorID(), EventRoleDeleted, id, models.JSONObject{"name": map[string]any{"before": r.Name, "after": nil}})
	})
	if errors.Is(err, models.ErrRoleInUse) {
		return "", NewError(CodeConflict, "role %s is held by members or tokens: give them another role first", r.Name)
	}
	return id, err
}

// RoleByName finds a role by its name, regardless of case, or by its id.
func (s *Members) RoleByName(ctx context.Context, name string) (*models.AccessRole, error) {
	roles, err := s.Roles(ctx)
	if err != nil {
		return nil, err
	}
	for _, r := range roles {
		if r.ID == name || r.NameKey == strings.ToLower(strings.TrimSpace(name)) {
			return r, nil
		}
	}
	return nil, &Error{Code: CodeNotFound, Field: "role", Message: "no role is named " + quote(name) + ": see the roles query"}
}
