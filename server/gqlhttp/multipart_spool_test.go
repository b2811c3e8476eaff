package gqlhttp

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"runtime"
	"testing"
	"testing/iotest"

	"github.com/99designs/gqlgen/graphql"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/membudget"
	"github.com/mediagraph/mediagraph/models"
)

func spoolForm(t *testing.T) multipartForm {
	return multipartForm{maxFileBytes: 64 << 20, maxFiles: 3, tempDir: t.TempDir(),
		log: slog.New(slog.NewTextHandler(io.Discard, nil)), memory: membudget.New(SpoolMemory, nil)}
}

// allocated is the bytes the heap gave out while fn ran.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestSpoolSizesItsBuffer: the last file of a request, whose size the unread body bounds, goes to
// disk at once when it is larger than memory holds, and into a buffer of its own size when small;
// without the bound, an 8 MiB head was read first and a growing buffer made two to three times the
// file in garbage.
func TestSpoolSizesItsBuffer(t *testing.T) {
	for _, c := range []struct {
		name     string
		size     int
		onDisk   bool
		maxAlloc uint64
	}{
		{"larger than memory holds", 9 << 20, true, 1 << 20},
		{"a photo", 1_360_000, false, 1_360_000 + 64<<10},
		{"exactly the in-memory limit", inMemoryFile, false, inMemoryFile + 64<<10},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := spoolForm(t)
			data := make([]byte, c.size)
			rand.NewChaCha8([32]byte{1}).Read(data)
			var held spool
			var got spooledFile
			var err error
			alloc := allocated(func() {
				got, err = f.spool(bytes.NewReader(data), &held, lastPartSize(int64(c.size)+44))
			})
			if err != nil {
				t.Fatal(err)
			}
			defer func() {
				for _, fh := range held.files {
					fh.Close()
				}
			}()
			if (got.data == nil) != c.onDisk || got.size != int64(c.size) {
				t.Fatalf("on disk %v, size %d; want on disk %v, size %d", got.data == nil, got.size, c.onDisk, c.size)
			}
			if alloc > c.maxAlloc {
				t.Errorf("spooling %d bytes allocated %d, want at most %d", c.size, alloc, c.maxAlloc)
			}
			r, err := got.open(&held)
			if err != nil {
				t.Fatal(err)
			}
			if back, _ := io.ReadAll(r); !bytes.Equal(back, data) {
				t.Errorf("read back %d bytes that differ from the %d sent", len(back), len(data))
			}
			if !c.onDisk && held.memory != int64(cap(got.data)) {
				t.Errorf("holds %d bytes of the budget for a buffer of %d", held.memory, cap(got.data))
			}
			if !f.memory.TryAcquire(SpoolMemory - held.memory) {
				t.Errorf("the budget lost more than the %d bytes the request holds", held.memory)
			}
		})
	}
}

// TestReadAllFromAnyCapacity: readAll gives io.ReadAll's bytes whatever capacity it starts from and
// however the reader splits them.
func TestReadAllFromAnyCapacity(t *testing.T) {
	data := make([]byte, 5000)
	rand.NewChaCha8([32]byte{2}).Read(data)
	for _, n := range []int{0, 1, 511, 512, 513, 4999, 5000} {
		for _, capacity := range []int{0, 1, n, n + 1, 2 * n} {
			for name, r := range map[string]io.Reader{
				"whole":    bytes.NewReader(data[:n]),
				"one byte": iotest.OneByteReader(bytes.NewReader(data[:n])),
				"data+EOF": iotest.DataErrReader(bytes.NewReader(data[:n])),
			} {
				got, err := readAll(r, capacity)
				if err != nil || !bytes.Equal(got, data[:n]) {
					t.Errorf("%d bytes, capacity %d, %s: read %d bytes, %v", n, capacity, name, len(got), err)
				}
			}
		}
	}
	if _, err := readAll(iotest.ErrReader(io.ErrUnexpectedEOF), 10); err != io.ErrUnexpectedEOF {
		t.Errorf("a failing reader gave %v", err)
	}
}

// TestMultipartSpoolsByContentLength: through the transport, files on either side of the in-memory
// limit, alone or with another file before them, arrive whole, with and without a Content-Length.
func TestMultipartSpoolsByContentLength(t *testing.T) {
	form, exec := newFuzzTransport(t)
	form.maxFileBytes = 16 << 20
	for _, size := range []int{0, 1, inMemoryFile - 1, inMemoryFile, inMemoryFile + 1, 9 << 20} {
		for _, names := range [][]string{{"0"}, {"0", "1"}} {
			for _, chunked := range []bool{false, true} {
				ops, fileMap := `{"query":"mutation($f:[Upload!]!){uploadAssets(files:$f){id}}","variables":{"f":[null]}}`, `{"0":["variables.f.0"]}`
				if len(names) == 2 {
					ops, fileMap = uploadOps, `{"0":["variables.f.0"],"1":["variables.f.1"]}`
				}
				body, contentType := fuzzBody(ops, fileMap, names, bytes.Repeat([]byte{7}, size))
				req := httptest.NewRequest(http.MethodPost, "/graphql", body)
				req.Header.Set("Content-Type", contentType)
				if chunked {
					req.ContentLength = -1 // as a chunked request arrives: no length known
				}
				ctx := graphql.StartOperationTrace(access.WithPrincipal(req.Context(), &access.Principal{Role: models.RoleEditor}))
				rec := httptest.NewRecorder()
				form.Do(rec, req.WithContext(ctx), exec)
				var resp struct {
					Data struct{ Sizes []int }
				}
				json.Unmarshal(rec.Body.Bytes(), &resp)
				if len(resp.Data.Sizes) != len(names) || resp.Data.Sizes[len(names)-1] != size {
					t.Errorf("%d files of %d bytes, chunked %v: HTTP %d, %s", len(names), size, chunked, rec.Code, rec.Body.String()[:min(rec.Body.Len(), 300)])
				}
			}
		}
	}
}
