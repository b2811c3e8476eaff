package server_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"syscall"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/server"
)

// assetsPage is the query a site's media grid sends: a page of assets with their relations.
const assetsPage = `{ assets(first: 50) { nodes { id filename width height mimeType size tags { id name } collection { id name } alt inUse } } }`

// BenchmarkAssetsQuery measures assets(first: 50) with tags, collection, alt and inUse over 10,000
// assets, asked by a delivery token through the real HTTP server, on each database: "cached" as
// served (repeats answered from the delivery cache), "uncached" with the cache turned off, so every
// request runs the query. Run it with -cpu 2 for two concurrent clients:
//
//	go test ./server -run '^$' -bench AssetsQuery -cpu 2 -benchtime 10s
func BenchmarkAssetsQuery(b *testing.B) {
	server.TuneRuntime() // as mediagraph serve does
	for _, backend := range testdb.Backends() {
		b.Run(backend.Name, func(b *testing.B) {
			dbURL := backend.New(b)
			cached := apptest.Start(b, dbURL)
			cached.Seed(10_000)
			uncached := apptest.Start(b, dbURL, func(c *config.Config) { c.DeliveryCacheBytes = 0 })
			token := cached.Token("DELIVERY")
			b.Run("cached", func(b *testing.B) { benchmarkQuery(b, cached, token, assetsPage) })
			b.Run("uncached", func(b *testing.B) { benchmarkQuery(b, uncached, token, assetsPage) })
		})
	}
}

// benchmarkQuery sends query from parallel clients and reports req/s and CPU per request.
func benchmarkQuery(b *testing.B, s *apptest.Server, token, query string) {
	body, _ := json.Marshal(map[string]string{"query": query})
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	fetch := func() error {
		req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := client.Do(req)
		if err != nil {
			return err
		}
		defer res.Body.Close()
		if res.StatusCode != http.StatusOK {
			return &statusError{res.StatusCode}
		}
		_, err = io.Copy(io.Discard, res.Body)
		return err
	}
	// One checked request first: a benchmark of error responses would measure nothing.
	var check struct {
		Assets struct{ Nodes []json.RawMessage }
	}
	s.Must(token, query, nil, &check)
	if len(check.Assets.Nodes) != 50 {
		b.Fatalf("page has %d assets", len(check.Assets.Nodes))
	}
	cpuBefore := processCPU(b)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := fetch(); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
	// CPU per request (server and client together) stays comparable when the machine is busy.
	b.ReportMetric(float64((processCPU(b)-cpuBefore).Microseconds())/float64(b.N), "cpu-µs/req")
}

func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

type statusError struct{ code int }

func (e *statusError) Error() string { return http.StatusText(e.code) }
