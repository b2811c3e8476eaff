package notify

import (
	"context"
	"strconv"
	"time"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
)

// Audit log limits.
const (
	maxAuditPage   = 500
	maxAuditAssets = 100
)

// Audit answers who changed what, from the events of the outbox, which keep their token and, for
// updates, the fields they changed; it keeps them for a retention.
type Audit struct {
	db        *models.DB
	retention time.Duration
}

// NewAudit returns the audit log, keeping events for retention.
func NewAudit(db *models.DB, retention time.Duration) *Audit {
	return &Audit{db: db, retention: retention}
}

// AuditFilter selects audit entries; empty fields select everything.
type AuditFilter struct {
	AssetIDs []string
	Actor    *string
	Events   []string
	From, To *time.Time
}

// Log returns a page of the audit log, newest first (ADMIN and EDITOR); after is a page's end cursor.
func (a *Audit) Log(ctx context.Context, f AuditFilter, first *int, after *string) ([]models.Event, bool, error) {
	if _, err := access.Authorize(ctx, access.Write); err != nil {
		return nil, false, err
	}
	if access.ReadScope(ctx).OwnRole != "" {
		return nil, false, access.NewError(access.CodeForbidden, "the audit log covers every asset: your role reads only its own media")
	}
	n := 50
	if first != nil {
		n = *first
	}
	if n < 0 || n > maxAuditPage {
		return nil, false, access.Invalid("first", "between 0 and %d", maxAuditPage)
	}
	if len(f.AssetIDs) > maxAuditAssets {
		return nil, false, access.Invalid("filter.assetIds", "at most %d assets", maxAuditAssets)
	}
	var before int64
	if after != nil {
		seq, err := strconv.ParseInt(*after, 10, 64)
		if err != nil || seq <= 0 {
			return nil, false, access.Invalid("after", "the cursor is invalid: use a page's pageInfo.endCursor")
		}
		before = seq
	}
	q := models.AuditQuery{AssetIDs: f.AssetIDs, TokenID: f.Actor, Kinds: f.Events, From: f.From, To: f.To}
	es, err := a.db.AuditEvents(ctx, q, n+1, before)
	if err != nil {
		return nil, false, err
	}
	if len(es) > n {
		return es[:n], true, nil
	}
	return es, false, nil
}

// Cursor is the cursor after an entry.
func Cursor(e models.Event) string { return strconv.FormatInt(e.Seq, 10) }

// Sweep deletes events older than the retention once they are delivered, for a periodic job.
func (a *Audit) Sweep(ctx context.Context) (int, error) {
	return a.db.SweepEvents(ctx, models.Now().Add(-a.retention))
}
