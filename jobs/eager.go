package jobs

import (
	"context"

	"github.com/riverqueue/river"
)

// Eager makes the eager transform presets of an asset's current bytes, queued from the events of
// the outbox as scans are: Run makes them for one asset.
type Eager struct {
	Run func(ctx context.Context, assetID string) (int, error)
}

const (
	eagerQueue = "eager"
	// eagerAttempts: a failure to read or store is retried a few times; the gate makes what is
	// still missing on the first request anyway.
	eagerAttempts = 3
)

// eagerPresets makes the eager presets of an asset.
type eagerPresets struct {
	AssetID string `json:"assetId"`
}

// Kind implements river.JobArgs.
func (eagerPresets) Kind() string { return "eager_presets" }

// InsertOpts keeps eager transforms on their own queue, so a large import never delays the sweeps
// or the outbox. No uniqueness, as for scans: a duplicate finds its results stored and ends, while
// merging a new version's job into a running one could leave that version without them.
func (eagerPresets) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: eagerQueue, MaxAttempts: eagerAttempts}
}

type eagerWorker struct {
	river.WorkerDefaults[eagerPresets]
	eager Eager
}

func (w *eagerWorker) Work(ctx context.Context, job *river.Job[eagerPresets]) error {
	_, err := w.eager.Run(ctx, job.Args.AssetID)
	return err
}

// eagerOfEvents is the subscriber that turns each new asset and each new version into an eager
// job, so no new bytes miss their presets.
func eagerOfEvents(insert inserter) Subscriber {
	return jobsOfNewBytes("eager presets", insert, func(id string) []river.JobArgs {
		return []river.JobArgs{eagerPresets{AssetID: id}}
	})
}

// addEager registers the eager worker and returns its subscriber; insert is called only once the
// client has started.
func addEager(workers *river.Workers, e Eager, insert inserter) Subscriber {
	river.AddWorker(workers, &eagerWorker{eager: e})
	return eagerOfEvents(insert)
}
