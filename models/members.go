package models

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// Id prefixes of the people who sign in.
const (
	MemberPrefix     = "mem"
	RolePrefix       = "rol"
	SessionPrefix    = "ses"
	InvitationPrefix = "inv"
)

// The built-in roles have fixed ids, so that the migration, the token mapping and every instance agree.
const (
	AdminRoleID  = "rol_00000000000000000000000001"
	EditorRoleID = "rol_00000000000000000000000002"
	ViewerRoleID = "rol_00000000000000000000000003"
)

// Scope is how much of the media a permission reaches.
type Scope string

const (
	ScopeAll Scope = "ALL"
	// ScopeOwn reaches the assets created by members and tokens of the caller's role (as microCMS's
	// "only media created by members of this role").
	ScopeOwn  Scope = "OWN"
	ScopeNone Scope = "NONE"
)

// Valid reports whether s is one of the scopes.
func (s Scope) Valid() bool { return s == ScopeAll || s == ScopeOwn || s == ScopeNone }

// Permissions are what a role may do.
type Permissions struct {
	ReadMedia         Scope `json:"readMedia"`
	WriteMedia        Scope `json:"writeMedia"`
	DeleteMedia       Scope `json:"deleteMedia"`
	PublishMedia      bool  `json:"publishMedia"`
	ManageTags        bool  `json:"manageTags"`
	ManageCollections bool  `json:"manageCollections"`
	ManageTokens      bool  `json:"manageTokens"`
	ManageWebhooks    bool  `json:"manageWebhooks"`
	ManageSettings    bool  `json:"manageSettings"`
	Moderate          bool  `json:"moderate"`
}

// GormDataType stores permissions as JSON text on both dialects.
func (Permissions) GormDataType() string { return "text" }

// Value implements driver.Valuer.
func (p Permissions) Value() (driver.Value, error) {
	b, err := json.Marshal(p)
	if err != nil {
		return nil, fmt.Errorf("encode permissions: %w", err)
	}
	return string(b), nil
}

// Scan implements sql.Scanner.
func (p *Permissions) Scan(v any) error {
	var b []byte
	switch v := v.(type) {
	case string:
		b = []byte(v)
	case []byte:
		b = v
	default:
		return fmt.Errorf("scan permissions from %T", v)
	}
	if err := json.Unmarshal(b, p); err != nil {
		return fmt.Errorf("decode permissions: %w", err)
	}
	return nil
}

// The built-in roles' permissions, which the ADMIN and EDITOR API tokens also hold.
var (
	AdminPermissions = Permissions{ReadMedia: ScopeAll, WriteMedia: ScopeAll, DeleteMedia: ScopeAll, PublishMedia: true,
		ManageTags: true, ManageCollections: true, ManageTokens: true, ManageWebhooks: true, ManageSettings: true, Moderate: true}
	EditorPermissions = Permissions{ReadMedia: ScopeAll, WriteMedia: ScopeAll, DeleteMedia: ScopeAll, PublishMedia: true,
		ManageTags: true, ManageCollections: true}
	ViewerPermissions = Permissions{ReadMedia: ScopeAll, WriteMedia: ScopeNone, DeleteMedia: ScopeNone}
	// NoPermissions is a DELIVERY token's: it reads through the delivery policy only.
	NoPermissions = Permissions{ReadMedia: ScopeNone, WriteMedia: ScopeNone, DeleteMedia: ScopeNone}
)

// AccessRole is a named set of permissions that members and API tokens hold.
type AccessRole struct {
	ID          string `gorm:"primaryKey;size:40"`
	Name        string `gorm:"size:100;not null"`
	NameKey     string `gorm:"size:100;not null"`
	BuiltIn     bool   `gorm:"not null"`
	Permissions Permissions
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// TableName implements gorm's Tabler.
func (AccessRole) TableName() string { return "roles" }

// Member is a person who signs in. PasswordHash is empty until the invitation is accepted.
type Member struct {
	ID            string `gorm:"primaryKey;size:40"`
	Email         string `gorm:"size:254;not null"`
	Name          string `gorm:"size:200;not null"`
	RoleID        string `gorm:"size:40;not null"`
	PasswordHash  string
	DeactivatedAt *time.Time
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// Invitation is a one-time link to set a member's password; only a hash of its secret is stored.
type Invitation struct {
	ID        string `gorm:"primaryKey;size:40"`
	MemberID  string `gorm:"size:40;not null"`
	TokenHash []byte `gorm:"not null"`
	ExpiresAt time.Time
	UsedAt    *time.Time
	CreatedAt time.Time
}

// Session is a browser's signed-in state; the cookie holds its secret, the row only a hash of it.
type Session struct {
	ID         string `gorm:"primaryKey;size:40"`
	MemberID   string `gorm:"size:40;not null"`
	SecretHash []byte `gorm:"not null"`
	UserAgent  string
	CreatedAt  time.Time
	LastUsedAt time.Time
	ExpiresAt  time.Time
	RevokedAt  *time.Time
}

// LoginFailure counts the failed sign-ins of one key (an address or an email) since FirstAt.
type LoginFailure struct {
	Key         string `gorm:"primaryKey;size:300"`
	Count       int    `gorm:"not null"`
	FirstAt     time.Time
	LockedUntil *time.Time
}

// ListRoles returns every role, built-in ones first.
func (db *DB) ListRoles(ctx context.Context) ([]*AccessRole, error) {
	var rs []*AccessRole
	if err := db.with(ctx).Order("built_in DESC, name_key, id").Find(&rs).Error; err != nil {
		return nil, fmt.Errorf("list roles: %w", err)
	}
	return rs, nil
}

// RolesByID returns the roles among ids.
func (db *DB) RolesByID(ctx context.Context, ids []string) ([]*AccessRole, error) {
	var rs []*AccessRole
	if err := db.with(ctx).Where(inList("id", len(ids)), toAny(ids)...).Find(&rs).Error; err != nil {
		return nil, fmt.Errorf("load roles: %w", err)
	}
	return rs, nil
}

// SaveRole inserts or updates a role; ErrDuplicate when another role has its name.
func (db *DB) SaveRole(ctx context.Context, r *AccessRole) error {
	if err := db.with(ctx).Save(r).Error; err != nil {
		return fmt.Errorf("save role: %w", translate(err))
	}
	return nil
}

// ErrRoleInUse is returned when a role still held by members or tokens would be deleted.
var ErrRoleInUse = errors.New("role in use")

// DeleteRole deletes a role that nobody holds.
func (db *DB) DeleteRole(ctx context.Context, id string) error {
	var n int64
	err := db.with(ctx).Raw(`SELECT (SELECT COUNT(*) FROM members WHERE role_id = ?) + (SELECT COUNT(*) FROM api_tokens WHERE role_id = ?)`, id, id).Scan(&n).Error
	if err != nil {
		return fmt.Errorf("delete role: %w", err)
	}
	if n > 0 {
		return ErrRoleInUse
	}
	if err := db.with(ctx).Where("id = ? AND NOT built_in", id).Delete(&AccessRole{}).Error; err != nil {
		return fmt.Errorf("delete role: %w", err)
	}
	return nil
}

// CreateMember inserts a member with their invitation; ErrDuplicate when the email is taken.
func (db *DB) CreateMember(ctx context.Context, m *Member, inv *Invitation) error {
	if err := db.with(ctx).Create(m).Error; err != nil {
		return fmt.Errorf("insert member: %w", translate(err))
	}
	return db.CreateInvitation(ctx, inv)
}

// CreateInvitation inserts an invitation.
func (db *DB) CreateInvitation(ctx context.Context, inv *Invitation) error {
	if err := db.with(ctx).Create(inv).Error; err != nil {
		return fmt.Errorf("insert invitation: %w", err)
	}
	return nil
}

// SaveMember updates a member's row; ErrDuplicate when the email is taken.
func (db *DB) SaveMember(ctx context.Context, m *Member) error {
	if err := db.with(ctx).Save(m).Error; err != nil {
		return fmt.Errorf("save member: %w", translate(err))
	}
	return nil
}

// MemberByEmail finds a member by their (normalized) email.
func (db *DB) MemberByEmail(ctx context.Context, email string) (*Member, error) {
	var m Member
	if err := db.with(ctx).Where("email = ?", email).Take(&m).Error; err != nil {
		return nil, translate(err)
	}
	return &m, nil
}

// MembersByID returns the members among ids, deactivated ones included.
func (db *DB) MembersByID(ctx context.Context, ids []string) ([]*Member, error) {
	var ms []*Member
	if err := db.with(ctx).Where(inList("id", len(ids)), toAny(ids)...).Find(&ms).Error; err != nil {
		return nil, fmt.Errorf("load members: %w", err)
	}
	return ms, nil
}

// ListMembers returns every member, oldest first.
func (db *DB) ListMembers(ctx context.Context) ([]*Member, error) {
	var ms []*Member
	if err := db.with(ctx).Order("created_at, id").Find(&ms).Error; err != nil {
		return nil, fmt.Errorf("list members: %w", err)
	}
	return ms, nil
}

// CountMembers counts every member ever created.
func (db *DB) CountMembers(ctx context.Context) (int64, error) {
	var n int64
	if err := db.with(ctx).Model(&Member{}).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count members: %w", err)
	}
	return n, nil
}

// DeactivateMember marks a member deactivated and revokes all their sessions.
func (db *DB) DeactivateMember(ctx context.Context, id string, now time.Time) error {
	err := db.with(ctx).Model(&Member{}).Where("id = ? AND deactivated_at IS NULL", id).
		Updates(map[string]any{"deactivated_at": now, "updated_at": now}).Error
	if err != nil {
		return fmt.Errorf("deactivate member: %w", err)
	}
	return db.revokeSessions(ctx, "member_id = ?", id, now)
}

// InvitationByHash finds an invitation by the hash of its secret.
func (db *DB) InvitationByHash(ctx context.Context, hash []byte) (*Invitation, error) {
	var inv Invitation
	if err := db.with(ctx).Where("token_hash = ?", hash).Take(&inv).Error; err != nil {
		return nil, translate(err)
	}
	return &inv, nil
}

// ErrInvitationUsed is returned when an invitation was accepted already.
var ErrInvitationUsed = errors.New("invitation used")

// AcceptInvitation marks an invitation used and sets its member's password, once: of two requests
// racing with the same link, one wins.
func (db *DB) AcceptInvitation(ctx context.Context, inv *Invitation, passwordHash string, now time.Time) error {
	res := db.with(ctx).Model(&Invitation{}).Where("id = ? AND used_at IS NULL", inv.ID).Update("used_at", now)
	if res.Error != nil {
		return fmt.Errorf("accept invitation: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrInvitationUsed
	}
	err := db.with(ctx).Model(&Member{}).Where("id = ?", inv.MemberID).
		Updates(map[string]any{"password_hash": passwordHash, "updated_at": now}).Error
	if err != nil {
		return fmt.Errorf("set password: %w", err)
	}
	return nil
}

// CreateSession inserts a session.
func (db *DB) CreateSession(ctx context.Context, s *Session) error {
	if err := db.with(ctx).Create(s).Error; err != nil {
		return fmt.Errorf("insert session: %w", err)
	}
	return nil
}

// SignedIn is a live session with its member and the member's role, read in one query.
type SignedIn struct {
	Session Session    `gorm:"embedded;embeddedPrefix:s_"`
	Member  Member     `gorm:"embedded;embeddedPrefix:m_"`
	Role    AccessRole `gorm:"embedded;embeddedPrefix:r_"`
}

// SessionByHash finds the session of a cookie's secret with its member and role, revoked and
// expired ones included (the caller says why they no longer work).
func (db *DB) SessionByHash(ctx context.Context, hash []byte) (*SignedIn, error) {
	var rows []SignedIn
	err := db.with(ctx).Table("sessions").Select(`sessions.id AS s_id, sessions.member_id AS s_member_id,
		sessions.expires_at AS s_expires_at, sessions.revoked_at AS s_revoked_at, sessions.last_used_at AS s_last_used_at,
		members.id AS m_id, members.email AS m_email, members.name AS m_name, members.role_id AS m_role_id,
		members.deactivated_at AS m_deactivated_at, roles.id AS r_id, roles.name AS r_name, roles.built_in AS r_built_in,
		roles.permissions AS r_permissions`).
		Joins("JOIN members ON members.id = sessions.member_id").
		Joins("JOIN roles ON roles.id = members.role_id").
		Where("sessions.secret_hash = ?", hash).Limit(1).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("load session: %w", err)
	}
	if len(rows) == 0 {
		return nil, ErrNotFound
	}
	return &rows[0], nil
}

// TouchSession records that a session was used, at most once per interval so that reads stay reads.
func (db *DB) TouchSession(ctx context.Context, id string, now time.Time, interval time.Duration) error {
	err := db.with(ctx).Model(&Session{}).Where("id = ? AND last_used_at < ?", id, now.Add(-interval)).
		Update("last_used_at", now).Error
	if err != nil {
		return fmt.Errorf("touch session: %w", err)
	}
	return nil
}

// MemberSessions returns a member's live sessions, newest first.
func (db *DB) MemberSessions(ctx context.Context, memberID string, now time.Time) ([]*Session, error) {
	var ss []*Session
	err := db.with(ctx).Where("member_id = ? AND revoked_at IS NULL AND expires_at > ?", memberID, now).
		Order("created_at DESC, id DESC").Find(&ss).Error
	if err != nil {
		return nil, fmt.Errorf("list sessions: %w", err)
	}
	return ss, nil
}

// RevokeSession ends one session of a member; ErrNotFound when the member has no such live session.
func (db *DB) RevokeSession(ctx context.Context, memberID, id string, now time.Time) error {
	res := db.with(ctx).Model(&Session{}).Where("id = ? AND member_id = ? AND revoked_at IS NULL", id, memberID).Update("revoked_at", now)
	if res.Error != nil {
		return fmt.Errorf("revoke session: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}

func (db *DB) revokeSessions(ctx context.Context, where string, arg any, now time.Time) error {
	err := db.with(ctx).Model(&Session{}).Where(where+" AND revoked_at IS NULL", arg).Update("revoked_at", now).Error
	if err != nil {
		return fmt.Errorf("revoke sessions: %w", err)
	}
	return nil
}

// LoginLocked reports whether any of keys is locked out at now.
func (db *DB) LoginLocked(ctx context.Context, keys []string, now time.Time) (bool, error) {
	var n int64
	err := db.with(ctx).Model(&LoginFailure{}).Where(inList("key", len(keys)), toAny(keys)...).
		Where("locked_until > ?", now).Count(&n).Error
	if err != nil {
		return false, fmt.Errorf("check sign-in back-off: %w", err)
	}
	return n > 0, nil
}

// RecordLoginFailure counts a failed sign-in against each key; a key whose failures within window
// reach limit is locked for backoff. Counts older than the window start again.
func (db *DB) RecordLoginFailure(ctx context.Context, keys []string, now time.Time, limit int, window, backoff time.Duration) error {
	return db.write(ctx, func(tx *gorm.DB) error {
		for _, key := range keys {
			var f LoginFailure
			err := tx.Where("key = ?", key).Take(&f).Error
			switch {
			case errors.Is(err, gorm.ErrRecordNotFound):
				f = LoginFailure{Key: key, FirstAt: now}
			case err != nil:
				return fmt.Errorf("record sign-in failure: %w", err)
			case now.Sub(f.FirstAt) > window && (f.LockedUntil == nil || !f.LockedUntil.After(now)):
				f = LoginFailure{Key: key, FirstAt: now}
			}
			f.Count++
			if f.Count >= limit {
				until := now.Add(backoff)
				f.LockedUntil, f.Count, f.FirstAt = &until, 0, now
			}
			if err := tx.Save(&f).Error; err != nil {
				return fmt.Errorf("record sign-in failure: %w", err)
			}
		}
		return nil
	})
}

// ClearLoginFailures forgets the failures of key after a successful sign-in.
func (db *DB) ClearLoginFailures(ctx context.Context, key string) error {
	if err := db.with(ctx).Where("key = ?", key).Delete(&LoginFailure{}).Error; err != nil {
		return fmt.Errorf("clear sign-in failures: %w", err)
	}
	return nil
}

// SetAssetsCreator attributes the listed assets to creatorID, in one statement.
func (db *DB) SetAssetsCreator(ctx context.Context, ids []string, creatorID string) error {
	err := db.with(ctx).Model(&Asset{}).Where(inList("id", len(ids)), toAny(ids)...).Update("created_by_id", creatorID).Error
	if err != nil {
		return fmt.Errorf("set assets' creator: %w", err)
	}
	return nil
}

// ownSQL is the OWN scope: assets created by a member or an API token holding the role.
const ownSQL = `assets.created_by_id IN (SELECT id FROM members WHERE role_id = ? UNION ALL SELECT id FROM api_tokens WHERE role_id = ?)`

// own limits a query of assets to the reader's OWN scope, when it has one.
func (vis Visibility) own(g *gorm.DB) *gorm.DB {
	if vis.OwnRole == "" {
		return g
	}
	return g.Where(ownSQL, vis.OwnRole, vis.OwnRole)
}

// NodeID implements Node.
func (m *Member) NodeID() string { return m.ID }

// NodeID implements Node.
func (r *AccessRole) NodeID() string { return r.ID }

// PrincipalExists reports whether id names a member or an API token.
func (db *DB) PrincipalExists(ctx context.Context, id string) (bool, error) {
	var n int64
	err := db.with(ctx).Raw(`SELECT (SELECT COUNT(*) FROM members WHERE id = ?) + (SELECT COUNT(*) FROM api_tokens WHERE id = ?)`, id, id).Scan(&n).Error
	if err != nil {
		return false, fmt.Errorf("look up principal: %w", err)
	}
	return n > 0, nil
}

// Principal is who did something, as the API shows it: a *Member or an *APIToken.
type Principal interface{ NodeID() string }
