package gqlhttp

import (
	"bytes"
	"os"
	"runtime"
	"runtime/debug"
	"testing"

	"golang.org/x/sync/semaphore"
)

func spoolForm(t *testing.T) multipartForm {
	return multipartForm{maxFileBytes: 64 << 20, maxFiles: 1, tempDir: t.TempDir(), memory: semaphore.NewWeighted(SpoolMemory)}
}

// TestSpoolLargeFileAllocatesAtMostOneHead: a file too large for memory goes to disk through the
// pooled chunks, so once the pool is warm spooling it allocates less than one head chunk, not its
// first 8 MiB again for every file.
func TestSpoolLargeFileAllocatesAtMostOneHead(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop chunks at random")
	}
	form := spoolForm(t)
	file := bytes.Repeat([]byte("0123456789abcdef"), (inMemoryFile+3*headChunk+5)/16)
	spoolOnce := func() {
		var held spool
		defer form.release(&held)
		sf, err := form.spool(bytes.NewReader(file), &held)
		if err != nil || sf.data != nil || sf.size != int64(len(file)) {
			t.Fatalf("spool: %+v, %v; want %d bytes on disk", sf, err, len(file))
		}
	}
	// A collection empties the pool; none may run while allocations are counted.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	spoolOnce()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	const runs = 5
	for range runs {
		spoolOnce()
	}
	runtime.ReadMemStats(&after)
	if per := (after.TotalAlloc - before.TotalAlloc) / runs; per > headChunk {
		t.Errorf("spooling a %d-byte file to disk allocated %d bytes, want at most one head (%d)", len(file), per, headChunk)
	}
}

// TestSpoolLargeFileOnDiskIsWhole: the head read into chunks and the rest copied after it make the
// file, byte for byte.
func TestSpoolLargeFileOnDiskIsWhole(t *testing.T) {
	form := spoolForm(t)
	file := make([]byte, inMemoryFile+headChunk/2)
	for i := range file {
		file[i] = byte(i * 7 % 251)
	}
	var held spool
	defer form.release(&held)
	sf, err := form.spool(bytes.NewReader(file), &held)
	if err != nil || sf.path == "" {
		t.Fatalf("spool: %+v, %v; want a file on disk", sf, err)
	}
	got, err := os.ReadFile(sf.path)
	if err != nil || !bytes.Equal(got, file) {
		t.Fatalf("the spooled file has %d bytes (%v), not the %d sent", len(got), err, len(file))
	}
}

// TestSpoolSmallFileExactCopy: a file kept in memory is a copy of its own size, and the budget is
// charged that size only.
func TestSpoolSmallFileExactCopy(t *testing.T) {
	for _, size := range []int{1, headChunk, headChunk + 1, 3*headChunk + 17, inMemoryFile} {
		form := spoolForm(t)
		file := bytes.Repeat([]byte{'x', 'y', 'z'}, size/3+1)[:size]
		var held spool
		sf, err := form.spool(bytes.NewReader(file), &held)
		if err != nil || sf.data == nil {
			t.Fatalf("%d bytes: spool %+v, %v; want them in memory", size, sf, err)
		}
		if cap(sf.data) != len(sf.data) || !bytes.Equal(sf.data, file) || sf.size != int64(size) {
			t.Errorf("%d bytes: kept %d bytes of capacity %d (equal: %v)", size, len(sf.data), cap(sf.data), bytes.Equal(sf.data, file))
		}
		if held.memory != int64(size) {
			t.Errorf("%d bytes: the budget is charged %d", size, held.memory)
		}
		form.release(&held)
		if !form.memory.TryAcquire(SpoolMemory) {
			t.Errorf("%d bytes: the budget is not whole again after the request", size)
		}
	}
}
