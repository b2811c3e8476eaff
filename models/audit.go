package models

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// AuditQuery selects events of the audit log; empty fields select everything.
type AuditQuery struct {
	AssetIDs []string
	TokenID  *string
	Kinds    []string
	From, To *time.Time
}

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// AuditEvents returns up to limit events matching q, newest first, older than sequence number before
// (0: from the newest).
func (db *DB) AuditEvents(ctx context.Context, q AuditQuery, limit int, before int64) ([]Event, error) {
	tx := db.with(ctx).Order("seq DESC").Limit(limit)
	if before > 0 {
		tx = tx.Where("seq < ?", before)
	}
	if len(q.AssetIDs) > 0 {
		// asset_ids is a JSON array of ids: each id appears in it quoted.
		conds := make([]string, len(q.AssetIDs))
		args := make([]any, len(q.AssetIDs))
		for i, id := range q.AssetIDs {
			conds[i] = `asset_ids LIKE ? ESCAPE '\'`
			args[i] = `%"` + likeEscaper.Replace(id) + `"%`
		}
		tx = tx.Where("("+strings.Join(conds, " OR ")+")", args...)
	}
	if q.TokenID != nil {
		tx = tx.Where("token_id = ?", *q.TokenID)
	}
	if len(q.Kinds) > 0 {
		tx = tx.Where(inList("kind", len(q.Kinds)), toAny(q.Kinds)...)
	}
	if q.From != nil {
		tx = tx.Where("created_at >= ?", q.From.UTC())
	}
	if q.To != nil {
		tx = tx.Where("created_at < ?", q.To.UTC())
	}
	var es []Event
	if err := tx.Find(&es).Error; err != nil {
		return nil, fmt.Errorf("read audit log: %w", err)
	}
	return es, nil
}

// SweepEvents deletes the delivered events recorded before cutoff; it returns how many.
func (db *DB) SweepEvents(ctx context.Context, cutoff time.Time) (int, error) {
	res := db.with(ctx).Where("delivered_at IS NOT NULL AND created_at < ?", cutoff).Delete(&Event{})
	if res.Error != nil {
		return 0, fmt.Errorf("sweep events: %w", res.Error)
	}
	return int(res.RowsAffected), nil
}
