// Package storetest is the behaviour every storage.Store must have, as one test suite that each
// implementation runs against a real backend.
package storetest

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"io"
	"testing"

	"github.com/mediagraph/mediagraph/storage"
)

// failingReader yields some bytes, then fails: a client that hangs up mid-upload.
type failingReader struct{ n int }

func (r *failingReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, errors.New("connection reset")
	}
	n := min(len(p), r.n)
	r.n -= n
	return n, nil
}

func random(tb testing.TB, n int) []byte {
	b := make([]byte, n)
	rand.Read(b)
	return b
}

func readAll(t *testing.T, s storage.Store, key string) []byte {
	t.Helper()
	o, err := s.Open(context.Background(), key)
	if err != nil {
		t.Fatalf("open %s: %v", key, err)
	}
	defer o.Close()
	b, err := io.ReadAll(o)
	if err != nil {
		t.Fatalf("read %s: %v", key, err)
	}
	return b
}

// Run runs the suite; newStore returns an empty store.
func Run(t *testing.T, newStore func(t *testing.T) storage.Store) {
	ctx := context.Background()

	t.Run("put, head, open", func(t *testing.T) {
		s := newStore(t)
		for _, size := range []int{0, 1, 300 << 10} {
			want := random(t, size)
			info, err := s.Put(ctx, "a/b/object.bin", bytes.NewReader(want), storage.PutOptions{ContentType: "application/octet-stream"})
			if err != nil {
				t.Fatal(err)
			}
			if info.Size != int64(size) || info.Key != "a/b/object.bin" {
				t.Errorf("put %d bytes: %+v", size, info)
			}
			if head, err := s.Head(ctx, "a/b/object.bin"); err != nil || head.Size != int64(size) {
				t.Errorf("head: %+v %v", head, err)
			}
			if got := readAll(t, s, "a/b/object.bin"); !bytes.Equal(got, want) {
				t.Errorf("read back %d bytes, want the %d written", len(got), size)
			}
		}
	})

	t.Run("ranged reads", func(t *testing.T) {
		s := newStore(t)
		want := random(t, 100<<10)
		if _, err := s.Put(ctx, "r", bytes.NewReader(want), storage.PutOptions{}); err != nil {
			t.Fatal(err)
		}
		o, err := s.Open(ctx, "r")
		if err != nil {
			t.Fatal(err)
		}
		defer o.Close()
		for _, r := range []struct {
			off    int64
			whence int
			at, n  int
		}{{5000, io.SeekStart, 5000, 100}, {-10, io.SeekEnd, len(want) - 10, 10}, {-3000, io.SeekCurrent, len(want) - 3000, 2000}, {0, io.SeekStart, 0, 1}} {
			pos, err := o.Seek(r.off, r.whence)
			if err != nil || pos != int64(r.at) {
				t.Fatalf("seek %d/%d: %d %v", r.off, r.whence, pos, err)
			}
			buf := make([]byte, r.n)
			if _, err := io.ReadFull(o, buf); err != nil || !bytes.Equal(buf, want[r.at:r.at+r.n]) {
				t.Errorf("read %d bytes at %d: %v", r.n, r.at, err)
			}
		}
		if _, err := o.Seek(0, io.SeekEnd); err != nil {
			t.Fatal(err)
		}
		if n, err := o.Read(make([]byte, 10)); n != 0 || err != io.EOF {
			t.Errorf("read at the end: %d %v, want EOF", n, err)
		}
	})

	t.Run("a failed put leaves nothing and keeps the old object", func(t *testing.T) {
		s := newStore(t)
		if _, err := s.Put(ctx, "new", &failingReader{n: 70 << 10}, storage.PutOptions{}); err == nil {
			t.Fatal("a put whose reader failed succeeded")
		}
		if _, err := s.Head(ctx, "new"); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("after a failed put: %v, want ErrNotFound", err)
		}
		old := random(t, 1000)
		if _, err := s.Put(ctx, "kept", bytes.NewReader(old), storage.PutOptions{}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Put(ctx, "kept", &failingReader{n: 10}, storage.PutOptions{}); err == nil {
			t.Fatal("a failing overwrite succeeded")
		}
		if got := readAll(t, s, "kept"); !bytes.Equal(got, old) {
			t.Error("a failed overwrite changed the object")
		}
	})

	t.Run("missing objects", func(t *testing.T) {
		s := newStore(t)
		if _, err := s.Head(ctx, "nope"); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("head: %v", err)
		}
		if _, err := s.Open(ctx, "nope"); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("open: %v", err)
		}
		if err := s.Delete(ctx, "nope"); err != nil {
			t.Errorf("deleting a missing object: %v", err)
		}
	})

	t.Run("delete and copy", func(t *testing.T) {
		s := newStore(t)
		want := random(t, 4096)
		if _, err := s.Put(ctx, "src/one", bytes.NewReader(want), storage.PutOptions{}); err != nil {
			t.Fatal(err)
		}
		if err := s.Copy(ctx, "src/one", "dst/one"); err != nil {
			t.Fatal(err)
		}
		if err := s.Delete(ctx, "src/one"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Head(ctx, "src/one"); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("deleted object: %v", err)
		}
		if got := readAll(t, s, "dst/one"); !bytes.Equal(got, want) {
			t.Error("the copy does not hold the source's bytes")
		}
	})

	t.Run("keys that escape are refused", func(t *testing.T) {
		s := newStore(t)
		for _, key := range []string{"", "/abs", "../up", "a/../../b", `a\b`, "a//b"} {
			if _, err := s.Put(ctx, key, bytes.NewReader([]byte("x")), storage.PutOptions{}); !errors.Is(err, storage.ErrInvalidKey) {
				t.Errorf("put %q: %v, want ErrInvalidKey", key, err)
			}
		}
	})

	t.Run("multipart abort", func(t *testing.T) {
		s := newStore(t)
		id, err := s.CreateMultipart(ctx, "big", "video/mp4")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.AbortMultipart(ctx, "big", id); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Head(ctx, "big"); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("after abort: %v", err)
		}
	})

	t.Run("ping", func(t *testing.T) {
		if err := newStore(t).Ping(ctx); err != nil {
			t.Error(err)
		}
	})
}
