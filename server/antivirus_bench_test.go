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
// the request waits for none of it; what remains is the CPU the scans of earlier uploads take beside
// it. Each upload ends in bytes of its own, so that clamd scans each (it caches clean files' hashes).
// It reports milliseconds per upload.
//
//	go test ./server -run '^$' -bench UploadAssetsScanning -benchtime 20x
func BenchmarkUploadAssetsScanning(b *testing.B) {
	photo := fixtures.Read(b, "photo-12mp.jpg")
	d := testclamd.Start(b, testclamd.Options{})
	lean := testclamd.Start(b, testclamd.Options{NoImageFuzzyHash: true})
	for _, c := range []struct {
		name string
		addr string
	}{{"scanning=off", ""}, {"scanning=on", d.Socket}, {"scanning=on,fuzzy-hash=off", lean.Socket}} {
		b.Run(c.name, func(b *testing.B) {
			s := apptest.Start(b, testdb.SQLite(b), func(cfg *config.Config) { cfg.ClamdAddr = c.addr })
			editor := s.Token("EDITOR")
			b.ResetTimer()
			start := time.Now()
			for i := range b.N {
				unique := append(bytes.Clone(photo), fmt.Sprintf("%s-%d", c.name, i)...) // after the JPEG's end: still the same image
				res := s.Upload(editor, nil, apptest.File{Name: fmt.Sprintf("photo-%d.jpg", i), Content: bytes.NewReader(unique)})
				if len(res.Errors) > 0 {
					b.Fatalf("upload: %+v", res.Errors)
				}
			}
			b.ReportMetric(float64(time.Since(start).Milliseconds())/float64(b.N), "ms/upload")
		})
	}
}
