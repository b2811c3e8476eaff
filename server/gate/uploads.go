package gate

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"encoding/xml"
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
// bucket would, so S3 upload libraries work against it unchanged: the signature binds key, type,
// exact size and expiry, and a ticket writes once.
type SignedUploads struct {
	Store SignedStore
	Log   *slog.Logger
}

// s3Error is a refusal as S3 words it (its error code and XML body, so S3 upload libraries understand
// it) and as Mediagraph does (the code, whose status the one table gives, in httperr.CodeHeader).
type s3Error struct {
	code    access.Code
	s3Code  string
	message string
	// argument names the input at fault, as S3's InvalidArgument does.
	argument string
}

func refused(code access.Code, s3Code, format string, args ...any) s3Error {
	return s3Error{code: code, s3Code: s3Code, message: fmt.Sprintf(format, args...)}
}

// The refusals S3 gives for the same faults: a header the URL was signed with (Content-Type,
// Content-Length) that differs is a signature that does not match.
var (
	errExpired   = refused(access.CodeUploadExpired, "AccessDenied", "Request has expired: the upload ticket expired; ask for a new one")
	errSignature = refused(access.CodeForbidden, "SignatureDoesNotMatch", "The request does not match its signature")
	errUsed      = refused(access.CodeConflict, "ConditionalRequestConflict", "This ticket was used already")
	errNoUpload  = refused(access.CodeNotFound, "NoSuchUpload", "The specified multipart upload does not exist")
	errTooLarge  = refused(access.CodeContentMismatch, "EntityTooLarge", "More bytes arrived than the ticket is for")
	errShortBody = refused(access.CodeContentMismatch, "IncompleteBody", "The body ended before Content-Length bytes arrived")
)

// s3ErrorBody is S3's <Error> document.
type s3ErrorBody struct {
	XMLName      xml.Name `xml:"Error"`
	Code         string
	Message      string
	ArgumentName string `xml:",omitempty"`
	Resource     string
	RequestID    string `xml:"RequestId"`
}

func (h SignedUploads) refuse(w http.ResponseWriter, r *http.Request, e s3Error) {
	hd := w.Header()
	hd.Del("ETag")
	hd.Set("Content-Type", "application/xml")
	hd.Set("Cache-Control", "no-store")
	hd.Set(httperr.CodeHeader, string(e.code))
	w.WriteHeader(httperr.Status(e.code))
	io.WriteString(w, xml.Header)
	xml.NewEncoder(w).Encode(s3ErrorBody{Code: e.s3Code, Message: e.message, ArgumentName: e.argument, Resource: r.URL.Path, RequestID: requestid.From(r.Context())})
}

// ServeHTTP answers as S3's PutObject and UploadPart do: 200 with the bytes' MD5 as ETag.
func (h SignedUploads) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key := r.PathValue("key")
	g, err := h.Store.Verify(http.MethodPut, key, r.URL.Query(), time.Now())
	switch {
	case errors.Is(err, disk.ErrExpired):
		h.refuse(w, r, errExpired)
		return
	case err != nil:
		h.refuse(w, r, errSignature)
		return
	}
	// A key is signed by the service, which makes only good ones; refusing a bad one here still
	// answers 400 before a byte is read rather than whatever the store would make of it.
	if storage.CheckKey(key) != nil {
		h.refuse(w, r, badKey(key))
		return
	}
	if g.ContentType != "" && r.Header.Get("Content-Type") != g.ContentType {
		h.refuse(w, r, refused(access.CodeForbidden, "SignatureDoesNotMatch", "The ticket is signed for Content-Type %s", g.ContentType))
		return
	}
	if r.ContentLength != g.Size {
		h.refuse(w, r, refused(access.CodeForbidden, "SignatureDoesNotMatch", "The ticket is signed for exactly %d bytes (Content-Length)", g.Size))
		return
	}
	body := &httperr.Body{ReadCloser: http.MaxBytesReader(w, r.Body, g.Size)}
	if g.UploadID != "" {
		h.putPart(w, r, g, body)
		return
	}
	h.putObject(w, r, g, body)
}

func (h SignedUploads) putPart(w http.ResponseWriter, r *http.Request, g disk.Grant, body *httperr.Body) {
	etag, err := h.Store.PutPart(r.Context(), g.Key, g.UploadID, g.Part, body)
	if err != nil {
		h.fail(w, r, body, err)
		return
	}
	w.Header().Set("ETag", `"`+etag+`"`)
}

// putObject writes a whole file once; its ETag is the MD5 of its bytes, as S3 gives a single PUT's.
func (h SignedUploads) putObject(w http.ResponseWriter, r *http.Request, g disk.Grant, body *httperr.Body) {
	ctx := r.Context()
	if _, err := h.Store.Head(ctx, g.Key); err == nil {
		h.refuse(w, r, errUsed)
		return
	}
	sum := md5.New()
	info, err := h.Store.Put(ctx, g.Key, io.TeeReader(body, sum), storage.PutOptions{ContentType: g.ContentType})
	if err != nil {
		h.fail(w, r, body, err)
		return
	}
	if info.Size != g.Size {
		h.Store.Delete(ctx, g.Key)
		h.refuse(w, r, errShortBody)
		return
	}
	w.Header().Set("ETag", `"`+hex.EncodeToString(sum.Sum(nil))+`"`)
}

// fail answers a failed write to the store: the client's fault when reading its body failed or its
// key is bad, else the store's.
func (h SignedUploads) fail(w http.ResponseWriter, r *http.Request, body *httperr.Body, err error) {
	var tooLarge *http.MaxBytesError
	switch {
	case httperr.ClientGone(r, err) || httperr.ClientGone(r, body.Err):
		h.Log.InfoContext(r.Context(), "signed upload cancelled by its client", "request_id", requestid.From(r.Context()), "err", err)
	case errors.As(body.Err, &tooLarge):
		h.refuse(w, r, errTooLarge)
	case body.Err != nil: // cut short, or slower than the server's minimum rate
		h.Log.InfoContext(r.Context(), "signed upload body did not arrive", "request_id", requestid.From(r.Context()), "err", body.Err)
		h.refuse(w, r, errShortBody)
	case errors.Is(err, storage.ErrNotFound):
		h.refuse(w, r, errNoUpload)
	case errors.Is(err, storage.ErrInvalidKey):
		h.refuse(w, r, badKey(r.PathValue("key")))
	default:
		id := requestid.From(r.Context())
		h.Log.ErrorContext(r.Context(), "signed upload", "request_id", id, "err", err)
		h.refuse(w, r, refused(access.CodeInternal, "InternalError", "internal error (request id %s)", id))
	}
}

func badKey(key string) s3Error {
	e := refused(access.CodeValidationFailed, "InvalidArgument", "%q is not a valid object key", key)
	e.argument = "key"
	return e
}
