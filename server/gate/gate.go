// Package gate serves bytes over HTTP: the asset gate, which checks visibility and signatures and
// then streams the asset, or a transform of it, with HTTP caching, ranges and safe headers.
package gate

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/mediagraph/mediagraph/media"
	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/deliver"
	"github.com/mediagraph/mediagraph/requestid"
	"github.com/mediagraph/mediagraph/server/httperr"
)

// Gate serves GET and HEAD of an asset's bytes, or of a transform of them: at /media/asset/{id} and
// /media/asset/{id}/{filename}, which follow replacements, and at /media/v/{id}/{version}/{filename},
// which names one version's bytes and is cached for a year.
type Gate struct {
	Media *media.Library
	Log   *slog.Logger
	// Redirect, when set, sends original bytes as a redirect to a presigned URL of the store (S3),
	// valid for ttl, instead of streaming them through the service.
	Redirect func(ctx context.Context, key string, ttl time.Duration) (string, error)
}

// sandboxCSP keeps a document a browser renders from running script or reaching anything.
const sandboxCSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"

// passiveFamilies are the top-level types a browser only ever displays or plays, never runs.
var passiveFamilies = map[string]bool{"image": true, "video": true, "audio": true, "font": true}

// activeContent reports whether a browser might render a file of this (sniffed) type as a document able to
// run script — HTML, SVG, any XML (RSS, Atom, KML, GPX…, which browsers render with XSLT), PDF,
// JavaScript, text. It decides by family rather than by a list of active types, so a type nobody
// thought of is sandboxed: only images, video, audio and fonts that are not XML, and opaque
// bytes, are passive.
func activeContent(mimeType string) bool {
	base, _, _ := strings.Cut(strings.ToLower(mimeType), ";")
	base = strings.TrimSpace(base)
	family, sub, ok := strings.Cut(base, "/")
	switch {
	case !ok:
		return true
	case strings.HasSuffix(sub, "+xml") || sub == "xml" || strings.Contains(sub, "svg"):
		return true
	case base == "application/octet-stream":
		return false
	}
	return !passiveFamilies[family]
}

// Cache lifetimes: the gate follows replacements, so shared caches keep it briefly; a version's bytes
// never change.
const (
	gateMaxAge      = 300
	versionedMaxAge = 31536000
)

// redirectTTL is how long a redirect to the bucket stays valid: long enough to start a download,
// short enough that a leaked link soon stops working.
const redirectTTL = 5 * time.Minute

// ServeHTTP implements http.Handler.
func (g Gate) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	req := deliver.DeliveryRequest{
		AssetID: r.PathValue("id"), Path: r.URL.Path, Query: r.URL.Query(),
		Accept: r.Header.Get("Accept"), Client: clientOf(r),
	}
	if v := r.PathValue("version"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			WriteError(w, &access.Error{Code: access.CodeNotFound, Message: "no version " + v})
			return
		}
		req.Version = n
	}
	d, err := g.Media.Deliver.Deliver(ctx, req)
	if err != nil {
		g.fail(w, r, err)
		return
	}
	defer d.Close()
	h := w.Header()
	h.Set("Content-Type", d.MimeType)
	h.Set("ETag", d.ETag)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", cacheControl(d, req.Version != 0))
	if d.VaryAccept {
		h.Add("Vary", "Accept") // beside the Origin that CORS may vary by
	}
	if len(d.Ignored) > 0 {
		names := make([]string, len(d.Ignored))
		for i, n := range d.Ignored { // a client's text, escaped to stay one header value
			names[i] = url.QueryEscape(n)
		}
		h.Set("Mediagraph-Ignored-Params", strings.Join(names, ", "))
	}
	active := activeContent(d.MimeType)
	if active {
		h.Set("Content-Security-Policy", sandboxCSP)
	}
	disposition := "inline"
	if r.URL.Query().Has("download") {
		disposition = "attachment"
	}
	h.Set("Content-Disposition", mime.FormatMediaType(disposition, map[string]string{"filename": d.Filename}))
	// A redirect would lose the headers above that matter for safety, so active types always stream.
	if g.Redirect != nil && d.RedirectKey != "" && !active && disposition == "inline" {
		ttl := redirectTTL
		if d.RedirectUntil != nil { // a signed URL's grant: the link must not outlive it
			ttl = min(ttl, time.Until(*d.RedirectUntil))
		}
		target, err := g.Redirect(ctx, d.RedirectKey, max(ttl, time.Second))
		if err != nil {
			g.fail(w, r, err)
			return
		}
		h.Set("Cache-Control", "private, no-store") // the presigned URL expires
		http.Redirect(w, r, target, http.StatusFound)
		return
	}
	if d.Body == nil {
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(d.Bytes))
		return
	}
	// Each range of a multi-range request costs a read from the store (an S3 request): serve those whole.
	if strings.Contains(r.Header.Get("Range"), ",") {
		r.Header.Del("Range")
	}
	http.ServeContent(w, r, "", time.Time{}, d.Body)
}

// cacheControl lets shared caches keep what anyone may have — for a year at a versioned URL, briefly
// at the gate, never past the asset's availability — and nobody keep the rest.
func cacheControl(d *deliver.Delivery, versioned bool) string {
	if !d.Public {
		return "private, no-store"
	}
	age := gateMaxAge
	if versioned && !d.Volatile {
		age = versionedMaxAge
	}
	if until := d.Asset.AvailableUntil; until != nil {
		age = min(age, max(0, int(time.Until(*until).Seconds())))
	}
	if versioned && age == versionedMaxAge {
		return "public, max-age=31536000, immutable"
	}
	return "public, max-age=" + strconv.Itoa(age)
}

// clientOf identifies the caller for per-client limits by its address. Forwarded headers are not
// trusted: anyone can write them.
func clientOf(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func (g Gate) fail(w http.ResponseWriter, r *http.Request, err error) {
	e, ok := access.AsError(err)
	if !ok && httperr.ClientGone(r, err) {
		g.Log.InfoContext(r.Context(), "serve asset: cancelled by the client", "request_id", requestid.From(r.Context()), "err", err)
		return
	}
	if !ok {
		id := requestid.From(r.Context())
		g.Log.ErrorContext(r.Context(), "serve asset", "request_id", id, "err", err)
		e = &access.Error{Code: access.CodeInternal, Message: "internal error (request id " + id + ")"}
	}
	WriteError(w, e)
}

// WriteError answers with an error's code and message as JSON, the way every HTTP endpoint outside
// GraphQL reports errors.
func WriteError(w http.ResponseWriter, e *access.Error) {
	h := w.Header()
	h.Del("Content-Disposition")
	h.Del("ETag")
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	h.Set(httperr.CodeHeader, string(e.Code))
	w.WriteHeader(httperr.Status(e.Code))
	body := map[string]string{"code": string(e.Code), "message": e.Message}
	if e.Field != "" {
		body["field"] = e.Field
	}
	json.NewEncoder(w).Encode(body)
}
