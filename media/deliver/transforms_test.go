package deliver

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/imaging"
)

func rateLimited(err error) bool {
	var e *access.Error
	return errors.As(err, &e) && e.Code == access.CodeRateLimited
}

// A burst of transforms neither runs more at once than there are slots, nor lets one client queue
// without bound: the excess is told RATE_LIMITED, and identical requests share one run.
func TestTransformLimits(t *testing.T) {
	tr := newTransforms(2, 3, 100*time.Millisecond)
	release := make(chan struct{})
	var running, runs atomic.Int64
	work := func(context.Context) ([]byte, error) {
		runs.Add(1)
		running.Add(1)
		<-release
		return []byte("done"), nil
	}
	ctx := context.Background()
	var wg sync.WaitGroup
	results := map[string]error{}
	var mu sync.Mutex
	launch := func(name, client, key string) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := tr.make(ctx, client, key, work)
			if err == nil && string(out) != "done" {
				err = errors.New("wrong result")
			}
			mu.Lock()
			results[name] = err
			mu.Unlock()
		}()
	}
	waitFor := func(what string, cond func() bool) {
		deadline := time.Now().Add(5 * time.Second)
		for !cond() {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s", what)
			}
			time.Sleep(time.Millisecond)
		}
	}
	launch("a1", "a", "k1")
	launch("a2", "a", "k2")
	waitFor("two transforms running", func() bool { return running.Load() == 2 })
	launch("a3", "a", "k3") // waits for a slot
	waitFor("a third request of client a", func() bool { tr.clients.mu.Lock(); defer tr.clients.mu.Unlock(); return tr.clients.n["a"] == 3 })
	if _, err := tr.make(ctx, "a", "k4", work); !rateLimited(err) {
		t.Errorf("client a's fourth transform: %v, want RATE_LIMITED at once", err)
	}
	launch("b1", "b", "k1") // the same result as a1: shares its run
	launch("b2", "b", "k1")
	waitFor("a3 to time out in the queue", func() bool { mu.Lock(); defer mu.Unlock(); _, ok := results["a3"]; return ok })
	close(release)
	wg.Wait()
	for name, err := range results {
		if name == "a3" {
			if !rateLimited(err) {
				t.Errorf("a3 waited past the queue timeout: %v, want RATE_LIMITED", err)
			}
		} else if err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if runs.Load() != 2 {
		t.Errorf("%d runs, want 2 (k1 shared by three requests, k2)", runs.Load())
	}
	if len(tr.clients.n) != 0 {
		t.Errorf("clients still counted after their requests: %v", tr.clients.n)
	}
}

// A client that hangs up still counts until the work it started ends: hanging up is no way around
// the per-client limit.
func TestTransformLimitsOutliveTheRequest(t *testing.T) {
	tr := newTransforms(1, 1, time.Second)
	release := make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		_, err := tr.make(ctx, "a", "k1", func(context.Context) ([]byte, error) { <-release; return []byte("x"), nil })
		done <- err
	}()
	time.Sleep(20 * time.Millisecond) // the work has started (or waits for the one slot)
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled request: %v", err)
	}
	if _, err := tr.make(context.Background(), "a", "k2", func(context.Context) ([]byte, error) { return nil, nil }); !rateLimited(err) {
		t.Errorf("while its first transform runs, the client's second: %v, want RATE_LIMITED", err)
	}
	close(release)
	deadline := time.Now().Add(5 * time.Second)
	for {
		tr.clients.mu.Lock()
		n := tr.clients.n["a"]
		tr.clients.mu.Unlock()
		if n == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the client is still counted after its work ended")
		}
		time.Sleep(time.Millisecond)
	}
}

// Identical requests share one run, which goes on while any of them waits and stops once the last
// one has gone; a later request then starts afresh.
func TestTransformStopsWhenNoWaiterRemains(t *testing.T) {
	tr := newTransforms(1, 4, time.Second)
	started, stopped := make(chan struct{}, 2), make(chan struct{}, 2)
	work := func(ctx context.Context) ([]byte, error) {
		started <- struct{}{}
		<-ctx.Done()
		stopped <- struct{}{}
		return nil, ctx.Err()
	}
	first, cancelFirst := context.WithCancel(context.Background())
	second, cancelSecond := context.WithCancel(context.Background())
	errs := make(chan error, 2)
	go func() { _, err := tr.make(first, "a", "k", work); errs <- err }()
	<-started
	go func() { _, err := tr.make(second, "b", "k", work); errs <- err }()
	for {
		tr.mu.Lock()
		n := tr.calls["k"].waiters
		tr.mu.Unlock()
		if n == 2 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	cancelFirst()
	if err := <-errs; !errors.Is(err, context.Canceled) {
		t.Fatalf("first request: %v", err)
	}
	select {
	case <-stopped:
		t.Fatal("the work stopped while a request still waited on it")
	case <-time.After(50 * time.Millisecond):
	}
	cancelSecond()
	<-errs
	<-stopped // the last waiter gone, the work ends
	out, err := tr.make(context.Background(), "c", "k", func(context.Context) ([]byte, error) { return []byte("new"), nil })
	if err != nil || string(out) != "new" {
		t.Fatalf("a later request got %q, %v; want a run of its own", out, err)
	}
}

// The reason recorded for damage starts at the phrase that names it, and is that phrase alone when a
// wrapping error worded it otherwise, rather than a panic.
func TestDamageReason(t *testing.T) {
	named := fmt.Errorf("transform: encode webp: %w: VipsJpeg: Corrupt JPEG data", imaging.ErrDamaged)
	if got, want := damageReason(named), "the image data is damaged: VipsJpeg: Corrupt JPEG data"; got != want {
		t.Errorf("damageReason = %q, want %q", got, want)
	}
	if got := damageReason(reworded{}); got != imaging.ErrDamaged.Error() {
		t.Errorf("damageReason = %q, want the phrase alone", got)
	}
}

// reworded is damage in other words.
type reworded struct{}

func (reworded) Error() string { return "pixels unreadable" }
func (reworded) Unwrap() error { return imaging.ErrDamaged }
