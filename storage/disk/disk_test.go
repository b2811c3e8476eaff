package disk_test

import (
	"bytes"
	"context"
	"crypto/md5"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/storage"
	"github.com/mediagraph/mediagraph/storage/disk"
	"github.com/mediagraph/mediagraph/storage/storetest"
)

// The public URL carries a path and a trailing slash so that the tests see both handled.
const (
	publicURL  = "https://media.example/base/"
	publicPath = "/base"
)

var signingKey = []byte("test signing key")

// The behaviour every store shares; what follows is the disk store's own.
func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storage.Store {
		s, _ := newStore(t)
		return s
	})
}

func newStore(t *testing.T) (*disk.Store, string) {
	t.Helper()
	root := filepath.Join(t.TempDir(), "store")
	s, err := disk.New(root, publicURL, signingKey)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s, root
}

func put(t *testing.T, s *disk.Store, key, content string) storage.ObjectInfo {
	t.Helper()
	info, err := s.Put(context.Background(), key, strings.NewReader(content), storage.PutOptions{ContentType: "text/plain"})
	if err != nil {
		t.Fatalf("Put(%q): %v", key, err)
	}
	return info
}

func read(t *testing.T, s *disk.Store, key string) string {
	t.Helper()
	o, err := s.Open(context.Background(), key)
	if err != nil {
		t.Fatalf("Open(%q): %v", key, err)
	}
	defer o.Close()
	b, err := io.ReadAll(o)
	if err != nil {
		t.Fatalf("read %q: %v", key, err)
	}
	return string(b)
}

// files lists, relative to dir and sorted, every file under it: temporary files and parts included.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatalf("walk %s: %v", dir, err)
	}
	slices.Sort(out)
	return out
}

func assertFiles(t *testing.T, dir string, want ...string) {
	t.Helper()
	if got := files(t, dir); !slices.Equal(got, want) {
		t.Fatalf("files under %s = %q, want %q", dir, got, want)
	}
}

func assertNotFound(t *testing.T, s *disk.Store, key string) {
	t.Helper()
	if _, err := s.Head(context.Background(), key); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("Head(%q) error = %v, want ErrNotFound", key, err)
	}
}

var errReadFailed = errors.New("connection reset by client")

// failingReader yields data, then fails: an upload cut off midway.
type failingReader struct{ data []byte }

func (r *failingReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, errReadFailed
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func randomBytes(t *testing.T, n int) []byte {
	t.Helper()
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return b
}

func TestNew(t *testing.T) {
	t.Run("creates nested root", func(t *testing.T) {
		root := filepath.Join(t.TempDir(), "a", "b", "c")
		if _, err := disk.New(root, publicURL, signingKey); err != nil {
			t.Fatalf("New: %v", err)
		}
		if st, err := os.Stat(root); err != nil || !st.IsDir() {
			t.Fatalf("root not created: %v", err)
		}
	})
	t.Run("root is a file", func(t *testing.T) {
		root := filepath.Join(t.TempDir(), "file")
		if err := os.WriteFile(root, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := disk.New(root, publicURL, signingKey); err == nil {
			t.Fatal("New over a file succeeded")
		}
	})
}

func TestPutOpenHead(t *testing.T) {
	ctx := context.Background()
	large := randomBytes(t, 3<<20+17) // several io.Copy buffers, not a round size
	tests := []struct {
		name, key   string
		content     []byte
		contentType string
	}{
		{"small", "a.txt", []byte("hello, world"), "text/plain; charset=utf-8"},
		{"nested", "assets/as_1/ve_1/photo.jpg", []byte("\xff\xd8\xff\xe0 jpeg"), "image/jpeg"},
		{"empty", "empty", nil, "application/octet-stream"},
		{"large", "big/blob.bin", large, "application/octet-stream"},
		{"hidden segment below the first", "a/.hidden", []byte("x"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, root := newStore(t)
			info, err := s.Put(ctx, tt.key, bytes.NewReader(tt.content), storage.PutOptions{ContentType: tt.contentType})
			if err != nil {
				t.Fatalf("Put: %v", err)
			}
			checkInfo := func(what string, got storage.ObjectInfo) {
				t.Helper()
				if got.Key != tt.key || got.Size != int64(len(tt.content)) || got.ModTime.IsZero() {
					t.Errorf("%s = %+v, want key %q, size %d and a mod time", what, got, tt.key, len(tt.content))
				}
				// The disk store keeps nothing beside the bytes (delivery takes the type from the
				// database), so an empty type is allowed; a different one is not.
				if got.ContentType != "" && got.ContentType != tt.contentType {
					t.Errorf("%s content type = %q, want %q", what, got.ContentType, tt.contentType)
				}
			}
			checkInfo("Put", info)
			head, err := s.Head(ctx, tt.key)
			if err != nil {
				t.Fatalf("Head: %v", err)
			}
			checkInfo("Head", head)
			if !head.ModTime.Equal(info.ModTime) {
				t.Errorf("Head mod time %v, Put said %v", head.ModTime, info.ModTime)
			}

			o, err := s.Open(ctx, tt.key)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer o.Close()
			checkInfo("Open", o.Info())
			got, err := io.ReadAll(o)
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			if !bytes.Equal(got, tt.content) {
				t.Fatalf("read %d bytes, want the %d put", len(got), len(tt.content))
			}
			// The bytes live where the key says, and the temporary file is gone.
			assertFiles(t, root, tt.key)
		})
	}
}

func TestOpenRanges(t *testing.T) {
	s, _ := newStore(t)
	const content = "0123456789abcdefghij"
	put(t, s, "r", content)
	o, err := s.Open(context.Background(), "r")
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()

	// Steps run in order on the same object: SeekCurrent depends on the previous read.
	steps := []struct {
		offset  int64
		whence  int
		wantPos int64
		n       int
		want    string
	}{
		{5, io.SeekStart, 5, 4, "5678"},
		{2, io.SeekCurrent, 11, 3, "bcd"},
		{-4, io.SeekEnd, 16, 10, "ghij"}, // a read past the end is short
		{0, io.SeekStart, 0, 2, "01"},
		{-1, io.SeekCurrent, 1, 1, "1"},
		{19, io.SeekStart, 19, 1, "j"},
	}
	for i, st := range steps {
		pos, err := o.Seek(st.offset, st.whence)
		if err != nil || pos != st.wantPos {
			t.Fatalf("step %d: Seek(%d, %d) = %d, %v; want %d", i, st.offset, st.whence, pos, err, st.wantPos)
		}
		buf := make([]byte, st.n)
		n, err := io.ReadFull(o, buf)
		if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Fatalf("step %d: read: %v", i, err)
		}
		if got := string(buf[:n]); got != st.want {
			t.Fatalf("step %d: read %q, want %q", i, got, st.want)
		}
	}

	if _, err := o.Seek(100, io.SeekStart); err != nil {
		t.Fatalf("seek past the end: %v", err)
	}
	if n, err := o.Read(make([]byte, 4)); n != 0 || err != io.EOF {
		t.Fatalf("read past the end = %d, %v; want 0, EOF", n, err)
	}
	if _, err := o.Seek(-1, io.SeekStart); err == nil {
		t.Fatal("seek before the start succeeded")
	}
}

func TestPutOverwrite(t *testing.T) {
	s, root := newStore(t)
	put(t, s, "k", "a longer first version")
	info := put(t, s, "k", "short")
	if info.Size != 5 {
		t.Fatalf("size after overwrite = %d, want 5", info.Size)
	}
	if got := read(t, s, "k"); got != "short" {
		t.Fatalf("content after overwrite = %q", got)
	}
	assertFiles(t, root, "k")
}

func TestPutFailingReaderLeavesNothing(t *testing.T) {
	ctx := context.Background()
	s, root := newStore(t)
	r := &failingReader{data: randomBytes(t, 100<<10)}
	_, err := s.Put(ctx, "deep/dir/obj", r, storage.PutOptions{})
	if !errors.Is(err, errReadFailed) {
		t.Fatalf("Put error = %v, want the reader's error", err)
	}
	assertNotFound(t, s, "deep/dir/obj")
	// Not even the directories of the key: they are made only once the bytes are all there.
	assertFiles(t, root)
	if _, err := os.Stat(filepath.Join(root, "deep")); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("directory of a failed put exists: %v", err)
	}
}

func TestPutFailingOverwriteKeepsOld(t *testing.T) {
	ctx := context.Background()
	s, root := newStore(t)
	put(t, s, "a/k", "old content")
	before, _ := s.Head(ctx, "a/k")
	if _, err := s.Put(ctx, "a/k", &failingReader{data: []byte("new content, cut off")}, storage.PutOptions{}); !errors.Is(err, errReadFailed) {
		t.Fatalf("Put error = %v, want the reader's error", err)
	}
	if got := read(t, s, "a/k"); got != "old content" {
		t.Fatalf("content after failed overwrite = %q", got)
	}
	if after, _ := s.Head(ctx, "a/k"); !after.ModTime.Equal(before.ModTime) || after.Size != before.Size {
		t.Fatalf("object changed by a failed overwrite: %+v, was %+v", after, before)
	}
	assertFiles(t, root, "a/k")
}

// cancellingReader cancels its context after the first read, as a client that goes away mid-upload.
type cancellingReader struct {
	r      io.Reader
	cancel context.CancelFunc
}

func (c *cancellingReader) Read(p []byte) (int, error) {
	defer c.cancel()
	return c.r.Read(p[:min(len(p), 16)])
}

func TestPutCancelled(t *testing.T) {
	s, root := newStore(t)
	t.Run("before", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := s.Put(ctx, "k", strings.NewReader("data"), storage.PutOptions{}); !errors.Is(err, context.Canceled) {
			t.Fatalf("Put error = %v, want context.Canceled", err)
		}
	})
	t.Run("midway", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		r := &cancellingReader{r: strings.NewReader(strings.Repeat("x", 1000)), cancel: cancel}
		if _, err := s.Put(ctx, "k", r, storage.PutOptions{}); !errors.Is(err, context.Canceled) {
			t.Fatalf("Put error = %v, want context.Canceled", err)
		}
	})
	assertNotFound(t, s, "k")
	assertFiles(t, root)
}

func TestDelete(t *testing.T) {
	ctx := context.Background()
	s, root := newStore(t)
	put(t, s, "a/b/c/one", "1")
	put(t, s, "a/b/two", "2")

	if err := s.Delete(ctx, "a/b/c/one"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	assertNotFound(t, s, "a/b/c/one")
	if _, err := s.Open(ctx, "a/b/c/one"); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("Open after Delete error = %v, want ErrNotFound", err)
	}
	// The emptied directory goes, the one still holding an object stays.
	if _, err := os.Stat(filepath.Join(root, "a/b/c")); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("emptied directory left behind: %v", err)
	}
	if got := read(t, s, "a/b/two"); got != "2" {
		t.Fatalf("sibling object = %q", got)
	}

	if err := s.Delete(ctx, "a/b/two"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatalf("root gone after deleting everything: %v", err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{".multipart", ".tmp"}) {
		t.Fatalf("root holds %q after deleting every object, want only the store's own directories", names)
	}

	for _, key := range []string{"a/b/two", "never/existed", "x"} {
		if err := s.Delete(ctx, key); err != nil {
			t.Errorf("Delete(%q) of a missing object = %v, want nil", key, err)
		}
	}
}

// Keys are paths, so a key can name a directory (a prefix of other keys) or lie below an object:
// none of these holds an object.
func TestKeysThatHoldNoObject(t *testing.T) {
	ctx := context.Background()
	s, root := newStore(t)
	put(t, s, "dir/obj", "content")
	for _, key := range []string{"dir", "dir/obj/below", "missing", "missing/below"} {
		t.Run(key, func(t *testing.T) {
			if _, err := s.Head(ctx, key); !errors.Is(err, storage.ErrNotFound) {
				t.Errorf("Head error = %v, want ErrNotFound", err)
			}
			if o, err := s.Open(ctx, key); !errors.Is(err, storage.ErrNotFound) {
				if err == nil {
					o.Close()
				}
				t.Errorf("Open error = %v, want ErrNotFound", err)
			}
			if err := s.Delete(ctx, key); err != nil {
				t.Errorf("Delete error = %v, want nil", err)
			}
		})
	}
	if got := read(t, s, "dir/obj"); got != "content" {
		t.Fatalf("object damaged: %q", got)
	}
	assertFiles(t, root, "dir/obj")
}

// New cleans its root: Delete compares paths with it to know where to stop removing directories.
func TestDeleteUncleanRoot(t *testing.T) {
	ctx := context.Background()
	base := t.TempDir()
	s, err := disk.New(base+"/x/../store/", publicURL, signingKey)
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, "a/b/k", "v")
	if err := s.Delete(ctx, "a/b/k"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(base, "store", "a")); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("emptied directories left behind: %v", err)
	}
	if _, err := os.Stat(filepath.Join(base, "store")); err != nil {
		t.Fatalf("root removed: %v", err)
	}
}

// Delete removes directories it empties, which races with a Put making or filling them.
func TestConcurrentPutDeleteSameDirectory(t *testing.T) {
	ctx := context.Background()
	s, root := newStore(t)
	const workers, rounds = 8, 60
	errs := make(chan error, workers*rounds)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range rounds {
				key := fmt.Sprintf("shared/dir/%d-%d", w, i)
				if _, err := s.Put(ctx, key, strings.NewReader(key), storage.PutOptions{}); err != nil {
					errs <- fmt.Errorf("Put(%q): %w", key, err)
					continue
				}
				if err := s.Delete(ctx, key); err != nil {
					errs <- fmt.Errorf("Delete(%q): %w", key, err)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	n := 0
	for err := range errs {
		if n++; n <= 3 {
			t.Error(err)
		}
	}
	if n > 0 {
		t.Fatalf("%d of %d operations failed", n, workers*rounds)
	}
	assertFiles(t, root)
}

// badKeys are the keys CheckKey refuses: they are not plain relative paths.
var badKeys = []string{
	"",
	"/abs",
	"/etc/passwd",
	"..",
	"../x",
	"a/../../x",
	"a/..",
	".",
	"./a",
	"a/./b",
	"a//b",
	"a/",
	`a\b`,
	`..\x`,
	"a\x00b",
}

// invalidKeys adds what the disk store refuses too: a leading dot would reach its own directories.
var invalidKeys = append(slices.Clone(badKeys), ".tmp/x", ".multipart/x", ".hidden")

func TestCheckKey(t *testing.T) {
	for _, key := range badKeys {
		if err := storage.CheckKey(key); !errors.Is(err, storage.ErrInvalidKey) {
			t.Errorf("CheckKey(%q) = %v, want ErrInvalidKey", key, err)
		}
	}
	for _, key := range []string{"a", "a/b/c.jpg", "a/.b", "a..b", "a/b..", "é/ü"} {
		if err := storage.CheckKey(key); err != nil {
			t.Errorf("CheckKey(%q) = %v, want nil", key, err)
		}
	}
}

func TestInvalidKeysRefused(t *testing.T) {
	ctx := context.Background()
	base := t.TempDir()
	root := filepath.Join(base, "store")
	s, err := disk.New(root, publicURL, signingKey)
	if err != nil {
		t.Fatal(err)
	}
	// Decoys next to and inside the root that a traversing key could reach.
	if err := os.WriteFile(filepath.Join(base, "x"), []byte("outside"), 0o600); err != nil {
		t.Fatal(err)
	}
	put(t, s, "a/b", "inside")
	put(t, s, "x", "inside x")

	ops := []struct {
		name string
		op   func(key string) error
	}{
		{"Put", func(key string) error {
			_, err := s.Put(ctx, key, strings.NewReader("evil"), storage.PutOptions{})
			return err
		}},
		{"Open", func(key string) error {
			o, err := s.Open(ctx, key)
			if err == nil {
				o.Close()
			}
			return err
		}},
		{"Head", func(key string) error { _, err := s.Head(ctx, key); return err }},
		{"Delete", func(key string) error { return s.Delete(ctx, key) }},
		{"PresignPut", func(key string) error {
			_, err := s.PresignPut(ctx, key, storage.PresignPutOptions{Size: 1, TTL: time.Minute})
			return err
		}},
		{"PresignGet", func(key string) error { _, err := s.PresignGet(ctx, key, time.Minute); return err }},
		{"CreateMultipart", func(key string) error { _, err := s.CreateMultipart(ctx, key, ""); return err }},
	}
	for _, key := range invalidKeys {
		for _, op := range ops {
			if err := op.op(key); !errors.Is(err, storage.ErrInvalidKey) {
				t.Errorf("%s(%q) error = %v, want ErrInvalidKey", op.name, key, err)
			}
		}
	}
	assertFiles(t, base, "store/a/b", "store/x", "x")
	if b, _ := os.ReadFile(filepath.Join(base, "x")); string(b) != "outside" {
		t.Fatalf("file outside the root changed: %q", b)
	}
}

// verify checks a presigned URL as Mediagraph's handler would: the key is the URL's path after the
// request's prefix, the grant is in the query.
func verify(t *testing.T, s *disk.Store, method, rawURL string, now time.Time) (disk.Grant, error) {
	t.Helper()
	key, q := splitURL(t, method, rawURL)
	return s.Verify(method, key, q, now)
}

func splitURL(t *testing.T, method, rawURL string) (string, url.Values) {
	t.Helper()
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatalf("presigned URL %q does not parse: %v", rawURL, err)
	}
	if u.Scheme != "https" || u.Host != "media.example" || u.Fragment != "" {
		t.Fatalf("presigned URL %q is not under the public URL", rawURL)
	}
	prefix := publicPath + disk.UploadPath
	if method == http.MethodGet {
		prefix = publicPath + disk.DownloadPath
	}
	key, ok := strings.CutPrefix(u.Path, prefix)
	if !ok {
		t.Fatalf("presigned URL path %q does not start with %q", u.Path, prefix)
	}
	return key, u.Query()
}

func checkExpires(t *testing.T, req *storage.SignedRequest, before, after time.Time, ttl time.Duration) {
	t.Helper()
	// Expiry is whole seconds: the URL carries Unix seconds.
	if req.Expires.Before(before.Add(ttl).Add(-time.Second)) || req.Expires.After(after.Add(ttl)) {
		t.Errorf("Expires = %v, want about %v from now", req.Expires, ttl)
	}
	if req.Expires.Nanosecond() != 0 {
		t.Errorf("Expires = %v, not a whole second", req.Expires)
	}
}

func TestPresignGet(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	keys := []string{
		"assets/as_1/ve_1/photo.jpg",
		// Characters with a meaning in URLs must stay part of the path.
		"odd/a b#c?d=e&f%20g+h;i.jpg",
		"odd/100%",
		"unicode/é ü/名前.png",
	}
	for _, key := range keys {
		t.Run(key, func(t *testing.T) {
			before := time.Now()
			req, err := s.PresignGet(ctx, key, 10*time.Minute)
			if err != nil {
				t.Fatalf("PresignGet: %v", err)
			}
			if req.Method != http.MethodGet {
				t.Errorf("Method = %q", req.Method)
			}
			if !strings.HasPrefix(req.URL, "https://media.example/base/storage/download/") {
				t.Errorf("URL = %q", req.URL)
			}
			checkExpires(t, req, before, time.Now(), 10*time.Minute)
			g, err := verify(t, s, http.MethodGet, req.URL, time.Now())
			if err != nil {
				t.Fatalf("Verify fresh URL %q: %v", req.URL, err)
			}
			if g.Method != http.MethodGet || g.Key != key || !g.Expires.Equal(req.Expires) {
				t.Errorf("grant = %+v", g)
			}
		})
	}
}

func TestPresignPut(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	const key, ctype, size = "uploads/new.jpg", "image/jpeg; charset=binary", 12345
	before := time.Now()
	req, err := s.PresignPut(ctx, key, storage.PresignPutOptions{ContentType: ctype, Size: size, TTL: time.Hour})
	if err != nil {
		t.Fatalf("PresignPut: %v", err)
	}
	if req.Method != http.MethodPut {
		t.Errorf("Method = %q", req.Method)
	}
	// The client must send the type it was granted.
	if got := req.Headers.Get("Content-Type"); got != ctype {
		t.Errorf("Content-Type header = %q, want %q", got, ctype)
	}
	checkExpires(t, req, before, time.Now(), time.Hour)
	g, err := verify(t, s, http.MethodPut, req.URL, time.Now())
	if err != nil {
		t.Fatalf("Verify fresh URL: %v", err)
	}
	want := disk.Grant{Method: http.MethodPut, Key: key, ContentType: ctype, Size: size, Expires: req.Expires}
	if g != want {
		t.Errorf("grant = %+v, want %+v", g, want)
	}
	// Presigning writes nothing.
	assertNotFound(t, s, key)
}

// tamper lists edits of a presigned request that must void it.
type tamper struct {
	name string
	edit func(method, key *string, q url.Values)
}

func setQ(name, value string) func(_, _ *string, q url.Values) {
	return func(_, _ *string, q url.Values) { q.Set(name, value) }
}

func checkTampering(t *testing.T, s *disk.Store, method, rawURL string, tampers []tamper) {
	t.Helper()
	for _, tt := range tampers {
		t.Run(tt.name, func(t *testing.T) {
			key, q := splitURL(t, method, rawURL)
			m := method
			tt.edit(&m, &key, q)
			if g, err := s.Verify(m, key, q, time.Now()); !errors.Is(err, disk.ErrBadSignature) {
				t.Fatalf("Verify = %+v, %v; want ErrBadSignature", g, err)
			}
		})
	}
}

// Tampers that void any presigned request.
func commonTampers(q url.Values) []tamper {
	sig := []byte(q.Get("signature"))
	flipped := slices.Clone(sig)
	flipped[len(flipped)-1] ^= 1
	return []tamper{
		{"other key", func(_, key *string, _ url.Values) { *key += "x" }},
		{"key in parent dir", func(_, key *string, _ url.Values) { *key = "../" + *key }},
		{"key prefix", func(_, key *string, _ url.Values) { *key = (*key)[:len(*key)-1] }},
		{"later expires", setQ("expires", q.Get("expires")+"0")},
		{"earlier expires", setQ("expires", "1")},
		{"non-numeric expires", setQ("expires", "never")},
		{"no expires", func(_, _ *string, q url.Values) { q.Del("expires") }},
		{"flipped signature", setQ("signature", string(flipped))},
		{"truncated signature", setQ("signature", string(sig[:len(sig)-2]))},
		{"uppercase signature", setQ("signature", strings.ToUpper(string(sig)))},
		{"empty signature", setQ("signature", "")},
		{"no signature", func(_, _ *string, q url.Values) { q.Del("signature") }},
		{"other upload", setQ("upload", strings.Repeat("ab", 16))},
		{"other part", setQ("part", "7")},
	}
}

func TestVerifyRefusesTamperedGet(t *testing.T) {
	s, _ := newStore(t)
	req, err := s.PresignGet(context.Background(), "assets/a.jpg", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	_, q := splitURL(t, http.MethodGet, req.URL)
	tampers := append(commonTampers(q),
		tamper{"as PUT", func(m, _ *string, q url.Values) { *m = http.MethodPut; q.Set("size", "0"); q.Set("type", "") }},
		tamper{"with a type", setQ("type", "text/html")},
	)
	checkTampering(t, s, http.MethodGet, req.URL, tampers)
}

func TestVerifyRefusesTamperedPut(t *testing.T) {
	s, _ := newStore(t)
	req, err := s.PresignPut(context.Background(), "up/a.jpg", storage.PresignPutOptions{ContentType: "image/jpeg", Size: 1000, TTL: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	_, q := splitURL(t, http.MethodPut, req.URL)
	tampers := append(commonTampers(q),
		tamper{"larger size", setQ("size", "1000000")},
		tamper{"smaller size", setQ("size", "999")},
		tamper{"negative size", setQ("size", "-1000")},
		tamper{"non-numeric size", setQ("size", "big")},
		tamper{"no size", func(_, _ *string, q url.Values) { q.Del("size") }},
		tamper{"other type", setQ("type", "text/html")},
		tamper{"type with parameters", setQ("type", "image/jpeg; charset=utf-8")},
		tamper{"no type", func(_, _ *string, q url.Values) { q.Del("type") }},
		tamper{"as GET", func(m, _ *string, _ url.Values) { *m = http.MethodGet }},
		tamper{"as POST", func(m, _ *string, _ url.Values) { *m = http.MethodPost }},
		// A single upload must not become a part of some multipart upload.
		tamper{"as part 1", func(_, _ *string, q url.Values) { q.Set("upload", strings.Repeat("0", 32)); q.Set("part", "1") }},
	)
	checkTampering(t, s, http.MethodPut, req.URL, tampers)
}

func TestVerifyExpiry(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	req, err := s.PresignGet(ctx, "k", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		now  time.Time
		want error
	}{
		{"long before", req.Expires.Add(-time.Hour), nil},
		{"at expiry", req.Expires, nil},
		{"just after", req.Expires.Add(time.Nanosecond), disk.ErrExpired},
		{"a day after", req.Expires.Add(24 * time.Hour), disk.ErrExpired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := verify(t, s, http.MethodGet, req.URL, tt.now); !errors.Is(err, tt.want) {
				t.Fatalf("Verify error = %v, want %v", err, tt.want)
			}
		})
	}

	// A TTL in the past issues a URL that is already dead.
	dead, err := s.PresignPut(ctx, "k", storage.PresignPutOptions{Size: 1, TTL: -time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := verify(t, s, http.MethodPut, dead.URL, time.Now()); !errors.Is(err, disk.ErrExpired) {
		t.Fatalf("Verify of a URL issued expired = %v, want ErrExpired", err)
	}
}

func TestVerifyOtherSigningKey(t *testing.T) {
	ctx := context.Background()
	s, root := newStore(t)
	other, err := disk.New(root, publicURL, []byte("another key"))
	if err != nil {
		t.Fatal(err)
	}
	req, err := s.PresignGet(ctx, "k", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := verify(t, other, http.MethodGet, req.URL, time.Now()); !errors.Is(err, disk.ErrBadSignature) {
		t.Fatalf("Verify with another signing key = %v, want ErrBadSignature", err)
	}
}

func md5Hex(b []byte) string {
	sum := md5.Sum(b)
	return hex.EncodeToString(sum[:])
}

func partsDir(t *testing.T, root, uploadID string) string {
	t.Helper()
	dir := filepath.Join(root, ".multipart", uploadID)
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("parts directory of upload %s: %v", uploadID, err)
	}
	return dir
}

func putPart(t *testing.T, s *disk.Store, key, uploadID string, n int, data []byte) string {
	t.Helper()
	etag, err := s.PutPart(context.Background(), key, uploadID, n, bytes.NewReader(data))
	if err != nil {
		t.Fatalf("PutPart %d: %v", n, err)
	}
	if etag != md5Hex(data) {
		t.Fatalf("PutPart %d ETag = %q, want the MD5 %q", n, etag, md5Hex(data))
	}
	return etag
}

func TestMultipart(t *testing.T) {
	ctx := context.Background()
	s, root := newStore(t)
	const key = "assets/big/video.mp4"
	id, err := s.CreateMultipart(ctx, key, "video/mp4")
	if err != nil {
		t.Fatalf("CreateMultipart: %v", err)
	}
	dir := partsDir(t, root, id)
	// Nothing is visible under the key until the upload completes.
	assertNotFound(t, s, key)

	parts := [][]byte{randomBytes(t, 1<<20+17), randomBytes(t, 1<<20), []byte("tail")}
	etags := make([]string, len(parts))
	// Parts arrive in any order; their numbers decide where they go.
	for _, i := range []int{2, 0, 1} {
		n := i + 1
		before := time.Now()
		req, err := s.PresignPart(ctx, key, id, n, int64(len(parts[i])), time.Hour)
		if err != nil {
			t.Fatalf("PresignPart %d: %v", n, err)
		}
		checkExpires(t, req, before, time.Now(), time.Hour)
		if req.Method != http.MethodPut {
			t.Errorf("PresignPart method = %q", req.Method)
		}
		g, err := verify(t, s, http.MethodPut, req.URL, time.Now())
		if err != nil {
			t.Fatalf("Verify part %d URL: %v", n, err)
		}
		want := disk.Grant{Method: http.MethodPut, Key: key, Size: int64(len(parts[i])), UploadID: id, Part: n, Expires: req.Expires}
		if g != want {
			t.Errorf("part grant = %+v, want %+v", g, want)
		}
		etags[i] = putPart(t, s, key, id, n, parts[i])
	}
	assertNotFound(t, s, key)

	info, err := s.CompleteMultipart(ctx, key, id, []storage.CompletedPart{{Number: 1, ETag: etags[0]}, {Number: 2, ETag: etags[1]}, {Number: 3, ETag: etags[2]}})
	if err != nil {
		t.Fatalf("CompleteMultipart: %v", err)
	}
	whole := bytes.Join(parts, nil)
	if info.Key != key || info.Size != int64(len(whole)) {
		t.Errorf("CompleteMultipart info = %+v, want size %d", info, len(whole))
	}
	if got := read(t, s, key); got != string(whole) {
		t.Fatalf("assembled object differs from the parts in order (%d bytes, want %d)", len(got), len(whole))
	}
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("parts directory left after completion: %v", err)
	}
	assertFiles(t, root, key)

	// The upload is over.
	if _, err := s.CompleteMultipart(ctx, key, id, []storage.CompletedPart{{Number: 1, ETag: etags[0]}}); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("second CompleteMultipart error = %v, want ErrNotFound", err)
	}
	if _, err := s.PutPart(ctx, key, id, 1, strings.NewReader("late")); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("PutPart after completion error = %v, want ErrNotFound", err)
	}
}

func TestMultipartReplacedPart(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	id, err := s.CreateMultipart(ctx, "k", "")
	if err != nil {
		t.Fatal(err)
	}
	putPart(t, s, "k", id, 1, []byte("first try"))
	etag := putPart(t, s, "k", id, 1, []byte("retried"))
	putPart(t, s, "k", id, 2, []byte("!"))
	if _, err := s.CompleteMultipart(ctx, "k", id, []storage.CompletedPart{{Number: 1, ETag: etag}, {Number: 2, ETag: ""}}); err != nil {
		t.Fatal(err)
	}
	if got := read(t, s, "k"); got != "retried!" {
		t.Fatalf("object = %q, want the retried part", got)
	}
}

func TestMultipartInvalidParts(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name  string
		parts []storage.CompletedPart
	}{
		{"none", nil},
		{"missing part", []storage.CompletedPart{{Number: 1}, {Number: 2}, {Number: 4}}},
		{"out of order", []storage.CompletedPart{{Number: 2}, {Number: 1}, {Number: 3}}},
		{"repeated", []storage.CompletedPart{{Number: 1}, {Number: 1}, {Number: 2}}},
		{"part zero", []storage.CompletedPart{{Number: 0}, {Number: 1}}},
		{"negative part", []storage.CompletedPart{{Number: -1}, {Number: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, root := newStore(t)
			const key = "dir/obj"
			id, err := s.CreateMultipart(ctx, key, "")
			if err != nil {
				t.Fatal(err)
			}
			for n := 1; n <= 3; n++ {
				putPart(t, s, key, id, n, []byte{byte('0' + n)})
			}
			if _, err := s.CompleteMultipart(ctx, key, id, tt.parts); !errors.Is(err, disk.ErrInvalidParts) {
				t.Fatalf("CompleteMultipart error = %v, want ErrInvalidParts", err)
			}
			assertNotFound(t, s, key)
			// The parts stay, so the client can fix its list and complete.
			parts := ".multipart/" + id
			assertFiles(t, root, parts+"/key", parts+"/part-00001", parts+"/part-00002", parts+"/part-00003")
			if _, err := s.CompleteMultipart(ctx, key, id, []storage.CompletedPart{{Number: 1}, {Number: 2}, {Number: 3}}); err != nil {
				t.Fatalf("CompleteMultipart after a refused one: %v", err)
			}
			if got := read(t, s, key); got != "123" {
				t.Fatalf("object = %q", got)
			}
		})
	}
}

func TestMultipartFailingPart(t *testing.T) {
	ctx := context.Background()
	s, root := newStore(t)
	id, err := s.CreateMultipart(ctx, "k", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutPart(ctx, "k", id, 1, &failingReader{data: []byte("partial")}); !errors.Is(err, errReadFailed) {
		t.Fatalf("PutPart error = %v, want the reader's error", err)
	}
	// Neither a part nor a temporary file remains.
	assertFiles(t, root, ".multipart/"+id+"/key")
	if _, err := s.CompleteMultipart(ctx, "k", id, []storage.CompletedPart{{Number: 1}}); !errors.Is(err, disk.ErrInvalidParts) {
		t.Fatalf("CompleteMultipart error = %v, want ErrInvalidParts", err)
	}
	assertNotFound(t, s, "k")
}

func TestMultipartAbort(t *testing.T) {
	ctx := context.Background()
	s, root := newStore(t)
	id, err := s.CreateMultipart(ctx, "k", "")
	if err != nil {
		t.Fatal(err)
	}
	dir := partsDir(t, root, id)
	putPart(t, s, "k", id, 1, []byte("part"))

	if err := s.AbortMultipart(ctx, "k", id); err != nil {
		t.Fatalf("AbortMultipart: %v", err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("parts directory left after abort: %v", err)
	}
	assertFiles(t, root)
	if _, err := s.PutPart(ctx, "k", id, 2, strings.NewReader("x")); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("PutPart after abort error = %v, want ErrNotFound", err)
	}
	if _, err := s.PresignPart(ctx, "k", id, 2, 1, time.Minute); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("PresignPart after abort error = %v, want ErrNotFound", err)
	}
	if _, err := s.CompleteMultipart(ctx, "k", id, []storage.CompletedPart{{Number: 1}}); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("CompleteMultipart after abort error = %v, want ErrNotFound", err)
	}
	if err := s.AbortMultipart(ctx, "k", id); err != nil {
		t.Fatalf("second AbortMultipart = %v, want nil", err)
	}
	assertNotFound(t, s, "k")
}

// An upload ID is only good with the key it was created for, and is never a path.
func TestMultipartUploadIDBoundToKey(t *testing.T) {
	ctx := context.Background()
	s, root := newStore(t)
	id, err := s.CreateMultipart(ctx, "mine", "")
	if err != nil {
		t.Fatal(err)
	}
	putPart(t, s, "mine", id, 1, []byte("p"))
	parts := ".multipart/" + id

	if _, err := s.PutPart(ctx, "theirs", id, 2, strings.NewReader("x")); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("PutPart with another key error = %v, want ErrNotFound", err)
	}
	if _, err := s.PresignPart(ctx, "theirs", id, 2, 1, time.Minute); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("PresignPart with another key error = %v, want ErrNotFound", err)
	}
	if _, err := s.CompleteMultipart(ctx, "theirs", id, []storage.CompletedPart{{Number: 1}}); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("CompleteMultipart with another key error = %v, want ErrNotFound", err)
	}
	if err := s.AbortMultipart(ctx, "theirs", id); err != nil {
		t.Errorf("AbortMultipart with another key = %v, want nil", err)
	}
	assertFiles(t, root, parts+"/key", parts+"/part-00001")

	// A well-formed ID is hexadecimal: anything else could name a path.
	bad := []string{"", "..", "../../store", "../" + id, id + "/..", strings.ToUpper(id), id[:31], id + "0", strings.Repeat("g", 32)}
	for _, uid := range bad {
		if _, err := s.PutPart(ctx, "mine", uid, 1, strings.NewReader("x")); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("PutPart(upload %q) error = %v, want ErrNotFound", uid, err)
		}
		if _, err := s.PresignPart(ctx, "mine", uid, 1, 1, time.Minute); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("PresignPart(upload %q) error = %v, want ErrNotFound", uid, err)
		}
		if _, err := s.CompleteMultipart(ctx, "mine", uid, []storage.CompletedPart{{Number: 1}}); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("CompleteMultipart(upload %q) error = %v, want ErrNotFound", uid, err)
		}
		if err := s.AbortMultipart(ctx, "mine", uid); err != nil {
			t.Errorf("AbortMultipart(upload %q) = %v, want nil", uid, err)
		}
	}
	assertFiles(t, root, parts+"/key", parts+"/part-00001")
}

func TestMultipartUploadIDsAreUnique(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	seen := map[string]bool{}
	for range 50 {
		id, err := s.CreateMultipart(ctx, "same/key", "")
		if err != nil {
			t.Fatal(err)
		}
		if seen[id] {
			t.Fatalf("upload ID %s issued twice", id)
		}
		seen[id] = true
	}
}

func TestMultipartPartURLTampering(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	id, err := s.CreateMultipart(ctx, "k/obj", "")
	if err != nil {
		t.Fatal(err)
	}
	req, err := s.PresignPart(ctx, "k/obj", id, 3, 500, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	_, q := splitURL(t, http.MethodPut, req.URL)
	tampers := append(commonTampers(q),
		tamper{"larger size", setQ("size", "501")},
		tamper{"part 4", setQ("part", "4")},
		tamper{"non-numeric part", setQ("part", "three")},
		tamper{"with a type", setQ("type", "text/html")},
		// A part URL must not become a single upload of the whole object.
		tamper{"no upload", func(_, _ *string, q url.Values) { q.Del("upload"); q.Del("part") }},
	)
	checkTampering(t, s, http.MethodPut, req.URL, tampers)
}

func TestPing(t *testing.T) {
	ctx := context.Background()
	s, root := newStore(t)
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("Ping: %v", err)
	}
	if err := os.RemoveAll(root); err != nil {
		t.Fatal(err)
	}
	if err := s.Ping(ctx); err == nil {
		t.Fatal("Ping succeeded with the root gone")
	}
}

func TestListSkipsTheStoresOwnFilesAndSweepTemp(t *testing.T) {
	ctx := context.Background()
	s, root := newStore(t)
	put(t, s, "obj", "x")
	leftover := filepath.Join(root, ".tmp", "put-crashed")
	if err := os.WriteFile(leftover, []byte("half"), 0o600); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-2 * time.Hour)
	if err := os.Chtimes(leftover, old, old); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, ".tmp", "put-running"), []byte("young"), 0o600); err != nil {
		t.Fatal(err)
	}
	if page, next, err := s.List(ctx, "", "", 10); err != nil || len(page) != 1 || page[0].Key != "obj" || next != "" {
		t.Fatalf("list: %+v %q %v; want obj alone", page, next, err)
	}
	cutoff := time.Now().Add(-time.Hour)
	if n, size, err := s.SweepTemp(ctx, cutoff, false); err != nil || n != 1 || size != 4 {
		t.Fatalf("count temporary files: %d %d %v; want the old one", n, size, err)
	}
	if n, _, err := s.SweepTemp(ctx, cutoff, true); err != nil || n != 1 {
		t.Fatalf("sweep temporary files: %d %v", n, err)
	}
	if _, err := os.Stat(leftover); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the old temporary file is still there: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, ".tmp", "put-running")); err != nil {
		t.Errorf("the young temporary file was removed: %v", err)
	}
}
