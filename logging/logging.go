// Package logging builds Mediagraph's logger from its settings (MEDIAGRAPH_LOG_FORMAT and
// MEDIAGRAPH_LOG_LEVEL): text or JSON on stderr, every record made during a request naming that
// request's id, so that an error leads to its access-log line and to what the client was told.
package logging

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"sync/atomic"

	"github.com/mediagraph/mediagraph/requestid"
)

// Handler returns the handler format ("text" or "json") and level ("debug", "info", "warn",
// "error") ask for, writing to w.
func Handler(w io.Writer, format, level string) (slog.Handler, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("log level %q: %w", level, err)
	}
	opts := &slog.HandlerOptions{Level: l}
	switch format {
	case "json":
		return requestIDs{slog.NewJSONHandler(w, opts)}, nil
	case "text", "":
		return requestIDs{slog.NewTextHandler(w, opts)}, nil
	}
	return nil, fmt.Errorf("log format %q: want text or json", format)
}

// requestIDs adds the request id of the record's context to records that do not name it already.
type requestIDs struct{ slog.Handler }

func (h requestIDs) Handle(ctx context.Context, r slog.Record) error {
	if id := requestid.From(ctx); id != "" && !names(r, "request_id") {
		r = r.Clone()
		r.AddAttrs(slog.String("request_id", id))
	}
	return h.Handler.Handle(ctx, r)
}

func (h requestIDs) WithAttrs(attrs []slog.Attr) slog.Handler {
	return requestIDs{h.Handler.WithAttrs(attrs)}
}

func (h requestIDs) WithGroup(name string) slog.Handler { return requestIDs{h.Handler.WithGroup(name)} }

func names(r slog.Record, key string) bool {
	found := false
	r.Attrs(func(a slog.Attr) bool {
		found = a.Key == key
		return !found
	})
	return found
}

// Switch is a handler whose destination is set once the settings are read: the binary logs before it
// knows the format asked for (a bad flag), and every logger derived from it follows the change.
type Switch struct {
	root *atomic.Pointer[slog.Handler]
	// derive replays the WithAttrs and WithGroup calls made on this handler onto the root.
	derive []func(slog.Handler) slog.Handler
}

// NewSwitch returns a Switch writing to h until Set.
func NewSwitch(h slog.Handler) *Switch {
	s := &Switch{root: new(atomic.Pointer[slog.Handler])}
	s.Set(h)
	return s
}

// Set sends the records of s and of every handler derived from it to h.
func (s *Switch) Set(h slog.Handler) { s.root.Store(&h) }

func (s *Switch) current() slog.Handler {
	h := *s.root.Load()
	for _, d := range s.derive {
		h = d(h)
	}
	return h
}

// Enabled implements slog.Handler.
func (s *Switch) Enabled(ctx context.Context, l slog.Level) bool { return s.current().Enabled(ctx, l) }

// Handle implements slog.Handler.
func (s *Switch) Handle(ctx context.Context, r slog.Record) error { return s.current().Handle(ctx, r) }

// WithAttrs implements slog.Handler.
func (s *Switch) WithAttrs(attrs []slog.Attr) slog.Handler {
	return s.with(func(h slog.Handler) slog.Handler { return h.WithAttrs(attrs) })
}

// WithGroup implements slog.Handler.
func (s *Switch) WithGroup(name string) slog.Handler {
	return s.with(func(h slog.Handler) slog.Handler { return h.WithGroup(name) })
}

func (s *Switch) with(d func(slog.Handler) slog.Handler) *Switch {
	return &Switch{root: s.root, derive: append(slices.Clip(s.derive), d)}
}
