package membudget

import (
	"math"
	"runtime/debug"
	"testing"
)

// restoreLimit puts back the process's soft memory limit when the test ends.
func restoreLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })
}

func TestSoftLimitIsBudgetSpoolAndHeadroom(t *testing.T) {
	restoreLimit(t)
	t.Setenv("GOMEMLIMIT", "")
	debug.SetMemoryLimit(math.MaxInt64)
	limit, set := SoftLimit(New(512<<20), 64<<20, 40<<20)
	if want := int64(616 << 20); !set || limit != want {
		t.Fatalf("SoftLimit = %d, %v; want %d, true", limit, set, want)
	}
	if got := debug.SetMemoryLimit(-1); got != 616<<20 {
		t.Fatalf("the runtime's limit is %d, want %d", got, 616<<20)
	}
}

func TestSoftLimitLeavesAnExplicitGOMEMLIMIT(t *testing.T) {
	restoreLimit(t)
	t.Setenv("GOMEMLIMIT", "300MiB")
	debug.SetMemoryLimit(300 << 20) // what the runtime read from GOMEMLIMIT at start
	limit, set := SoftLimit(New(512<<20), 64<<20, 40<<20)
	if set || limit != 300<<20 {
		t.Fatalf("SoftLimit = %d, %v; want the environment's %d, false", limit, set, 300<<20)
	}
	if got := debug.SetMemoryLimit(-1); got != 300<<20 {
		t.Fatalf("the runtime's limit is %d, want GOMEMLIMIT's %d", got, 300<<20)
	}
}
