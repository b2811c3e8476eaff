package gate

import (
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/mediagraph/mediagraph/media"
	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/deliver"
)

// HLS serves the files of a video's HLS encode at /media/hls/{id}/{version}/[{grant}/]{file}: the
// playlists and segments a player fetches, and each rendition's MP4. Visibility and grants are the
// asset gate's; the files of a version never change, so caches keep public ones for a year.
type HLS struct {
	Media *media.Library
	Log   *slog.Logger
}

// ServeHTTP implements http.Handler.
func (g HLS) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	version, err := strconv.Atoi(r.PathValue("version"))
	if err != nil || version < 1 {
		WriteError(w, &access.Error{Code: access.CodeNotFound, Message: "no version " + r.PathValue("version")})
		return
	}
	req := deliver.StreamRequest{AssetID: r.PathValue("id"), Version: version, File: r.PathValue("file")}
	if first, rest, ok := strings.Cut(req.File, "/"); ok && strings.Contains(first, "s=") {
		req.Grant, req.File = first, rest
	}
	d, err := g.Media.Deliver.Stream(r.Context(), req)
	if err != nil {
		Gate{Media: g.Media, Log: g.Log}.fail(w, r, err)
		return
	}
	defer d.Close()
	h := w.Header()
	h.Set("Content-Type", d.MimeType)
	h.Set("ETag", d.ETag)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", cacheControl(d, true))
	if activeContent(d.MimeType) { // a playlist is text a browser could be sent to: it runs nothing
		h.Set("Content-Security-Policy", sandboxCSP)
	}
	// Each range of a multi-range request costs a read from the store: serve those whole.
	if strings.Contains(r.Header.Get("Range"), ",") {
		r.Header.Del("Range")
	}
	http.ServeContent(w, r, "", time.Time{}, d.Body)
}
