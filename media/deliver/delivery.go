package deliver

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/imageurl"
	"github.com/mediagraph/mediagraph/media/imaging"
	"github.com/mediagraph/mediagraph/media/membudget"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/storage"
)

// DeliveryRequest is a request for an asset's bytes, or a transform of them, at a delivery URL.
type DeliveryRequest struct {
	AssetID string
	// Version is the version number a versioned URL names; 0 asks for the current one.
	Version int
	// Path and Query are the URL's, for its signature and its transform.
	Path  string
	Query url.Values
	// Accept is the browser's Accept header, for auto=format.
	Accept string
	// Client identifies the caller for the transform limits (its address).
	Client string
}

// Delivery is what answers a delivery request: a stored object to stream, or fresh bytes.
type Delivery struct {
	Asset *models.Asset
	// Body is the stored object (the original, or a transform made before); Bytes a transform made now.
	Body  storage.Object
	Bytes []byte
	// MimeType, ETag and Filename describe what is sent.
	MimeType string
	ETag     string
	Filename string
	// Public is true when anyone may have received these bytes: caches may keep them.
	Public bool
	// VaryAccept is true when the format followed the Accept header.
	VaryAccept bool
	// RedirectKey, when set, is the stored object the caller may redirect to instead of streaming it,
	// with a link that lasts at most until RedirectUntil (a signed URL's expiry), when set.
	RedirectKey   string
	RedirectUntil *time.Time
	// Volatile is true when the bytes depend on something that may change under the same URL (the
	// asset's focal point): caches must not keep them long.
	Volatile bool
	// Ignored lists the URL's query parameters that mean nothing to delivery, sorted.
	Ignored []string
}

// Close releases the stored object, if any.
func (d *Delivery) Close() error {
	if d.Body != nil {
		return d.Body.Close()
	}
	return nil
}

// Deliver checks that the caller may have an asset's bytes — an editor, a valid signed grant, or
// anyone for a PUBLIC asset within its availability — and opens them, transformed as the URL asks.
func (s *Service) Deliver(ctx context.Context, req DeliveryRequest) (*Delivery, error) {
	params, ignored, preset, err := s.requestParams(ctx, req.Query)
	if err != nil {
		return nil, err
	}
	now := models.Now()
	// A transform inside the unsigned allow-list, or a preset's, is checked as originals are: a
	// signature is optional.
	needsSignature := !params.IsZero() && !preset && !s.urls.Unsigned.Allows(params)
	grant, err := s.urls.CheckURL(req.Path, req.Query, needsSignature, now)
	if err != nil {
		return nil, err
	}
	a, err := s.deliverable(ctx, req.AssetID, grant, now)
	if err != nil {
		return nil, err
	}
	d := &Delivery{Asset: a, Public: a.Status == models.StatusPublic && !access.CanSeePrivate(ctx) && !grant.Private,
		RedirectUntil: grant.Expires, Ignored: ignored}
	current := a
	if req.Version != 0 && req.Version != a.Version {
		v, err := s.db.VersionByNumber(ctx, a.ID, req.Version)
		if errors.Is(err, models.ErrNotFound) {
			return nil, access.NotFound("version", fmt.Sprintf("%s/%d", a.ID, req.Version))
		}
		if err != nil {
			return nil, err
		}
		a = a.AtVersion(v) // served, transformed and described by its own facts
		d.Asset = a
	}
	if err := s.checkScan(a); err != nil {
		return nil, err
	}
	if params.IsZero() {
		return s.openOriginal(ctx, d, a.ObjectKey)
	}
	if a.Version == current.Version {
		if a, err = s.pixelsKnown(ctx, a); err != nil {
			return nil, err
		}
		d.Asset = a
	}
	if s.stills != nil && (hasStill(a) || params.T != nil || params.Page != nil) {
		if a, err = s.stillAsset(ctx, a, params); err != nil {
			return nil, err
		}
	}
	version, key := a.Version, a.ObjectKey
	if params.NeedsFaces() {
		box, err := s.db.FacesBox(ctx, a.ID, version)
		if err != nil {
			return nil, err
		}
		params, d.Volatile = params.WithFaces(box), true
	}
	if params.NeedsFocalPoint() {
		focal, err := s.defaultFocalPoint(ctx, a.ID)
		if err != nil {
			return nil, err
		}
		params, d.Volatile = params.WithFocalPoint(focal), true
	}
	t, err := s.resolveTransform(a, params, req.Accept)
	if err != nil {
		return nil, err
	}
	if v, err := s.exactVariant(ctx, d, req.Version, params, t); v != nil || err != nil {
		return v, err
	}
	d.MimeType, d.VaryAccept = t.spec.Format.MimeType(), t.varyAccept
	d.Filename = a.Basename + "." + t.spec.Format.Extension()
	derived, digest := derivedKey(a, version, t.spec)
	d.ETag = `"` + digest + `"`
	if o, err := s.store.Open(ctx, derived); err == nil {
		s.observer.DerivedLookup(true)
		s.noteServed(derived)
		d.Body = o
		return d, nil
	} else if !errors.Is(err, storage.ErrNotFound) {
		return nil, fmt.Errorf("open stored transform %s: %w", derived, err)
	}
	s.observer.DerivedLookup(false)
	out, err := s.transforms.make(ctx, req.Client, derived, func(work context.Context) ([]byte, error) {
		return s.makeDerivative(work, a, current.Version, key, derived, t.spec, params, s.background.run)
	})
	if err != nil {
		return nil, err
	}
	d.Bytes = out
	return d, nil
}

// deliverable loads an asset the caller may receive.
func (s *Service) deliverable(ctx context.Context, id string, grant imageurl.URLGrant, now time.Time) (*models.Asset, error) {
	found, err := s.db.AssetsByID(ctx, []string{id}, models.Visibility{})
	if err != nil {
		return nil, err
	}
	if len(found) == 0 {
		return nil, access.NotFound("asset", id)
	}
	a := found[0]
	if access.CanSeePrivate(ctx) {
		if mine, err := s.inReadScope(ctx, id); err != nil || mine {
			return a, err
		}
	}
	if err := s.withOriginal(ctx, a); err != nil {
		return nil, err
	}
	switch (models.Availability{At: now}).Check(a) {
	case models.Trashed: // trashing is how an editor takes an asset down: shared links stop too
		return nil, access.NotFound("asset", id)
	case models.Unapproved:
		if a.Moderation.Status == models.ModerationRejected {
			return nil, access.NewError(access.CodeAssetAccessDenied, "asset %s was rejected by a moderator", id)
		}
		return nil, access.NewError(access.CodeAssetNotApproved, "asset %s is waiting for a moderator", id)
	case models.Deliverable:
		return a, nil
	}
	if grant.Private { // an editor shared it, PRIVATE or outside its window
		return a, s.grantStands(ctx, a, grant)
	}
	if a.Status != models.StatusPublic {
		return nil, access.NewError(access.CodeAssetAccessDenied, "asset %s is private", id)
	}
	return nil, access.NewError(access.CodeAssetAccessDenied, "asset %s is not available at this time", id)
}

// checkScan refuses the bytes of a version found infected to everyone, editors included (they are in
// quarantine, as are their transforms), and, unless unscanned bytes are served, those not yet found
// clean. It reads the version's row the request loaded, so every instance refuses as soon as the
// verdict is committed.
func (s *Service) checkScan(a *models.Asset) error {
	av := a.Antivirus
	switch {
	case av.Status == models.ScanInfected:
		return access.NewError(access.CodeAssetQuarantined, "asset %s version %d is quarantined: a virus scan found a threat in it", a.ID, a.Version)
	case !av.Delivers(s.settings.ServeUnscanned):
		return access.NewError(access.CodeAssetAccessDenied, "asset %s is delivered once a virus scan has checked it", a.ID)
	}
	return nil
}

func (s *Service) openOriginal(ctx context.Context, d *Delivery, key string) (*Delivery, error) {
	d.MimeType, d.ETag, d.Filename, d.RedirectKey = d.Asset.MimeType, `"`+d.Asset.SHA256+`"`, d.Asset.Filename, key
	o, err := s.store.Open(ctx, key)
	if errors.Is(err, storage.ErrNotFound) {
		return nil, fmt.Errorf("bytes of asset %s missing from the store at %s: %w", d.Asset.ID, key, err)
	}
	if err != nil {
		return nil, fmt.Errorf("open asset %s: %w", d.Asset.ID, err)
	}
	d.Body = o
	return d, nil
}

// defaultFocalPoint is the asset's focal point in the default locale, if set.
func (s *Service) defaultFocalPoint(ctx context.Context, id string) (*models.FocalPoint, error) {
	meta, err := s.db.MetadataForAssets(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	for _, m := range meta[id] {
		if m.Locale == s.settings.DefaultLocale() && m.FocalX != nil && m.FocalY != nil {
			return &models.FocalPoint{X: *m.FocalX, Y: *m.FocalY}, nil
		}
	}
	return nil, nil
}

// makeDerivative transforms a version's bytes and stores the result under its key. It runs once per
// key at a time, and outlives the request that started it, so that callers waiting on the same key
// get it even when that client went away; ctx ends when none is left waiting. keep runs the storing
// of the result: in the background for a request, at once for a job.
func (s *Service) makeDerivative(ctx context.Context, a *models.Asset, current int, key, derived string, spec imaging.Spec, params imageurl.ImageParams, keep func(func())) ([]byte, error) {
	if limit := min(maxTransformedBytes, s.transformMemoryBudget()); a.Size > limit {
		return nil, access.Invalid("params", "images over %d MiB are not transformed", limit>>20)
	}
	ctx, cancel := context.WithTimeout(ctx, s.settings.TransformTimeout)
	defer cancel()
	// The input and the pixels in one wait: taken in two, two large transforms could each hold
	// their input waiting for the other's pixels, until both time out.
	held := &reservation{budget: s.memory, n: a.Size + s.pixelsBound(a, spec)}
	if err := s.memory.Acquire(ctx, held.n); err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) { // waiting for memory took it all
			return nil, s.transformTimedOut()
		}
		return nil, fmt.Errorf("transform %s: wait for memory: %w", derived, err)
	}
	defer held.release()
	buf, err := membudget.ReadObject(ctx, s.store, key, a.Size)
	if err != nil {
		return nil, fmt.Errorf("transform %s: %w", derived, err)
	}
	started := time.Now()
	out, err := s.runTransform(ctx, buf, spec, held, held.n-a.Size)
	s.observer.Transformed(spec.Format.Extension(), time.Since(started), err)
	var over *imaging.OverBudgetError
	var damage *damageError
	switch {
	case errors.As(err, &over):
		return nil, access.Invalid(over.Field, "%s", over.Message)
	case errors.Is(err, context.DeadlineExceeded):
		return nil, s.transformTimedOut()
	case errors.Is(err, imaging.ErrTooLarge):
		return nil, access.Invalid("params", "%v", err)
	case errors.Is(err, imaging.ErrUnsupported):
		return nil, access.Invalid("params", "this image's format cannot be transformed")
	case errors.As(err, &damage):
		return nil, s.damaged(ctx, a, damage.reason)
	case err != nil:
		return nil, fmt.Errorf("transform %s: %w", derived, err)
	}
	if a.Version != current {
		return out, nil // a replaced version's transforms are made on demand, never kept: nothing would sweep them
	}
	w, h := outputSize(*a.Width, *a.Height, params, s.settings.MaxTransformSide)
	d := &models.Derivative{ObjectKey: derived, AssetID: a.ID, Version: a.Version, Size: int64(len(out)),
		Params: params.Query().Encode(), Format: spec.Format.Extension(), Width: &w, Height: &h}
	keep(func() { s.keepDerivative(d, out, spec.Format.MimeType()) })
	return out, nil
}

// transformTimedOut is the answer to a transform stopped at its deadline: the estimate let it
// through, but the request still asked for more than the service gives one image.
func (s *Service) transformTimedOut() error {
	return access.Invalid("params", "the transform took longer than %s; ask for a smaller size or less blur", s.settings.TransformTimeout)
}

// transformWorkBudget bounds the work of one transform, estimated before decoding (imaging.Cost), in
// one core's time on the machine the model was measured on. A 12 MP photo to a 2000 px WebP is
// about 0.3 s and 36 MiB; what is refused would hold a core for several seconds or more, the
// deadline stopping what the estimate misjudged.
const transformWorkBudget = 5 * time.Second

// transformMemoryBudget bounds the pixel memory of one transform, and its input: half the budget
// that analysis and transforms share, so that one transform never takes it all.
func (s *Service) transformMemoryBudget() int64 { return s.memory.Total() / 2 }

// pixelsBound is the pixel memory to reserve for a transform by spec of version a, from the
// version's own stored size and frames, before its bytes are read: no more than a transform may
// hold, which the estimate from the header checks again.
func (s *Service) pixelsBound(a *models.Asset, spec imaging.Spec) int64 {
	frames := 1
	if an, err := a.Analysis.Get(); err == nil {
		frames = an.FrameCount
	}
	limit := s.transformMemoryBudget()
	if a.Width == nil || a.Height == nil {
		return limit
	}
	bound, err := imaging.MemoryBound(*a.Width, *a.Height, frames, spec)
	if err != nil {
		return limit // refused by Prepare, with its reason
	}
	return min(bound, limit)
}

// reservation is memory taken from the budget that a transform gives back as it learns it needs
// less, and all of at its end.
type reservation struct {
	budget *membudget.Budget
	n      int64
}

func (r *reservation) shrink(by int64) {
	r.budget.Release(by)
	r.n -= by
}

func (r *reservation) release() { r.budget.Release(r.n) }

// runTransform prices a transform and runs it when within budget, in the memory held for it: pixels
// of it reserved with its input. The estimate from the header is the closer one: what it does not
// need is given back before the work starts; more, should the stored facts have understated the
// image, is taken only when free now, as waiting while holding the input could stall two
// transforms on each other. A failure is told damage or not while that memory is still held
// (checkDamage).
func (s *Service) runTransform(ctx context.Context, buf []byte, spec imaging.Spec, held *reservation, pixels int64) ([]byte, error) {
	job, err := imaging.Prepare(buf, spec)
	if err != nil {
		return nil, err
	}
	if err := job.Cost.Check(transformWorkBudget, s.transformMemoryBudget()); err != nil {
		return nil, err
	}
	switch need := job.Cost.Memory; {
	case need < pixels:
		held.shrink(pixels - need)
	case need > pixels:
		if !s.memory.TryAcquire(need - pixels) {
			return nil, access.NewError(access.CodeRateLimited, "the server is busy transforming images; retry shortly")
		}
		held.n += need - pixels
	}
	out, err := job.Run(ctx)
	if err != nil {
		return nil, checkDamage(ctx, job, err)
	}
	return out, nil
}

// keepDerivative stores a transform for the requests after this one. It is recorded first, so that
// purging the asset finds it even if storing fails half-way; a failure only costs a later request
// the transform again.
func (s *Service) keepDerivative(d *models.Derivative, out []byte, mimeType string) {
	ctx := context.Background()
	kept, err := s.db.RecordDerivative(ctx, d)
	if err != nil {
		s.log.Error("record transform", "key", d.ObjectKey, "err", err)
		return
	}
	if !kept { // purged or replaced meanwhile: nothing would ever delete it
		return
	}
	if _, err := s.store.Put(ctx, d.ObjectKey, bytes.NewReader(out), storage.PutOptions{ContentType: mimeType}); err != nil {
		s.log.Error("store transform", "key", d.ObjectKey, "err", err)
	}
}

// background runs work that a response need not wait for — storing a transform waits on the disk's
// or the bucket's write — up to a bound, beyond which the caller does it itself; Wait lets the
// process finish it before exiting.
type background struct {
	slots chan struct{}
	wg    sync.WaitGroup
}

func newBackground(n int) *background { return &background{slots: make(chan struct{}, n)} }

func (b *background) run(work func()) {
	select {
	case b.slots <- struct{}{}:
		b.wg.Add(1)
		go func() {
			defer func() { <-b.slots; b.wg.Done() }()
			work()
		}()
	default:
		work()
	}
}

// Settle waits for the work the service left running in the background (stored transforms), and
// writes the served times it gathered.
func (s *Service) Settle() {
	s.background.wg.Wait()
	if err := s.FlushServed(context.Background()); err != nil {
		s.log.Error("record served transforms", "err", err)
	}
}

// transforms runs uncached transforms: one at a time per result (concurrent identical requests share
// it), a bounded number per client, and a bounded number at once, waiting at most queueTimeout.
type transforms struct {
	mu           sync.Mutex
	calls        map[string]*call
	slots        chan struct{}
	perClient    int
	queueTimeout time.Duration
	clients      clientCounts
	// waiting counts the transforms waiting for a slot, for the metrics of the queue.
	waiting atomic.Int64
}

// call is one transform in flight and the requests waiting on it; its work stops when none is left.
type call struct {
	done    chan struct{}
	out     []byte
	err     error
	waiters int
	cancel  context.CancelFunc
}

func newTransforms(slots, perClient int, queueTimeout time.Duration) *transforms {
	return &transforms{calls: map[string]*call{}, slots: make(chan struct{}, slots), perClient: perClient, queueTimeout: queueTimeout, clients: clientCounts{n: map[string]int{}}}
}

func (t *transforms) make(ctx context.Context, client, key string, work func(context.Context) ([]byte, error)) ([]byte, error) {
	if !t.clients.enter(client, t.perClient) {
		return nil, access.NewError(access.CodeRateLimited, "at most %d new transforms at once per client; retry shortly", t.perClient)
	}
	c := t.join(ctx, key, work)
	select {
	case <-c.done:
		t.clients.leave(client)
		return c.out, c.err
	case <-ctx.Done():
		t.abandon(key, c)
		// The work may go on for the others waiting; it still counts against this client until it
		// ends, so that hanging up is no way around the limit.
		go func() { <-c.done; t.clients.leave(client) }()
		return nil, ctx.Err()
	}
}

// join waits on the call in flight for key, or starts one.
func (t *transforms) join(ctx context.Context, key string, work func(context.Context) ([]byte, error)) *call {
	t.mu.Lock()
	defer t.mu.Unlock()
	if c, ok := t.calls[key]; ok {
		c.waiters++
		return c
	}
	workCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	c := &call{done: make(chan struct{}), waiters: 1, cancel: cancel}
	t.calls[key] = c
	go t.run(workCtx, key, c, work)
	return c
}

// abandon is a waiter going away; the last one stops the work, and a later request starts anew.
func (t *transforms) abandon(key string, c *call) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if c.waiters--; c.waiters > 0 {
		return
	}
	c.cancel()
	if t.calls[key] == c {
		delete(t.calls, key)
	}
}

func (t *transforms) run(ctx context.Context, key string, c *call, work func(context.Context) ([]byte, error)) {
	defer func() {
		if p := recover(); p != nil {
			c.out, c.err = nil, fmt.Errorf("transform %s: panic: %v", key, p)
		}
		t.mu.Lock()
		if t.calls[key] == c {
			delete(t.calls, key)
		}
		t.mu.Unlock()
		c.cancel()
		close(c.done)
	}()
	if c.err = t.takeSlot(ctx); c.err != nil {
		return
	}
	defer func() { <-t.slots }()
	c.out, c.err = work(ctx)
}

// takeSlot waits for a free core, at most queueTimeout.
func (t *transforms) takeSlot(ctx context.Context) error {
	wait := time.NewTimer(t.queueTimeout)
	defer wait.Stop()
	t.waiting.Add(1)
	defer t.waiting.Add(-1)
	select {
	case t.slots <- struct{}{}:
		return nil
	case <-wait.C:
		return access.NewError(access.CodeRateLimited, "the server is busy transforming images; retry shortly")
	case <-ctx.Done():
		return ctx.Err()
	}
}

// clientCounts counts each client's transforms in flight.
type clientCounts struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *clientCounts) enter(client string, limit int) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n[client] >= limit {
		return false
	}
	c.n[client]++
	return true
}

func (c *clientCounts) leave(client string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n[client]--; c.n[client] <= 0 {
		delete(c.n, client)
	}
}

// inReadScope reports whether the asset of id is within the caller's OWN read scope (always, when
// they have none); outside it, the caller receives what the public does.
func (s *Service) inReadScope(ctx context.Context, id string) (bool, error) {
	vis := access.ReadScope(ctx)
	if vis.OwnRole == "" {
		return true, nil
	}
	mine, err := s.db.AssetsByID(ctx, []string{id}, models.Visibility{OwnRole: vis.OwnRole})
	return len(mine) > 0, err
}
