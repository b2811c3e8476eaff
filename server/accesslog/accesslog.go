// Package accesslog writes one log line per HTTP request and reports each request to an observer
// (the metrics). A line names the route pattern, never the raw path or query: a signed URL's
// signature and any token stay out of the log, and the metrics' labels stay few.
package accesslog

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/requestid"
)

// Request is what one request did.
type Request struct {
	Method string
	// Route is the pattern that served the request ("GET /media/asset/{id}/{filename}"), or
	// "unmatched" when none did.
	Route  string
	Status int
	Bytes  int64
	Took   time.Duration
	// Cache is the delivery cache's verdict (X-Mediagraph-Cache: hit or miss), "" when it was not asked.
	Cache string
}

// Observer hears of each request once it has been answered.
type Observer interface{ Request(Request) }

// Unmatched is the route of a request that no pattern served.
const Unmatched = "unmatched"

// Log is the access log in front of a mux.
type Log struct {
	Log      *slog.Logger
	Observer Observer
	// Route names the pattern that will serve a request, as http.ServeMux.Handler does.
	Route func(*http.Request) string
}

type holderKey struct{}

// holder carries what the handlers below learn back up to the log line: the caller.
type holder struct{ principal string }

// Middleware logs and reports every request next answers. Principal must wrap the handler below
// authentication for the line to name the caller.
func (l Log) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		started := time.Now()
		route := l.Route(r)
		if route == "" {
			route = Unmatched
		}
		h := &holder{}
		rec := &recorder{ResponseWriter: w}
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), holderKey{}, h)))
		req := Request{Method: r.Method, Route: route, Status: rec.status(), Bytes: rec.bytes, Took: time.Since(started), Cache: w.Header().Get("X-Mediagraph-Cache")}
		if l.Observer != nil {
			l.Observer.Request(req)
		}
		l.Log.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", req.Method), slog.String("route", req.Route), slog.Int("status", req.Status),
			slog.Int64("bytes", req.Bytes), slog.Duration("duration", req.Took),
			slog.String("request_id", requestid.From(r.Context())), slog.String("principal", h.principal))
	})
}

// Principal records the authenticated caller (its token's id, never the token) for the log line.
func Principal(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h, ok := r.Context().Value(holderKey{}).(*holder); ok {
			if p := access.PrincipalFrom(r.Context()); p != nil {
				h.principal = p.ActorID()
			}
		}
		next.ServeHTTP(w, r)
	})
}

// recorder counts a response's status and bytes on their way out.
type recorder struct {
	http.ResponseWriter
	code  int
	bytes int64
}

func (r *recorder) status() int {
	if r.code == 0 {
		return http.StatusOK
	}
	return r.code
}

func (r *recorder) WriteHeader(code int) {
	if r.code == 0 {
		r.code = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// ReadFrom keeps the server's sendfile path for streamed bytes.
func (r *recorder) ReadFrom(src io.Reader) (int64, error) {
	var n int64
	var err error
	if rf, ok := r.ResponseWriter.(io.ReaderFrom); ok {
		n, err = rf.ReadFrom(src)
	} else {
		n, err = io.Copy(writerOnly{r.ResponseWriter}, src)
	}
	r.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the connection (flushes, deadlines).
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// Flush passes flushes through for streaming responses.
func (r *recorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// writerOnly hides a writer's ReadFrom, so that io.Copy does not come back to it.
type writerOnly struct{ io.Writer }
