package notify

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/catalogue"
	"github.com/mediagraph/mediagraph/models"
)

// Subscription limits.
const (
	// MaxSubscriptionsPerToken bounds the live subscriptions of one API token, on one instance.
	MaxSubscriptionsPerToken = 20
	// subscriberBuffer is how many events a subscriber may fall behind before it is dropped: a stuck
	// client must not hold up the others.
	subscriberBuffer = 256
	pollBatch        = 500
)

// AssetEvent is one item as a subscriber receives it: the asset as the subscriber may see it (nil
// when it is gone for good).
type AssetEvent struct {
	Item
	Asset *models.Asset
}

// Hub streams the outbox's asset events to GraphQL subscriptions. It follows the events table
// itself, every poll interval while anyone listens, so a change committed by any instance reaches
// subscribers on every instance; each subscriber sees what its principal may see.
type Hub struct {
	db     *models.DB
	assets *catalogue.Assets
	poll   time.Duration
	log    *slog.Logger

	mu      sync.Mutex
	subs    map[*subscriber]bool
	stop    context.CancelFunc
	perTok  map[string]int
	cursor  int64
	stopped chan struct{}
}

type subscriber struct {
	ctx    context.Context
	filter *models.AssetFilter
	events []string
	out    chan *AssetEvent
	token  string
}

// NewHub returns a hub that looks for new events every poll.
func NewHub(db *models.DB, assets *catalogue.Assets, poll time.Duration, log *slog.Logger) *Hub {
	return &Hub{db: db, assets: assets, poll: poll, log: log, subs: map[*subscriber]bool{}, perTok: map[string]int{}}
}

// Subscribe streams the asset events committed from now on that the caller may see, among events
// (none: all) and of assets matching filter, until ctx ends.
func (h *Hub) Subscribe(ctx context.Context, filter *models.AssetFilter, events []string) (<-chan *AssetEvent, error) {
	p, err := access.Authorize(ctx, access.Read)
	if err != nil {
		return nil, err
	}
	if err := checkEvents("events", events); err != nil {
		return nil, err
	}
	if filter != nil {
		one := 1
		if _, err := h.assets.ListAssets(ctx, filter, models.OrderCreatedAtDesc, models.PageRequest{First: &one}); err != nil {
			return nil, err
		}
	}
	s := &subscriber{ctx: ctx, filter: filter, events: events, out: make(chan *AssetEvent, subscriberBuffer), token: p.TokenID}
	if err := h.add(ctx, s); err != nil {
		return nil, err
	}
	go func() {
		<-ctx.Done()
		h.remove(s)
	}()
	return s.out, nil
}

func (h *Hub) add(ctx context.Context, s *subscriber) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.perTok[s.token] >= MaxSubscriptionsPerToken {
		return access.NewError(access.CodeRateLimited, "at most %d subscriptions per token at once", MaxSubscriptionsPerToken)
	}
	if h.stop == nil {
		seq, err := h.db.LastEventSeq(ctx)
		if err != nil {
			return err
		}
		loop, cancel := context.WithCancel(context.Background())
		h.cursor, h.stop, h.stopped = seq, cancel, make(chan struct{})
		go h.run(loop, h.stopped)
	}
	h.subs[s] = true
	h.perTok[s.token]++
	return nil
}

// remove drops a subscriber; the last one out stops the polling.
func (h *Hub) remove(s *subscriber) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.removeLocked(s)
}

// removeLocked is remove under h.mu, which also guards every send to a subscriber's channel, so
// that none is sent on once it is closed.
func (h *Hub) removeLocked(s *subscriber) {
	if !h.subs[s] {
		return
	}
	delete(h.subs, s)
	close(s.out)
	if h.perTok[s.token]--; h.perTok[s.token] == 0 {
		delete(h.perTok, s.token)
	}
	if len(h.subs) == 0 && h.stop != nil {
		h.stop()
		h.stop = nil
	}
}

// Active counts the live subscriptions.
func (h *Hub) Active() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

func (h *Hub) run(ctx context.Context, stopped chan struct{}) {
	defer close(stopped)
	tick := time.NewTicker(h.poll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		if err := h.round(ctx); err != nil && ctx.Err() == nil {
			h.log.Warn("subscriptions: read new events", "err", err)
		}
	}
}

// round hands the events committed since the last round to every subscriber.
func (h *Hub) round(ctx context.Context) error {
	h.mu.Lock()
	cursor := h.cursor
	h.mu.Unlock()
	for {
		events, err := h.db.EventsAfter(ctx, cursor, pollBatch)
		if err != nil || len(events) == 0 {
			return err
		}
		cursor = events[len(events)-1].Seq
		h.mu.Lock()
		h.cursor = cursor
		subs := make([]*subscriber, 0, len(h.subs))
		for s := range h.subs {
			subs = append(subs, s)
		}
		h.mu.Unlock()
		items := Items(events)
		for _, s := range subs {
			if err := h.send(s, items); err != nil && s.ctx.Err() == nil {
				h.log.Warn("subscriptions: deliver events", "err", err)
			}
		}
	}
}

// send gives a subscriber the items it asked for and may see, dropping it when it has fallen behind.
func (h *Hub) send(s *subscriber, items []Item) error {
	var wanted []Item
	for _, it := range items {
		if wants(s.events, it) {
			wanted = append(wanted, it)
		}
	}
	if len(wanted) == 0 {
		return nil
	}
	ids := assetsOf(wanted)
	match, err := matching(s.ctx, h.assets, s.filter, ids)
	if err != nil {
		return err
	}
	found, err := h.assets.AssetsByID(s.ctx, ids)
	if err != nil {
		return err
	}
	// A reader limited to what the public or their role's OWN scope holds learns nothing of other assets.
	public := !access.CanSeePrivate(s.ctx) || access.ReadScope(s.ctx).OwnRole != ""
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, it := range wanted {
		if !h.subs[s] {
			return nil // gone meanwhile
		}
		a := found[it.AssetID]
		switch {
		case a == nil && (public || s.filter != nil):
			continue // not the subscriber's to see, or gone and so matching no filter
		case a != nil && !match[it.AssetID]:
			continue
		}
		select {
		case s.out <- &AssetEvent{Item: it, Asset: a}:
		default:
			h.log.Warn("subscriptions: a subscriber fell behind; dropping it", "token", s.token)
			h.removeLocked(s)
			return nil
		}
	}
	return nil
}

// Close stops the polling; subscriptions end with their connections.
func (h *Hub) Close() {
	h.mu.Lock()
	stop, stopped := h.stop, h.stopped
	h.stop = nil
	h.mu.Unlock()
	if stop != nil {
		stop()
		<-stopped
	}
}
