package server_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"testing"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// scrape reads /metrics of s (with token as bearer) into its families.
func scrape(t *testing.T, url, token string) map[string]*dto.MetricFamily {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url+"/metrics", nil)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET /metrics: HTTP %d", res.StatusCode)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(res.Body)
	if err != nil {
		t.Fatalf("parse /metrics: %v", err)
	}
	return families
}

// value sums the samples of family whose labels include want (a counter's value, a histogram's count).
func value(families map[string]*dto.MetricFamily, family string, want map[string]string) float64 {
	f := families[family]
	if f == nil {
		return 0
	}
	total := 0.0
	for _, m := range f.Metric {
		if !hasLabels(m, want) {
			continue
		}
		switch {
		case m.Counter != nil:
			total += m.Counter.GetValue()
		case m.Gauge != nil:
			total += m.Gauge.GetValue()
		case m.Histogram != nil:
			total += float64(m.Histogram.GetSampleCount())
		}
	}
	return total
}

func hasLabels(m *dto.Metric, want map[string]string) bool {
	found := 0
	for _, l := range m.Label {
		if v, ok := want[l.GetName()]; ok && v == l.GetValue() {
			found++
		}
	}
	return found == len(want)
}

// The metrics move with the work: requests by route, operations by name, errors by code, the delivery
// cache, transforms and their stored copies, uploads by way in, analyses, jobs and the pool.
func TestMetricsCountTheWork(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		editor, delivery := s.Token("EDITOR"), s.Token("DELIVERY")
		before := scrape(t, s.URL, "")

		a := s.MustUpload(editor, map[string]any{"status": "PUBLIC"}, apptest.Fixture(t, "photo-12mp.jpg"))[0]
		s.Settle() // its pixels are analyzed in the background, counted with the rest
		s.Must(editor, `query Library { assets { totalCount } }`, nil, nil)
		if code := s.Query(editor, `{ nope }`, nil).Code(); code != "VALIDATION_FAILED" {
			t.Fatalf("unknown field: %s", code)
		}
		const list = `query Site { assets { nodes { id } } }`
		post(t, s, delivery, list, nil)
		if verdict, _ := post(t, s, delivery, list, nil); verdict != "hit" {
			t.Fatalf("second delivery read: %s", verdict)
		}
		var out struct{ Asset struct{ TransformURL string } }
		s.Must(editor, `query($id: ID!) { asset(id: $id) { transformUrl(params: {w: 64, fm: WEBP}) } }`, map[string]any{"id": a.ID}, &out)
		path := strings.TrimPrefix(out.Asset.TransformURL, s.URL)
		for i := range 2 {
			if f := fetch(t, s, http.MethodGet, path, "", nil); f.Status != http.StatusOK {
				t.Fatalf("transform %d: HTTP %d %s", i, f.Status, f.Body)
			}
			s.App.Media.Deliver.Settle() // stored before the next request looks for it
		}
		fetch(t, s, http.MethodGet, "/no/such/path?s=secret", "", nil)

		after := scrape(t, s.URL, "")
		moved := func(family string, labels map[string]string, by float64) {
			t.Helper()
			if got := value(after, family, labels) - value(before, family, labels); got < by {
				t.Errorf("%s%v moved by %v, want at least %v", family, labels, got, by)
			}
		}
		moved("mediagraph_http_requests_total", map[string]string{"route": "POST /graphql", "status": "200"}, 5)
		moved("mediagraph_http_requests_total", map[string]string{"route": "GET /media/v/{id}/{version}/{filename}", "status": "200"}, 2)
		moved("mediagraph_http_requests_total", map[string]string{"route": "unmatched", "status": "404"}, 1)
		moved("mediagraph_http_request_duration_seconds", map[string]string{"route": "POST /graphql"}, 5)
		moved("mediagraph_graphql_operations_total", map[string]string{"operation": "Library", "type": "query"}, 1)
		moved("mediagraph_graphql_operations_total", map[string]string{"operation": "anonymous", "type": "mutation"}, 1)
		moved("mediagraph_graphql_operation_duration_seconds", map[string]string{"operation": "Site"}, 1)
		moved("mediagraph_graphql_errors_total", map[string]string{"code": "VALIDATION_FAILED"}, 1)
		moved("mediagraph_delivery_cache_requests_total", map[string]string{"result": "miss"}, 1)
		moved("mediagraph_delivery_cache_requests_total", map[string]string{"result": "hit"}, 1)
		moved("mediagraph_delivery_cache_bytes_total", map[string]string{"result": "hit"}, 10)
		moved("mediagraph_transforms_total", map[string]string{"format": "webp", "outcome": "ok"}, 1)
		moved("mediagraph_transform_duration_seconds", map[string]string{"format": "webp"}, 1)
		moved("mediagraph_derived_cache_lookups_total", map[string]string{"result": "miss"}, 1)
		moved("mediagraph_derived_cache_lookups_total", map[string]string{"result": "hit"}, 1)
		moved("mediagraph_uploads_total", map[string]string{"way": "multipart"}, 1)
		moved("mediagraph_upload_bytes_total", map[string]string{"way": "multipart"}, 1000)
		moved("mediagraph_analysis_duration_seconds", map[string]string{"kind": "IMAGE"}, 1)
		for _, family := range []string{"mediagraph_jobs", "mediagraph_transforms_running", "mediagraph_transforms_waiting",
			"go_sql_open_connections", "go_goroutines", "go_memstats_heap_alloc_bytes", "process_resident_memory_bytes"} {
			if after[family] == nil {
				t.Errorf("no %s in /metrics", family)
			}
		}
		if value(after, "mediagraph_jobs", nil) == 0 {
			t.Error("mediagraph_jobs counts no job, though the periodic sweeps ran on start")
		}
		for name := range after {
			if strings.Contains(name, "secret") {
				t.Errorf("a raw path reached the metrics: %s", name)
			}
		}
		for _, m := range after["mediagraph_http_requests_total"].Metric {
			for _, l := range m.Label {
				if strings.Contains(l.GetValue(), "secret") || strings.Contains(l.GetValue(), "/no/such") {
					t.Errorf("a raw path reached a label: %s=%s", l.GetName(), l.GetValue())
				}
			}
		}
	})
}

// With a token, /metrics answers only requests bearing it.
func TestMetricsToken(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t), func(c *config.Config) {
		c.MetricsToken = "metrics-secret"
	})
	for _, bearer := range []string{"", "Bearer wrong", "Basic bWV0cmljcy1zZWNyZXQ="} {
		req, _ := http.NewRequest(http.MethodGet, s.URL+"/metrics", nil)
		if bearer != "" {
			req.Header.Set("Authorization", bearer)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusUnauthorized {
			t.Errorf("Authorization %q: HTTP %d, want 401", bearer, res.StatusCode)
		}
	}
	if f := scrape(t, s.URL, "metrics-secret"); f["mediagraph_http_requests_total"] == nil {
		t.Error("no request counts behind the token")
	}
}

// MEDIAGRAPH_METRICS_ADDR moves /metrics to a listener of its own: the main one no longer has it.
func TestMetricsOnTheirOwnAddress(t *testing.T) {
	metricsAddr := freeAddr(t)
	s := apptest.Start(t, testdb.SQLite(t), func(c *config.Config) {
		c.MetricsAddr = metricsAddr
	})
	if f := fetch(t, s, http.MethodGet, "/metrics", "", nil); f.Status != http.StatusNotFound {
		t.Fatalf("/metrics on the main address: HTTP %d, want 404", f.Status)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.App.Serve(ctx, ln) }()
	defer func() {
		cancel()
		if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
			t.Error(err)
		}
	}()
	if _, err := http.Get("http://" + ln.Addr().String() + "/healthz"); err != nil {
		t.Fatal(err)
	}
	// Serve listens for the metrics before it answers on the main listener.
	if f := scrape(t, "http://"+metricsAddr, ""); f["mediagraph_http_requests_total"] == nil {
		t.Error("the metrics listener counts no request")
	}
}

// freeAddr is a loopback address with a port free a moment ago.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}
