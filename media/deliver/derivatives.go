package deliver

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"sync"
	"time"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/catalogue"
	"github.com/mediagraph/mediagraph/media/imageurl"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/storage"
)

// Derived is a stored transform of an asset, as editors see it.
type Derived struct {
	URL          string
	Spec         string
	Format       string
	Width        *int
	Height       *int
	Size         int64
	CreatedAt    time.Time
	LastServedAt *time.Time
}

// DerivedPage is a page of an asset's stored transforms.
type DerivedPage struct {
	Nodes      []*Derived
	PageInfo   catalogue.PageInfo
	TotalCount int
}

// Bounds of a page of derivatives.
const (
	defaultDerivedPage = 20
	maxDerivedPage     = 100
)

// Derivatives lists the stored transforms of an asset, in a stable order, with the URLs that serve them.
func (s *Service) Derivatives(ctx context.Context, a *models.Asset, first *int, after *string) (*DerivedPage, error) {
	if _, err := access.Authorize(ctx, access.Write); err != nil {
		return nil, err
	}
	n := defaultDerivedPage
	if first != nil {
		if *first < 0 || *first > maxDerivedPage {
			return nil, access.Invalid("first", "first is 0 to %d", maxDerivedPage)
		}
		n = *first
	}
	from := ""
	if after != nil {
		key, err := base64.RawURLEncoding.DecodeString(*after)
		if err != nil {
			return nil, access.Invalid("after", "the cursor is invalid: use a cursor from this list's pageInfo")
		}
		from = string(key)
	}
	rows, err := s.db.DerivativesOf(ctx, a.ID, from, n+1)
	if err != nil {
		return nil, err
	}
	total, err := s.db.CountDerivatives(ctx, a.ID)
	if err != nil {
		return nil, err
	}
	page := &DerivedPage{TotalCount: int(total), PageInfo: catalogue.PageInfo{HasNextPage: len(rows) > n, HasPreviousPage: after != nil}}
	rows = rows[:min(n, len(rows))]
	for _, d := range rows {
		page.Nodes = append(page.Nodes, s.derived(a, d))
	}
	if len(rows) > 0 {
		start, end := base64.RawURLEncoding.EncodeToString([]byte(rows[0].ObjectKey)), base64.RawURLEncoding.EncodeToString([]byte(rows[len(rows)-1].ObjectKey))
		page.PageInfo.StartCursor, page.PageInfo.EndCursor = &start, &end
	}
	return page, nil
}

// derived describes a stored transform; its URL is the versioned transform URL that serves it.
func (s *Service) derived(a *models.Asset, d *models.Derivative) *Derived {
	out := &Derived{Spec: d.Params, Format: d.Format, Width: d.Width, Height: d.Height, Size: d.Size, CreatedAt: d.CreatedAt, LastServedAt: d.LastServedAt}
	q, err := url.ParseQuery(d.Params)
	if err != nil {
		return out
	}
	params, _, err := imageurl.ParseImageParams(q)
	if err != nil {
		return out // recorded before its parameters were: no URL names it
	}
	at := *a
	at.Version = d.Version
	out.URL = s.urls.AssetURL(imageurl.VersionPath(&at), params, imageurl.URLOptions{})
	return out
}

// PurgeDerivatives deletes every stored transform of the assets (at most 500): they are made again
// when next asked for. It returns how many it deleted.
func (s *Service) PurgeDerivatives(ctx context.Context, ids []string) (int, error) {
	if _, err := access.Authorize(ctx, access.Write); err != nil {
		return 0, err
	}
	if len(ids) > maxPurgeIDs {
		return 0, access.Invalid("ids", "at most %d assets per call", maxPurgeIDs)
	}
	keys, err := s.db.TakeDerivativesOf(ctx, ids)
	if err != nil {
		return 0, err
	}
	storage.Discard(ctx, s.store, keys, s.log)
	return len(keys), nil
}

const maxPurgeIDs = 500

// PruneDerivatives deletes the stored transforms neither made nor served since cutoff, in batches,
// and returns how many it deleted. The served times it has not written yet are written first.
func (s *Service) PruneDerivatives(ctx context.Context, cutoff time.Time) (int, error) {
	if err := s.FlushServed(ctx); err != nil {
		return 0, err
	}
	total := 0
	for {
		keys, err := s.db.TakeUnservedDerivatives(ctx, cutoff, sweepBatch)
		if err != nil {
			return total, err
		}
		storage.Discard(ctx, s.store, keys, s.log)
		total += len(keys)
		if len(keys) < sweepBatch {
			return total, nil
		}
	}
}

// servedLog gathers the stored transforms served since it was last written, so that serving one
// costs no write: they are written together, each at most once a day.
type servedLog struct {
	mu      sync.Mutex
	pending map[string]bool
	// written is when each key was last written, to skip it for a day; cleared daily, it holds at
	// most a day's served keys.
	written   map[string]time.Time
	flushedAt time.Time
	cleared   time.Time
}

// Served-time bookkeeping: flushed at least this often while transforms are served, or sooner when this
// many are waiting.
const (
	servedFlushInterval = time.Minute
	servedFlushSize     = 500
	servedPrecision     = 24 * time.Hour
)

func newServedLog() *servedLog {
	now := time.Now()
	return &servedLog{pending: map[string]bool{}, written: map[string]time.Time{}, flushedAt: now, cleared: now}
}

// note records a serving of key, and reports whether the log is due to be written.
func (l *servedLog) note(key string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if at, ok := l.written[key]; !ok || now.Sub(at) >= servedPrecision {
		l.pending[key] = true
	}
	return len(l.pending) >= servedFlushSize || (len(l.pending) > 0 && now.Sub(l.flushedAt) >= servedFlushInterval)
}

// take empties the pending keys, marking them written at now.
func (l *servedLog) take(now time.Time) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.cleared) >= servedPrecision {
		clear(l.written)
		l.cleared = now
	}
	keys := make([]string, 0, len(l.pending))
	for k := range l.pending {
		keys = append(keys, k)
		l.written[k] = now
	}
	clear(l.pending)
	l.flushedAt = now
	return keys
}

// FlushServed writes the served times gathered so far, in batches.
func (s *Service) FlushServed(ctx context.Context) error {
	now := models.Now()
	keys := s.served.take(now)
	var errs []error
	for start := 0; start < len(keys); start += servedFlushSize {
		if err := s.db.TouchDerivatives(ctx, keys[start:min(start+servedFlushSize, len(keys))], now); err != nil {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("flush served transforms: %w", err)
	}
	return nil
}

// noteServed records that a stored transform was served, writing the log in the background when due.
func (s *Service) noteServed(key string) {
	if s.served.note(key, time.Now()) {
		s.background.run(func() {
			if err := s.FlushServed(context.Background()); err != nil {
				s.log.Error("record served transforms", "err", err)
			}
		})
	}
}
