package membudget

import (
	"bytes"
	"context"
	"math"
	"path/filepath"
	"runtime/debug"
	"testing"

	"github.com/mediagraph/mediagraph/storage"
	"github.com/mediagraph/mediagraph/storage/disk"
)

// restoreLimit puts back the process's soft memory limit when the test ends.
func restoreLimit(t testing.TB) {
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })
}

func currentLimit() int64 { return debug.SetMemoryLimit(-1) }

func TestLimitFollowsTheBytesHeld(t *testing.T) {
	restoreLimit(t)
	t.Setenv("GOMEMLIMIT", "")
	debug.SetMemoryLimit(math.MaxInt64)
	const headroom = 40 << 20
	tr := NewTracker(headroom)
	analysis, spool := New(512<<20, tr), New(64<<20, tr)
	if err := analysis.Acquire(context.Background(), 100<<20); err != nil {
		t.Fatal(err)
	}
	if got := currentLimit(); got != math.MaxInt64 {
		t.Fatalf("before Start the limit is %d, want it untouched", got)
	}
	if limit, set := tr.Start(); !set || limit != headroom+100<<20 {
		t.Fatalf("Start = %d, %v; want %d, true: the headroom and what is held already", limit, set, headroom+100<<20)
	}
	if !spool.TryAcquire(8 << 20) {
		t.Fatal("TryAcquire refused bytes that are free")
	}
	if got, want := currentLimit(), int64(headroom+108<<20); got != want {
		t.Fatalf("after acquiring 8 MiB more the limit is %d, want %d", got, want)
	}
	analysis.Release(100 << 20)
	if got, want := currentLimit(), int64(headroom+8<<20); got != want {
		t.Fatalf("after releasing 100 MiB the limit is %d, want %d", got, want)
	}
	if spool.TryAcquire(64 << 20) {
		t.Fatal("TryAcquire took more than the budget has free")
	}
	if got, want := currentLimit(), int64(headroom+8<<20); got != want {
		t.Fatalf("a refused TryAcquire moved the limit to %d, want %d", got, want)
	}
	spool.Release(8 << 20)
	if got := currentLimit(); got != headroom {
		t.Fatalf("with nothing held the limit is %d, want the headroom %d", got, headroom)
	}
}

func TestReadHoldsTheSizeUntilRelease(t *testing.T) {
	restoreLimit(t)
	t.Setenv("GOMEMLIMIT", "")
	tr := NewTracker(40 << 20)
	tr.Start()
	store, err := disk.New(filepath.Join(t.TempDir(), "store"), "http://localhost", []byte("key"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Put(context.Background(), "k", bytes.NewReader(make([]byte, 1<<20)), storage.PutOptions{}); err != nil {
		t.Fatal(err)
	}
	b := New(8<<20, tr)
	buf, release, err := b.Read(context.Background(), store, "k", 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if len(buf) != 1<<20 {
		t.Fatalf("read %d bytes, want %d", len(buf), 1<<20)
	}
	if got, want := currentLimit(), int64(41<<20); got != want {
		t.Fatalf("while the object is held the limit is %d, want %d", got, want)
	}
	release()
	if got, want := currentLimit(), int64(40<<20); got != want {
		t.Fatalf("after release the limit is %d, want %d", got, want)
	}
}

func TestStartLeavesAnExplicitGOMEMLIMIT(t *testing.T) {
	restoreLimit(t)
	t.Setenv("GOMEMLIMIT", "300MiB")
	debug.SetMemoryLimit(300 << 20) // what the runtime read from GOMEMLIMIT at start
	tr := NewTracker(40 << 20)
	b := New(512<<20, tr)
	limit, set := tr.Start()
	if set || limit != 300<<20 {
		t.Fatalf("Start = %d, %v; want the environment's %d, false", limit, set, 300<<20)
	}
	if !b.TryAcquire(100 << 20) {
		t.Fatal("TryAcquire refused bytes that are free")
	}
	defer b.Release(100 << 20)
	if got := currentLimit(); got != 300<<20 {
		t.Fatalf("the runtime's limit is %d, want GOMEMLIMIT's %d", got, 300<<20)
	}
}

// BenchmarkTrackedAcquireRelease is the price of the limit following an acquire and its release.
func BenchmarkTrackedAcquireRelease(b *testing.B) {
	restoreLimit(b)
	b.Setenv("GOMEMLIMIT", "")
	tr := NewTracker(40 << 20)
	tr.Start()
	budget := New(512<<20, tr)
	for b.Loop() {
		budget.TryAcquire(8 << 20)
		budget.Release(8 << 20)
	}
}
