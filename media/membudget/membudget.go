// Package membudget bounds the bytes held in memory at once by work that reads whole files — intake's
// analysis and delivery's transforms share one budget, so that together they stay within it — and keeps
// Go's soft memory limit at what the budgets hold at the moment plus a headroom.
package membudget

import (
	"context"
	"fmt"
	"io"

	"golang.org/x/sync/semaphore"

	"github.com/mediagraph/mediagraph/storage"
)

// Budget is a number of bytes that may be held in memory at once.
type Budget struct {
	sem     *semaphore.Weighted
	total   int64
	tracker *Tracker
}

// New returns a budget of n bytes whose holdings are reported to t (nil: to nobody).
func New(n int64, t *Tracker) *Budget {
	return &Budget{sem: semaphore.NewWeighted(n), total: n, tracker: t}
}

// Total is the whole budget: what its users divide between them.
func (b *Budget) Total() int64 { return b.total }

// Acquire takes n bytes of the budget, waiting until they are free or ctx ends.
func (b *Budget) Acquire(ctx context.Context, n int64) error {
	if err := b.sem.Acquire(ctx, n); err != nil {
		return err
	}
	b.tracker.add(n)
	return nil
}

// TryAcquire takes n bytes of the budget if they are free now.
func (b *Budget) TryAcquire(n int64) bool {
	if !b.sem.TryAcquire(n) {
		return false
	}
	b.tracker.add(n)
	return true
}

// Release gives back n bytes taken before.
func (b *Budget) Release(n int64) {
	// The limit drops before others may take the bytes, so it never counts them twice.
	b.tracker.add(-n)
	b.sem.Release(n)
}

// Read reads the stored object of key, of size bytes, into memory once the budget allows it;
// release gives the memory back.
func (b *Budget) Read(ctx context.Context, store storage.Store, key string, size int64) (buf []byte, release func(), err error) {
	if err := b.Acquire(ctx, size); err != nil {
		return nil, nil, err
	}
	release = func() { b.Release(size) }
	buf, err = ReadObject(ctx, store, key, size)
	if err != nil {
		release()
		return nil, nil, err
	}
	return buf, release, nil
}

// ReadObject reads the stored object of key, of size bytes, into memory that the caller has taken
// from a budget already, together with what else it needs.
func ReadObject(ctx context.Context, store storage.Store, key string, size int64) ([]byte, error) {
	o, err := store.Open(ctx, key)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", key, err)
	}
	defer o.Close()
	buf := make([]byte, size)
	if _, err := io.ReadFull(o, buf); err != nil {
		return nil, fmt.Errorf("read %s: %w", key, err)
	}
	return buf, nil
}
