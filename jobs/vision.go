package jobs

import (
	"context"
	"time"

	"github.com/mediagraph/mediagraph/models"
)

// VisionKind is the work that looks at the pixels of an asset's current version (faces, text, tags).
const VisionKind = "analyze_vision"

// Vision bounds: decoding, the cascade and Tesseract are CPU-bound, so one image at a time per
// instance leaves the cores to uploads and transforms; an attempt covers a slow OCR with room to spare.
const (
	visionWorkers  = 1
	visionAttempts = 3
	visionTimeout  = 5 * time.Minute
)

// Vision is the Attempted that analyzes an asset's current pixels with run. A job waiting or running
// for the asset absorbs a new one, so run must look again when the asset was replaced meanwhile.
func Vision(run func(ctx context.Context, assetID string) error) Attempted {
	return Attempted{
		Kind: VisionKind, Workers: visionWorkers, MaxAttempts: visionAttempts, Timeout: visionTimeout,
		Backoff: func(attempt int) time.Duration { return time.Duration(attempt) * 30 * time.Second },
		Run:     func(ctx context.Context, id string, _ int, _ bool) error { return run(ctx, id) },
	}
}

// VisionOfEvents is the subscriber that queues the vision analysis of each asset whose bytes are new
// (created, replaced) or were analyzed (the upload's pixels decoded, or a reprocess: a detector may
// have been installed since).
func VisionOfEvents(enqueue Enqueuer) Subscriber {
	return attemptsOfEvents(VisionKind, []models.EventKind{models.EventAssetCreated, models.EventAssetReplaced, models.EventAssetAnalyzed}, enqueue)
}
