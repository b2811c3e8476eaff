// Package membudget bounds the bytes held in memory at once by work that reads whole files — intake's
// analysis and delivery's transforms share one budget, so that together they stay within it.
package membudget

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"golang.org/x/sync/semaphore"

	"github.com/mediagraph/mediagraph/storage"
)

// Budget is a number of bytes that may be held in memory at once.
type Budget struct {
	sem   *semaphore.Weighted
	total int64
}

// New returns a budget of n bytes.
func New(n int64) *Budget { return &Budget{sem: semaphore.NewWeighted(n), total: n} }

// Total is the whole budget: what its users divide between them.
func (b *Budget) Total() int64 { return b.total }

// Acquire takes n bytes of the budget, waiting until they are free or ctx ends.
func (b *Budget) Acquire(ctx context.Context, n int64) error { return b.sem.Acquire(ctx, n) }

// TryAcquire takes n bytes of the budget if they are free now.
func (b *Budget) TryAcquire(n int64) bool { return b.sem.TryAcquire(n) }

// Release gives back n bytes taken before.
func (b *Budget) Release(n int64) { b.sem.Release(n) }

// Read reads the stored object of key, of size bytes, into memory once the budget allows it;
// release gives the memory back.
func (b *Budget) Read(ctx context.Context, store storage.Store, key string, size int64) (buf []byte, release func(), err error) {
	if err := b.sem.Acquire(ctx, size); err != nil {
		return nil, nil, err
	}
	release = func() { b.sem.Release(size) }
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

// SoftLimit sets the Go runtime's soft memory limit to the bytes the service holds in memory on purpose
// — the budget b and the upload spool's spool bytes — plus headroom for the rest of the heap. Without
// it the heap may grow to twice (GOGC) its live size, and with file-sized buffers live that is hundreds
// of megabytes the process never gives back; near the limit the collector runs sooner instead. An
// explicit GOMEMLIMIT wins: then nothing is set, and set is false.
func SoftLimit(b *Budget, spool, headroom int64) (limit int64, set bool) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return debug.SetMemoryLimit(-1), false
	}
	limit = b.Total() + spool + headroom
	debug.SetMemoryLimit(limit)
	return limit, true
}
