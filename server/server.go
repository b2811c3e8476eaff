// Package server assembles Mediagraph from its configuration: database, object store, domain, and
// the HTTP routes with their middleware. The binary and the black-box tests start it the same way.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/jobs"
	"github.com/mediagraph/mediagraph/media"
	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/av"
	"github.com/mediagraph/mediagraph/media/membudget"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/requestid"
	"github.com/mediagraph/mediagraph/server/auth"
	"github.com/mediagraph/mediagraph/server/cors"
	"github.com/mediagraph/mediagraph/server/gate"
	"github.com/mediagraph/mediagraph/server/gqlhttp"
	"github.com/mediagraph/mediagraph/server/metrics"
	"github.com/mediagraph/mediagraph/server/web/app"
	"github.com/mediagraph/mediagraph/server/web/graphiql"
	"github.com/mediagraph/mediagraph/storage"
	"github.com/mediagraph/mediagraph/storage/disk"
	"github.com/mediagraph/mediagraph/storage/s3"
)

// HTTP limits. Downloads of large files need long transfers, so the write timeout is generous; the
// header timeout stops slow-loris clients early, and bodies must keep a minimum rate (minRate).
const (
	readHeaderTimeout = 10 * time.Second
	writeTimeout      = 10 * time.Minute
	idleTimeout       = 2 * time.Minute
	shutdownTimeout   = 30 * time.Second
	// maxJSONBody caps GraphQL requests that are not uploads.
	maxJSONBody = 1 << 20
)

// gcPercent is the garbage collector's target unless GOGC says otherwise. A request allocates about a
// megabyte of short-lived objects over a live heap of a few megabytes, so Go's default of 100 collects
// every few requests; 400 halves the CPU a page of assets costs for a few more megabytes of memory.
const gcPercent = 400

// mallocArenas is how many malloc arenas the C code (libvips, SQLite, OpenCV) shares unless
// MALLOC_ARENA_MAX says otherwise: two keep two cores' transforms from waiting on one arena's lock, and
// cost RSS far less than glibc's default of eight per core.
const mallocArenas = 2

// TuneRuntime sets the process-wide runtime settings Mediagraph serves with. It runs first thing, before
// the C libraries start threads.
func TuneRuntime() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("MALLOC_ARENA_MAX") == "" {
		limitMallocArenas(mallocArenas)
	}
}

// LimitMemory keeps Go's soft memory limit, from now on, at the memory the service holds on purpose at
// the moment (in the budget of analysis and transforms, in the upload spool's) plus
// MEDIAGRAPH_MEMORY_HEADROOM, unless GOMEMLIMIT is set. It is process-wide, so only serve calls it, once.
func (a *App) LimitMemory() {
	limit, set := a.memory.Start()
	if set {
		a.Log.Info("soft memory limit follows the memory budgets", "bytes_now", limit)
	} else {
		a.Log.Info("soft memory limit left to GOMEMLIMIT", "bytes", limit)
	}
}

// App is a configured Mediagraph.
type App struct {
	Config config.Config
	DB     *models.DB
	Media  *media.Library
	Log    *slog.Logger
	store  storage.Store
	tmpDir string
	jobs   *jobs.Queue
	// queue is jobs for the work that may ask for jobs while StartJobs is still starting them.
	queue atomic.Pointer[jobs.Queue]
	// subscribers receive the catalogue's events.
	subscribers []jobs.Subscriber
	metrics     *metrics.Metrics
	// memory hears of the bytes the memory budgets hold, to set Go's soft memory limit from.
	memory *membudget.Tracker
}

// Open connects to the database (applying migrations), opens the object store and the domain.
func Open(ctx context.Context, cfg config.Config, log *slog.Logger) (*App, error) {
	tmpDir := filepath.Join(cfg.DataDir, "tmp")
	if err := os.MkdirAll(tmpDir, 0o750); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	db, err := models.Open(cfg.DatabaseURL)
	if err != nil {
		return nil, err
	}
	app, err := open(ctx, cfg, db, log, tmpDir)
	if err != nil {
		db.Close()
		return nil, err
	}
	return app, nil
}

func open(ctx context.Context, cfg config.Config, db *models.DB, log *slog.Logger, tmpDir string) (*App, error) {
	if err := db.Migrate(ctx); err != nil {
		return nil, fmt.Errorf("migrate database: %w", err)
	}
	key := []byte(cfg.SigningKey)
	if len(key) == 0 {
		var err error
		if key, err = db.Secret(ctx, "signing_key"); err != nil {
			return nil, err
		}
	}
	store, err := openStore(ctx, cfg, key, tmpDir)
	if err != nil {
		return nil, err
	}
	observed := metrics.New()
	memory := membudget.NewTracker(cfg.MemoryHeadroom)
	m, err := media.New(ctx, db, store, cfg.Library, media.Runtime{URLSigningKey: key, SignTransforms: cfg.SigningKey != "", SpoolDir: tmpDir, Observer: observed, Memory: memory}, log)
	if err != nil {
		return nil, fmt.Errorf("configuration: %w", err)
	}
	app := &App{Config: cfg, DB: db, Media: m, Log: log, store: store, tmpDir: tmpDir, metrics: observed, memory: memory}
	app.wireNotify()
	app.wireAnalysis()
	return app, app.watch()
}

// openStore opens the bucket when one is configured, else the local-disk store, and checks it answers.
func openStore(ctx context.Context, cfg config.Config, signingKey []byte, tmpDir string) (storage.Store, error) {
	if cfg.S3.Bucket == "" {
		return disk.New(filepath.Join(cfg.DataDir, "blobs"), cfg.PublicURL, signingKey)
	}
	store, err := s3.New(ctx, s3.Config{
		Bucket: cfg.S3.Bucket, Region: cfg.S3.Region, Endpoint: cfg.S3.Endpoint, ForcePathStyle: cfg.S3.ForcePathStyle, TempDir: tmpDir,
	})
	if err != nil {
		return nil, err
	}
	if err := store.Ping(ctx); err != nil {
		return nil, err
	}
	return store, nil
}

// bucketSweepTimeout bounds one run of a sweep that lists the whole bucket: a large one takes far
// longer than a job's default minute, and a run cut off starts again from the first key.
const bucketSweepTimeout = time.Hour

// removeOrphans runs the sweep of crash leftovers as a periodic job, counting what it deleted.
func (a *App) removeOrphans(ctx context.Context) (int, error) {
	r, err := a.Media.SweepOrphans(ctx, true)
	return r.Total(), err
}

// Subscribe adds a subscriber to the catalogue's events; call it before StartJobs.
func (a *App) Subscribe(s jobs.Subscriber) { a.subscribers = append(a.subscribers, s) }

// StartJobs starts the background jobs (the service's, not the CLI's other commands'): the sweeps,
// the reanalysis that `mediagraph reprocess` queues, and the delivery of events to the subscribers.
func (a *App) StartJobs(ctx context.Context) error {
	attempted, periodic := a.notifyJobs()
	q, err := jobs.Start(ctx, a.DB, a.Log, jobs.Workers{
		Periodic: append([]jobs.Periodic{
			{Kind: "sweep_uploads", Every: a.Config.UploadSweepInterval, Run: a.Media.Intake.ExpireUploads, Done: "expired signed uploads"},
			{Kind: "sweep_derivatives", Every: a.Config.UploadSweepInterval, Timeout: bucketSweepTimeout, Run: a.Media.Deliver.SweepDerivatives, Done: "deleted transforms of replaced versions"},
			{Kind: "purge_trash", Every: a.Config.UploadSweepInterval, Timeout: bucketSweepTimeout, Run: a.Media.Assets.PurgeExpiredTrash, Done: "purged assets trashed longer than the retention"},
			{Kind: "sweep_orphans", Every: a.Config.OrphanSweepInterval, Timeout: bucketSweepTimeout, Run: a.removeOrphans, Done: "deleted crash leftovers"},
		}, periodic...),
		Reprocess: a.Media.Intake.Reprocess,
		Scan:      &jobs.Scan{Run: a.Media.Antivirus.Scan, RetryBase: a.Config.ScanRetryBase},
		Outbox:    jobs.Outbox{Every: a.Config.EventDrainInterval, Subscribers: a.subscribers},
		Attempted: append(attempted, a.analysisJobs()...),
		Eager:     &jobs.Eager{Run: a.Media.Deliver.MakeEagerPresets},
		AV:        &jobs.AV{Derive: a.Media.AV.Derive, HLS: a.hlsJob(), HLSTimeout: av.HLSTimeout()},
	})
	if err != nil {
		return err
	}
	a.jobs = q
	a.queue.Store(q)
	return nil
}

// Store is the object store holding the bytes, for the command line and tests that look at it.
func (a *App) Store() storage.Store { return a.store }

// Jobs is the job queue StartJobs started, nil before.
func (a *App) Jobs() *jobs.Queue { return a.jobs }

// Close stops the jobs, letting running ones finish briefly, and releases the database.
func (a *App) Close() error {
	if a.jobs != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := a.jobs.Stop(ctx); err != nil {
			a.Log.Warn("stop jobs", "err", err)
		}
	}
	a.Media.Deliver.Settle()
	a.Media.Subscriptions.Close()
	return a.DB.Close()
}

// Handler is every route of the service.
func (a *App) Handler() http.Handler {
	mux := http.NewServeMux()
	gql := gqlhttp.NewHandler(gqlhttp.Options{Media: a.Media, Log: a.Log, UploadTempDir: a.tmpDir, DeliveryCacheBytes: a.Config.DeliveryCacheBytes, Observer: a.metrics, Memory: a.memory})
	mux.Handle("GET /graphql", limitJSONBody(gql))
	mux.Handle("POST /graphql", limitJSONBody(gql))
	ui := graphiql.Handler()
	mux.Handle("GET /graphiql", ui)
	mux.Handle("GET /graphiql/", ui)
	assets := gate.Gate{Media: a.Media, Log: a.Log}
	if a.Config.S3.Bucket != "" && a.Config.S3Delivery == "redirect" {
		assets.Redirect = func(ctx context.Context, key string, ttl time.Duration) (string, error) {
			req, err := a.store.PresignGet(ctx, key, ttl)
			if err != nil {
				return "", err
			}
			return req.URL, nil
		}
	}
	// A store that signs its own uploads (the local-disk one) answers them itself, as a bucket would.
	if d, ok := a.store.(gate.SignedStore); ok {
		mux.Handle("PUT "+disk.UploadPath+"{key...}", gate.SignedUploads{Store: d, Log: a.Log})
	}
	mux.Handle("GET /media/asset/{id}", assets)
	mux.Handle("GET /media/asset/{id}/{filename}", assets)
	mux.Handle("GET /media/v/{id}/{version}/{filename}", assets)
	mux.Handle("GET /media/zip/{id}/{filename}", gate.Zip{Downloads: a.Media.Zip, Log: a.Log})
	mux.Handle("GET /media/hls/{id}/{version}/{file...}", gate.HLS{Media: a.Media, Log: a.Log})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		if err := a.Media.Ready(r.Context()); err != nil {
			a.Log.Error("not ready", "err", err)
			http.Error(w, "not ready", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ready\n"))
	})
	signIn := &auth.Auth{Members: a.Media.Members, PublicURL: a.Config.PublicURL, SessionTTL: a.Config.SessionTTL, Refuse: a.refuse}
	signIn.Register(mux)
	index := app.Index()
	for _, route := range app.Routes {
		mux.Handle("GET "+route, index)
	}
	mux.Handle("GET "+app.Prefix, app.Assets())
	return requestid.Middleware(a.observed(mux, func(h http.Handler) http.Handler {
		return a.recoverer(cors.New(a.Config.CORSOrigins).Handler(signIn.Middleware(a.authenticate(h))))
	}))
}

// limitJSONBody caps GraphQL bodies other than uploads, which their transport limits per file. A body
// announced over the limit is refused unread; one that turns out longer is refused by the transport.
func limitJSONBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !gqlhttp.IsMultipart(r) {
			if r.ContentLength > maxJSONBody {
				gqlhttp.WriteBodyTooLarge(w, maxJSONBody)
				return
			}
			r.Body = http.MaxBytesReader(w, r.Body, maxJSONBody)
		}
		next.ServeHTTP(w, r)
	})
}

// authenticate attaches the principal of a bearer token. A request without a token goes on
// anonymous (delivery serves PUBLIC assets to browsers; GraphQL refuses it field by field); a
// request with a bad token is refused outright.
func (a *App) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		header := r.Header.Get("Authorization")
		if header == "" {
			next.ServeHTTP(w, r)
			return
		}
		scheme, token, _ := strings.Cut(header, " ")
		if !strings.EqualFold(scheme, "Bearer") {
			a.refuse(w, r, &access.Error{Code: access.CodeUnauthenticated, Message: "use Authorization: Bearer <token>"})
			return
		}
		p, err := a.Media.Tokens.Authenticate(r.Context(), strings.TrimSpace(token))
		if err != nil {
			a.refuse(w, r, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(access.WithPrincipal(r.Context(), p)))
	})
}

// refuse answers an error before routing, in the error format of the endpoint asked for.
func (a *App) refuse(w http.ResponseWriter, r *http.Request, err error) {
	e, ok := access.AsError(err)
	if !ok {
		id := requestid.From(r.Context())
		a.Log.ErrorContext(r.Context(), "request failed", "request_id", id, "err", err)
		e = &access.Error{Code: access.CodeInternal, Message: "internal error (request id " + id + ")"}
	}
	if r.URL.Path == "/graphql" {
		gqlhttp.WriteError(w, e)
		return
	}
	gate.WriteError(w, e)
}

// recoverer turns a panic outside GraphQL (which recovers its own) into a logged INTERNAL error.
func (a *App) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				a.Log.ErrorContext(r.Context(), "panic", "panic", p, "stack", string(debug.Stack()))
				a.refuse(w, r, errors.New("panic"))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// Serve listens until ctx is cancelled, then shuts down gracefully: in-flight requests finish.
func (a *App) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           minRate(a.Handler(), a.Config.BodyGrace, a.Config.BodyMinRate),
		ReadHeaderTimeout: readHeaderTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(a.Log.Handler(), slog.LevelWarn),
	}
	stopMetrics, err := a.serveMetrics(ctx)
	if err != nil {
		return err
	}
	defer stopMetrics()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	a.Log.Info("shutting down: finishing requests in flight", "grace", shutdownTimeout)
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}
