// Package jobs runs Mediagraph's durable background work on River, in the catalogue's own database
// (PostgreSQL, or the embedded SQLite). It knows no domain: the wiring registers the work — periodic
// sweeps, the reanalysis of assets, the subscribers of the event outbox — as plain functions.
package jobs

import (
	"cmp"
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

	"github.com/mediagraph/mediagraph/models"
)

// Periodic is work done every so often, such as a sweep. Run returns how much it did; when that is
// more than nothing, the log says Done with the count. Run's context ends after Timeout
// (defaultTimeout when zero): a sweep of a whole bucket needs far more than a minute, and one cut off
// starts again from its first key.
type Periodic struct {
	Kind    string
	Every   time.Duration
	Timeout time.Duration
	Run     func(context.Context) (int, error)
	Done    string
}

// defaultTimeout bounds a Periodic that names no timeout of its own, as River bounds any job.
const defaultTimeout = time.Minute

// Workers is everything the queue works, as the wiring builds it.
type Workers struct {
	Periodic []Periodic
	// Reprocess analyzes one asset again; nil: this process works no reanalysis.
	Reprocess func(ctx context.Context, assetID string) error
	// Scan scans new bytes, queued from the events of the outbox; nil: this process scans nothing.
	Scan      *Scan
	Outbox    Outbox
	Attempted []Attempted
	// Eager makes eager transform presets of new bytes; nil: this process makes none.
	Eager *Eager
	// AV makes posters, waveforms and HLS encodes, queued from the outbox; nil: this process makes none.
	AV *AV
}

// rescueAfter is how long a job may stay running before River takes it for abandoned (its process
// died) and runs it again. It may not be shorter than the default job timeout (a minute); River
// waits out a worker's own longer Timeout before it rescues its job, so no job that is still within
// its timeout is run twice. The outbox — and so every webhook — waits for it after a crash in the
// middle of a drain: a minute, plus up to the rescuer's half-minute round.
const rescueAfter = time.Minute

// Queue is a running job client.
type Queue struct {
	stop      func(context.Context) error
	insert    func(context.Context, []river.InsertManyParams) error
	discarded func(ctx context.Context, tag string) (int, error)
	attempted map[string]Attempted
}

// Stop lets running jobs finish (within ctx) and releases the queue's connections.
func (q *Queue) Stop(ctx context.Context) error { return q.stop(ctx) }

// Start migrates River's tables and starts working.
func Start(ctx context.Context, db *models.DB, log *slog.Logger, w Workers) (*Queue, error) {
	if db.Dialect() == models.Postgres {
		pool, err := pgxpool.New(ctx, db.DSN())
		if err != nil {
			return nil, fmt.Errorf("job queue: connect: %w", err)
		}
		return owning(pool.Close)(start(ctx, riverpgxv5.New(pool), db, log, w))
	}
	pool, err := db.OpenSQLitePool()
	if err != nil {
		return nil, err
	}
	return owning(func() { pool.Close() })(start[*sql.Tx](ctx, riversqlite.New(pool), db, log, w))
}

// owning ties the queue's connection pool to it: released when the queue stops, or at once when it
// could not start.
func owning(closePool func()) func(*Queue, error) (*Queue, error) {
	return func(q *Queue, err error) (*Queue, error) {
		if err != nil {
			closePool()
			return nil, err
		}
		stop := q.stop
		q.stop = func(ctx context.Context) error { defer closePool(); return stop(ctx) }
		return q, nil
	}
}

func start[TTx any](ctx context.Context, driver riverdriver.Driver[TTx], db *models.DB, log *slog.Logger, w Workers) (*Queue, error) {
	riverLog := slog.New(quiet{log.Handler()})
	migrator, err := rivermigrate.New(driver, &rivermigrate.Config{Logger: riverLog})
	if err != nil {
		return nil, fmt.Errorf("job queue: %w", err)
	}
	if _, err := migrator.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return nil, fmt.Errorf("job queue: migrate: %w", err)
	}
	workers := river.NewWorkers()
	var periodic []*river.PeriodicJob
	for _, p := range w.Periodic {
		args := periodicArgs{Name: p.Kind}
		// AddWorkerArgs registers the kind an args value names, so one args type serves every Periodic.
		river.AddWorkerArgs(workers, args, &periodicWorker{run: p.Run, log: log, done: p.Done, timeout: cmp.Or(p.Timeout, defaultTimeout)})
		periodic = append(periodic, river.NewPeriodicJob(river.PeriodicInterval(p.Every),
			func() (river.JobArgs, *river.InsertOpts) { return args, nil },
			&river.PeriodicJobOpts{ID: p.Kind, RunOnStart: true}))
	}
	if w.Reprocess != nil {
		river.AddWorker(workers, &reprocessWorker{run: w.Reprocess})
	}
	// Set once the client exists, before it starts, as the subscribers that use it may run at once.
	var insert func(context.Context, []river.InsertManyParams) error
	late := func(ctx context.Context, p []river.InsertManyParams) error { return insert(ctx, p) }
	subscribers := w.Outbox.Subscribers
	if w.Scan != nil {
		river.AddWorker(workers, &scanWorker{scan: *w.Scan})
		subscribers = append([]Subscriber{scansOfEvents(late)}, subscribers...)
	}
	if w.Eager != nil {
		subscribers = append(subscribers, addEager(workers, *w.Eager, late))
	}
	if w.AV != nil {
		subscribers = append([]Subscriber{addAV(workers, *w.AV, late)}, subscribers...)
	}
	river.AddWorker(workers, &drainWorker{db: db, subscribers: subscribers})
	periodic = append(periodic, river.NewPeriodicJob(river.PeriodicInterval(w.Outbox.Every),
		func() (river.JobArgs, *river.InsertOpts) { return drainOutbox{}, nil },
		&river.PeriodicJobOpts{ID: drainOutbox{}.Kind(), RunOnStart: true}))
	queues := map[string]river.QueueConfig{
		river.QueueDefault: {MaxWorkers: 2},
		// analysis is bounded by intake's memory budget; this only keeps it fed
		reprocessQueue: {MaxWorkers: runtime.GOMAXPROCS(0)},
		outboxQueue:    {MaxWorkers: 1},
		// clamd scans a stream on one of its threads; two at a time keep it busy without a backlog
		scanQueue: {MaxWorkers: 2},
		// one at a time: each eager transform holds a core, which the gate's visitors need more
		eagerQueue: {MaxWorkers: 1},
	}
	attempted := addAttempted(workers, queues, w.Attempted)
	addAVQueues(queues, w.AV)
	client, err := river.NewClient(driver, &river.Config{
		Logger:               riverLog,
		Queues:               queues,
		Workers:              workers,
		PeriodicJobs:         periodic,
		RescueStuckJobsAfter: rescueAfter,
	})
	if err != nil {
		return nil, fmt.Errorf("job queue: %w", err)
	}
	// Before the client starts: its first drain runs at once and may queue work.
	insert = func(ctx context.Context, jobs []river.InsertManyParams) error {
		_, err := client.InsertMany(ctx, jobs)
		return err
	}
	if err := client.Start(ctx); err != nil {
		return nil, fmt.Errorf("job queue: start: %w", err)
	}
	stopNudges := nudgeOnCommit(db, log, func(ctx context.Context) error {
		_, err := client.Insert(ctx, drainOutbox{}, nil)
		return err
	})
	return &Queue{
		attempted: attempted,
		stop: func(ctx context.Context) error {
			stopNudges()
			return client.Stop(ctx)
		},
		insert: insert,
		discarded: func(ctx context.Context, tag string) (int, error) {
			res, err := client.JobList(ctx, river.NewJobListParams().Kinds(reprocessAsset{}.Kind()).TagsAny(tag).
				States(rivertype.JobStateDiscarded, rivertype.JobStateCancelled).First(10000))
			if err != nil {
				return 0, err
			}
			return len(res.Jobs), nil
		},
	}, nil
}

// periodicArgs is the job of a Periodic. The kind travels in the args, so a job read back still names it.
type periodicArgs struct {
	Name string `json:"kind"`
}

// Kind implements river.JobArgs.
func (a periodicArgs) Kind() string { return a.Name }

// periodicWorker works a Periodic, logging what it did.
type periodicWorker struct {
	river.WorkerDefaults[periodicArgs]
	run     func(context.Context) (int, error)
	log     *slog.Logger
	done    string
	timeout time.Duration
}

// Timeout implements river.Worker.
func (w *periodicWorker) Timeout(*river.Job[periodicArgs]) time.Duration { return w.timeout }

func (w *periodicWorker) Work(ctx context.Context, _ *river.Job[periodicArgs]) error {
	n, err := w.run(ctx)
	if n > 0 {
		w.log.Info(w.done, "count", n)
	}
	return err
}

const reprocessQueue = "reprocess"

// reprocessAsset analyzes an asset's current bytes again.
type reprocessAsset struct {
	AssetID string `json:"assetId"`
}

// Kind implements river.JobArgs.
func (reprocessAsset) Kind() string { return "reprocess_asset" }

// InsertOpts keeps reanalysis on its own queue, so a backfill of the whole library never delays the
// sweep, and gives up after a few attempts: a file that cannot be read will not become readable.
func (reprocessAsset) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: reprocessQueue, MaxAttempts: 3}
}

type reprocessWorker struct {
	river.WorkerDefaults[reprocessAsset]
	run func(ctx context.Context, assetID string) error
}

func (w *reprocessWorker) Work(ctx context.Context, job *river.Job[reprocessAsset]) error {
	return w.run(ctx, job.Args.AssetID)
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
			opts := reprocessAsset{}.InsertOpts()
			opts.Tags = []string{tag}
			params[i] = river.InsertManyParams{Args: reprocessAsset{AssetID: id}, InsertOpts: &opts}
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

// Count is how many jobs of one kind are in one state.
type Count struct {
	Kind  string
	State string
	N     int64
}

// Counts reads the queue's table: its jobs by kind and state, for the metrics. Both drivers keep
// River's jobs in the same table.
func Counts(ctx context.Context, db *models.DB) ([]Count, error) {
	var out []Count
	err := db.Gorm().WithContext(ctx).Raw(`SELECT kind, state, COUNT(*) AS n FROM river_job GROUP BY kind, state ORDER BY kind, state`).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("count jobs: %w", err)
	}
	return out, nil
}

// quiet passes on only River's warnings and errors: its info lines (a client started, a queue
// polled, a leader elected) say nothing an operator acts on, and would drown the access log.
type quiet struct{ slog.Handler }

func (q quiet) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= slog.LevelWarn && q.Handler.Enabled(ctx, l)
}

func (q quiet) WithAttrs(attrs []slog.Attr) slog.Handler { return quiet{q.Handler.WithAttrs(attrs)} }
func (q quiet) WithGroup(name string) slog.Handler       { return quiet{q.Handler.WithGroup(name)} }
