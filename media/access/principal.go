package access

import (
	"context"
	"time"

	"github.com/mediagraph/mediagraph/models"
)

// Principal is who is calling: the API token that authenticated the request, or the member signed
// in by a session cookie.
type Principal struct {
	TokenID string
	// MemberID and SessionID are set for a member signed in through a browser session.
	MemberID  string
	SessionID string
	Name      string
	// Role is the token role the principal acts as: ADMIN for the built-in Admin role, DELIVERY for
	// delivery tokens (the delivery policy), EDITOR for everyone else, whose Permissions say the rest.
	Role models.Role
	// RoleID is the role of the member or token, whose permissions they hold; empty for DELIVERY.
	RoleID      string
	Permissions models.Permissions
	// At is when the request was authenticated: every availability window of the request is judged
	// at this one instant, so one response never shows an asset in one list and not in another.
	At time.Time
	// Moderator lets an EDITOR moderate assets.
	Moderator bool
}

// ActorID is who the principal's changes are attributed to: the member, or the token.
func (p *Principal) ActorID() string {
	if p.MemberID != "" {
		return p.MemberID
	}
	return p.TokenID
}

type principalKey struct{}

// WithPrincipal attaches the caller to a request context.
func WithPrincipal(ctx context.Context, p *Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// PrincipalFrom returns the caller of a request, or nil when it carried no valid token.
func PrincipalFrom(ctx context.Context) *Principal {
	p, _ := ctx.Value(principalKey{}).(*Principal)
	return p
}

// Need is what an operation needs of its caller.
type Need int

const (
	// Read: any token or member; delivery tokens see only PUBLIC assets.
	Read Need = iota
	// Write: reading and changing media (writeMedia other than NONE).
	Write
	// Admin: also tokens, settings, members and roles (the Admin role).
	Admin
	// Delete: moving media to the trash and purging it (deleteMedia other than NONE).
	Delete
	// ManageTokens: API tokens (manageTokens).
	ManageTokens
	// ManageWebhooks: webhooks (manageWebhooks).
	ManageWebhooks
	// ManageTags: renaming, merging and deleting tags (manageTags); tagging assets is a Write.
	ManageTags
	// ManageCollections: creating, renaming, moving and deleting collections (manageCollections).
	ManageCollections
	// Publish: setting assets PUBLIC or PRIVATE (publishMedia).
	Publish
)

// Authorize is the one permission check: every operation of the domain starts with it.
func Authorize(ctx context.Context, need Need) (*Principal, error) {
	p := PrincipalFrom(ctx)
	if p == nil {
		return nil, NewError(CodeUnauthenticated, "a valid API token (Authorization: Bearer <token>) or a signed-in session is required")
	}
	if err := p.allows(need); err != nil {
		return nil, err
	}
	return p, nil
}

func (p *Principal) allows(need Need) error {
	if need != Read && p.Role == models.RoleDelivery {
		return NewError(CodeForbidden, "a DELIVERY token is read-only")
	}
	perm := p.Permissions
	switch {
	case need == Write && perm.WriteMedia == models.ScopeNone,
		need == Delete && perm.DeleteMedia == models.ScopeNone:
		return NewError(CodeForbidden, "your role does not let you change media")
	case need == Admin && p.Role != models.RoleAdmin:
		return NewError(CodeForbidden, "this operation needs an ADMIN token or the Admin role")
	case p.Role != models.RoleAdmin && !p.manages(need):
		return NewError(CodeForbidden, "this operation needs an ADMIN token or a role that is allowed it")
	}
	return nil
}

// manages reports whether the principal's permissions grant a need that is one flag of a role; an
// empty set of permissions (a principal made before roles, such as the service's own) grants what
// EDITOR tokens always could.
func (p *Principal) manages(need Need) bool {
	perm := p.Permissions
	if perm == (models.Permissions{}) {
		perm = models.EditorPermissions
	}
	switch need {
	case ManageTokens:
		return perm.ManageTokens
	case ManageWebhooks:
		return perm.ManageWebhooks
	case ManageTags:
		return perm.ManageTags
	case ManageCollections:
		return perm.ManageCollections
	case Publish:
		return perm.PublishMedia
	}
	return true
}

// AuthorizeModeration lets ADMIN tokens, EDITOR tokens made moderators and roles that moderate
// decide on assets.
func AuthorizeModeration(ctx context.Context) (*Principal, error) {
	p, err := Authorize(ctx, Write)
	if err != nil {
		return nil, err
	}
	if p.Role != models.RoleAdmin && !p.Moderator && !p.Permissions.Moderate {
		return nil, NewError(CodeForbidden, "moderating assets needs an ADMIN token, an EDITOR token created with moderator: true, or a role that moderates")
	}
	return p, nil
}

// CheckWrite refuses callers that may not change media, for transports that must decide before they
// accept a request's bytes (uploads are spooled to disk before the resolver runs).
func CheckWrite(ctx context.Context) error {
	_, err := Authorize(ctx, Write)
	return err
}

// Visibility is what a principal may see of the assets: the one rule behind every read, whether the
// caller is a token, a member or an anonymous browser (nil). A role that reads NONE sees what the
// public sees; one that reads OWN, only the assets created by members and tokens of the role.
func (p *Principal) Visibility() models.Visibility {
	if p == nil {
		return models.Visibility{PublicOnly: true}
	}
	v := models.Visibility{PublicOnly: p.Role == models.RoleDelivery || p.Permissions.ReadMedia == models.ScopeNone, At: p.At}
	if p.Permissions.ReadMedia == models.ScopeOwn {
		v.OwnRole = p.RoleID
	}
	return v
}

// ReadScope is the visibility of the caller of ctx: every list, count, loader, facet and download
// applies it by this one call.
func ReadScope(ctx context.Context) models.Visibility { return PrincipalFrom(ctx).Visibility() }

// WriteScope is the OWN restriction of the caller's writes ("" for none): writes to assets outside
// it are refused.
func WriteScope(ctx context.Context, need Need) string {
	p := PrincipalFrom(ctx)
	if p == nil {
		return ""
	}
	scope := p.Permissions.WriteMedia
	if need == Delete {
		scope = p.Permissions.DeleteMedia
	}
	if scope == models.ScopeOwn {
		return p.RoleID
	}
	return ""
}

// CanSeePrivate reports whether the caller may see PRIVATE assets (of their OWN scope, if any).
func CanSeePrivate(ctx context.Context) bool {
	return !PrincipalFrom(ctx).Visibility().PublicOnly
}
