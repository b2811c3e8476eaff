package loaders

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/mediagraph/mediagraph/media/access"
)

// fakeFetch answers from rows and counts its queries.
type fakeFetch struct {
	mu      sync.Mutex
	rows    map[string]string
	err     error
	queries [][]string
}

func (f *fakeFetch) fetch(_ context.Context, ids []string) (map[string]string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.queries = append(f.queries, ids)
	if f.err != nil {
		return nil, f.err
	}
	out := map[string]string{}
	for _, id := range ids {
		if v, ok := f.rows[id]; ok {
			out[id] = v
		}
	}
	return out, nil
}

type loaded struct {
	v   string
	err error
}

// loadAll loads keys at once, as the resolvers of one list do.
func loadAll(ctx context.Context, r *Relation[string], keys ...string) []loaded {
	out := make([]loaded, len(keys))
	var wg sync.WaitGroup
	for i, k := range keys {
		wg.Go(func() {
			v, err := r.Load(ctx, k)
			out[i] = loaded{v, err}
		})
	}
	wg.Wait()
	return out
}

func TestLoaderMissingKeyIsNotFoundOnItsOwn(t *testing.T) {
	f := &fakeFetch{rows: map[string]string{"a": "A", "c": "C"}}
	var siblings keyspace
	siblings.add("a", "b", "c")
	r := newRelation(&siblings, f.fetch, "asset")
	got := loadAll(context.Background(), r, "c", "b", "a")
	if got[0] != (loaded{"C", nil}) || got[2] != (loaded{"A", nil}) {
		t.Errorf("the found keys: %+v", got)
	}
	if e, ok := access.AsError(got[1].err); !ok || e.Code != access.CodeNotFound {
		t.Errorf("the missing key: %+v, want NOT_FOUND", got[1])
	}
	if len(f.queries) != 1 {
		t.Errorf("%d queries, want 1: %v", len(f.queries), f.queries)
	}
	if v, err := r.Load(context.Background(), "b"); v != "" || err == nil {
		t.Errorf("the missing key again: %q, %v", v, err)
	}
	if len(f.queries) != 1 {
		t.Errorf("a known key was fetched again: %v", f.queries)
	}
}

func TestLoaderMissingKeyOfAListIsEmpty(t *testing.T) {
	f := &fakeFetch{rows: map[string]string{"a": "A"}}
	r := newRelation(&keyspace{}, f.fetch, "")
	got := loadAll(context.Background(), r, "a", "b")
	if got[0] != (loaded{"A", nil}) || got[1] != (loaded{"", nil}) {
		t.Errorf("got %+v", got)
	}
}

func TestLoaderFailedBatchFailsEachKeyAndIsRetried(t *testing.T) {
	boom := errors.New("database gone")
	f := &fakeFetch{rows: map[string]string{"a": "A", "b": "B"}, err: boom}
	r := newRelation(&keyspace{}, f.fetch, "asset")
	for i, l := range loadAll(context.Background(), r, "a", "b") {
		if !errors.Is(l.err, boom) {
			t.Errorf("key %d: %+v, want the batch's error", i, l)
		}
	}
	f.err = nil
	if v, err := r.Load(context.Background(), "b"); v != "B" || err != nil {
		t.Errorf("after the failure: %q, %v", v, err)
	}
}

func TestLoaderDoesNotQueryOnCancelledContext(t *testing.T) {
	f := &fakeFetch{rows: map[string]string{"a": "A"}}
	r := newRelation(&keyspace{}, f.fetch, "asset")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := r.Load(ctx, "a"); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if len(f.queries) != 0 {
		t.Errorf("queried on a cancelled context: %v", f.queries)
	}
}

func TestLoaderAnnouncingFetchAddsSiblings(t *testing.T) {
	var found keyspace
	f := &fakeFetch{rows: map[string]string{"a": "x", "b": "y"}}
	r := newRelation(&keyspace{}, announcing(f.fetch, func(v string) { found.add(v) }), "")
	loadAll(context.Background(), r, "a", "b")
	if got := found.list(); len(got) != 2 {
		t.Errorf("announced %v, want x and y", got)
	}
}
