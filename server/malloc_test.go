package server

import (
	"runtime"
	"testing"
)

// TestMallocArenasAreLimited: on Linux glibc takes the arena limit TuneRuntime asks for.
func TestMallocArenasAreLimited(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("arenas are glibc's")
	}
	if !limitMallocArenas(mallocArenas) {
		t.Fatal("mallopt(M_ARENA_MAX) was refused or is not built in")
	}
}
