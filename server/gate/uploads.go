package gate

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/requestid"
	"github.com/mediagraph/mediagraph/storage"
	"github.com/mediagraph/mediagraph/storage/disk"
)

// SignedUploads serves the presigned PUTs of the local-disk store — whole files and parts — as an
// S3 bucket would: the signature binds key, type, exact size and expiry, and a ticket writes once.
type SignedUploads struct {
	Store *disk.Store
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
	if g.ContentType != "" && r.Header.Get("Content-Type") != g.ContentType {
		WriteError(w, refused(access.CodeContentMismatch, "the ticket is for Content-Type %s", g.ContentType))
		return
	}
	if r.ContentLength != g.Size {
		WriteError(w, refused(access.CodeContentMismatch, "the ticket is for exactly %d bytes (Content-Length)", g.Size))
		return
	}
	body := http.MaxBytesReader(w, r.Body, g.Size)
	ctx := r.Context()
	if g.UploadID != "" {
		etag, err := h.Store.PutPart(ctx, key, g.UploadID, g.Part, body)
		if err != nil {
			h.fail(w, r, err)
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
		h.fail(w, r, err)
		return
	}
	if info.Size != g.Size {
		h.Store.Delete(ctx, key)
		WriteError(w, refused(access.CodeContentMismatch, "%d bytes arrived, the ticket is for %d", info.Size, g.Size))
	}
}

func (h SignedUploads) fail(w http.ResponseWriter, r *http.Request, err error) {
	var tooLarge *http.MaxBytesError
	switch {
	case errors.Is(err, storage.ErrNotFound):
		WriteError(w, refused(access.CodeNotFound, "no such multipart upload"))
		return
	case errors.As(err, &tooLarge):
		WriteError(w, refused(access.CodeContentMismatch, "more bytes arrived than the ticket is for"))
		return
	case errors.Is(err, io.ErrUnexpectedEOF):
		WriteError(w, refused(access.CodeContentMismatch, "the body ended before Content-Length bytes"))
		return
	}
	id := requestid.From(r.Context())
	h.Log.ErrorContext(r.Context(), "signed upload", "request_id", id, "err", err)
	WriteError(w, refused(access.CodeInternal, "internal error (request id %s)", id))
}
