package access

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base32"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/mediagraph/mediagraph/models"
)

// A token reads "mg_<lookup>_<secret>": the lookup key finds the row, the secret is checked against
// its stored hash in constant time. Neither part alone grants anything.
const tokenPrefix = "mg_"

// lastUsedInterval is how stale a token's lastUsedAt may get: recording every use would turn every
// read into a write.
const lastUsedInterval = time.Minute

// Tokens are the API tokens: who may call, and as what role.
type Tokens struct {
	db  *models.DB
	log *slog.Logger
	// touched remembers when each token's use was last written (token id → time.Time).
	touched sync.Map
	// issuers caches whether tokens that signed URLs stand (token id → issuerState).
	issuers sync.Map
}

// NewTokens returns the tokens of db.
func NewTokens(db *models.DB, log *slog.Logger) *Tokens { return &Tokens{db: db, log: log} }

var lookupEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

func newTokenSecret() (lookup, secret, token string, err error) {
	buf := make([]byte, 10+32)
	if _, err := rand.Read(buf); err != nil {
		return "", "", "", fmt.Errorf("generate token: %w", err)
	}
	lookup = lookupEncoding.EncodeToString(buf[:10])
	secret = base64.RawURLEncoding.EncodeToString(buf[10:])
	return lookup, secret, tokenPrefix + lookup + "_" + secret, nil
}

func hashSecret(secret string) []byte {
	h := sha256.Sum256([]byte(secret))
	return h[:]
}

var errBadToken = NewError(CodeUnauthenticated, "the API token is invalid or revoked")

// Authenticate turns a bearer token into the principal it stands for.
func (s *Tokens) Authenticate(ctx context.Context, token string) (*Principal, error) {
	rest, ok := strings.CutPrefix(token, tokenPrefix)
	lookup, secret, ok2 := strings.Cut(rest, "_")
	if !ok || !ok2 || len(lookup) != 16 {
		return nil, errBadToken
	}
	t, err := s.db.TokenByLookupKey(ctx, lookup)
	if errors.Is(err, models.ErrNotFound) {
		return nil, errBadToken
	}
	if err != nil {
		return nil, err
	}
	if subtle.ConstantTimeCompare(hashSecret(secret), t.SecretHash) != 1 || t.RevokedAt != nil {
		return nil, errBadToken
	}
	s.touchToken(ctx, t.ID)
	p := &Principal{TokenID: t.ID, Name: t.Name, Role: t.Role, Moderator: t.Moderator, At: models.Now()}
	p.RoleID, p.Permissions = tokenRole(t.Role)
	if t.RoleID != nil && *t.RoleID != p.RoleID {
		if p.RoleID, p.Permissions, err = s.ownRole(ctx, *t.RoleID); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// ownRole reads the permissions of a token's own role, at each request so that a change of the
// role applies at once on every instance.
func (s *Tokens) ownRole(ctx context.Context, id string) (string, models.Permissions, error) {
	rs, err := s.db.RolesByID(ctx, []string{id})
	if err != nil {
		return "", models.NoPermissions, err
	}
	if len(rs) == 0 {
		return "", models.NoPermissions, errBadToken
	}
	return id, rs[0].Permissions, nil
}

func (s *Tokens) checkTokenRole(ctx context.Context, role models.Role, roleID string) error {
	if role != models.RoleEditor {
		return Invalid("roleId", "a token with a role of its own is an EDITOR token: its role says the rest")
	}
	rs, err := s.db.RolesByID(ctx, []string{roleID})
	if err != nil {
		return err
	}
	if len(rs) == 0 {
		return &Error{Code: CodeNotFound, Field: "roleId", Message: "role " + quote(roleID) + " not found"}
	}
	if roleID == models.AdminRoleID {
		return Invalid("roleId", "an ADMIN token holds the Admin role: create it with role ADMIN")
	}
	return nil
}

// tokenRole maps a token's role onto the built-in role it holds: DELIVERY tokens hold none, they are
// the delivery policy.
func tokenRole(r models.Role) (string, models.Permissions) {
	switch r {
	case models.RoleAdmin:
		return models.AdminRoleID, models.AdminPermissions
	case models.RoleEditor:
		return models.EditorRoleID, models.EditorPermissions
	}
	return "", models.NoPermissions
}

func (s *Tokens) touchToken(ctx context.Context, id string) {
	now := models.Now()
	if last, ok := s.touched.Load(id); ok && now.Sub(last.(time.Time)) < lastUsedInterval {
		return
	}
	s.touched.Store(id, now)
	if err := s.db.TouchToken(ctx, id, now, lastUsedInterval); err != nil {
		s.log.Warn("record token use", "token", id, "err", err)
	}
}

// CreateToken creates a token and returns it with its secret, which is shown only this once.
func (s *Tokens) CreateToken(ctx context.Context, name string, role models.Role) (*models.APIToken, string, error) {
	return s.CreateModeratorToken(ctx, name, role, false)
}

// CreateModeratorToken is CreateToken for a token that may also moderate assets (moderator: only an
// EDITOR needs it; an ADMIN moderates anyway, a DELIVERY token never).
func (s *Tokens) CreateModeratorToken(ctx context.Context, name string, role models.Role, moderator bool) (*models.APIToken, string, error) {
	return s.CreateTokenOfRole(ctx, name, role, moderator, nil)
}

// CreateTokenOfRole is CreateModeratorToken for a token holding a role of its own (roleID; nil for
// the built-in role of its token role): such a token is an EDITOR token with that role's permissions.
func (s *Tokens) CreateTokenOfRole(ctx context.Context, name string, role models.Role, moderator bool, roleID *string) (*models.APIToken, string, error) {
	if _, err := Authorize(ctx, ManageTokens); err != nil {
		return nil, "", err
	}
	if roleID != nil {
		if err := s.checkTokenRole(ctx, role, *roleID); err != nil {
			return nil, "", err
		}
	}
	name = strings.TrimSpace(name)
	if name == "" || len(name) > 200 {
		return nil, "", Invalid("name", "a token name is 1 to 200 characters")
	}
	if !role.Valid() {
		return nil, "", Invalid("role", "unknown role %q", role)
	}
	if moderator && role != models.RoleEditor {
		return nil, "", Invalid("moderator", "only an EDITOR token is made a moderator: ADMIN tokens moderate anyway, DELIVERY tokens never")
	}
	lookup, secret, token, err := newTokenSecret()
	if err != nil {
		return nil, "", err
	}
	t := &models.APIToken{ID: models.NewID(models.TokenPrefix), Name: name, Role: role, LookupKey: lookup, SecretHash: hashSecret(secret), Moderator: moderator}
	if builtIn, _ := tokenRole(role); roleID == nil && builtIn != "" {
		t.RoleID = &builtIn
	} else {
		t.RoleID = roleID
	}
	if err := s.db.CreateToken(ctx, t); err != nil {
		return nil, "", err
	}
	return t, token, nil
}

// ListTokens lists every token, revoked ones included.
func (s *Tokens) ListTokens(ctx context.Context) ([]*models.APIToken, error) {
	if _, err := Authorize(ctx, ManageTokens); err != nil {
		return nil, err
	}
	return s.db.ListTokens(ctx)
}

// RevokeToken revokes a token; requests carrying it are refused from then on, and so are the signed
// URLs it made (within grantCacheTTL). The last active ADMIN token cannot be revoked.
func (s *Tokens) RevokeToken(ctx context.Context, id string) (*models.APIToken, error) {
	if _, err := Authorize(ctx, ManageTokens); err != nil {
		return nil, err
	}
	switch err := s.db.RevokeToken(ctx, id); {
	case errors.Is(err, models.ErrNotFound):
		return nil, NotFound("token", id)
	case errors.Is(err, models.ErrLastAdmin):
		return nil, NewError(CodeConflict, "token %s is the last active ADMIN token: revoking it would lock everyone out. "+
			"Create another ADMIN token first (createApiToken, or `mediagraph token create --role ADMIN` on the server), then revoke this one", id)
	case err != nil:
		return nil, err
	}
	s.issuers.Store(id, issuerState{revoked: true, at: time.Now()})
	return s.Token(ctx, id)
}

// Token returns one token.
func (s *Tokens) Token(ctx context.Context, id string) (*models.APIToken, error) {
	if _, err := Authorize(ctx, ManageTokens); err != nil {
		return nil, err
	}
	ts, err := s.db.TokensByID(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	if len(ts) == 0 {
		return nil, NotFound("token", id)
	}
	return ts[0], nil
}

// TokensByID returns the tokens among ids (revoked ones included), for showing who created what.
func (s *Tokens) TokensByID(ctx context.Context, ids []string) (map[string]*models.APIToken, error) {
	if _, err := Authorize(ctx, Read); err != nil {
		return nil, err
	}
	ts, err := s.db.TokensByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	return models.ByID(ts), nil
}

// Operator is the principal of the command line: whoever runs it holds the database already.
var Operator = &Principal{Name: "operator", Role: models.RoleAdmin, RoleID: models.AdminRoleID, Permissions: models.AdminPermissions}

// EnsureFirstToken creates an ADMIN token when the database has none at all, so that a new
// installation can be used; it returns "" when tokens already exist.
func (s *Tokens) EnsureFirstToken(ctx context.Context) (string, error) {
	n, err := s.db.CountTokens(ctx)
	if err != nil || n > 0 {
		return "", err
	}
	_, token, err := s.CreateToken(WithPrincipal(ctx, Operator), "initial admin", models.RoleAdmin)
	return token, err
}

// grantCacheTTL is how long an instance trusts what it last read of a token for the signed URLs it
// made: a revocation on another instance voids them within this time (on this one, at once).
const grantCacheTTL = 5 * time.Second

type issuerState struct {
	revoked bool
	at      time.Time
}

// Revoked reports whether the token of id, which signed a URL, is revoked or gone. The answer is an
// indexed lookup, cached for at most grantCacheTTL; a revocation is final, so it is cached for good.
func (s *Tokens) Revoked(ctx context.Context, id string) (bool, error) {
	now := time.Now()
	if v, ok := s.issuers.Load(id); ok {
		st := v.(issuerState)
		if st.revoked || now.Sub(st.at) < grantCacheTTL {
			return st.revoked, nil
		}
	}
	revoked, err := s.db.TokenRevoked(ctx, id)
	if err != nil {
		return false, err
	}
	s.issuers.Store(id, issuerState{revoked: revoked, at: now})
	return revoked, nil
}
