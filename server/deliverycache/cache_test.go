package deliverycache

import (
	"bytes"
	"context"
	"crypto/sha256"
	"testing"
)

func key(s string) [sha256.Size]byte { return sha256.Sum256([]byte(s)) }

// The cache stays within its byte budget by dropping the least recently used responses.
func TestCacheEvictsLeastRecentlyUsedWithinBudget(t *testing.T) {
	c := New(3*entryOverhead+250, func(context.Context) (int64, error) { return 0, nil })
	body := bytes.Repeat([]byte("x"), 100)
	c.put(&entry{key: key("a"), body: body})
	c.put(&entry{key: key("b"), body: body})
	if c.get(key("a"), 0) == nil { // a is now the most recently used
		t.Fatal("a missing")
	}
	c.put(&entry{key: key("c"), body: body})
	if c.get(key("b"), 0) != nil {
		t.Error("b, the least recently used, survived past the budget")
	}
	if c.get(key("a"), 0) == nil || c.get(key("c"), 0) == nil {
		t.Error("a or c evicted")
	}
	if c.bytes > c.maxBytes || c.Len() != 2 {
		t.Errorf("%d bytes in %d entries, budget %d", c.bytes, c.Len(), c.maxBytes)
	}
	c.put(&entry{key: key("huge"), body: bytes.Repeat([]byte("x"), c.maxBytes)})
	if c.get(key("huge"), 0) != nil || c.Len() != 2 {
		t.Error("an entry larger than the budget was kept")
	}
}

// An entry of another generation is stale: dropped, never served.
func TestCacheDropsOtherGenerations(t *testing.T) {
	c := New(1000, nil)
	c.put(&entry{key: key("q"), generation: 7, body: []byte("{}")})
	if c.get(key("q"), 8) != nil {
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
