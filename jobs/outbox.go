package jobs

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/mediagraph/mediagraph/models"
)

// Subscriber receives the events of the outbox in the order their changes committed, a batch at a
// time. Delivery is at least once: after an error, or a crash before every subscriber accepted a
// batch, the batch comes again (to every subscriber), so a subscriber skips event ids it has seen.
type Subscriber func(ctx context.Context, events []models.Event) error

// Outbox is the delivery of the events catalogue transactions record: a drain runs every Every, and
// as soon as a transaction that recorded events commits in this process.
type Outbox struct {
	Every       time.Duration
	Subscribers []Subscriber
}

const outboxQueue = "outbox"

// drainOutbox delivers the pending events of the outbox.
type drainOutbox struct{}

// Kind implements river.JobArgs.
func (drainOutbox) Kind() string { return "drain_outbox" }

// InsertOpts allows one drain at a time, waiting included, across every instance: events are
// delivered in order, and while a subscriber fails its retry is the only drain, so that new drains
// neither pile up nor skip its backoff.
func (drainOutbox) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: outboxQueue, UniqueOpts: river.UniqueOpts{ByState: []rivertype.JobState{
		rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRunning,
		rivertype.JobStateScheduled, rivertype.JobStateRetryable,
	}}}
}

// Delivery works in batches, and one drain delivers at most drainBatches of them before it leaves the
// rest to the next, so that it ends well within its timeout.
const (
	drainBatch   = 100
	drainBatches = 50
	// maxRetryDelay caps the backoff of a failing subscriber, which delays every event behind it.
	maxRetryDelay = 5 * time.Minute
)

type drainWorker struct {
	river.WorkerDefaults[drainOutbox]
	db          *models.DB
	subscribers []Subscriber
}

func (w *drainWorker) Work(ctx context.Context, _ *river.Job[drainOutbox]) error {
	for range drainBatches {
		events, err := w.db.PendingEvents(ctx, drainBatch)
		if err != nil || len(events) == 0 {
			return err
		}
		for i, sub := range w.subscribers {
			if err := sub(ctx, events); err != nil {
				return fmt.Errorf("subscriber %d refused events %s…: %w", i, events[0].ID, err)
			}
		}
		ids := make([]string, len(events))
		for i, e := range events {
			ids[i] = e.ID
		}
		if err := w.db.MarkDelivered(ctx, ids); err != nil {
			return err
		}
	}
	return nil
}

// NextRetry doubles the wait after each failed drain from a second, up to maxRetryDelay: a subscriber
// that is back is served within minutes, not River's default of hours.
func (w *drainWorker) NextRetry(job *river.Job[drainOutbox]) time.Time {
	delay := maxRetryDelay
	if job.Attempt < 10 {
		delay = min(time.Second<<(job.Attempt-1), maxRetryDelay)
	}
	return time.Now().Add(delay)
}

// nudgeOnCommit asks for a drain after each commit that recorded events, from a goroutine of its own
// so that the committing request does not wait; nudges that come while one is being sent merge into it.
// It returns what stops it.
func nudgeOnCommit(db *models.DB, log *slog.Logger, drain func(context.Context) error) func() {
	nudges := make(chan struct{}, 1)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-ctx.Done():
				return
			case <-nudges:
				if err := drain(ctx); err != nil && ctx.Err() == nil {
					log.Warn("ask for event delivery; the next periodic drain delivers", "err", err)
				}
			}
		}
	}()
	db.OnEventsCommitted(func() {
		select {
		case nudges <- struct{}{}:
		default:
		}
	})
	return func() {
		db.OnEventsCommitted(nil)
		cancel()
		<-done
	}
}
