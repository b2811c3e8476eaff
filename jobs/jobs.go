// Package jobs runs Mediagraph's durable background work on River, in the catalogue's own database
// (PostgreSQL, or the embedded SQLite). For now that is one periodic job: the sweep that expires
// signed uploads nobody completed and deletes their bytes.
package jobs

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/mediagraph/mediagraph/media"
	"github.com/mediagraph/mediagraph/models"
)

// Queue is a running job client.
type Queue struct {
	stop func(context.Context) error
}

// Stop lets running jobs finish (within ctx) and releases the queue's connections.
func (q *Queue) Stop(ctx context.Context) error { return q.stop(ctx) }

// Start migrates River's tables and starts working; sweepEvery is how often expired uploads are swept.
func Start(ctx context.Context, db *models.DB, m *media.Service, log *slog.Logger, sweepEvery time.Duration) (*Queue, error) {
	if db.Dialect() == models.Postgres {
		pool, err := pgxpool.New(ctx, db.DSN())
		if err != nil {
			return nil, fmt.Errorf("job queue: connect: %w", err)
		}
		q, err := start(ctx, riverpgxv5.New(pool), m, log, sweepEvery)
		if err != nil {
			pool.Close()
			return nil, err
		}
		return &Queue{stop: func(ctx context.Context) error { defer pool.Close(); return q.stop(ctx) }}, nil
	}
	pool, err := db.OpenSQLitePool()
	if err != nil {
		return nil, err
	}
	q, err := start[*sql.Tx](ctx, riversqlite.New(pool), m, log, sweepEvery)
	if err != nil {
		pool.Close()
		return nil, err
	}
	return &Queue{stop: func(ctx context.Context) error { defer pool.Close(); return q.stop(ctx) }}, nil
}

func start[TTx any](ctx context.Context, driver riverdriver.Driver[TTx], m *media.Service, log *slog.Logger, sweepEvery time.Duration) (*Queue, error) {
	migrator, err := rivermigrate.New(driver, &rivermigrate.Config{Logger: log})
	if err != nil {
		return nil, fmt.Errorf("job queue: %w", err)
	}
	if _, err := migrator.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return nil, fmt.Errorf("job queue: migrate: %w", err)
	}
	workers := river.NewWorkers()
	river.AddWorker(workers, &sweepWorker{media: m, log: log})
	client, err := river.NewClient(driver, &river.Config{
		Logger:  log,
		Queues:  map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: 2}},
		Workers: workers,
		PeriodicJobs: []*river.PeriodicJob{river.NewPeriodicJob(river.PeriodicInterval(sweepEvery),
			func() (river.JobArgs, *river.InsertOpts) { return SweepUploads{}, nil },
			&river.PeriodicJobOpts{ID: "sweep_uploads", RunOnStart: true})},
	})
	if err != nil {
		return nil, fmt.Errorf("job queue: %w", err)
	}
	if err := client.Start(ctx); err != nil {
		return nil, fmt.Errorf("job queue: start: %w", err)
	}
	return &Queue{stop: client.Stop}, nil
}

// SweepUploads expires signed uploads whose tickets ran out.
type SweepUploads struct{}

// Kind implements river.JobArgs.
func (SweepUploads) Kind() string { return "sweep_uploads" }

type sweepWorker struct {
	river.WorkerDefaults[SweepUploads]
	media *media.Service
	log   *slog.Logger
}

func (w *sweepWorker) Work(ctx context.Context, _ *river.Job[SweepUploads]) error {
	n, err := w.media.ExpireUploads(ctx)
	if n > 0 {
		w.log.Info("expired signed uploads", "count", n)
	}
	return err
}
