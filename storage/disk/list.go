package disk

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/mediagraph/mediagraph/storage"
)

var _ storage.TempSweeper = (*Store)(nil)

// errLimit is how a listing that has enough objects stops its walk.
var errLimit = errors.New("listing limit reached")

// List implements storage.Store. It walks the tree in key order, skipping whole directories that lie
// before after or outside prefix, and the store's own directories (.tmp, .multipart).
func (s *Store) List(ctx context.Context, prefix, after string, limit int) ([]storage.ObjectInfo, string, error) {
	if limit <= 0 {
		return nil, "", fmt.Errorf("list objects: limit %d is not positive", limit)
	}
	// One more than asked tells whether another page follows.
	l := &lister{ctx: ctx, prefix: prefix, after: after, limit: limit + 1}
	if err := l.walk(s.root, ""); err != nil && !errors.Is(err, errLimit) {
		return nil, "", fmt.Errorf("list objects: %w", err)
	}
	if len(l.out) > limit {
		return l.out[:limit], l.out[limit-1].Key, nil
	}
	return l.out, "", nil
}

type lister struct {
	ctx           context.Context
	prefix, after string
	limit         int
	out           []storage.ObjectInfo
}

// walk lists dir, whose keys start with base. Entries sort as their keys do: a directory as its name
// followed by "/", so that "a/b" comes after "a-c" as it does in S3.
func (l *lister) walk(dir, base string) error {
	if err := l.ctx.Err(); err != nil {
		return err
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil // pruned by a concurrent Delete
	}
	if err != nil {
		return err
	}
	name := func(e fs.DirEntry) string {
		if e.IsDir() {
			return e.Name() + "/"
		}
		return e.Name()
	}
	sort.Slice(entries, func(i, j int) bool { return name(entries[i]) < name(entries[j]) })
	for _, e := range entries {
		if base == "" && strings.HasPrefix(e.Name(), ".") {
			continue // the store's own files, never an object's key
		}
		key := base + name(e)
		if e.IsDir() {
			if !l.mayHold(key) {
				continue
			}
			if err := l.walk(filepath.Join(dir, e.Name()), key); err != nil {
				return err
			}
			continue
		}
		if err := l.add(dir, key, e); err != nil {
			return err
		}
	}
	return nil
}

// mayHold tells whether keys under the directory prefix dir can be listed: they are all after
// l.after and some may start with l.prefix.
func (l *lister) mayHold(dir string) bool {
	if !strings.HasPrefix(dir, l.prefix) && !strings.HasPrefix(l.prefix, dir) {
		return false
	}
	// Every key under dir sorts before an after that is greater than dir without starting with it.
	return l.after <= dir || strings.HasPrefix(l.after, dir)
}

func (l *lister) add(dir, key string, e fs.DirEntry) error {
	if !e.Type().IsRegular() || key <= l.after || !strings.HasPrefix(key, l.prefix) {
		return nil
	}
	info, err := e.Info()
	if errors.Is(err, fs.ErrNotExist) {
		return nil // deleted while listed
	}
	if err != nil {
		return fmt.Errorf("stat %s: %w", filepath.Join(dir, e.Name()), err)
	}
	l.out = append(l.out, storage.ObjectInfo{Key: key, Size: info.Size(), ModTime: info.ModTime()})
	if len(l.out) >= l.limit {
		return errLimit
	}
	return nil
}

// ListMultipart implements storage.Store: the uploads are the directories under .multipart, in the
// order of their ids; a directory's time is when its last part arrived.
func (s *Store) ListMultipart(ctx context.Context, after string, limit int) ([]storage.MultipartInfo, string, error) {
	if limit <= 0 {
		return nil, "", fmt.Errorf("list multipart uploads: limit %d is not positive", limit)
	}
	entries, err := os.ReadDir(filepath.Join(s.root, ".multipart"))
	if err != nil {
		return nil, "", fmt.Errorf("list multipart uploads: %w", err)
	}
	var out []storage.MultipartInfo
	for _, e := range entries { // ReadDir sorts by name
		if err := ctx.Err(); err != nil {
			return nil, "", err
		}
		if !e.IsDir() || e.Name() <= after {
			continue
		}
		if len(out) == limit {
			return out, out[limit-1].UploadID, nil
		}
		if u, ok := s.multipartInfo(e); ok {
			out = append(out, u)
		}
	}
	return out, "", nil
}

// multipartInfo describes the upload of a directory under .multipart; one gone meanwhile, or whose
// key was never written (a crash in CreateMultipart), is not listed.
func (s *Store) multipartInfo(e fs.DirEntry) (storage.MultipartInfo, bool) {
	key, err := os.ReadFile(filepath.Join(s.root, ".multipart", e.Name(), "key"))
	if err != nil {
		return storage.MultipartInfo{}, false
	}
	info, err := e.Info()
	if err != nil {
		return storage.MultipartInfo{}, false
	}
	return storage.MultipartInfo{Key: string(key), UploadID: e.Name(), ModTime: info.ModTime()}, true
}

// SweepTemp implements storage.TempSweeper: the files of Puts that never finished, under .tmp.
func (s *Store) SweepTemp(ctx context.Context, cutoff time.Time, remove bool) (int, int64, error) {
	dir := filepath.Join(s.root, ".tmp")
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, 0, fmt.Errorf("list temporary files: %w", err)
	}
	var count int
	var size int64
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return count, size, err
		}
		info, err := e.Info()
		if err != nil || !info.Mode().IsRegular() || !info.ModTime().Before(cutoff) {
			continue // gone meanwhile (renamed into place), or still young
		}
		if remove {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return count, size, fmt.Errorf("remove temporary file: %w", err)
			}
		}
		count++
		size += info.Size()
	}
	return count, size, nil
}
