// Package observe is what the domain tells the outside about its work — transforms made, stored
// transforms reused, files taken in, analyses run — without knowing who listens: the edge plugs a
// metrics implementation in, tests and commands that do not care get Nop.
package observe

import (
	"context"
	"time"
)

// Observer hears of the domain's work as it happens. Its methods must be cheap and must not block:
// they are called on the request path.
type Observer interface {
	// Transformed reports one transform made (not one served from the store), by output format
	// ("webp", "avif"…): how long it took and whether it failed.
	Transformed(format string, took time.Duration, err error)
	// DerivedLookup reports whether a transform was found stored (hit) or had to be made.
	DerivedLookup(hit bool)
	// Ingested reports files taken in by one way (see the Way constants), with their bytes.
	Ingested(way Way, files int, bytes int64)
	// Analyzed reports one analysis of stored bytes, by kind of asset ("IMAGE", "VIDEO"…).
	Analyzed(kind string, took time.Duration)
}

// Way is how bytes came in.
type Way string

// The ways in. An import tags its context so that its uploads count as such.
const (
	WayMultipart Way = "multipart"
	WaySigned    Way = "signed"
	WayURL       Way = "url"
	WayReplace   Way = "replace"
	WayImport    Way = "import"
)

type wayKey struct{}

// WithWay marks ctx's uploads as arriving by way (the plain upload call serves several ways in).
func WithWay(ctx context.Context, way Way) context.Context {
	return context.WithValue(ctx, wayKey{}, way)
}

// WayOf is the way ctx's uploads arrive by, def when none was marked.
func WayOf(ctx context.Context, def Way) Way {
	if w, ok := ctx.Value(wayKey{}).(Way); ok {
		return w
	}
	return def
}

// Nop hears nothing.
type Nop struct{}

// Transformed implements Observer.
func (Nop) Transformed(string, time.Duration, error) {}

// DerivedLookup implements Observer.
func (Nop) DerivedLookup(bool) {}

// Ingested implements Observer.
func (Nop) Ingested(Way, int, int64) {}

// Analyzed implements Observer.
func (Nop) Analyzed(string, time.Duration) {}

// OrNop is o, or Nop when o is nil.
func OrNop(o Observer) Observer {
	if o == nil {
		return Nop{}
	}
	return o
}
