package server_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/server"
)

// benchGet fetches path b.N times over as many connections as RunParallel has goroutines, failing on
// anything but 200, and reports requests per second.
func benchGet(b *testing.B, s *apptest.Server, path func(i int64) string) {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	var n atomic.Int64
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			res, err := client.Get(s.URL + path(n.Add(1)))
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				b.Errorf("HTTP %d", res.StatusCode)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "req/s")
}

// BenchmarkTransform measures the delivery of a 3000×2000 JPEG as a 300 px wide WebP with two client
// connections (-cpu 2): uncached (every request a new result: decoded, resized, encoded, stored) and
// cached (the stored result served again).
//
//	go test ./server -run '^$' -bench Transform -cpu 2 -benchtime 10s
func BenchmarkTransform(b *testing.B) {
	server.TuneRuntime()
	photo := fixtures.Photo3000x2000(b)
	for _, setup := range benchSetups {
		b.Run(setup.name, func(b *testing.B) {
			s := setup.start(b)
			up := s.MustUpload(s.Token("EDITOR"), map[string]any{"status": "PUBLIC"}, apptest.File{Name: "photo.jpg", Content: bytes.NewReader(photo)})
			base := fmt.Sprintf("/media/v/%s/1/photo.jpg?fm=webp&w=300", up[0].ID)
			// Any h from 200 up leaves a 300×200 result but makes a new one each time (across the runs
			// of the benchmark too).
			var h atomic.Int64
			h.Store(200)
			b.Run("uncached", func(b *testing.B) {
				benchGet(b, s, func(int64) string { return fmt.Sprintf("%s&h=%d", base, h.Add(1)) })
			})
			b.Run("cached", func(b *testing.B) {
				benchGet(b, s, func(int64) string { return base })
			})
		})
	}
}
