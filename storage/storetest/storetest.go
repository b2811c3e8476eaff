// Package storetest is the behaviour every storage.Store must have, as one test suite that each
// implementation runs against a real backend.
package storetest

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

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

// listAll lists every object with prefix, limit at a time.
func listAll(t *testing.T, s storage.Store, prefix string, limit int) []storage.ObjectInfo {
	t.Helper()
	var all []storage.ObjectInfo
	for after, pages := "", 0; ; pages++ {
		page, next, err := s.List(context.Background(), prefix, after, limit)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) > limit || pages > 100 {
			t.Fatalf("a page of %d objects, limit %d, after %d pages", len(page), limit, pages)
		}
		all = append(all, page...)
		if next == "" {
			return all
		}
		after = next
	}
}

func keysOf(list []storage.ObjectInfo) []string {
	keys := make([]string, len(list))
	for i, o := range list {
		keys[i] = o.Key
	}
	return keys
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

	t.Run("delete", func(t *testing.T) {
		s := newStore(t)
		if _, err := s.Put(ctx, "src/one", bytes.NewReader(random(t, 4096)), storage.PutOptions{}); err != nil {
			t.Fatal(err)
		}
		if err := s.Delete(ctx, "src/one"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Head(ctx, "src/one"); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("deleted object: %v", err)
		}
	})

	t.Run("move", func(t *testing.T) {
		s := newStore(t)
		want := random(t, 70<<10)
		if _, err := s.Put(ctx, "assets/ast 1/v 1/eicar.txt", bytes.NewReader(want), storage.PutOptions{ContentType: "text/plain"}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Put(ctx, "assets/ast 1/v 2/kept.txt", bytes.NewReader([]byte("x")), storage.PutOptions{}); err != nil {
			t.Fatal(err)
		}
		const to = "quarantine/assets/ast 1/v 1/eicar.txt"
		if err := s.Move(ctx, "assets/ast 1/v 1/eicar.txt", to); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Head(ctx, "assets/ast 1/v 1/eicar.txt"); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("moved object still at its key: %v", err)
		}
		if got := readAll(t, s, to); !bytes.Equal(got, want) {
			t.Errorf("moved object has %d bytes, want the %d written", len(got), len(want))
		}
		if got := keysOf(listAll(t, s, "assets/", 10)); len(got) != 1 || got[0] != "assets/ast 1/v 2/kept.txt" {
			t.Errorf("left under assets/: %v", got)
		}
		// A try after a move that succeeded (its caller failed after it) succeeds again.
		if err := s.Move(ctx, "assets/ast 1/v 1/eicar.txt", to); err != nil {
			t.Errorf("move again: %v", err)
		}
		if err := s.Move(ctx, "nope", "quarantine/nope"); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("move of a missing object: %v", err)
		}
		if err := s.Move(ctx, to, "../out"); !errors.Is(err, storage.ErrInvalidKey) {
			t.Errorf("move to an escaping key: %v", err)
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

	t.Run("list in key order, page by page", func(t *testing.T) {
		s := newStore(t)
		before := time.Now().Add(-time.Minute)
		// "a-c" sorts before "a/b": keys are compared as strings, not as paths.
		keys := []string{"a-c", "a/b", "a/b0", "a/c/d", "assets/x/1", "assets/x/2", "assets/y/1", "b", "derived/z"}
		for _, k := range []string{"b", "a/c/d", "assets/y/1", "a-c", "derived/z", "a/b", "assets/x/2", "a/b0", "assets/x/1"} {
			if _, err := s.Put(ctx, k, bytes.NewReader([]byte(k)), storage.PutOptions{}); err != nil {
				t.Fatal(err)
			}
		}
		// An upload in progress is not an object.
		id, err := s.CreateMultipart(ctx, "pending", "")
		if err != nil {
			t.Fatal(err)
		}
		defer s.AbortMultipart(ctx, "pending", id)
		for _, limit := range []int{1, 2, 4, 9, 100} {
			got := listAll(t, s, "", limit)
			if strings.Join(keysOf(got), " ") != strings.Join(keys, " ") {
				t.Errorf("pages of %d: %v, want %v", limit, keysOf(got), keys)
			}
			for _, o := range got {
				if o.Size != int64(len(o.Key)) || o.ModTime.Before(before) || o.ModTime.After(time.Now().Add(time.Minute)) {
					t.Errorf("pages of %d: %+v", limit, o)
				}
			}
		}
		if got := keysOf(listAll(t, s, "assets/", 2)); strings.Join(got, " ") != "assets/x/1 assets/x/2 assets/y/1" {
			t.Errorf("prefix assets/: %v", got)
		}
		if got := keysOf(listAll(t, s, "a/", 1)); strings.Join(got, " ") != "a/b a/b0 a/c/d" {
			t.Errorf("prefix a/: %v", got)
		}
		page, next, err := s.List(ctx, "", "a/b0", 2)
		if err != nil || strings.Join(keysOf(page), " ") != "a/c/d assets/x/1" || next != "assets/x/1" {
			t.Errorf("after a/b0: %v next %q, %v", keysOf(page), next, err)
		}
		if page, next, err := s.List(ctx, "", "derived/z", 2); err != nil || len(page) != 0 || next != "" {
			t.Errorf("after the last key: %v next %q, %v", keysOf(page), next, err)
		}
		if page, next, err := s.List(ctx, "nothing/", "", 5); err != nil || len(page) != 0 || next != "" {
			t.Errorf("a prefix of nothing: %v next %q, %v", keysOf(page), next, err)
		}
	})

	t.Run("multipart uploads in progress, page by page", func(t *testing.T) {
		s := newStore(t)
		want := map[string]string{}
		for _, key := range []string{"m/1", "m/2", "m/3"} {
			id, err := s.CreateMultipart(ctx, key, "video/mp4")
			if err != nil {
				t.Fatal(err)
			}
			want[id] = key
		}
		var aborted string
		for id, key := range want {
			if err := s.AbortMultipart(ctx, key, id); err != nil {
				t.Fatal(err)
			}
			aborted = id
			delete(want, id)
			break
		}
		got := map[string]string{}
		for after, pages := "", 0; ; pages++ {
			page, next, err := s.ListMultipart(ctx, after, 1)
			if err != nil || pages > 5 {
				t.Fatalf("page %d: %v", pages, err)
			}
			for _, u := range page {
				if u.ModTime.IsZero() || time.Since(u.ModTime) > time.Hour {
					t.Errorf("upload %+v: its time is not now", u)
				}
				got[u.UploadID] = u.Key
			}
			if next == "" {
				break
			}
			after = next
		}
		if len(got) != len(want) || got[aborted] != "" {
			t.Errorf("listed %v, want %v", got, want)
		}
		for id, key := range want {
			if got[id] != key {
				t.Errorf("upload %s: listed for %q, want %q", id, got[id], key)
			}
		}
	})

	t.Run("ping", func(t *testing.T) {
		if err := newStore(t).Ping(ctx); err != nil {
			t.Error(err)
		}
	})
}
