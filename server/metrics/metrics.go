// Package metrics keeps Mediagraph's Prometheus metrics and serves them at /metrics. It is where
// Prometheus lives: the domain and the GraphQL transports report through small observer interfaces
// (media/observe, gqlhttp.Observer, accesslog.Observer) that Metrics implements, and what is better
// read than counted (the transform queue, the job table, the database pool) is read at scrape time.
package metrics

import (
	"context"
	"crypto/subtle"
	"database/sql"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/mediagraph/mediagraph/media/observe"
	"github.com/mediagraph/mediagraph/server/accesslog"
)

const namespace = "mediagraph"

// Operation names come from clients: at most this many distinct ones get their own series, the rest
// count as "other", so that no client can grow the registry without bound.
const (
	maxOperationNames = 200
	maxOperationName  = 64
	otherOperation    = "other"
	anonymous         = "anonymous"
)

// Metrics is one service's registry and the series its parts report to. Each App has its own, so that
// servers started side by side in one process (tests) do not mix their counts.
type Metrics struct {
	registry *prometheus.Registry

	httpRequests *prometheus.CounterVec
	httpDuration *prometheus.HistogramVec

	gqlOperations *prometheus.CounterVec
	gqlDuration   *prometheus.HistogramVec
	gqlErrors     *prometheus.CounterVec
	namesMu       sync.Mutex
	names         map[string]struct{}

	deliveryCache      *prometheus.CounterVec
	deliveryCacheBytes *prometheus.CounterVec

	transforms        *prometheus.CounterVec
	transformDuration *prometheus.HistogramVec
	derived           *prometheus.CounterVec

	uploads     *prometheus.CounterVec
	uploadBytes *prometheus.CounterVec
	analysis    *prometheus.HistogramVec
}

// New returns the metrics with the Go runtime's and the process's already registered.
func New() *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		names:    map[string]struct{}{},
		httpRequests: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace, Name: "http_requests_total",
			Help: "HTTP requests answered, by route pattern, method and status."}, []string{"route", "method", "status"}),
		httpDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{Namespace: namespace, Name: "http_request_duration_seconds",
			Help: "Time to answer an HTTP request, by route pattern and method.", Buckets: prometheus.DefBuckets}, []string{"route", "method"}),
		gqlOperations: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace, Name: "graphql_operations_total",
			Help: "GraphQL operations run, by operation name and type."}, []string{"operation", "type"}),
		gqlDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{Namespace: namespace, Name: "graphql_operation_duration_seconds",
			Help: "Time from a GraphQL request's start to its response, by operation name and type.", Buckets: prometheus.DefBuckets}, []string{"operation", "type"}),
		gqlErrors: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace, Name: "graphql_errors_total",
			Help: "GraphQL errors sent to clients, by extensions.code."}, []string{"code"}),
		deliveryCache: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace, Name: "delivery_cache_requests_total",
			Help: "DELIVERY tokens' GraphQL requests, by the delivery cache's answer (hit or miss)."}, []string{"result"}),
		deliveryCacheBytes: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace, Name: "delivery_cache_bytes_total",
			Help: "Response bytes of DELIVERY tokens' GraphQL requests, by the delivery cache's answer."}, []string{"result"}),
		transforms: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace, Name: "transforms_total",
			Help: "Image transforms made (not served from the store), by output format and outcome."}, []string{"format", "outcome"}),
		transformDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{Namespace: namespace, Name: "transform_duration_seconds",
			Help: "Time to make one image transform, by output format.", Buckets: prometheus.ExponentialBuckets(0.005, 2.5, 10)}, []string{"format"}),
		derived: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace, Name: "derived_cache_lookups_total",
			Help: "Lookups of stored transforms, by result: hit (served from the store) or miss (made)."}, []string{"result"}),
		uploads: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace, Name: "uploads_total",
			Help: "Files taken in, by way in (multipart, signed, url, replace, import)."}, []string{"way"}),
		uploadBytes: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace, Name: "upload_bytes_total",
			Help: "Bytes of the files taken in, by way in."}, []string{"way"}),
		analysis: prometheus.NewHistogramVec(prometheus.HistogramOpts{Namespace: namespace, Name: "analysis_duration_seconds",
			Help: "Time to analyze one file's stored bytes, by kind of asset.", Buckets: prometheus.ExponentialBuckets(0.001, 3, 10)}, []string{"kind"}),
	}
	m.registry.MustRegister(
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.httpRequests, m.httpDuration, m.gqlOperations, m.gqlDuration, m.gqlErrors,
		m.deliveryCache, m.deliveryCacheBytes, m.transforms, m.transformDuration, m.derived,
		m.uploads, m.uploadBytes, m.analysis,
	)
	return m
}

// Handler serves the metrics in Prometheus's text format; with a token, only to requests bearing it.
func (m *Metrics) Handler(token string) http.Handler {
	h := promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
	if token == "" {
		return h
	}
	want := []byte("Bearer " + token)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if subtle.ConstantTimeCompare([]byte(r.Header.Get("Authorization")), want) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="metrics"`)
			http.Error(w, "metrics need Authorization: Bearer <MEDIAGRAPH_METRICS_TOKEN>", http.StatusUnauthorized)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// Request implements accesslog.Observer.
func (m *Metrics) Request(r accesslog.Request) {
	m.httpRequests.WithLabelValues(r.Route, r.Method, strconv.Itoa(r.Status)).Inc()
	m.httpDuration.WithLabelValues(r.Route, r.Method).Observe(r.Took.Seconds())
	if r.Cache == "hit" || r.Cache == "miss" {
		m.deliveryCache.WithLabelValues(r.Cache).Inc()
		m.deliveryCacheBytes.WithLabelValues(r.Cache).Add(float64(r.Bytes))
	}
}

// Operation implements gqlhttp.Observer.
func (m *Metrics) Operation(name, kind string, took time.Duration, _ int) {
	name = m.operationName(name)
	m.gqlOperations.WithLabelValues(name, kind).Inc()
	m.gqlDuration.WithLabelValues(name, kind).Observe(took.Seconds())
}

// Error implements gqlhttp.Observer.
func (m *Metrics) Error(code string) { m.gqlErrors.WithLabelValues(code).Inc() }

// operationName is the label of a client's operation name: the name itself while few are known.
func (m *Metrics) operationName(name string) string {
	switch {
	case name == "":
		return anonymous
	case len(name) > maxOperationName:
		return otherOperation
	}
	m.namesMu.Lock()
	defer m.namesMu.Unlock()
	if _, ok := m.names[name]; ok {
		return name
	}
	if len(m.names) >= maxOperationNames {
		return otherOperation
	}
	m.names[name] = struct{}{}
	return name
}

// Transformed implements observe.Observer.
func (m *Metrics) Transformed(format string, took time.Duration, err error) {
	outcome := "ok"
	if err != nil {
		outcome = "error"
	}
	m.transforms.WithLabelValues(format, outcome).Inc()
	m.transformDuration.WithLabelValues(format).Observe(took.Seconds())
}

// DerivedLookup implements observe.Observer.
func (m *Metrics) DerivedLookup(hit bool) {
	result := "miss"
	if hit {
		result = "hit"
	}
	m.derived.WithLabelValues(result).Inc()
}

// Ingested implements observe.Observer.
func (m *Metrics) Ingested(way observe.Way, files int, bytes int64) {
	m.uploads.WithLabelValues(string(way)).Add(float64(files))
	m.uploadBytes.WithLabelValues(string(way)).Add(float64(bytes))
}

// Analyzed implements observe.Observer.
func (m *Metrics) Analyzed(kind string, took time.Duration) {
	m.analysis.WithLabelValues(kind).Observe(took.Seconds())
}

// WatchTransformSlots reads the transform limiter's queue at each scrape.
func (m *Metrics) WatchTransformSlots(slots func() (running, waiting int)) {
	m.registry.MustRegister(
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Namespace: namespace, Name: "transforms_running",
			Help: "Image transforms running now, each holding a core."}, func() float64 { r, _ := slots(); return float64(r) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Namespace: namespace, Name: "transforms_waiting",
			Help: "Image transforms waiting for a core."}, func() float64 { _, w := slots(); return float64(w) }),
	)
}

// WatchDB reports the database pool's statistics (go_sql_* with db_name="catalogue").
func (m *Metrics) WatchDB(db *sql.DB) {
	m.registry.MustRegister(collectors.NewDBStatsCollector(db, "catalogue"))
}

// JobCount is how many jobs of one kind are in one state.
type JobCount struct {
	Kind, State string
	N           int64
}

// WatchJobs reports the job queue's jobs by kind and state, as count reads them at each scrape.
func (m *Metrics) WatchJobs(count func(context.Context) ([]JobCount, error)) {
	m.registry.MustRegister(jobCollector{count: count, desc: prometheus.NewDesc(namespace+"_jobs",
		"Background jobs in the queue's table, by kind and state (available, running, completed, retryable, discarded…).",
		[]string{"kind", "state"}, nil)})
}

// scrapeTimeout bounds the queries a scrape runs.
const scrapeTimeout = 5 * time.Second

type jobCollector struct {
	count func(context.Context) ([]JobCount, error)
	desc  *prometheus.Desc
}

func (c jobCollector) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

func (c jobCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), scrapeTimeout)
	defer cancel()
	counts, err := c.count(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(c.desc, err)
		return
	}
	for _, n := range counts {
		ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, float64(n.N), n.Kind, n.State)
	}
}
