package jobs

import (
	"context"
	"fmt"
	"slices"

	"github.com/riverqueue/river"

	"github.com/mediagraph/mediagraph/models"
)

// inserter queues jobs once the client has started.
type inserter func(context.Context, []river.InsertManyParams) error

// newBytesEvents are the events of an asset whose bytes are new: a first upload or a replacement.
var newBytesEvents = []models.EventKind{models.EventAssetCreated, models.EventAssetReplaced}

// assetsOf lists the assets of the events of the given kinds, in the events' order.
func assetsOf(events []models.Event, kinds []models.EventKind) []string {
	var ids []string
	for _, e := range events {
		if slices.Contains(kinds, e.Kind) {
			ids = append(ids, e.AssetIDs...)
		}
	}
	return ids
}

// jobsOfNewBytes is the subscriber that queues the jobs of args for each asset whose bytes are new.
// The event was recorded in the transaction that wrote the bytes' row and stays in the outbox until
// the jobs are queued, so no committed version misses its background work; what names that work in
// the error.
func jobsOfNewBytes(what string, insert inserter, args func(assetID string) []river.JobArgs) Subscriber {
	return func(ctx context.Context, events []models.Event) error {
		var params []river.InsertManyParams
		for _, id := range assetsOf(events, newBytesEvents) {
			for _, a := range args(id) {
				params = append(params, river.InsertManyParams{Args: a})
			}
		}
		if len(params) == 0 {
			return nil
		}
		if err := insert(ctx, params); err != nil {
			return fmt.Errorf("queue %s: %w", what, err)
		}
		return nil
	}
}
