package models

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// CreateToken inserts a token row.
func (db *DB) CreateToken(ctx context.Context, t *APIToken) error {
	if err := db.with(ctx).Create(t).Error; err != nil {
		return fmt.Errorf("insert api token: %w", translate(err))
	}
	return nil
}

// TokenByLookupKey finds a token by the public part of its secret.
func (db *DB) TokenByLookupKey(ctx context.Context, key string) (*APIToken, error) {
	var t APIToken
	if err := db.with(ctx).Where("lookup_key = ?", key).Take(&t).Error; err != nil {
		return nil, translate(err)
	}
	return &t, nil
}

// TokensByID returns the tokens among ids, revoked ones included.
func (db *DB) TokensByID(ctx context.Context, ids []string) ([]*APIToken, error) {
	var ts []*APIToken
	if err := db.with(ctx).Where(inList("id", len(ids)), toAny(ids)...).Find(&ts).Error; err != nil {
		return nil, fmt.Errorf("load api tokens: %w", err)
	}
	return ts, nil
}

// ListTokens returns every token, oldest first.
func (db *DB) ListTokens(ctx context.Context) ([]*APIToken, error) {
	var ts []*APIToken
	if err := db.with(ctx).Order("created_at, id").Find(&ts).Error; err != nil {
		return nil, fmt.Errorf("list api tokens: %w", err)
	}
	return ts, nil
}

// CountTokens counts every token ever created.
func (db *DB) CountTokens(ctx context.Context) (int64, error) {
	var n int64
	if err := db.with(ctx).Model(&APIToken{}).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count api tokens: %w", err)
	}
	return n, nil
}

// ErrLastAdmin is returned when a revocation would leave no active ADMIN token.
var ErrLastAdmin = errors.New("the last active ADMIN token")

// RevokeToken marks a token revoked; ErrNotFound when no such token exists, ErrLastAdmin when it is
// the only active ADMIN token left. The active ADMIN rows are locked first (PostgreSQL; SQLite
// writers take turns anyway), so two admins revoking each other's tokens cannot both succeed.
func (db *DB) RevokeToken(ctx context.Context, id string) error {
	return db.write(ctx, func(tx *gorm.DB) error {
		var t APIToken
		if err := tx.Where("id = ?", id).Take(&t).Error; err != nil {
			return translate(err)
		}
		if t.RevokedAt != nil {
			return nil
		}
		if t.Role == RoleAdmin {
			var admins []string
			err := tx.Model(&APIToken{}).Clauses(clause.Locking{Strength: "UPDATE"}).
				Where("role = ? AND revoked_at IS NULL", RoleAdmin).Pluck("id", &admins).Error
			if err != nil {
				return fmt.Errorf("revoke api token: %w", err)
			}
			if len(admins) <= 1 {
				return ErrLastAdmin
			}
		}
		if err := tx.Model(&APIToken{}).Where("id = ? AND revoked_at IS NULL", id).Update("revoked_at", Now()).Error; err != nil {
			return fmt.Errorf("revoke api token: %w", err)
		}
		return nil
	})
}

// TokenRevoked reports whether the token of id is revoked or gone: the check behind every signed
// grant, one primary-key lookup.
func (db *DB) TokenRevoked(ctx context.Context, id string) (bool, error) {
	var t APIToken
	err := db.with(ctx).Select("revoked_at").Where("id = ?", id).Take(&t).Error
	if err != nil {
		if err = translate(err); errors.Is(err, ErrNotFound) {
			return true, nil
		}
		return false, fmt.Errorf("check api token: %w", err)
	}
	return t.RevokedAt != nil, nil
}

// TouchToken records that a token was used, at most once per interval so that reads stay reads.
func (db *DB) TouchToken(ctx context.Context, id string, now time.Time, interval time.Duration) error {
	err := db.with(ctx).Model(&APIToken{}).
		Where("id = ? AND (last_used_at IS NULL OR last_used_at < ?)", id, now.Add(-interval)).
		Update("last_used_at", now).Error
	if err != nil {
		return fmt.Errorf("touch api token: %w", err)
	}
	return nil
}

// Secret returns the named random secret shared by every instance, creating it on first use.
func (db *DB) Secret(ctx context.Context, name string) ([]byte, error) {
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil {
		return nil, fmt.Errorf("create secret %s: %w", name, err)
	}
	// Insert-or-ignore, then read back: when instances race, whichever row landed is the secret.
	fresh := Setting{Key: name, Value: base64.StdEncoding.EncodeToString(buf)}
	if err := db.with(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&fresh).Error; err != nil {
		return nil, fmt.Errorf("create secret %s: %w", name, err)
	}
	var s Setting
	if err := db.with(ctx).Where("key = ?", name).Take(&s).Error; err != nil {
		return nil, fmt.Errorf("load secret %s: %w", name, err)
	}
	return base64.StdEncoding.DecodeString(s.Value)
}
