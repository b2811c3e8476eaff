package access

import (
	"context"
	"errors"
	"net"
	"time"

	"github.com/mediagraph/mediagraph/models"
)

// sessionTouchInterval is how stale a session's lastUsedAt may get: recording every use would turn
// every read into a write.
const sessionTouchInterval = time.Minute

var errBadCredentials = NewError(CodeInvalidCredentials, "the email or the password is wrong")

var errLocked = NewError(CodeRateLimited, "too many failed sign-ins: try again later")

// Login checks an email and password and opens a session, whose secret goes in the cookie. Failures
// count per address and per email; too many lock both out for the back-off, and the answer never
// says whether the email belongs to a member.
func (s *Members) Login(ctx context.Context, email, password, addr, userAgent string) (*models.Member, string, error) {
	email, _ = normalizeEmail(email)
	keys := loginKeys(email, addr)
	now := models.Now()
	locked, err := s.db.LoginLocked(ctx, keys, now)
	if err != nil {
		return nil, "", err
	}
	if locked {
		return nil, "", errLocked
	}
	m, err := s.check(ctx, email, password)
	if errors.Is(err, errBadCredentials) {
		return nil, "", s.failed(ctx, keys, email, now)
	}
	if err != nil {
		return nil, "", err
	}
	secret, err := randomSecret()
	if err != nil {
		return nil, "", err
	}
	if len(userAgent) > 500 {
		userAgent = userAgent[:500]
	}
	sess := &models.Session{ID: models.NewID(models.SessionPrefix), MemberID: m.ID, SecretHash: hashSecret(secret), UserAgent: userAgent,
		CreatedAt: now, LastUsedAt: now, ExpiresAt: now.Add(s.settings.SessionTTL)}
	err = s.db.Transaction(ctx, func(tx *models.DB) error {
		if err := tx.CreateSession(ctx, sess); err != nil {
			return err
		}
		if err := tx.ClearLoginFailures(ctx, keys[1]); err != nil {
			return err
		}
		return audit(ctx, tx, m.ID, EventSignedIn, m.ID, set(map[string]any{"sessionId": sess.ID, "address": addr}))
	})
	if err != nil {
		return nil, "", err
	}
	return m, secret, nil
}

// loginKeys are the back-off counters of a sign-in: its address (the host, without the port) and
// its email.
func loginKeys(email, addr string) []string {
	if host, _, err := net.SplitHostPort(addr); err == nil {
		addr = host
	}
	return []string{"addr:" + addr, "email:" + email}
}

// check finds the active member of email whose password this is; errBadCredentials otherwise, after
// the same work either way.
func (s *Members) check(ctx context.Context, email, password string) (*models.Member, error) {
	if len(password) > maxPasswordLen {
		return nil, errBadCredentials
	}
	m, err := s.db.MemberByEmail(ctx, email)
	if err != nil && !errors.Is(err, models.ErrNotFound) {
		return nil, err
	}
	hash := dummyHash()
	if m != nil && m.PasswordHash != "" {
		hash = m.PasswordHash
	}
	ok, err := VerifyPassword(hash, password)
	if err != nil {
		return nil, err
	}
	if !ok || m == nil || m.PasswordHash == "" || m.DeactivatedAt != nil {
		return nil, errBadCredentials
	}
	return m, nil
}

func (s *Members) failed(ctx context.Context, keys []string, email string, now time.Time) error {
	if err := s.db.RecordLoginFailure(ctx, keys, now, s.settings.MaxFailures, s.settings.Backoff, s.settings.Backoff); err != nil {
		return err
	}
	err := s.db.Transaction(ctx, func(tx *models.DB) error {
		return audit(ctx, tx, "", EventSignInFailed, keys[0], set(map[string]any{"email": email}))
	})
	if err != nil {
		return err
	}
	return errBadCredentials
}

var errBadSession = NewError(CodeUnauthenticated, "the session has ended: sign in again")

// AuthenticateSession turns a session cookie into the principal of its member. The member's role is
// read with the session, so a change of role or a deactivation applies at the next request, on
// every instance.
func (s *Members) AuthenticateSession(ctx context.Context, secret string) (*Principal, error) {
	si, err := s.db.SessionByHash(ctx, hashSecret(secret))
	if errors.Is(err, models.ErrNotFound) {
		return nil, errBadSession
	}
	if err != nil {
		return nil, err
	}
	now := models.Now()
	switch {
	case si.Member.DeactivatedAt != nil:
		return nil, NewError(CodeMemberDeactivated, "this member was deactivated: their sessions ended")
	case si.Session.RevokedAt != nil, !now.Before(si.Session.ExpiresAt):
		return nil, errBadSession
	}
	if now.Sub(si.Session.LastUsedAt) >= sessionTouchInterval {
		if err := s.db.TouchSession(ctx, si.Session.ID, now, sessionTouchInterval); err != nil {
			s.log.Warn("record session use", "session", si.Session.ID, "err", err)
		}
	}
	return memberPrincipal(si, now), nil
}

func memberPrincipal(si *models.SignedIn, now time.Time) *Principal {
	role := models.RoleEditor
	if si.Role.ID == models.AdminRoleID {
		role = models.RoleAdmin
	}
	return &Principal{MemberID: si.Member.ID, SessionID: si.Session.ID, Name: si.Member.Name, Role: role,
		RoleID: si.Role.ID, Permissions: si.Role.Permissions, At: now}
}

// Logout ends the caller's session.
func (s *Members) Logout(ctx context.Context) error {
	p := PrincipalFrom(ctx)
	if p == nil || p.SessionID == "" {
		return nil
	}
	err := s.db.RevokeSession(ctx, p.MemberID, p.SessionID, models.Now())
	if errors.Is(err, models.ErrNotFound) {
		return nil
	}
	return err
}

// MySessions lists the caller's live sessions; an API token has none.
func (s *Members) MySessions(ctx context.Context) ([]*models.Session, error) {
	p, err := Authorize(ctx, Read)
	if err != nil || p.MemberID == "" {
		return nil, err
	}
	return s.db.MemberSessions(ctx, p.MemberID, models.Now())
}

// RevokeSession ends one of the caller's sessions.
func (s *Members) RevokeSession(ctx context.Context, id string) (string, error) {
	p, err := Authorize(ctx, Read)
	if err != nil {
		return "", err
	}
	err = s.db.RevokeSession(ctx, p.MemberID, id, models.Now())
	if errors.Is(err, models.ErrNotFound) {
		return "", NotFound("session", id)
	}
	return id, err
}
