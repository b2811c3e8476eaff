package server_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"syscall"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/server"
)

// assetsPage is the query a site's media grid sends: a page of assets with their relations.
const assetsPage = `{ assets(first: 50) { nodes { id filename width height mimeType size tags { id name } collection { id name } alt inUse } } }`

// BenchmarkAssetsQuery measures assets(first: 50) with tags, collection, alt and inUse over 10,000
// assets, through the real HTTP server. Run it with -cpu 2 for two concurrent clients, as in
//
//	go test ./server -run '^$' -bench AssetsQuery -cpu 2 -benchtime 10s
//
// req/s is 1e9 / ns/op.
func BenchmarkAssetsQuery(b *testing.B) {
	server.TuneRuntime() // as mediagraph serve does
	for _, backend := range testdb.Backends() {
		b.Run(backend.Name, func(b *testing.B) {
			s := apptest.Start(b, backend.New(b))
			s.Seed(10_000)
			token := s.Token("DELIVERY")
			body, _ := json.Marshal(map[string]string{"query": assetsPage})
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
			s.Must(token, assetsPage, nil, &check)
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
		})
	}
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
