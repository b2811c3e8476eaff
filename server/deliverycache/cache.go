// Package deliverycache answers repeated GraphQL queries of delivery tokens from memory.
//
// Sites ask the same few queries over and over, and every delivery token sees the same thing: PUBLIC
// assets only, no token-specific fields. So a successful query's response is kept under a hash of the
// request, tagged with the catalogue generation it was computed at. A request is answered from memory
// only while the generation is unchanged: any committed change to the catalogue, on any instance,
// makes every kept response stale at once. Time passing changes what delivery tokens see too, when an
// asset's availableFrom or availableUntil comes: each response is also kept only until the earliest
// such boundary ahead among all assets. Editors and admins are never served from the cache.
package deliverycache

import (
	"bytes"
	"container/list"
	"context"
	"crypto/sha256"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
)

// maxEntryBytes keeps one huge response from pushing out many useful ones.
const maxEntryBytes = 1 << 20

// entryOverhead is what an entry costs beside its body (key, list element, headers): charged too, so
// that a flood of tiny distinct queries cannot hold more memory than the budget says.
const entryOverhead = 256

func (e *entry) cost() int { return len(e.body) + len(e.contentType) + entryOverhead }

// Catalogue is what the cache asks of the catalogue to know whether a kept response still holds.
type Catalogue interface {
	// Generation is the number of catalogue changes committed so far.
	Generation(ctx context.Context) (int64, error)
	// NextAvailabilityChange is the earliest availability boundary of any asset after t; zero if none.
	NextAvailabilityChange(ctx context.Context, t time.Time) (time.Time, error)
}

// Cache is a byte-bounded LRU of GraphQL responses.
type Cache struct {
	catalogue Catalogue
	maxBytes  int

	// boundary is the next availability boundary, looked up once per generation and again each time
	// the clock passes it.
	boundaryMu sync.Mutex
	boundary   boundary

	mu      sync.Mutex
	bytes   int
	order   *list.List // front: most recently used
	entries map[[sha256.Size]byte]*list.Element
}

type entry struct {
	key        [sha256.Size]byte
	generation int64
	// expires is when the response may stop being true without any write; zero: never.
	expires     time.Time
	contentType string
	body        []byte
}

// boundary is the answer of one lookup: from its instant on, the next boundary at generation.
type boundary struct {
	known      bool
	generation int64
	from, next time.Time
}

// holds reports whether the lookup answers for a request at generation and instant at: a request
// older than the lookup may have a boundary ahead of it that the lookup no longer saw.
func (b boundary) holds(generation int64, at time.Time) bool {
	return b.known && b.generation == generation && !at.Before(b.from) && (b.next.IsZero() || at.Before(b.next))
}

// New returns a cache holding up to maxBytes of responses of the catalogue's.
func New(maxBytes int, catalogue Catalogue) *Cache {
	return &Cache{catalogue: catalogue, maxBytes: maxBytes, order: list.New(), entries: map[[sha256.Size]byte]*list.Element{}}
}

// nextBoundary is the earliest availability boundary after at, at generation: the instant until which
// a response computed at that instant may be kept. A boundary passed or a new generation looks it up
// again.
func (c *Cache) nextBoundary(ctx context.Context, generation int64, at time.Time) (time.Time, error) {
	c.boundaryMu.Lock()
	defer c.boundaryMu.Unlock()
	if c.boundary.holds(generation, at) {
		return c.boundary.next, nil
	}
	next, err := c.catalogue.NextAvailabilityChange(ctx, at)
	if err != nil {
		return time.Time{}, err
	}
	if !c.boundary.known || c.boundary.generation != generation || !at.Before(c.boundary.from) {
		c.boundary = boundary{known: true, generation: generation, from: at, next: next}
	}
	return next, nil
}

// get is the entry of key if it holds for a request at generation and instant at.
func (c *Cache) get(key [sha256.Size]byte, generation int64, at time.Time) *entry {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.entries[key]
	if !ok {
		return nil
	}
	e := el.Value.(*entry)
	if e.generation != generation || (!e.expires.IsZero() && !at.Before(e.expires)) {
		c.remove(el)
		return nil
	}
	c.order.MoveToFront(el)
	return e
}

func (c *Cache) put(e *entry) {
	if len(e.body) > maxEntryBytes || e.cost() > c.maxBytes {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[e.key]; ok {
		c.remove(el)
	}
	c.entries[e.key] = c.order.PushFront(e)
	c.bytes += e.cost()
	for c.bytes > c.maxBytes {
		c.remove(c.order.Back())
	}
}

func (c *Cache) remove(el *list.Element) {
	e := c.order.Remove(el).(*entry)
	delete(c.entries, e.key)
	c.bytes -= e.cost()
}

// Len is the number of kept responses.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}

// Middleware serves delivery tokens' repeated queries from the cache and keeps the successful
// responses of the others. It must run after authentication and around the GraphQL handler, which
// must use QueriesOnly.
func (c *Cache) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := access.PrincipalFrom(r.Context())
		if p == nil || p.Role != models.RoleDelivery || (r.Method != http.MethodGet && r.Method != http.MethodPost) ||
			(r.Method == http.MethodPost && r.Header.Get("Content-Type") != "application/json") {
			next.ServeHTTP(w, r)
			return
		}
		// A GET's question is its URL; its body, if any, is ignored by the GraphQL handler too.
		var body []byte
		if r.Method == http.MethodPost {
			var err error
			if body, err = io.ReadAll(r.Body); err != nil {
				// Let the GraphQL handler read the rest and answer the error (a body over the limit).
				r.Body = io.NopCloser(io.MultiReader(bytes.NewReader(body), r.Body))
				next.ServeHTTP(w, r)
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		generation, err := c.catalogue.Generation(r.Context())
		if err != nil {
			next.ServeHTTP(w, r)
			return
		}
		// At the request's instant, which its queries judge availability at too.
		expires, err := c.nextBoundary(r.Context(), generation, p.At)
		if err != nil {
			next.ServeHTTP(w, r)
			return
		}
		h := sha256.New()
		io.WriteString(h, r.Method+"\n"+r.URL.RawQuery+"\n")
		h.Write(body)
		var key [sha256.Size]byte
		h.Sum(key[:0])
		if cached := c.get(key, generation, p.At); cached != nil {
			w.Header().Set("Content-Type", cached.contentType)
			w.Header().Set("X-Mediagraph-Cache", "hit")
			w.Write(cached.body)
			return
		}
		w.Header().Set("X-Mediagraph-Cache", "miss")
		rec := &recorder{ResponseWriter: w, status: http.StatusOK}
		op := &operation{}
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), operationKey{}, op)))
		// A response with errors may be a passing failure; mutations must always run.
		if op.query && rec.status == http.StatusOK && !rec.tooLarge && !bytes.HasPrefix(rec.body.Bytes(), []byte(`{"errors"`)) {
			c.put(&entry{key: key, generation: generation, expires: expires, contentType: w.Header().Get("Content-Type"), body: bytes.Clone(rec.body.Bytes())})
		}
	})
}

// recorder passes a response through while keeping a copy of its body, up to what may be kept.
type recorder struct {
	http.ResponseWriter
	status   int
	body     bytes.Buffer
	tooLarge bool
}

func (r *recorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	if !r.tooLarge {
		if r.body.Len()+len(b) > maxEntryBytes {
			r.tooLarge = true
			r.body = bytes.Buffer{}
		} else {
			r.body.Write(b)
		}
	}
	return r.ResponseWriter.Write(b)
}

type operationKey struct{}

// operation records what the GraphQL handler found the request to be.
type operation struct{ query bool }

// QueriesOnly is the GraphQL extension that tells the middleware a request was a query, the only
// kind of operation whose response may be kept.
type QueriesOnly struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = QueriesOnly{}

// ExtensionName implements graphql.HandlerExtension.
func (QueriesOnly) ExtensionName() string { return "DeliveryCache" }

// Validate implements graphql.HandlerExtension.
func (QueriesOnly) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext implements graphql.OperationContextMutator.
func (QueriesOnly) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if op, ok := ctx.Value(operationKey{}).(*operation); ok {
		op.query = oc.Operation != nil && oc.Operation.Operation == ast.Query
	}
	return nil
}
