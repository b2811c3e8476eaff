package server_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/server"
)

// BenchmarkUploadAssets sends a 3000×2000 JPEG through uploadAssets over HTTP, as a CMS editor or a
// migration script would, two requests in flight per core, and reports uploads per second: each
// upload is stored, checksummed, analyzed (EXIF, colors, BlurHash, ThumbHash, LQIP) and recorded.
//
//	go test ./server -run '^$' -bench UploadAssets -cpu 2 -benchtime 1000x
func BenchmarkUploadAssets(b *testing.B) {
	server.TuneRuntime() // as mediagraph serve does
	photo := fixtures.Photo3000x2000(b)
	for _, setup := range benchSetups {
		b.Run(setup.name, func(b *testing.B) {
			s := setup.start(b)
			editor := s.Token("EDITOR")
			b.SetBytes(int64(len(photo)))
			b.SetParallelism(2)
			b.ResetTimer()
			start := time.Now()
			b.RunParallel(func(pb *testing.PB) {
				i := 0
				for pb.Next() {
					i++
					res := s.Upload(editor, nil, apptest.File{Name: fmt.Sprintf("photo-%d.jpg", i), Content: bytes.NewReader(photo)})
					if len(res.Errors) > 0 {
						b.Errorf("upload: %+v", res.Errors)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "uploads/s")
			b.ReportMetric(apptest.PeakRSSMiB(b), "peak-RSS-MiB")
		})
	}
}
