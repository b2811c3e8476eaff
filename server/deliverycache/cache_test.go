package deliverycache

import (
	"bytes"
	"context"
	"crypto/sha256"
	"testing"
	"time"
)

func key(s string) [sha256.Size]byte { return sha256.Sum256([]byte(s)) }

// fakeCatalogue has a fixed generation and availability boundaries, and counts boundary lookups.
type fakeCatalogue struct {
	generation int64
	boundaries []time.Time
	lookups    int
}

func (f *fakeCatalogue) Generation(context.Context) (int64, error) { return f.generation, nil }

func (f *fakeCatalogue) NextAvailabilityChange(_ context.Context, t time.Time) (time.Time, error) {
	f.lookups++
	for _, b := range f.boundaries {
		if b.After(t) {
			return b, nil
		}
	}
	return time.Time{}, nil
}

// The cache stays within its byte budget by dropping the least recently used responses.
func TestCacheEvictsLeastRecentlyUsedWithinBudget(t *testing.T) {
	c := New(3*entryOverhead+250, &fakeCatalogue{})
	body := bytes.Repeat([]byte("x"), 100)
	c.put(&entry{key: key("a"), body: body})
	c.put(&entry{key: key("b"), body: body})
	if c.get(key("a"), 0, time.Time{}) == nil { // a is now the most recently used
		t.Fatal("a missing")
	}
	c.put(&entry{key: key("c"), body: body})
	if c.get(key("b"), 0, time.Time{}) != nil {
		t.Error("b, the least recently used, survived past the budget")
	}
	if c.get(key("a"), 0, time.Time{}) == nil || c.get(key("c"), 0, time.Time{}) == nil {
		t.Error("a or c evicted")
	}
	if c.bytes > c.maxBytes || c.Len() != 2 {
		t.Errorf("%d bytes in %d entries, budget %d", c.bytes, c.Len(), c.maxBytes)
	}
	c.put(&entry{key: key("huge"), body: bytes.Repeat([]byte("x"), c.maxBytes)})
	if c.get(key("huge"), 0, time.Time{}) != nil || c.Len() != 2 {
		t.Error("an entry larger than the budget was kept")
	}
}

// An entry of another generation is stale: dropped, never served.
func TestCacheDropsOtherGenerations(t *testing.T) {
	c := New(1000, nil)
	c.put(&entry{key: key("q"), generation: 7, body: []byte("{}")})
	if c.get(key("q"), 8, time.Time{}) != nil {
		t.Error("served an answer of generation 7 at generation 8")
	}
	if c.Len() != 0 || c.bytes != 0 {
		t.Errorf("stale entry kept: %d entries, %d bytes", c.Len(), c.bytes)
	}
}

// Tiny entries are charged their overhead: the budget bounds their number too.
func TestCacheChargesOverhead(t *testing.T) {
	c := New(10*entryOverhead, nil)
	for i := range 100 {
		c.put(&entry{key: key(string(rune('a' + i))), body: []byte("{}")})
	}
	if c.Len() >= 10 || c.bytes > c.maxBytes {
		t.Errorf("%d tiny entries in %d bytes, budget %d", c.Len(), c.bytes, c.maxBytes)
	}
}

// An entry lives until the availability boundary it was stored under; the boundary is looked up once
// per generation, and again once the clock passes it.
func TestCacheDropsEntriesAtTheNextAvailabilityBoundary(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	cat := &fakeCatalogue{generation: 3, boundaries: []time.Time{t0.Add(5 * time.Second), t0.Add(time.Hour)}}
	c := New(10000, cat)
	clock := t0
	ctx := context.Background()
	next, err := c.nextBoundary(ctx, 3, clock)
	if err != nil || !next.Equal(t0.Add(5*time.Second)) {
		t.Fatalf("next boundary %v, %v", next, err)
	}
	c.put(&entry{key: key("q"), generation: 3, expires: next, body: []byte("{}")})
	clock = t0.Add(4 * time.Second)
	if c.get(key("q"), 3, clock) == nil {
		t.Fatal("dropped before the boundary")
	}
	if next, _ := c.nextBoundary(ctx, 3, clock); !next.Equal(t0.Add(5*time.Second)) || cat.lookups != 1 {
		t.Errorf("before the boundary: next %v after %d lookups, want the same boundary from one lookup", next, cat.lookups)
	}
	clock = t0.Add(5 * time.Second)
	if c.get(key("q"), 3, clock) != nil || c.Len() != 0 {
		t.Error("served at the boundary")
	}
	if next, _ := c.nextBoundary(ctx, 3, clock); !next.Equal(t0.Add(time.Hour)) || cat.lookups != 2 {
		t.Errorf("past the boundary: next %v after %d lookups, want the following one", next, cat.lookups)
	}
	if next, _ := c.nextBoundary(ctx, 4, clock); cat.lookups != 3 || !next.Equal(t0.Add(time.Hour)) {
		t.Errorf("a new generation did not look the boundary up again (%d lookups)", cat.lookups)
	}
}
