package jobs

import (
	"context"
	"time"

	"github.com/riverqueue/river"
)

// AV is the background work on videos and sounds, queued from the events of the outbox for each new
// asset and each replacement: Derive makes a version's poster or waveform; HLS, when set, encodes a
// video's ladder. Both work on the asset's current version and skip what is not theirs.
type AV struct {
	Derive     func(ctx context.Context, assetID string) error
	HLS        func(ctx context.Context, assetID string) error
	HLSTimeout time.Duration
}

const (
	avQueue  = "av"
	hlsQueue = "hls"
	// avAttempts: a decode that failed for the file's sake is recorded, not retried; these are for the
	// database or the store failing meanwhile.
	avAttempts = 3
	// deriveTimeout bounds the poster or waveform of one version.
	deriveTimeout = 5 * time.Minute
)

// deriveAV makes the poster or waveform of an asset's current version.
type deriveAV struct {
	AssetID string `json:"assetId"`
}

// Kind implements river.JobArgs.
func (deriveAV) Kind() string { return "av_derive" }

// InsertOpts keeps the work on its own queue, so that a library of videos never delays the sweeps.
func (deriveAV) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: avQueue, MaxAttempts: avAttempts}
}

// encodeHLS encodes an asset's current version for streaming.
type encodeHLS struct {
	AssetID string `json:"assetId"`
}

// Kind implements river.JobArgs.
func (encodeHLS) Kind() string { return "av_hls" }

// InsertOpts gives encodes a queue of their own: one takes both cores for as long as the video.
func (encodeHLS) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: hlsQueue, MaxAttempts: avAttempts}
}

type deriveWorker struct {
	river.WorkerDefaults[deriveAV]
	run func(ctx context.Context, assetID string) error
}

// Timeout implements river.Worker.
func (w *deriveWorker) Timeout(*river.Job[deriveAV]) time.Duration { return deriveTimeout }

func (w *deriveWorker) Work(ctx context.Context, job *river.Job[deriveAV]) error {
	return w.run(ctx, job.Args.AssetID)
}

type hlsWorker struct {
	river.WorkerDefaults[encodeHLS]
	run     func(ctx context.Context, assetID string) error
	timeout time.Duration
}

// Timeout implements river.Worker.
func (w *hlsWorker) Timeout(*river.Job[encodeHLS]) time.Duration { return w.timeout }

func (w *hlsWorker) Work(ctx context.Context, job *river.Job[encodeHLS]) error {
	return w.run(ctx, job.Args.AssetID)
}

// addAV registers the workers of av and returns the subscriber that queues their jobs.
func addAV(workers *river.Workers, av AV, insert inserter) Subscriber {
	river.AddWorker(workers, &deriveWorker{run: av.Derive})
	if av.HLS != nil {
		river.AddWorker(workers, &hlsWorker{run: av.HLS, timeout: av.HLSTimeout})
	}
	return avOfEvents(insert, av.HLS != nil)
}

// addAVQueues adds the queues of av's workers, if any.
func addAVQueues(queues map[string]river.QueueConfig, av *AV) {
	if av == nil {
		return
	}
	queues[avQueue] = river.QueueConfig{MaxWorkers: 2}
	if av.HLS != nil {
		queues[hlsQueue] = river.QueueConfig{MaxWorkers: 1}
	}
}

// avOfEvents turns each new asset and each new version into its background work: a still, a
// waveform or a page, and with hls its encode.
func avOfEvents(insert inserter, hls bool) Subscriber {
	return jobsOfNewBytes("posters, waveforms and encodes", insert, func(id string) []river.JobArgs {
		if hls {
			return []river.JobArgs{deriveAV{AssetID: id}, encodeHLS{AssetID: id}}
		}
		return []river.JobArgs{deriveAV{AssetID: id}}
	})
}
