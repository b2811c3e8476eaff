// Package delivery serves bytes over HTTP: the asset gate, which checks visibility and then streams
// the asset with HTTP caching, ranges and safe headers.
package delivery

import (
	"encoding/json"
	"log/slog"
	"mime"
	"net/http"
	"strings"

	"github.com/mediagraph/mediagraph/media"
	"github.com/mediagraph/mediagraph/requestid"
)

// Gate serves GET and HEAD /media/asset/{id} and /media/asset/{id}/{filename}.
type Gate struct {
	Media *media.Service
	Log   *slog.Logger
}

// activeTypes could run script if a browser rendered them as documents.
var activeTypes = []string{"image/svg", "text/html", "application/xhtml", "text/xml", "application/xml", "application/pdf", "text/javascript"}

// ServeHTTP implements http.Handler.
func (g Gate) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a, obj, err := g.Media.OpenAsset(ctx, r.PathValue("id"))
	if err != nil {
		g.fail(w, r, err)
		return
	}
	defer obj.Close()
	h := w.Header()
	h.Set("Content-Type", a.MimeType)
	h.Set("ETag", `"`+a.SHA256+`"`)
	h.Set("X-Content-Type-Options", "nosniff")
	// The gate follows replacements, so it is cached briefly; private bytes are never cached by others.
	if media.CanSeePrivate(ctx) {
		h.Set("Cache-Control", "private, no-store")
	} else {
		h.Set("Cache-Control", "public, max-age=300")
	}
	for _, t := range activeTypes {
		if strings.HasPrefix(a.MimeType, t) {
			h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
		}
	}
	disposition := "inline"
	if r.URL.Query().Has("download") {
		disposition = "attachment"
	}
	h.Set("Content-Disposition", mime.FormatMediaType(disposition, map[string]string{"filename": a.Filename}))
	// Each range of a multi-range request costs a read from the store (an S3 request): serve those whole.
	if strings.Contains(r.Header.Get("Range"), ",") {
		r.Header.Del("Range")
	}
	http.ServeContent(w, r, "", a.UpdatedAt, obj)
}

func (g Gate) fail(w http.ResponseWriter, r *http.Request, err error) {
	e, ok := media.AsError(err)
	if !ok {
		id := requestid.From(r.Context())
		g.Log.ErrorContext(r.Context(), "serve asset", "request_id", id, "err", err)
		e = &media.Error{Code: media.CodeInternal, Message: "internal error (request id " + id + ")"}
	}
	WriteError(w, e)
}

// statusOf maps error codes onto HTTP statuses.
var statusOf = map[media.Code]int{
	media.CodeUnauthenticated:   http.StatusUnauthorized,
	media.CodeForbidden:         http.StatusForbidden,
	media.CodeAssetAccessDenied: http.StatusForbidden,
	media.CodeNotFound:          http.StatusNotFound,
	media.CodeValidationFailed:  http.StatusBadRequest,
	media.CodeFileTooLarge:      http.StatusRequestEntityTooLarge,
	media.CodeUploadExpired:     http.StatusForbidden,
	media.CodeConflict:          http.StatusConflict,
	media.CodeRateLimited:       http.StatusTooManyRequests,
	media.CodeInternal:          http.StatusInternalServerError,
}

// WriteError answers with an error's code and message as JSON, the way every HTTP endpoint outside
// GraphQL reports errors.
func WriteError(w http.ResponseWriter, e *media.Error) {
	status, ok := statusOf[e.Code]
	if !ok {
		status = http.StatusBadRequest
	}
	h := w.Header()
	h.Del("Content-Disposition")
	h.Del("ETag")
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"code": string(e.Code), "message": e.Message})
}
