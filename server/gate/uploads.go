package gate

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/requestid"
	"github.com/mediagraph/mediagraph/server/httperr"
	"github.com/mediagraph/mediagraph/storage"
	"github.com/mediagraph/mediagraph/storage/disk"
)

// SignedStore is a store that answers its own presigned uploads (the local-disk store): it checks
// the signature of a request and takes the bytes of the object or part it grants.
type SignedStore interface {
	Verify(method, key string, q url.Values, now time.Time) (disk.Grant, error)
	PutPart(ctx context.Context, key, uploadID string, number int, r io.Reader) (etag string, err error)
	Put(ctx context.Context, key string, r io.Reader, opts storage.PutOptions) (storage.ObjectInfo, error)
	Head(ctx context.Context, key string) (storage.ObjectInfo, error)
	Delete(ctx context.Context, key string) error
}

// SignedUploads serves the presigned PUTs of a SignedStore — whole files and parts — as an S3
// bucket would: the signature binds key, type, exact size and expiry, and a ticket writes once.
type SignedUploads struct {
	Store SignedStore
	Log   *slog.Logger
}

func refused(code access.Code, format string, args ...any) *access.Error {
	return &access.Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

func (h SignedUploads) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key := r.PathValue("key")
	g, err := h.Store.Verify(http.MethodPut, key, r.URL.Query(), time.Now())
	switch {
	case errors.Is(err, disk.ErrExpired):
		WriteError(w, refused(access.CodeUploadExpired, "the upload ticket expired; ask for a new one"))
		return
	case err != nil:
		WriteError(w, refused(access.CodeForbidden, "the request does not match its signature"))
		return
	}
	// A key is signed by the service, which makes only good ones; refusing a bad one here still
	// answers 400 before a byte is read rather than whatever the store would make of it.
	if storage.CheckKey(key) != nil {
		WriteError(w, badKey(key))
		return
	}
	if g.ContentType != "" && r.Header.Get("Content-Type") != g.ContentType {
		WriteError(w, refused(access.CodeContentMismatch, "the ticket is for Content-Type %s", g.ContentType))
		return
	}
	if r.ContentLength != g.Size {
		WriteError(w, refused(access.CodeContentMismatch, "the ticket is for exactly %d bytes (Content-Length)", g.Size))
		return
	}
	body := &httperr.Body{ReadCloser: http.MaxBytesReader(w, r.Body, g.Size)}
	ctx := r.Context()
	if g.UploadID != "" {
		etag, err := h.Store.PutPart(ctx, key, g.UploadID, g.Part, body)
		if err != nil {
			h.fail(w, r, body, err)
			return
		}
		w.Header().Set("ETag", `"`+etag+`"`)
		return
	}
	if _, err := h.Store.Head(ctx, key); err == nil {
		WriteError(w, refused(access.CodeConflict, "this ticket was used already"))
		return
	}
	info, err := h.Store.Put(ctx, key, body, storage.PutOptions{ContentType: g.ContentType})
	if err != nil {
		h.fail(w, r, body, err)
		return
	}
	if info.Size != g.Size {
		h.Store.Delete(ctx, key)
		WriteError(w, refused(access.CodeContentMismatch, "%d bytes arrived, the ticket is for %d", info.Size, g.Size))
	}
}

// fail answers a failed write to the store: the client's fault when reading its body failed or its
// key is bad, else the store's.
func (h SignedUploads) fail(w http.ResponseWriter, r *http.Request, body *httperr.Body, err error) {
	var tooLarge *http.MaxBytesError
	switch {
	case httperr.ClientGone(r, err) || httperr.ClientGone(r, body.Err):
		h.Log.InfoContext(r.Context(), "signed upload cancelled by its client", "request_id", requestid.From(r.Context()), "err", err)
	case errors.As(body.Err, &tooLarge):
		WriteError(w, refused(access.CodeContentMismatch, "more bytes arrived than the ticket is for"))
	case body.Err != nil: // cut short, or slower than the server's minimum rate
		h.Log.InfoContext(r.Context(), "signed upload body did not arrive", "request_id", requestid.From(r.Context()), "err", body.Err)
		WriteError(w, refused(access.CodeContentMismatch, "the body ended before Content-Length bytes arrived"))
	case errors.Is(err, storage.ErrNotFound):
		WriteError(w, refused(access.CodeNotFound, "no such multipart upload"))
	case errors.Is(err, storage.ErrInvalidKey):
		WriteError(w, badKey(r.PathValue("key")))
	default:
		id := requestid.From(r.Context())
		h.Log.ErrorContext(r.Context(), "signed upload", "request_id", id, "err", err)
		WriteError(w, refused(access.CodeInternal, "internal error (request id %s)", id))
	}
}

func badKey(key string) *access.Error {
	return &access.Error{Code: access.CodeValidationFailed, Field: "key", Message: fmt.Sprintf("%q is not a valid object key", key)}
}
