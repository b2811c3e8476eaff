package server_test

import (
	"slices"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// facetsQuery is what a library UI sends beside a filtered grid: five facets for a tag filter.
const facetsQuery = `{ assetFacets(filter: { tags: { anyIn: ["seed-tag-1"] }, kind: { in: [IMAGE] } }) {
	kind { value count } format { value count } tag { value count } collection { value count } year { value count } } }`

// BenchmarkAssetFacets measures five facets over 10,000 assets, asked by an editor through the HTTP
// server one request at a time, on each database, and reports the p50 and p95 of a request:
//
//	go test ./server -run '^$' -bench AssetFacets -benchtime 200x
func BenchmarkAssetFacets(b *testing.B) {
	for _, backend := range testdb.Backends() {
		b.Run(backend.Name, func(b *testing.B) {
			s := apptest.Start(b, backend.New(b), func(c *config.Config) { c.DeliveryCacheBytes = 0 })
			s.Seed(10_000)
			token := s.Token("EDITOR")
			var check struct {
				AssetFacets struct{ Tag []struct{ Count int } }
			}
			s.Must(token, facetsQuery, nil, &check)
			if len(check.AssetFacets.Tag) == 0 || check.AssetFacets.Tag[0].Count != 2000 {
				b.Fatalf("tag facet %+v, want seed-tag-1 on 2000 assets first", check.AssetFacets.Tag)
			}
			took := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for range b.N {
				start := time.Now()
				s.Must(token, facetsQuery, nil, nil)
				took = append(took, time.Since(start))
			}
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(took[len(took)*95/100].Microseconds())/1000, "p95-ms")
		})
	}
}
