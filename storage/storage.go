// Package storage is the object store holding the bytes of every asset version: an interface with a
// local-disk implementation (the embedded default) shaped so that an S3 implementation fits it too.
// Nothing here knows about assets; keys are opaque paths chosen by the caller.
package storage

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"
)

// ErrNotFound is returned for a key that holds no object.
var ErrNotFound = errors.New("object not found")

// ErrInvalidKey is returned for a key that could escape the store (.., absolute, backslashes).
var ErrInvalidKey = errors.New("invalid object key")

// ObjectInfo describes a stored object.
type ObjectInfo struct {
	Key         string
	Size        int64
	ContentType string
	ModTime     time.Time
}

// Object is an open stored object. Seeking makes ranged reads: only the bytes read are fetched.
type Object interface {
	io.ReadSeekCloser
	Info() ObjectInfo
}

// PutOptions describe an object being written.
type PutOptions struct {
	ContentType string
}

// SignedRequest is a request a client may make without credentials of its own, until it expires.
type SignedRequest struct {
	Method  string
	URL     string
	Headers http.Header
	Expires time.Time
}

// PresignPutOptions bind a presigned upload to exactly one object: its type and size.
type PresignPutOptions struct {
	ContentType string
	Size        int64
	TTL         time.Duration
}

// CompletedPart identifies an uploaded part of a multipart upload.
type CompletedPart struct {
	Number int
	ETag   string
}

// MultipartInfo describes a multipart upload in progress.
type MultipartInfo struct {
	Key      string
	UploadID string
	// ModTime is when the upload started (S3), or last received a part (disk).
	ModTime time.Time
}

// TempSweeper is a store that keeps temporary files of its own, which a crash in the middle of a write
// leaves behind.
type TempSweeper interface {
	// SweepTemp counts the temporary files last written before cutoff, and removes them when remove is
	// set. A file still being written is newer than any sensible cutoff.
	SweepTemp(ctx context.Context, cutoff time.Time, remove bool) (count int, bytes int64, err error)
}

// Store is an object store.
type Store interface {
	// Put writes an object atomically: until Put returns successfully, nothing is visible under key.
	Put(ctx context.Context, key string, r io.Reader, opts PutOptions) (ObjectInfo, error)
	// Open opens an object for reading, sequentially or by ranges.
	Open(ctx context.Context, key string) (Object, error)
	// Head describes an object without reading it.
	Head(ctx context.Context, key string) (ObjectInfo, error)
	// Delete removes an object; deleting a missing object is not an error.
	Delete(ctx context.Context, key string) error
	// Move puts the object of from under to, replacing what to held, and removes it from from. A move
	// that finds from gone and to present was done before (by a try that failed after it), and
	// succeeds again; with neither, it is ErrNotFound.
	Move(ctx context.Context, from, to string) error

	// PresignPut issues a request that uploads exactly one object of the given type and size to key.
	PresignPut(ctx context.Context, key string, opts PresignPutOptions) (*SignedRequest, error)
	// PresignGet issues a request that downloads key.
	PresignGet(ctx context.Context, key string, ttl time.Duration) (*SignedRequest, error)

	// CreateMultipart starts an upload assembled from parts, for objects too large for one request.
	CreateMultipart(ctx context.Context, key, contentType string) (uploadID string, err error)
	// PresignPart issues a request that uploads one part (numbered from 1) of a multipart upload.
	PresignPart(ctx context.Context, key, uploadID string, number int, size int64, ttl time.Duration) (*SignedRequest, error)
	// CompleteMultipart assembles the parts, in number order, into the object.
	CompleteMultipart(ctx context.Context, key, uploadID string, parts []CompletedPart) (ObjectInfo, error)
	// AbortMultipart discards a multipart upload and its parts.
	AbortMultipart(ctx context.Context, key, uploadID string) error

	// List returns, in key order, up to limit objects whose keys start with prefix and sort after
	// after, and the after of the next page: empty when this page is the last. Only objects are
	// listed, never what the store keeps for itself (temporary files, parts).
	List(ctx context.Context, prefix, after string, limit int) (objects []ObjectInfo, next string, err error)
	// ListMultipart returns up to limit multipart uploads in progress, in a stable order, and the after
	// of the next page: empty when this page is the last.
	ListMultipart(ctx context.Context, after string, limit int) (uploads []MultipartInfo, next string, err error)

	// Ping checks the store is reachable.
	Ping(ctx context.Context) error
}

// CheckKey refuses keys that are not plain relative paths.
func CheckKey(key string) error {
	if key == "" || strings.HasPrefix(key, "/") || strings.Contains(key, `\`) || strings.ContainsRune(key, 0) {
		return ErrInvalidKey
	}
	for _, seg := range strings.Split(key, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return ErrInvalidKey
		}
	}
	return nil
}
