package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"

	"github.com/mediagraph/mediagraph/jobs"
	"github.com/mediagraph/mediagraph/server/accesslog"
	"github.com/mediagraph/mediagraph/server/metrics"
)

// watch registers what the metrics read at scrape time rather than count: the transform queue, the
// database pool and the job table.
func (a *App) watch() error {
	a.metrics.WatchTransformSlots(a.Media.Deliver.TransformSlots)
	sqlDB, err := a.DB.Gorm().DB()
	if err != nil {
		return fmt.Errorf("metrics of the database pool: %w", err)
	}
	a.metrics.WatchDB(sqlDB)
	a.metrics.WatchJobs(func(ctx context.Context) ([]metrics.JobCount, error) {
		counts, err := jobs.Counts(ctx, a.DB)
		out := make([]metrics.JobCount, len(counts))
		for i, c := range counts {
			out[i] = metrics.JobCount(c)
		}
		return out, err
	})
	return nil
}

// observed puts the access log and the request metrics around the routes of mux; inner wraps mux in
// the middleware between them (recovery, authentication). /metrics, unless it has a listener of its
// own, is served beside inner: its token is no API token, which authentication would refuse.
func (a *App) observed(mux *http.ServeMux, inner func(http.Handler) http.Handler) http.Handler {
	outer := http.NewServeMux()
	outer.Handle("/", inner(accesslog.Principal(mux)))
	if a.Config.MetricsAddr == "" {
		outer.Handle(metricsRoute, a.MetricsHandler())
	}
	l := accesslog.Log{Log: a.Log, Observer: a.metrics, Route: func(r *http.Request) string {
		if _, pattern := outer.Handler(r); pattern == metricsRoute {
			return pattern
		}
		_, pattern := mux.Handler(r)
		return pattern
	}}
	return l.Middleware(outer)
}

const metricsRoute = "GET /metrics"

// MetricsHandler is /metrics, behind MEDIAGRAPH_METRICS_TOKEN when set.
func (a *App) MetricsHandler() http.Handler { return a.metrics.Handler(a.Config.MetricsToken) }

// serveMetrics serves /metrics on the separate MEDIAGRAPH_METRICS_ADDR until ctx ends; it returns
// at once when no such address is set.
func (a *App) serveMetrics(ctx context.Context) (stop func(), err error) {
	if a.Config.MetricsAddr == "" {
		return func() {}, nil
	}
	ln, err := net.Listen("tcp", a.Config.MetricsAddr)
	if err != nil {
		return nil, fmt.Errorf("listen for metrics: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle(metricsRoute, a.MetricsHandler())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: readHeaderTimeout, WriteTimeout: readHeaderTimeout}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			a.Log.Error("metrics listener", "err", err)
		}
	}()
	a.Log.Info("metrics listening", "addr", ln.Addr().String())
	return func() { srv.Close() }, nil
}
