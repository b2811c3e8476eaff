package server_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/internal/testclamd"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// BenchmarkUploadAssetsScanning uploads the 12 MP JPEG through uploadAssets one request at a time,
// with scanning off and on (a real clamd on a Unix socket): the scan is a job after the commit, so
// the request should take no longer with it. It reports milliseconds per upload.
//
//	go test ./server -run '^$' -bench UploadAssetsScanning -benchtime 40x
func BenchmarkUploadAssetsScanning(b *testing.B) {
	photo := fixtures.Read(b, "photo-12mp.jpg")
	d := testclamd.Start(b, testclamd.Options{})
	for _, c := range []struct {
		name string
		addr string
	}{{"scanning=off", ""}, {"scanning=on", d.Socket}} {
		b.Run(c.name, func(b *testing.B) {
			s := apptest.Start(b, testdb.SQLite(b), func(cfg *config.Config) { cfg.ClamdAddr = c.addr })
			editor := s.Token("EDITOR")
			b.ResetTimer()
			start := time.Now()
			for i := range b.N {
				res := s.Upload(editor, nil, apptest.File{Name: fmt.Sprintf("photo-%d.jpg", i), Content: bytes.NewReader(photo)})
				if len(res.Errors) > 0 {
					b.Fatalf("upload: %+v", res.Errors)
				}
			}
			b.ReportMetric(float64(time.Since(start).Milliseconds())/float64(b.N), "ms/upload")
		})
	}
}
