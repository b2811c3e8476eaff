package jobs

import (
	"context"
	"fmt"
	"time"

	"github.com/riverqueue/river"

	"github.com/mediagraph/mediagraph/models"
)

// Scan is the antivirus scan of versions: Run scans one target (Number 0: every version of the
// asset still PENDING) at attempt (from 1); final says no attempt follows, so a transient failure
// must be recorded as the end rather than returned for a retry.
type Scan struct {
	Run func(ctx context.Context, target models.ScanTarget, attempt int, final bool) error
	// RetryBase is the wait before the second attempt; each later one waits twice the one before.
	RetryBase time.Duration
}

const (
	scanQueue = "scan"
	// scanAttempts is how often a scan is tried before it is recorded FAILED.
	scanAttempts = 6
	// scanTimeout bounds one attempt: the stream to clamd and its verdict.
	scanTimeout = 5 * time.Minute
	// scanBatch bounds the jobs of one insert statement.
	scanBatch = 500
)

// scanVersion scans a version of an asset (0: those PENDING).
type scanVersion struct {
	AssetID string `json:"assetId"`
	Version int    `json:"version,omitempty"`
}

// Kind implements river.JobArgs.
func (scanVersion) Kind() string { return "scan_version" }

// InsertOpts keeps scans on their own queue, so that a rescan of the whole library never delays the
// sweeps or the outbox. No uniqueness: a duplicate finds nothing PENDING and ends at once, while
// merging a new version's job into a running one could leave that version unscanned.
func (scanVersion) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: scanQueue, MaxAttempts: scanAttempts}
}

type scanWorker struct {
	river.WorkerDefaults[scanVersion]
	scan Scan
}

// Timeout implements river.Worker.
func (w *scanWorker) Timeout(*river.Job[scanVersion]) time.Duration { return scanTimeout }

func (w *scanWorker) Work(ctx context.Context, job *river.Job[scanVersion]) error {
	target := models.ScanTarget{AssetID: job.Args.AssetID, Number: job.Args.Version}
	return w.scan.Run(ctx, target, job.Attempt, job.Attempt >= job.MaxAttempts)
}

// NextRetry doubles the wait from RetryBase: clamd restarting is back within seconds, one being
// upgraded within minutes; the five waits between six attempts add up to 31 times RetryBase (about
// five minutes by default).
func (w *scanWorker) NextRetry(job *river.Job[scanVersion]) time.Time {
	return time.Now().Add(w.scan.RetryBase << (min(job.Attempt, scanAttempts) - 1))
}

// scansOfEvents is the subscriber that turns each new asset and each new version into a scan job:
// no committed version goes unscanned.
func scansOfEvents(insert inserter) Subscriber {
	return jobsOfNewBytes("scans", insert, func(id string) []river.JobArgs {
		return []river.JobArgs{scanVersion{AssetID: id}}
	})
}

// Scan queues a scan of every target, for `mediagraph scan`.
func (q *Queue) Scan(ctx context.Context, targets []models.ScanTarget) error {
	for start := 0; start < len(targets); start += scanBatch {
		chunk := targets[start:min(start+scanBatch, len(targets))]
		params := make([]river.InsertManyParams, len(chunk))
		for i, t := range chunk {
			params[i] = river.InsertManyParams{Args: scanVersion{AssetID: t.AssetID, Version: t.Number}}
		}
		if err := q.insert(ctx, params); err != nil {
			return fmt.Errorf("queue scans: %w", err)
		}
	}
	return nil
}
