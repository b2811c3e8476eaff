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
	"github.com/mediagraph/mediagraph/media/access"
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

// addRef adds the id a nullable reference holds, if it holds one.
func (k *keyspace) addRef(id *string) {
	if id != nil {
		k.add(*id)
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
	AssetVision      *Relation[*models.Vision]
	// Principals are the members and tokens that created and changed things, on the tokens' keys.
	Principals *Relation[models.Principal]
}

// New returns the loaders of one request. Lists and counts have nothing to say for an object without
// related rows (no tags, a count of 0); an asset or collection that is gone, or hidden from the caller,
// is NOT_FOUND on its own key, and the nullable fields that point to one answer null.
func New(m *media.Library) *Loaders {
	l := &Loaders{}
	l.AssetTags = newRelation(&l.assets, announcing(m.Tags.TagsForAssets, l.SeeTags), "")
	l.AssetMetadata = newRelation(&l.assets, m.Assets.MetadataForAssets, "")
	l.AssetUsageStats = newRelation(&l.assets, m.Usages.UsageStats, "")
	l.AssetUsages = newRelation(&l.assets, m.Usages.UsagesForAssets, "")
	l.AssetVersions = newRelation(&l.assets, announcing(m.Assets.VersionsForAssets, l.seeVersionAuthors), "")
	l.Assets = newRelation(&l.assets, m.Assets.AssetsByID, "asset")
	l.Collections = newRelation(&l.collections, announcing(m.Collections.CollectionsByID, l.seeCollection), "collection")
	l.Children = newRelation(&l.collections, announcing(m.Collections.CollectionChildren, l.SeeCollections), "")
	l.CollectionAssets = newRelation(&l.collections, m.Collections.CountCollectionAssets, "")
	l.TagAssets = newRelation(&l.tags, m.Tags.CountTagAssets, "")
	l.Tokens = newRelation(&l.tokens, m.Tokens.TokensByID, "")
	l.AssetVision = newRelation(&l.assets, m.Vision.ForAssets, "")
	l.Principals = newRelation(&l.tokens, m.PrincipalsByID, "")
	return l
}

// announcing makes a fetch announce what it found as siblings of later fetches: the tags of a page
// of assets, say, are then counted in one query too.
func announcing[V any](fetch fetchFunc[V], see func(V)) fetchFunc[V] {
	return func(ctx context.Context, ids []string) (map[string]V, error) {
		res, err := fetch(ctx, ids)
		for _, v := range res {
			see(v)
		}
		return res, err
	}
}

func (l *Loaders) seeCollection(c *models.Collection) { l.SeeCollections([]*models.Collection{c}) }

func (l *Loaders) seeVersionAuthors(vs []*models.AssetVersion) {
	for _, v := range vs {
		l.tokens.addRef(v.CreatedByID)
	}
}

// SeeAssets announces listed assets, and what they point to, as siblings for later fetches.
func (l *Loaders) SeeAssets(assets []*models.Asset) {
	for _, a := range assets {
		l.assets.add(a.ID)
		l.collections.addRef(a.CollectionID)
		l.tokens.addRef(a.CreatedByID)
	}
}

// SeeCollections announces listed collections, and their parents, as siblings for later fetches.
func (l *Loaders) SeeCollections(cs []*models.Collection) {
	for _, c := range cs {
		l.collections.add(c.ID)
		l.collections.addRef(c.ParentID)
	}
}

// SeeTags announces listed tags as siblings for later fetches.
func (l *Loaders) SeeTags(tags []*models.Tag) {
	for _, t := range tags {
		l.tags.add(t.ID)
	}
}

// fetchFunc fetches the values of keys in one query; a key its answer leaves out has no value.
type fetchFunc[V any] func(context.Context, []string) (map[string]V, error)

// Relation loads one relation of objects by id. The first fetch takes the announced siblings along;
// what it fetched is kept for the rest of the request and answered without the loader's batch wait.
type Relation[V any] struct {
	loader   *dataloader.Loader[string, V]
	siblings *keyspace
	fetch    fetchFunc[V]
	// notFound names what a key is, for the NOT_FOUND of a key that its fetch left out; empty when
	// such a key simply has nothing (the zero value).
	notFound string
	mu       sync.Mutex
	// fetched holds the result of every key fetched so far, its value or its own error.
	fetched map[string]*dataloader.Result[V]
}

func newRelation[V any](siblings *keyspace, fetch fetchFunc[V], notFound string) *Relation[V] {
	r := &Relation[V]{siblings: siblings, fetch: fetch, notFound: notFound, fetched: map[string]*dataloader.Result[V]{}}
	// fetched already memoizes every key, so the loader's own cache would only double the work.
	r.loader = dataloader.NewBatchedLoader(r.batch, dataloader.WithWait[string, V](wait),
		dataloader.WithCache[string, V](&dataloader.NoCache[string, V]{}))
	return r
}

// batch answers keys in their order: each with its value or its own error, or all with the error of
// the one query that failed.
func (r *Relation[V]) batch(ctx context.Context, keys []string) []*dataloader.Result[V] {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]*dataloader.Result[V], len(keys))
	err := r.fetchUnknown(ctx, keys)
	for i, k := range keys {
		if err != nil {
			out[i] = &dataloader.Result[V]{Error: err}
		} else {
			out[i] = r.fetched[k]
		}
	}
	return out
}

// fetchUnknown fetches, in one query, the keys and siblings not fetched yet. It does not query once
// the request is over: its client gone, the query would only fail later. A failure is not kept, so
// a later load tries again.
func (r *Relation[V]) fetchUnknown(ctx context.Context, keys []string) error {
	var need []string
	pending := map[string]bool{}
	for _, k := range append(keys, r.siblings.list()...) {
		if _, ok := r.fetched[k]; !ok && !pending[k] {
			pending[k] = true
			need = append(need, k)
		}
	}
	if len(need) == 0 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	res, err := r.fetch(ctx, need)
	if err != nil {
		return err
	}
	for _, k := range need {
		r.fetched[k] = r.result(k, res)
	}
	return nil
}

func (r *Relation[V]) result(key string, res map[string]V) *dataloader.Result[V] {
	if v, ok := res[key]; ok || r.notFound == "" {
		return &dataloader.Result[V]{Data: v}
	}
	return &dataloader.Result[V]{Error: access.NotFound(r.notFound, key)}
}

// Load returns the relation of one object.
func (r *Relation[V]) Load(ctx context.Context, key string) (V, error) {
	r.mu.Lock()
	res, ok := r.fetched[key]
	r.mu.Unlock()
	if ok {
		return res.Data, res.Error
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
