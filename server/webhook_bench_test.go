package server_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// seededIDs seeds n assets and returns their ids.
func seededIDs(b *testing.B, s *apptest.Server, n int) []string {
	s.Seed(n)
	var ids []string
	if err := s.App.DB.Gorm().Table("assets").Limit(n).Pluck("id", &ids).Error; err != nil {
		b.Fatal(err)
	}
	return ids
}

// BenchmarkWebhookDispatch measures the events a second the dispatcher delivers, signed, to a loopback
// receiver: each operation is an updateAssets of 500 assets, 500 deliveries.
//
//	go test ./server -run '^$' -bench WebhookDispatch -benchtime 5x
func BenchmarkWebhookDispatch(b *testing.B) {
	for _, backend := range testdb.Backends() {
		b.Run(backend.Name, func(b *testing.B) {
			s := apptest.Start(b, backend.New(b), apptest.Webhooks(time.Second))
			ids := seededIDs(b, s, 500)
			rec := apptest.NewReceiver(b, nil)
			newWebhookB(b, s, rec.URL)
			editor := s.Token("EDITOR")
			b.ResetTimer()
			start := time.Now()
			for i := range b.N {
				s.Must(editor, `mutation($ids: [ID!]!, $a: String) { updateAssets(ids: $ids, input: { author: $a }) { id } }`,
					map[string]any{"ids": ids, "a": fmt.Sprint(i)}, nil)
			}
			rec.Wait(b, b.N*len(ids))
			b.ReportMetric(float64(b.N*len(ids))/time.Since(start).Seconds(), "events/s")
		})
	}
}

// BenchmarkUpdateAssetsWebhooks measures a 100-asset updateAssets without webhooks and with three:
// delivery is not in the request path, so the two should match.
//
//	go test ./server -run '^$' -bench UpdateAssetsWebhooks -benchtime 50x
func BenchmarkUpdateAssetsWebhooks(b *testing.B) {
	for _, backend := range testdb.Backends() {
		b.Run(backend.Name, func(b *testing.B) {
			for _, hooks := range []int{0, 3} {
				b.Run(fmt.Sprint(hooks, "webhooks"), func(b *testing.B) {
					s := apptest.Start(b, backend.New(b), apptest.Webhooks(time.Second))
					ids := seededIDs(b, s, 100)
					rec := apptest.NewReceiver(b, nil)
					for range hooks {
						newWebhookB(b, s, rec.URL)
					}
					editor := s.Token("EDITOR")
					b.ResetTimer()
					for i := range b.N {
						s.Must(editor, `mutation($ids: [ID!]!, $a: String) { updateAssets(ids: $ids, input: { author: $a }) { id } }`,
							map[string]any{"ids": ids, "a": fmt.Sprint(i)}, nil)
					}
					b.StopTimer()
				})
			}
		})
	}
}

func newWebhookB(b *testing.B, s *apptest.Server, url string) {
	s.Must(s.Admin, createWebhook, map[string]any{"in": map[string]any{"name": "bench", "url": url}}, nil)
}
