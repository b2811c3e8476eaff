package access

import (
	"context"
	"time"

	"github.com/mediagraph/mediagraph/models"
)

// Principal is who is calling: the API token that authenticated the request.
type Principal struct {
	TokenID string
	Name    string
	Role    models.Role
	// At is when the request was authenticated: every availability window of the request is judged
	// at this one instant, so one response never shows an asset in one list and not in another.
	At time.Time
	// Moderator lets an EDITOR moderate assets.
	Moderator bool
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
	// Read: any token; delivery tokens see only PUBLIC assets.
	Read Need = iota
	// Write: reading and changing media (EDITOR, ADMIN).
	Write
	// Admin: also tokens and settings (ADMIN).
	Admin
)

// Authorize is the one permission check: every operation of the domain starts with it.
func Authorize(ctx context.Context, need Need) (*Principal, error) {
	p := PrincipalFrom(ctx)
	if p == nil {
		return nil, NewError(CodeUnauthenticated, "a valid API token is required (Authorization: Bearer <token>)")
	}
	switch {
	case need == Write && p.Role == models.RoleDelivery:
		return nil, NewError(CodeForbidden, "a DELIVERY token is read-only")
	case need == Admin && p.Role != models.RoleAdmin:
		return nil, NewError(CodeForbidden, "this operation needs an ADMIN token")
	}
	return p, nil
}

// AuthorizeModeration lets ADMIN tokens, and EDITOR tokens made moderators, decide on assets.
func AuthorizeModeration(ctx context.Context) (*Principal, error) {
	p, err := Authorize(ctx, Write)
	if err != nil {
		return nil, err
	}
	if p.Role != models.RoleAdmin && !p.Moderator {
		return nil, NewError(CodeForbidden, "moderating assets needs an ADMIN token, or an EDITOR token created with moderator: true")
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
// caller is a token or an anonymous browser (nil).
func (p *Principal) Visibility() models.Visibility {
	if p == nil {
		return models.Visibility{PublicOnly: true}
	}
	return models.Visibility{PublicOnly: p.Role == models.RoleDelivery, At: p.At}
}

// CanSeePrivate reports whether the caller may see PRIVATE assets.
func CanSeePrivate(ctx context.Context) bool {
	return !PrincipalFrom(ctx).Visibility().PublicOnly
}
