package gate

import (
	"errors"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"time"

	"github.com/mediagraph/mediagraph/media/zipdl"
	"github.com/mediagraph/mediagraph/requestid"
	"github.com/mediagraph/mediagraph/server/httperr"
)

// Zip serves GET /media/zip/{id}/{filename}: the ZIP download a signed URL of createZipDownload
// names, built while it streams.
type Zip struct {
	Downloads *zipdl.Service
	Log       *slog.Logger
}

// zipStall is how long a download may go without the client taking a byte: the server's write
// timeout would cut off a large archive however fast it flows, so the deadline follows progress.
const zipStall = time.Minute

// ServeHTTP implements http.Handler.
func (z Zip) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	archive, err := z.Downloads.Open(ctx, r.PathValue("id"), r.URL.Query())
	if err != nil {
		Gate{Log: z.Log}.fail(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/zip")
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": r.PathValue("filename")}))
	h.Set("Cache-Control", "private, no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	err = archive.WriteTo(ctx, &progressDeadline{w: w, rc: http.NewResponseController(w)})
	if err == nil {
		return
	}
	id := requestid.From(ctx)
	switch {
	case errors.Is(err, zipdl.ErrDamaged):
		z.Log.ErrorContext(ctx, "zip download: stored bytes damaged, archive cut off", "request_id", id, "err", err)
	case httperr.ClientGone(r, err):
		z.Log.InfoContext(ctx, "zip download: cancelled by the client", "request_id", id, "err", err)
	default:
		z.Log.ErrorContext(ctx, "zip download: archive cut off", "request_id", id, "err", err)
	}
	// The status is sent: only a connection closed before the archive's end tells the client.
	panic(http.ErrAbortHandler)
}

// progressDeadline pushes the connection's write deadline forward as bytes go out.
type progressDeadline struct {
	w     io.Writer
	rc    *http.ResponseController
	moved time.Time
}

func (p *progressDeadline) Write(b []byte) (int, error) {
	if now := time.Now(); now.Sub(p.moved) > time.Second {
		p.rc.SetWriteDeadline(now.Add(zipStall)) // an error means the writer has no deadline to move
		p.moved = now
	}
	return p.w.Write(b)
}
