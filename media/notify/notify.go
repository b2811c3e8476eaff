// Package notify tells people what changed in the catalogue: signed webhooks with retries and a
// delivery log, GraphQL subscriptions and the audit log. Everything it tells comes from the event
// outbox (models.Event), which each change writes in its own transaction, so nothing is told that did
// not happen and nothing that happened is lost to a crash.
package notify

import (
	"context"
	"slices"
	"time"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/catalogue"
	"github.com/mediagraph/mediagraph/models"
)

// Item is one asset of one event: what a webhook delivery or a subscription message carries. An
// outbox event about 500 assets is 500 items.
type Item struct {
	// ID is the event's id, a dot and the asset's id: unique per item, the same at every retry.
	ID         string
	Event      models.EventKind
	OccurredAt time.Time
	AssetID    string
	UploadID   *string
}

// Ping is the event testWebhook sends.
const Ping = "ping"

// KnownEvent reports whether name is an event people may subscribe to.
func KnownEvent(name string) bool {
	return slices.Contains(models.AssetEventKinds, models.EventKind(name))
}

// checkEvents refuses event names that do not exist, so that a typo does not make a silent webhook.
func checkEvents(field string, names []string) error {
	if len(names) > len(models.AssetEventKinds) {
		return access.Invalid(field, "at most %d event names", len(models.AssetEventKinds))
	}
	for _, n := range names {
		if !KnownEvent(n) {
			return access.Invalid(field, "unknown event %q; known events: %v", n, models.AssetEventKinds)
		}
	}
	return nil
}

// Items expands outbox events into the items of the asset events among them, in order.
func Items(events []models.Event) []Item {
	var out []Item
	for _, e := range events {
		if !slices.Contains(models.AssetEventKinds, e.Kind) {
			continue
		}
		for _, id := range e.AssetIDs {
			out = append(out, Item{ID: e.ID + "." + id, Event: e.Kind, OccurredAt: e.CreatedAt, AssetID: id, UploadID: e.UploadID})
		}
	}
	return out
}

// wants reports whether a subscription to names (none: every event) takes the item.
func wants(names []string, it Item) bool {
	return len(names) == 0 || slices.Contains(names, string(it.Event))
}

// matchChunk bounds the ids of one filter query (the largest page).
const matchChunk = 500

// matching returns which of the assets match filter as the caller in ctx sees them, those in the
// trash included: a deletion is news to whoever watched the asset.
func matching(ctx context.Context, assets *catalogue.Assets, filter *models.AssetFilter, ids []string) (map[string]bool, error) {
	found := map[string]bool{}
	yes := true
	for start := 0; start < len(ids); start += matchChunk {
		chunk := ids[start:min(start+matchChunk, len(ids))]
		for _, deleted := range []*bool{nil, &yes} {
			f := &models.AssetFilter{Deleted: deleted, AND: []*models.AssetFilter{{IDs: &models.IDFilter{In: chunk}}}}
			if filter != nil {
				f.AND = append(f.AND, filter)
			}
			n := len(chunk)
			list, err := assets.ListAssets(ctx, f, models.OrderCreatedAtDesc, models.PageRequest{First: &n})
			if err != nil {
				return nil, err
			}
			for _, a := range list.Nodes {
				found[a.ID] = true
			}
		}
	}
	return found, nil
}

// service is the principal of the service's own reads: it sees every asset.
var service = &access.Principal{Name: "notify", Role: models.RoleAdmin}

// asService runs as the service itself, for the work of jobs that no caller started.
func asService(ctx context.Context) context.Context { return access.WithPrincipal(ctx, service) }
