// Package loaders batches the relations of a GraphQL request: one query per relation per request,
// however many objects ask for it. Loaders live for one request, so one caller never sees another's
// cached objects.
//
// Batching by time alone (wait a little, then fetch what was asked) makes the number of queries depend
// on scheduling. Here, lists register the objects they return as siblings; the first fetch of a
// relation loads it for every sibling at once and later requests are answered from memory. A page of
// 5 or of 500 assets costs the same number of statements.
package loaders

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/graph-gophers/dataloader/v7"

	"github.com/mediagraph/mediagraph/media"
	"github.com/mediagraph/mediagraph/models"
)

// wait is how long a loader collects keys that no list announced before fetching them.
const wait = 250 * time.Microsecond

// maxSiblings bounds how many announced keys one fetch takes along.
const maxSiblings = 2000

// keyspace is the set of ids of one kind of object the request has listed so far.
type keyspace struct {
	mu   sync.Mutex
	keys []string
	seen map[string]bool
}

func (k *keyspace) add(ids ...string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.seen == nil {
		k.seen = map[string]bool{}
	}
	for _, id := range ids {
		if !k.seen[id] && len(k.keys) < maxSiblings {
			k.seen[id] = true
			k.keys = append(k.keys, id)
		}
	}
}

func (k *keyspace) list() []string {
	k.mu.Lock()
	defer k.mu.Unlock()
	return append([]string(nil), k.keys...)
}

// Loaders are the relation loaders of one request.
type Loaders struct {
	assets, collections, tags, tokens keyspace

	AssetTags        *Relation[[]*models.Tag]
	AssetMetadata    *Relation[[]*models.AssetMetadata]
	AssetUsageStats  *Relation[models.UsageStats]
	AssetUsages      *Relation[[]*models.Usage]
	AssetVersions    *Relation[[]*models.AssetVersion]
	Assets           *Relation[*models.Asset]
	Collections      *Relation[*models.Collection]
	Children         *Relation[[]*models.Collection]
	CollectionAssets *Relation[int64]
	TagAssets        *Relation[int64]
	Tokens           *Relation[*models.APIToken]
}

// New returns the loaders of one request.
func New(m *media.Library) *Loaders {
	l := &Loaders{}
	l.AssetTags = newLoader(&l.assets, func(ctx context.Context, ids []string) (map[string][]*models.Tag, error) {
		res, err := m.Tags.TagsForAssets(ctx, ids)
		for _, tags := range res {
			l.SeeTags(tags)
		}
		return res, err
	})
	l.AssetMetadata = newLoader(&l.assets, m.Assets.MetadataForAssets)
	l.AssetUsageStats = newLoader(&l.assets, m.Usages.UsageStats)
	l.AssetUsages = newLoader(&l.assets, m.Usages.UsagesForAssets)
	l.AssetVersions = newLoader(&l.assets, func(ctx context.Context, ids []string) (map[string][]*models.AssetVersion, error) {
		res, err := m.Assets.VersionsForAssets(ctx, ids)
		for _, vs := range res {
			for _, v := range vs {
				if v.CreatedByID != nil {
					l.tokens.add(*v.CreatedByID)
				}
			}
		}
		return res, err
	})
	l.Assets = newLoader(&l.assets, m.Assets.AssetsByID)
	l.Collections = newLoader(&l.collections, func(ctx context.Context, ids []string) (map[string]*models.Collection, error) {
		res, err := m.Collections.CollectionsByID(ctx, ids)
		for _, c := range res {
			l.SeeCollections([]*models.Collection{c})
		}
		return res, err
	})
	l.Children = newLoader(&l.collections, func(ctx context.Context, ids []string) (map[string][]*models.Collection, error) {
		res, err := m.Collections.CollectionChildren(ctx, ids)
		for _, cs := range res {
			l.SeeCollections(cs)
		}
		return res, err
	})
	l.CollectionAssets = newLoader(&l.collections, m.Collections.CountCollectionAssets)
	l.TagAssets = newLoader(&l.tags, m.Tags.CountTagAssets)
	l.Tokens = newLoader(&l.tokens, m.Tokens.TokensByID)
	return l
}

// SeeAssets announces listed assets, and what they point to, as siblings for later fetches.
func (l *Loaders) SeeAssets(assets []*models.Asset) {
	for _, a := range assets {
		l.assets.add(a.ID)
		if a.CollectionID != nil {
			l.collections.add(*a.CollectionID)
		}
		if a.CreatedByID != nil {
			l.tokens.add(*a.CreatedByID)
		}
	}
}

// SeeCollections announces listed collections, and their parents, as siblings for later fetches.
func (l *Loaders) SeeCollections(cs []*models.Collection) {
	for _, c := range cs {
		l.collections.add(c.ID)
		if c.ParentID != nil {
			l.collections.add(*c.ParentID)
		}
	}
}

// SeeTags announces listed tags as siblings for later fetches.
func (l *Loaders) SeeTags(tags []*models.Tag) {
	for _, t := range tags {
		l.tags.add(t.ID)
	}
}

// Relation loads one relation of objects by id. The first fetch takes the announced siblings along;
// what it fetched is kept for the rest of the request and answered without the loader's batch wait.
type Relation[V any] struct {
	loader *dataloader.Loader[string, V]
	mu     sync.Mutex
	// fetched holds every key fetched so far; keys a fetch does not return hold the zero value.
	fetched map[string]V
}

func newLoader[V any](siblings *keyspace, fetch func(context.Context, []string) (map[string]V, error)) *Relation[V] {
	r := &Relation[V]{fetched: map[string]V{}}
	batch := func(ctx context.Context, keys []string) []*dataloader.Result[V] {
		r.mu.Lock()
		defer r.mu.Unlock()
		var need []string
		pending := map[string]bool{}
		for _, k := range append(keys, siblings.list()...) {
			if _, ok := r.fetched[k]; !ok && !pending[k] {
				pending[k] = true
				need = append(need, k)
			}
		}
		out := make([]*dataloader.Result[V], len(keys))
		if len(need) > 0 {
			res, err := fetchLive(ctx, fetch, need)
			if err != nil {
				for i := range out {
					out[i] = &dataloader.Result[V]{Error: err}
				}
				return out
			}
			for _, k := range need {
				r.fetched[k] = res[k]
			}
		}
		for i, k := range keys {
			out[i] = &dataloader.Result[V]{Data: r.fetched[k]}
		}
		return out
	}
	// fetched already memoizes every key, so the loader's own cache would only double the work.
	r.loader = dataloader.NewBatchedLoader(batch, dataloader.WithWait[string, V](wait),
		dataloader.WithCache[string, V](&dataloader.NoCache[string, V]{}))
	return r
}

// fetchLive fetches unless the request is over: its client gone, a query would only fail later.
func fetchLive[V any](ctx context.Context, fetch func(context.Context, []string) (map[string]V, error), ids []string) (map[string]V, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return fetch(ctx, ids)
}

// Load returns the relation of one object.
func (r *Relation[V]) Load(ctx context.Context, key string) (V, error) {
	r.mu.Lock()
	v, ok := r.fetched[key]
	r.mu.Unlock()
	if ok {
		return v, nil
	}
	return r.loader.Load(ctx, key)()
}

type ctxKey struct{}

// Middleware attaches fresh loaders to every request.
func Middleware(m *media.Library, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(With(r.Context(), New(m))))
	})
}

// With attaches loaders to ctx. Each mutation of a request gets fresh ones: what an earlier mutation
// loaded is stale once a later one changed it.
func With(ctx context.Context, l *Loaders) context.Context {
	return context.WithValue(ctx, ctxKey{}, l)
}

// For returns the loaders of the request.
func For(ctx context.Context) *Loaders {
	return ctx.Value(ctxKey{}).(*Loaders)
}
