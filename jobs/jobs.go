// Package jobs runs Mediagraph's durable background work on River, in the catalogue's own database
// (PostgreSQL, or the embedded SQLite): the periodic sweeps that expire signed uploads nobody
// completed, delete the stored transforms of replaced versions and the leftovers of crashes, and the
// reanalysis of assets that `mediagraph reprocess` asks for.
package jobs

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"runtime"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"

	"github.com/mediagraph/mediagraph/media"
	"github.com/mediagraph/mediagraph/models"
)

// Queue is a running job client.
type Queue struct {
	stop      func(context.Context) error
	insert    func(context.Context, []river.InsertManyParams) error
	discarded func(ctx context.Context, tag string) (int, error)
}

// Stop lets running jobs finish (within ctx) and releases the queue's connections.
func (q *Queue) Stop(ctx context.Context) error { return q.stop(ctx) }

// Start migrates River's tables and starts working; sweepEvery is how often expired uploads are swept,
// orphansEvery how often crash leftovers are.
func Start(ctx context.Context, db *models.DB, m *media.Library, log *slog.Logger, sweepEvery, orphansEvery time.Duration) (*Queue, error) {
	if db.Dialect() == models.Postgres {
		pool, err := pgxpool.New(ctx, db.DSN())
		if err != nil {
			return nil, fmt.Errorf("job queue: connect: %w", err)
		}
		q, err := start(ctx, riverpgxv5.New(pool), m, log, sweepEvery, orphansEvery)
		if err != nil {
			pool.Close()
			return nil, err
		}
		stop := q.stop
		q.stop = func(ctx context.Context) error { defer pool.Close(); return stop(ctx) }
		return q, nil
	}
	pool, err := db.OpenSQLitePool()
	if err != nil {
		return nil, err
	}
	q, err := start[*sql.Tx](ctx, riversqlite.New(pool), m, log, sweepEvery, orphansEvery)
	if err != nil {
		pool.Close()
		return nil, err
	}
	stop := q.stop
	q.stop = func(ctx context.Context) error { defer pool.Close(); return stop(ctx) }
	return q, nil
}

func start[TTx any](ctx context.Context, driver riverdriver.Driver[TTx], m *media.Library, log *slog.Logger, sweepEvery, orphansEvery time.Duration) (*Queue, error) {
	migrator, err := rivermigrate.New(driver, &rivermigrate.Config{Logger: log})
	if err != nil {
		return nil, fmt.Errorf("job queue: %w", err)
	}
	if _, err := migrator.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return nil, fmt.Errorf("job queue: migrate: %w", err)
	}
	workers := river.NewWorkers()
	river.AddWorker(workers, &sweep[SweepUploads]{run: m.Intake.ExpireUploads, log: log, done: "expired signed uploads"})
	river.AddWorker(workers, &sweep[SweepDerivatives]{run: m.Deliver.SweepDerivatives, log: log, done: "deleted transforms of replaced versions"})
	river.AddWorker(workers, &sweep[SweepOrphans]{run: removeOrphans(m), log: log, done: "deleted crash leftovers"})
	river.AddWorker(workers, &reprocessWorker{media: m})
	client, err := river.NewClient(driver, &river.Config{
		Logger: log,
		Queues: map[string]river.QueueConfig{
			river.QueueDefault: {MaxWorkers: 2},
			// analysis is bounded by the media service itself; this only keeps it fed
			reprocessQueue: {MaxWorkers: runtime.GOMAXPROCS(0)},
		},
		Workers: workers,
		PeriodicJobs: []*river.PeriodicJob{
			river.NewPeriodicJob(river.PeriodicInterval(sweepEvery),
				func() (river.JobArgs, *river.InsertOpts) { return SweepUploads{}, nil },
				&river.PeriodicJobOpts{ID: "sweep_uploads", RunOnStart: true}),
			river.NewPeriodicJob(river.PeriodicInterval(sweepEvery),
				func() (river.JobArgs, *river.InsertOpts) { return SweepDerivatives{}, nil },
				&river.PeriodicJobOpts{ID: "sweep_derivatives", RunOnStart: true}),
			river.NewPeriodicJob(river.PeriodicInterval(orphansEvery),
				func() (river.JobArgs, *river.InsertOpts) { return SweepOrphans{}, nil },
				&river.PeriodicJobOpts{ID: "sweep_orphans", RunOnStart: true}),
		},
	})
	if err != nil {
		return nil, fmt.Errorf("job queue: %w", err)
	}
	if err := client.Start(ctx); err != nil {
		return nil, fmt.Errorf("job queue: start: %w", err)
	}
	return &Queue{
		stop: client.Stop,
		insert: func(ctx context.Context, jobs []river.InsertManyParams) error {
			_, err := client.InsertMany(ctx, jobs)
			return err
		},
		discarded: func(ctx context.Context, tag string) (int, error) {
			res, err := client.JobList(ctx, river.NewJobListParams().Kinds(ReprocessAsset{}.Kind()).TagsAny(tag).
				States(rivertype.JobStateDiscarded, rivertype.JobStateCancelled).First(10000))
			if err != nil {
				return 0, err
			}
			return len(res.Jobs), nil
		},
	}, nil
}

// SweepUploads expires signed uploads whose tickets ran out.
type SweepUploads struct{}

// Kind implements river.JobArgs.
func (SweepUploads) Kind() string { return "sweep_uploads" }

// SweepDerivatives deletes the stored transforms of replaced versions.
type SweepDerivatives struct{}

// Kind implements river.JobArgs.
func (SweepDerivatives) Kind() string { return "sweep_derivatives" }

// SweepOrphans deletes what crashes left behind: spool and temporary files, objects no row points to.
type SweepOrphans struct{}

// Kind implements river.JobArgs.
func (SweepOrphans) Kind() string { return "sweep_orphans" }

// removeOrphans runs the sweep of crash leftovers as a sweep job, counting everything it deleted.
func removeOrphans(m *media.Library) func(context.Context) (int, error) {
	return func(ctx context.Context) (int, error) {
		r, err := m.SweepOrphans(ctx, true)
		return r.Total(), err
	}
}

// sweep works a periodic job by running one of the library's sweeps, logging what it removed.
type sweep[T river.JobArgs] struct {
	river.WorkerDefaults[T]
	run  func(context.Context) (int, error)
	log  *slog.Logger
	done string
}

func (w *sweep[T]) Work(ctx context.Context, _ *river.Job[T]) error {
	n, err := w.run(ctx)
	if n > 0 {
		w.log.Info(w.done, "count", n)
	}
	return err
}

const reprocessQueue = "reprocess"

// ReprocessAsset analyzes an asset's current bytes again.
type ReprocessAsset struct {
	AssetID string `json:"assetId"`
}

// Kind implements river.JobArgs.
func (ReprocessAsset) Kind() string { return "reprocess_asset" }

// InsertOpts keeps reanalysis on its own queue, so a backfill of the whole library never delays the
// sweep, and gives up after a few attempts: a file that cannot be read will not become readable.
func (ReprocessAsset) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: reprocessQueue, MaxAttempts: 3}
}

type reprocessWorker struct {
	river.WorkerDefaults[ReprocessAsset]
	media *media.Library
}

func (w *reprocessWorker) Work(ctx context.Context, job *river.Job[ReprocessAsset]) error {
	return w.media.Intake.Reprocess(ctx, job.Args.AssetID)
}

// reprocessBatch bounds the jobs of one insert statement.
const reprocessBatch = 500

// Reprocess queues the reanalysis of every listed asset, tagged so that Failed can find the jobs that
// gave up.
func (q *Queue) Reprocess(ctx context.Context, ids []string, tag string) error {
	for start := 0; start < len(ids); start += reprocessBatch {
		chunk := ids[start:min(start+reprocessBatch, len(ids))]
		params := make([]river.InsertManyParams, len(chunk))
		for i, id := range chunk {
			opts := ReprocessAsset{}.InsertOpts()
			opts.Tags = []string{tag}
			params[i] = river.InsertManyParams{Args: ReprocessAsset{AssetID: id}, InsertOpts: &opts}
		}
		if err := q.insert(ctx, params); err != nil {
			return fmt.Errorf("queue reprocessing: %w", err)
		}
	}
	return nil
}

// Failed counts the reanalysis jobs tagged tag that gave up.
func (q *Queue) Failed(ctx context.Context, tag string) (int, error) {
	n, err := q.discarded(ctx, tag)
	if err != nil {
		return 0, fmt.Errorf("count failed reprocessing: %w", err)
	}
	return n, nil
}
