// Package disk is the local-disk object store of the embedded default. Writes go to a temporary file
// that is renamed into place, so a crash never leaves a half-written object under its final key.
// Presigned requests are URLs served by Mediagraph itself and signed with HMAC-SHA256.
package disk

import (
	"context"
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/mediagraph/mediagraph/storage"
)

// Paths, under the public URL, of the requests a presigned URL authorizes.
const (
	UploadPath   = "/storage/upload/"
	DownloadPath = "/storage/download/"
)

// Store keeps objects as files under a root directory.
type Store struct {
	root      string
	publicURL string
	key       []byte
}

// New opens (creating if needed) a store rooted at dir. publicURL is where Mediagraph serves the
// presigned requests; signingKey signs them.
func New(dir, publicURL string, signingKey []byte) (*Store, error) {
	dir = filepath.Clean(dir) // Delete compares paths with the root to know where to stop pruning
	for _, d := range []string{dir, filepath.Join(dir, ".tmp"), filepath.Join(dir, ".multipart")} {
		if err := os.MkdirAll(d, 0o750); err != nil {
			return nil, fmt.Errorf("create store directory: %w", err)
		}
	}
	return &Store{root: dir, publicURL: strings.TrimSuffix(publicURL, "/"), key: signingKey}, nil
}

var _ storage.Store = (*Store)(nil)

func (s *Store) path(key string) (string, error) {
	if err := storage.CheckKey(key); err != nil {
		return "", err
	}
	if strings.HasPrefix(key, ".") {
		return "", storage.ErrInvalidKey
	}
	return filepath.Join(s.root, filepath.FromSlash(key)), nil
}

// writeAtomic copies r into a temporary file, syncs it and renames it to dst.
func (s *Store) writeAtomic(dst string, r io.Reader) (int64, error) {
	tmp, err := os.CreateTemp(filepath.Join(s.root, ".tmp"), "put-*")
	if err != nil {
		return 0, fmt.Errorf("create temporary file: %w", err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	n, err := io.Copy(tmp, r)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return n, fmt.Errorf("write object: %w", err)
	}
	// A concurrent Delete may prune directories while MkdirAll makes them (ErrExist from a directory
	// gone again) or before Rename fills them (ErrNotExist): make them again.
	for attempt := 0; attempt < 10; attempt++ {
		if err = os.MkdirAll(filepath.Dir(dst), 0o750); err != nil {
			err = fmt.Errorf("create object directory: %w", err)
		} else if err = os.Rename(tmp.Name(), dst); err != nil {
			err = fmt.Errorf("move object into place: %w", err)
		} else {
			return n, nil
		}
		if !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	return n, err
}

// Put implements storage.Store.
func (s *Store) Put(ctx context.Context, key string, r io.Reader, _ storage.PutOptions) (storage.ObjectInfo, error) {
	p, err := s.path(key)
	if err != nil {
		return storage.ObjectInfo{}, err
	}
	if _, err := s.writeAtomic(p, contextReader{ctx, r}); err != nil {
		return storage.ObjectInfo{}, err
	}
	return s.Head(ctx, key)
}

// contextReader stops a long copy when the request that drives it is cancelled.
type contextReader struct {
	ctx context.Context
	r   io.Reader
}

func (c contextReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

type object struct {
	*os.File
	info storage.ObjectInfo
}

func (o object) Info() storage.ObjectInfo { return o.info }

// Open implements storage.Store.
func (s *Store) Open(_ context.Context, key string) (storage.Object, error) {
	p, err := s.path(key)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, notFound(err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("stat object: %w", err)
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, storage.ErrNotFound // a directory: a prefix of other keys, not an object
	}
	return object{f, storage.ObjectInfo{Key: key, Size: st.Size(), ModTime: st.ModTime()}}, nil
}

// notFound maps the errors of a path that holds no file, including one below a file (ENOTDIR).
func notFound(err error) error {
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		return storage.ErrNotFound
	}
	return err
}

// Head implements storage.Store.
func (s *Store) Head(_ context.Context, key string) (storage.ObjectInfo, error) {
	p, err := s.path(key)
	if err != nil {
		return storage.ObjectInfo{}, err
	}
	st, err := os.Stat(p)
	if err != nil {
		return storage.ObjectInfo{}, notFound(err)
	}
	if !st.Mode().IsRegular() {
		return storage.ObjectInfo{}, storage.ErrNotFound
	}
	return storage.ObjectInfo{Key: key, Size: st.Size(), ModTime: st.ModTime()}, nil
}

// Delete implements storage.Store. Directories emptied by the deletion are removed too.
func (s *Store) Delete(_ context.Context, key string) error {
	p, err := s.path(key)
	if err != nil {
		return err
	}
	if st, err := os.Lstat(p); err == nil && st.IsDir() {
		return nil // a prefix of other keys holds no object
	}
	if err := os.Remove(p); err != nil {
		if notFound(err) == storage.ErrNotFound {
			return nil // nothing emptied; and below an object, pruning would remove that object
		}
		return fmt.Errorf("delete object: %w", err)
	}
	for dir := filepath.Dir(p); dir != s.root && strings.HasPrefix(dir, s.root); dir = filepath.Dir(dir) {
		if os.Remove(dir) != nil {
			break // not empty, or already gone
		}
	}
	return nil
}

// Move implements storage.Store: one rename, so the object is at exactly one of the keys at any time.
func (s *Store) Move(ctx context.Context, from, to string) error {
	src, err := s.path(from)
	if err != nil {
		return err
	}
	dst, err := s.path(to)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o750); err != nil {
		return fmt.Errorf("create object directory: %w", err)
	}
	if err := os.Rename(src, dst); err != nil {
		if notFound(err) == storage.ErrNotFound {
			_, herr := s.Head(ctx, to)
			return herr // moved before: nil; else the object is gone
		}
		return fmt.Errorf("move object: %w", err)
	}
	// What Delete would prune, now that the source is gone.
	for dir := filepath.Dir(src); dir != s.root && strings.HasPrefix(dir, s.root); dir = filepath.Dir(dir) {
		if os.Remove(dir) != nil {
			break
		}
	}
	return nil
}

// Ping implements storage.Store.
func (s *Store) Ping(context.Context) error {
	_, err := os.Stat(s.root)
	return err
}

// Grant is what a valid presigned request allows.
type Grant struct {
	Method      string
	Key         string
	ContentType string
	Size        int64
	UploadID    string
	Part        int
	Expires     time.Time
}

// Errors of presigned requests.
var (
	ErrBadSignature = errors.New("signature does not match")
	ErrExpired      = errors.New("signed request expired")
)

func (g Grant) canonical() string {
	return strings.Join([]string{g.Method, g.Key, strconv.FormatInt(g.Expires.Unix(), 10),
		strconv.FormatInt(g.Size, 10), g.ContentType, g.UploadID, strconv.Itoa(g.Part)}, "\n")
}

func (s *Store) sign(g Grant) string {
	mac := hmac.New(sha256.New, s.key)
	mac.Write([]byte(g.canonical()))
	return hex.EncodeToString(mac.Sum(nil))
}

func (s *Store) signedRequest(path string, g Grant) *storage.SignedRequest {
	q := url.Values{}
	q.Set("expires", strconv.FormatInt(g.Expires.Unix(), 10))
	if g.Method == http.MethodPut {
		q.Set("size", strconv.FormatInt(g.Size, 10))
		q.Set("type", g.ContentType)
	}
	if g.UploadID != "" {
		q.Set("upload", g.UploadID)
		q.Set("part", strconv.Itoa(g.Part))
	}
	q.Set("signature", s.sign(g))
	h := http.Header{}
	if g.ContentType != "" {
		h.Set("Content-Type", g.ContentType)
	}
	return &storage.SignedRequest{Method: g.Method, URL: s.publicURL + path + escapeKey(g.Key) + "?" + q.Encode(), Headers: h, Expires: g.Expires}
}

// escapeKey escapes each segment of key so that ?, # and % in it stay part of the URL's path.
func escapeKey(key string) string {
	segs := strings.Split(key, "/")
	for i, seg := range segs {
		segs[i] = url.PathEscape(seg)
	}
	return strings.Join(segs, "/")
}

// Verify checks a presigned request to key with the given query and returns what it grants.
func (s *Store) Verify(method, key string, q url.Values, now time.Time) (Grant, error) {
	exp, err1 := strconv.ParseInt(q.Get("expires"), 10, 64)
	size, err2 := strconv.ParseInt(q.Get("size"), 10, 64)
	if method == http.MethodGet {
		size, err2 = 0, nil
	}
	part, err3 := strconv.Atoi(q.Get("part"))
	if q.Get("part") == "" {
		part, err3 = 0, nil
	}
	if err1 != nil || err2 != nil || err3 != nil {
		return Grant{}, ErrBadSignature
	}
	g := Grant{Method: method, Key: key, ContentType: q.Get("type"), Size: size, UploadID: q.Get("upload"), Part: part, Expires: time.Unix(exp, 0)}
	if !hmac.Equal([]byte(s.sign(g)), []byte(q.Get("signature"))) {
		return Grant{}, ErrBadSignature
	}
	if now.After(g.Expires) {
		return Grant{}, ErrExpired
	}
	return g, nil
}

// PresignPut implements storage.Store.
func (s *Store) PresignPut(_ context.Context, key string, opts storage.PresignPutOptions) (*storage.SignedRequest, error) {
	if _, err := s.path(key); err != nil {
		return nil, err
	}
	g := Grant{Method: http.MethodPut, Key: key, ContentType: opts.ContentType, Size: opts.Size, Expires: expiry(opts.TTL)}
	return s.signedRequest(UploadPath, g), nil
}

// PresignGet implements storage.Store.
func (s *Store) PresignGet(_ context.Context, key string, ttl time.Duration) (*storage.SignedRequest, error) {
	if _, err := s.path(key); err != nil {
		return nil, err
	}
	return s.signedRequest(DownloadPath, Grant{Method: http.MethodGet, Key: key, Expires: expiry(ttl)}), nil
}

func expiry(ttl time.Duration) time.Time { return time.Now().Add(ttl).Truncate(time.Second) }

func (s *Store) uploadDir(uploadID string) (string, error) {
	if len(uploadID) != 32 || strings.Trim(uploadID, "0123456789abcdef") != "" {
		return "", storage.ErrNotFound
	}
	return filepath.Join(s.root, ".multipart", uploadID), nil
}

// CreateMultipart implements storage.Store.
func (s *Store) CreateMultipart(_ context.Context, key, _ string) (string, error) {
	if _, err := s.path(key); err != nil {
		return "", err
	}
	id := make([]byte, 16)
	if _, err := rand.Read(id); err != nil {
		return "", err
	}
	uploadID := hex.EncodeToString(id)
	dir, _ := s.uploadDir(uploadID)
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return "", fmt.Errorf("create multipart upload: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "key"), []byte(key), 0o640); err != nil {
		return "", fmt.Errorf("create multipart upload: %w", err)
	}
	return uploadID, nil
}

// PresignPart implements storage.Store.
func (s *Store) PresignPart(_ context.Context, key, uploadID string, number int, size int64, ttl time.Duration) (*storage.SignedRequest, error) {
	if _, err := s.multipart(key, uploadID); err != nil {
		return nil, err
	}
	g := Grant{Method: http.MethodPut, Key: key, Size: size, UploadID: uploadID, Part: number, Expires: expiry(ttl)}
	return s.signedRequest(UploadPath, g), nil
}

// multipart returns the directory of an upload after checking it belongs to key.
func (s *Store) multipart(key, uploadID string) (string, error) {
	dir, err := s.uploadDir(uploadID)
	if err != nil {
		return "", err
	}
	owner, err := os.ReadFile(filepath.Join(dir, "key"))
	if err != nil || string(owner) != key {
		return "", storage.ErrNotFound
	}
	return dir, nil
}

// PutPart stores one part of a multipart upload and returns its ETag (the MD5 of its bytes, as S3
// gives it).
func (s *Store) PutPart(_ context.Context, key, uploadID string, number int, r io.Reader) (string, error) {
	dir, err := s.multipart(key, uploadID)
	if err != nil {
		return "", err
	}
	h := md5.New()
	if _, err := s.writeAtomic(filepath.Join(dir, partName(number)), io.TeeReader(r, h)); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func partName(n int) string { return fmt.Sprintf("part-%05d", n) }

// ErrInvalidParts is returned when the parts listed to complete an upload are missing, repeated or
// out of order.
var ErrInvalidParts = errors.New("invalid multipart parts")

// CompleteMultipart implements storage.Store.
func (s *Store) CompleteMultipart(ctx context.Context, key, uploadID string, parts []storage.CompletedPart) (storage.ObjectInfo, error) {
	dir, err := s.multipart(key, uploadID)
	if err != nil {
		return storage.ObjectInfo{}, err
	}
	if len(parts) == 0 {
		return storage.ObjectInfo{}, ErrInvalidParts
	}
	for i, p := range parts {
		if p.Number < 1 || (i > 0 && p.Number <= parts[i-1].Number) {
			return storage.ObjectInfo{}, fmt.Errorf("%w: parts must be listed in increasing order", ErrInvalidParts)
		}
	}
	files := make([]io.Reader, 0, len(parts))
	for _, p := range parts {
		f, err := os.Open(filepath.Join(dir, partName(p.Number)))
		if err != nil {
			return storage.ObjectInfo{}, fmt.Errorf("%w: part %d", ErrInvalidParts, p.Number)
		}
		defer f.Close()
		files = append(files, f)
	}
	dst, err := s.path(key)
	if err != nil {
		return storage.ObjectInfo{}, err
	}
	if _, err := s.writeAtomic(dst, contextReader{ctx, io.MultiReader(files...)}); err != nil {
		return storage.ObjectInfo{}, err
	}
	if err := os.RemoveAll(dir); err != nil {
		return storage.ObjectInfo{}, fmt.Errorf("remove multipart parts: %w", err)
	}
	return s.Head(ctx, key)
}

// AbortMultipart implements storage.Store.
func (s *Store) AbortMultipart(_ context.Context, key, uploadID string) error {
	dir, err := s.multipart(key, uploadID)
	if errors.Is(err, storage.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	return os.RemoveAll(dir)
}
