package access

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"net/mail"
	"strings"
	"time"

	"github.com/mediagraph/mediagraph/models"
)

// Member codes, besides the shared ones.
const (
	CodeInvalidCredentials Code = "INVALID_CREDENTIALS"
	CodeInvitationExpired  Code = "INVITATION_EXPIRED"
	CodeInvitationUsed     Code = "INVITATION_USED"
	CodeMemberDeactivated  Code = "MEMBER_DEACTIVATED"
	CodeCSRFRejected       Code = "CSRF_REJECTED"
)

// Audit events of people and roles, recorded in the outbox like the catalogue's.
const (
	EventMemberCreated     models.EventKind = "member.created"
	EventMemberUpdated     models.EventKind = "member.updated"
	EventMemberDeactivated models.EventKind = "member.deactivated"
	EventSignedIn          models.EventKind = "member.signed_in"
	EventSignInFailed      models.EventKind = "member.sign_in_failed"
	EventRoleCreated       models.EventKind = "role.created"
	EventRoleUpdated       models.EventKind = "role.updated"
	EventRoleDeleted       models.EventKind = "role.deleted"
)

// InvitationTTL is how long an invitation link stays valid.
const InvitationTTL = 7 * 24 * time.Hour

// InvitationPath is where an invitation link points, followed by its secret.
const InvitationPath = "/invite/"

// MemberSettings are the rules of sign-in.
type MemberSettings struct {
	PublicURL   string
	MaxFailures int
	Backoff     time.Duration
	SessionTTL  time.Duration
}

// Members are the people who sign in, their roles and their sessions.
type Members struct {
	db       *models.DB
	log      *slog.Logger
	settings MemberSettings
}

// NewMembers returns the members of db.
func NewMembers(db *models.DB, settings MemberSettings, log *slog.Logger) *Members {
	return &Members{db: db, log: log, settings: settings}
}

// MemberInput is what createMember and updateMember set; nil fields are left as they are.
type MemberInput struct {
	Email, Name, RoleID *string
}

func normalizeEmail(email string) (string, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	a, err := mail.ParseAddress(email)
	if err != nil || a.Address != email || len(email) > 254 {
		return "", Invalid("input.email", "%q is not an email address", email)
	}
	return email, nil
}

func (s *Members) apply(ctx context.Context, m *models.Member, in MemberInput) error {
	if in.Email != nil {
		email, err := normalizeEmail(*in.Email)
		if err != nil {
			return err
		}
		m.Email = email
	}
	if in.Name != nil {
		name := strings.TrimSpace(*in.Name)
		if name == "" || len(name) > 200 {
			return Invalid("input.name", "a member's name is 1 to 200 characters")
		}
		m.Name = name
	}
	if in.RoleID != nil {
		if _, err := s.role(ctx, *in.RoleID, "input.roleId"); err != nil {
			return err
		}
		m.RoleID = *in.RoleID
	}
	return nil
}

// CreateMember creates a member and returns the one-time link where they set their password.
func (s *Members) CreateMember(ctx context.Context, in MemberInput) (*models.Member, string, error) {
	p, err := Authorize(ctx, Admin)
	if err != nil {
		return nil, "", err
	}
	if in.Email == nil || in.RoleID == nil {
		return nil, "", Invalid("input.email", "a member needs an email and a role")
	}
	m := &models.Member{ID: models.NewID(models.MemberPrefix)}
	if in.Name == nil {
		in.Name = in.Email
	}
	if err := s.apply(ctx, m, in); err != nil {
		return nil, "", err
	}
	inv, link, err := s.newInvitation(m.ID)
	if err != nil {
		return nil, "", err
	}
	err = s.db.Transaction(ctx, func(tx *models.DB) error {
		if err := tx.CreateMember(ctx, m, inv); err != nil {
			return err
		}
		return audit(ctx, tx, p.ActorID(), EventMemberCreated, m.ID, set(map[string]any{"email": m.Email, "name": m.Name, "roleId": m.RoleID}))
	})
	if errors.Is(err, models.ErrDuplicate) {
		return nil, "", &Error{Code: CodeConflict, Field: "input.email", Message: "a member with this email exists already"}
	}
	if err != nil {
		return nil, "", err
	}
	return m, link, nil
}

func (s *Members) newInvitation(memberID string) (*models.Invitation, string, error) {
	secret, err := randomSecret()
	if err != nil {
		return nil, "", err
	}
	now := models.Now()
	inv := &models.Invitation{ID: models.NewID(models.InvitationPrefix), MemberID: memberID, TokenHash: hashSecret(secret),
		ExpiresAt: now.Add(InvitationTTL), CreatedAt: now}
	return inv, strings.TrimSuffix(s.settings.PublicURL, "/") + InvitationPath + secret, nil
}

func randomSecret() (string, error) {
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil {
		return "", fmt.Errorf("generate secret: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(buf), nil
}

// audit records an entry of the audit log about a member or role, keyed by its id in the changes
// as an asset's are, each field with its value before and after.
func audit(ctx context.Context, tx *models.DB, actor string, kind models.EventKind, subject string, changes models.JSONObject) error {
	e := &models.Event{Kind: kind, Changes: models.JSONObject{subject: changes}}
	if actor != "" {
		e.TokenID = &actor
	}
	return tx.RecordEvents(ctx, e)
}

// AcceptInvitation sets the password of an invited member, once.
func (s *Members) AcceptInvitation(ctx context.Context, secret, password string) (*models.Member, error) {
	if err := CheckPassword("password", password); err != nil {
		return nil, err
	}
	inv, err := s.db.InvitationByHash(ctx, hashSecret(secret))
	if errors.Is(err, models.ErrNotFound) {
		return nil, NewError(CodeNotFound, "this invitation link is not valid: ask an administrator for a new one")
	}
	if err != nil {
		return nil, err
	}
	now := models.Now()
	switch {
	case inv.UsedAt != nil:
		return nil, NewError(CodeInvitationUsed, "this invitation link was used already: sign in, or ask an administrator for a new one")
	case !now.Before(inv.ExpiresAt):
		return nil, NewError(CodeInvitationExpired, "this invitation link expired: ask an administrator for a new one")
	}
	hash, err := HashPassword(password)
	if err != nil {
		return nil, err
	}
	switch err := s.db.AcceptInvitation(ctx, inv, hash, now); {
	case errors.Is(err, models.ErrInvitationUsed):
		return nil, NewError(CodeInvitationUsed, "this invitation link was used already: sign in, or ask an administrator for a new one")
	case err != nil:
		return nil, err
	}
	return s.memberByID(ctx, inv.MemberID)
}

func (s *Members) memberByID(ctx context.Context, id string) (*models.Member, error) {
	ms, err := s.db.MembersByID(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	if len(ms) == 0 {
		return nil, NotFound("member", id)
	}
	return ms[0], nil
}

// Member returns one member (ADMIN, or the member themself).
func (s *Members) Member(ctx context.Context, id string) (*models.Member, error) {
	p, err := Authorize(ctx, Read)
	if err != nil {
		return nil, err
	}
	if p.MemberID != id {
		if _, err := Authorize(ctx, Admin); err != nil {
			return nil, err
		}
	}
	return s.memberByID(ctx, id)
}

// ListMembers lists every member, deactivated ones included (ADMIN).
func (s *Members) ListMembers(ctx context.Context) ([]*models.Member, error) {
	if _, err := Authorize(ctx, Admin); err != nil {
		return nil, err
	}
	return s.db.ListMembers(ctx)
}

// MembersByID returns the members among ids, for showing who created what.
func (s *Members) MembersByID(ctx context.Context, ids []string) (map[string]*models.Member, error) {
	if _, err := Authorize(ctx, Read); err != nil {
		return nil, err
	}
	ms, err := s.db.MembersByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	return models.ByID(ms), nil
}

// Me is the signed-in member, or nil for an API token.
func (s *Members) Me(ctx context.Context) (*models.Member, error) {
	p, err := Authorize(ctx, Read)
	if err != nil || p.MemberID == "" {
		return nil, err
	}
	return s.memberByID(ctx, p.MemberID)
}

// UpdateMember changes a member's email, name or role (ADMIN).
func (s *Members) UpdateMember(ctx context.Context, id string, in MemberInput) (*models.Member, error) {
	p, err := Authorize(ctx, Admin)
	if err != nil {
		return nil, err
	}
	m, err := s.memberByID(ctx, id)
	if err != nil {
		return nil, err
	}
	before := *m
	if err := s.apply(ctx, m, in); err != nil {
		return nil, err
	}
	m.UpdatedAt = models.Now()
	err = s.db.Transaction(ctx, func(tx *models.DB) error {
		if err := tx.SaveMember(ctx, m); err != nil {
			return err
		}
		return audit(ctx, tx, p.ActorID(), EventMemberUpdated, m.ID, memberChanges(&before, m))
	})
	if errors.Is(err, models.ErrDuplicate) {
		return nil, &Error{Code: CodeConflict, Field: "input.email", Message: "a member with this email exists already"}
	}
	if err != nil {
		return nil, err
	}
	return m, nil
}

func memberChanges(before, after *models.Member) models.JSONObject {
	out := models.JSONObject{}
	for field, v := range map[string][2]string{"email": {before.Email, after.Email}, "name": {before.Name, after.Name}, "roleId": {before.RoleID, after.RoleID}} {
		if v[0] != v[1] {
			out[field] = map[string]any{"before": v[0], "after": v[1]}
		}
	}
	return out
}

// DeactivateMember deactivates a member: their sessions end at once, their assets stay theirs.
func (s *Members) DeactivateMember(ctx context.Context, id string) (*models.Member, error) {
	p, err := Authorize(ctx, Admin)
	if err != nil {
		return nil, err
	}
	if _, err := s.memberByID(ctx, id); err != nil {
		return nil, err
	}
	err = s.db.Transaction(ctx, func(tx *models.DB) error {
		if err := tx.DeactivateMember(ctx, id, models.Now()); err != nil {
			return err
		}
		return audit(ctx, tx, p.ActorID(), EventMemberDeactivated, id, set(map[string]any{"deactivated": true}))
	})
	if err != nil {
		return nil, err
	}
	return s.memberByID(ctx, id)
}

// EnsureFirstMember invites a first ADMIN member when the database has none, so that a new
// installation can be signed into; it returns "" when members exist already.
func (s *Members) EnsureFirstMember(ctx context.Context) (string, error) {
	n, err := s.db.CountMembers(ctx)
	if err != nil || n > 0 {
		return "", err
	}
	email, role := "admin@localhost", models.AdminRoleID
	_, link, err := s.CreateMember(WithPrincipal(ctx, Operator), MemberInput{Email: &email, RoleID: &role})
	return link, err
}

// InviteAgain issues a new invitation link for a member (ADMIN), for one lost or expired.
func (s *Members) InviteAgain(ctx context.Context, id string) (string, error) {
	if _, err := Authorize(ctx, Admin); err != nil {
		return "", err
	}
	if _, err := s.memberByID(ctx, id); err != nil {
		return "", err
	}
	inv, link, err := s.newInvitation(id)
	if err != nil {
		return "", err
	}
	return link, s.db.CreateInvitation(ctx, inv)
}

// set is the changes of fields that were set: each value is an "after", with nothing before.
func set(fields map[string]any) models.JSONObject {
	out := models.JSONObject{}
	for k, v := range fields {
		out[k] = map[string]any{"before": nil, "after": v}
	}
	return out
}
