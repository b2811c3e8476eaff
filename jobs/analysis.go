package jobs

import (
	"context"
	"runtime"
	"time"
)

// AnalysisKind is the work that decodes the pixels of new bytes: the facts (colors, placeholders,
// the proof that the image is whole) an upload does not wait for.
const AnalysisKind = "analyze_asset"

// Analysis bounds: one decode per core keeps them all busy, and intake's memory budget bounds what
// the decodes hold; an attempt covers a 256 MiB file with room to spare, and a failure to read the
// stored bytes is tried again a few times, soon.
const (
	analysisAttempts = 3
	analysisTimeout  = 2 * time.Minute
)

// Analysis is the Attempted that completes the analysis of an asset's current version with run. A
// job waiting or running for the asset absorbs a new one, so run must look at what is current.
func Analysis(run func(ctx context.Context, assetID string) error) Attempted {
	return Attempted{
		Kind: AnalysisKind, Workers: runtime.GOMAXPROCS(0), MaxAttempts: analysisAttempts, Timeout: analysisTimeout,
		Backoff: func(attempt int) time.Duration { return time.Duration(attempt) * 5 * time.Second },
		Run:     func(ctx context.Context, id string, _ int, _ bool) error { return run(ctx, id) },
	}
}

// AnalysisOfEvents is the subscriber that queues the analysis of each asset whose bytes are new.
func AnalysisOfEvents(enqueue Enqueuer) Subscriber {
	return attemptsOfEvents(AnalysisKind, newBytesEvents, enqueue)
}
