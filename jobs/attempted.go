package jobs

import (
	"context"
	"fmt"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/mediagraph/mediagraph/models"
)

// Attempted is work on one item, named by its id, tried until it succeeds or its attempts run out,
// with its own schedule between attempts (a webhook delivery). Each Attempted works on a queue of
// its own, Workers at a time, so that slow receivers never hold up the sweeps or the outbox.
type Attempted struct {
	Kind        string
	Workers     int
	MaxAttempts int
	// Timeout bounds one attempt.
	Timeout time.Duration
	// Backoff is the wait after failed attempt number attempt (from 1).
	Backoff func(attempt int) time.Duration
	// Run makes attempt number attempt on the item; last says no attempt follows. An error asks for
	// the next attempt.
	Run func(ctx context.Context, id string, attempt int, last bool) error
}

// How soon an Attempted's queue fetches again after a fetch, and how often it looks when idle (a
// retry whose time has come waits at most that long).
const (
	attemptFetchCooldown = 5 * time.Millisecond
	attemptFetchPoll     = 250 * time.Millisecond
)

// attemptArgs is the job of an Attempted; the kind travels in the args, as periodicArgs' does.
type attemptArgs struct {
	Name string `json:"kind"`
	ID   string `json:"id"`
}

// Kind implements river.JobArgs.
func (a attemptArgs) Kind() string { return a.Name }

type attemptWorker struct {
	river.WorkerDefaults[attemptArgs]
	a Attempted
}

// Timeout implements river.Worker.
func (w *attemptWorker) Timeout(*river.Job[attemptArgs]) time.Duration { return w.a.Timeout }

// NextRetry implements river.Worker.
func (w *attemptWorker) NextRetry(job *river.Job[attemptArgs]) time.Time {
	return time.Now().Add(w.a.Backoff(job.Attempt))
}

func (w *attemptWorker) Work(ctx context.Context, job *river.Job[attemptArgs]) error {
	return w.a.Run(ctx, job.Args.ID, job.Attempt, job.Attempt >= job.MaxAttempts)
}

// addAttempted registers the workers and queues of the Attempted.
func addAttempted(workers *river.Workers, queues map[string]river.QueueConfig, list []Attempted) map[string]Attempted {
	kinds := map[string]Attempted{}
	for _, a := range list {
		river.AddWorkerArgs(workers, attemptArgs{Name: a.Kind}, &attemptWorker{a: a})
		// Attempts are short and many (one per event and receiver): fetching again soon after a batch
		// keeps the workers busy, where River's default pause of 100 ms would idle them.
		queues[a.Kind] = river.QueueConfig{MaxWorkers: a.Workers, FetchCooldown: attemptFetchCooldown, FetchPollInterval: attemptFetchPoll}
		kinds[a.Kind] = a
	}
	return kinds
}

// attemptOpts queues a job of a on its queue; a job already waiting for the same item absorbs a new
// one, so that queueing an item again (after a crash, say) never makes two attempts at once.
func attemptOpts(a Attempted) *river.InsertOpts {
	return &river.InsertOpts{Queue: a.Kind, MaxAttempts: a.MaxAttempts, UniqueOpts: river.UniqueOpts{
		ByArgs: true,
		ByState: []rivertype.JobState{
			rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRunning,
			rivertype.JobStateScheduled, rivertype.JobStateRetryable,
		},
	}}
}

// Enqueue queues the work of kind (one of the Workers' Attempted) on each item.
func (q *Queue) Enqueue(ctx context.Context, kind string, ids []string) error {
	a, ok := q.attempted[kind]
	if !ok {
		return fmt.Errorf("queue %s: no such work", kind)
	}
	for start := 0; start < len(ids); start += reprocessBatch {
		chunk := ids[start:min(start+reprocessBatch, len(ids))]
		params := make([]river.InsertManyParams, len(chunk))
		for i, id := range chunk {
			params[i] = river.InsertManyParams{Args: attemptArgs{Name: kind, ID: id}, InsertOpts: attemptOpts(a)}
		}
		if err := q.insert(ctx, params); err != nil {
			return fmt.Errorf("queue %s: %w", kind, err)
		}
	}
	return nil
}

// Enqueuer queues the work of kind on each item: Queue.Enqueue, once the queue runs.
type Enqueuer func(ctx context.Context, kind string, ids []string) error

// attemptsOfEvents is the subscriber that queues the work of kind for the assets of the events of
// the given kinds.
func attemptsOfEvents(kind string, events []models.EventKind, enqueue Enqueuer) Subscriber {
	return func(ctx context.Context, batch []models.Event) error {
		ids := assetsOf(batch, events)
		if len(ids) == 0 {
			return nil
		}
		if err := enqueue(ctx, kind, ids); err != nil {
			return fmt.Errorf("queue %s: %w", kind, err)
		}
		return nil
	}
}
