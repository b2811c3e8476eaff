package media

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/mediagraph/mediagraph/storage"
)

// orphanPage is how many objects the sweep of crash leftovers holds at once, and checks against the
// database in one query.
const orphanPage = 1000

// orphanPrefixes are where Mediagraph writes objects: the sweep never looks elsewhere, so a bucket
// shared with other data keeps that data.
var orphanPrefixes = []string{"assets/", "derived/"}

// OrphanCount is what the sweep found of one kind of leftover; Bytes is -1 when unknown (the parts of
// a multipart upload are not listed).
type OrphanCount struct {
	Count int
	Bytes int64
}

// OrphanReport is what a sweep of crash leftovers found, by kind.
type OrphanReport struct {
	Spool, StoreTemp, Objects, Multipart OrphanCount
}

// Total counts every leftover found.
func (r OrphanReport) Total() int {
	return r.Spool.Count + r.StoreTemp.Count + r.Objects.Count + r.Multipart.Count
}

// Kinds lists the counts with their names, in the order a report shows them.
func (r OrphanReport) Kinds() []struct {
	Name string
	OrphanCount
} {
	return []struct {
		Name string
		OrphanCount
	}{{"spool files", r.Spool}, {"store temp files", r.StoreTemp}, {"orphaned objects", r.Objects}, {"stale multipart uploads", r.Multipart}}
}

// SweepOrphans finds what crashes left behind — spool files of uploads in transit, the store's
// temporary files, stored objects no row points to, multipart uploads no signed upload knows — and,
// when remove is set, deletes it. Nothing younger than the grace is touched: that protects every
// upload still running, whose files are written to and whose rows are not committed yet. An object is
// deleted only when it is older than the grace and no row pointed to it when its page was checked;
// a row that names an existing object is only ever created from a pending upload, which is a row too.
func (s *Library) SweepOrphans(ctx context.Context, remove bool) (OrphanReport, error) {
	cutoff := time.Now().Add(-s.settings.OrphanGrace)
	var r OrphanReport
	var err error
	if r.Spool, err = sweepDir(ctx, s.spoolDir, cutoff, remove); err != nil {
		return r, fmt.Errorf("sweep spool files: %w", err)
	}
	if ts, ok := s.store.(storage.TempSweeper); ok {
		n, size, err := ts.SweepTemp(ctx, cutoff, remove)
		r.StoreTemp = OrphanCount{n, size}
		if err != nil {
			return r, fmt.Errorf("sweep the store's temporary files: %w", err)
		}
	}
	if r.Multipart, err = s.sweepMultiparts(ctx, cutoff, remove); err != nil {
		return r, err
	}
	for _, prefix := range orphanPrefixes {
		c, err := s.sweepObjects(ctx, prefix, cutoff, remove)
		r.Objects.Count += c.Count
		r.Objects.Bytes += c.Bytes
		if err != nil {
			return r, err
		}
	}
	return r, nil
}

// sweepDir counts, and removes when asked, the regular files of dir last written before cutoff. A
// file still open for reading is unaffected by its removal.
func sweepDir(ctx context.Context, dir string, cutoff time.Time, remove bool) (OrphanCount, error) {
	var c OrphanCount
	if dir == "" {
		return c, nil
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, err
	}
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return c, err
		}
		info, err := e.Info()
		if err != nil || !info.Mode().IsRegular() || !info.ModTime().Before(cutoff) {
			continue
		}
		if remove {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return c, err
			}
		}
		c.Count++
		c.Bytes += info.Size()
	}
	return c, nil
}

// sweepObjects goes through the objects under prefix a page at a time, deleting the old ones that no
// row points to.
func (s *Library) sweepObjects(ctx context.Context, prefix string, cutoff time.Time, remove bool) (OrphanCount, error) {
	var c OrphanCount
	for after := ""; ; {
		page, next, err := s.store.List(ctx, prefix, after, orphanPage)
		if err != nil {
			return c, fmt.Errorf("sweep orphaned objects: %w", err)
		}
		orphans, err := s.unreferenced(ctx, page, cutoff)
		if err != nil {
			return c, err
		}
		for _, o := range orphans {
			if remove {
				if err := s.store.Delete(ctx, o.Key); err != nil {
					return c, fmt.Errorf("delete orphaned object: %w", err)
				}
			}
			c.Count++
			c.Bytes += o.Size
		}
		if next == "" {
			return c, nil
		}
		after = next
	}
}

// unreferenced returns the objects of page older than cutoff that no row points to.
func (s *Library) unreferenced(ctx context.Context, page []storage.ObjectInfo, cutoff time.Time) ([]storage.ObjectInfo, error) {
	var old []storage.ObjectInfo
	keys := make([]string, 0, len(page))
	for _, o := range page {
		if o.ModTime.Before(cutoff) {
			old = append(old, o)
			keys = append(keys, o.Key)
		}
	}
	if len(old) == 0 {
		return nil, nil
	}
	refs, err := s.db.ReferencedKeys(ctx, keys)
	if err != nil {
		return nil, err
	}
	orphans := old[:0]
	for _, o := range old {
		if !refs[o.Key] {
			orphans = append(orphans, o)
		}
	}
	return orphans, nil
}

// sweepMultiparts aborts the multipart uploads started before cutoff that no signed upload knows: the
// parts of a Put cut short by a crash, or of a ticket whose row is gone.
func (s *Library) sweepMultiparts(ctx context.Context, cutoff time.Time, remove bool) (OrphanCount, error) {
	c := OrphanCount{Bytes: -1}
	for after := ""; ; {
		page, next, err := s.store.ListMultipart(ctx, after, orphanPage)
		if err != nil {
			return c, fmt.Errorf("sweep multipart uploads: %w", err)
		}
		var old []storage.MultipartInfo
		var ids []string
		for _, u := range page {
			if u.ModTime.Before(cutoff) {
				old = append(old, u)
				ids = append(ids, u.UploadID)
			}
		}
		known, err := s.db.KnownMultiparts(ctx, ids)
		if err != nil {
			return c, err
		}
		for _, u := range old {
			if known[u.UploadID] {
				continue
			}
			if remove {
				if err := s.store.AbortMultipart(ctx, u.Key, u.UploadID); err != nil {
					return c, fmt.Errorf("abort stale multipart upload: %w", err)
				}
			}
			c.Count++
		}
		if next == "" {
			return c, nil
		}
		after = next
	}
}
