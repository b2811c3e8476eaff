package clamd_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/internal/testclamd"
)

// BenchmarkScanPhoto scans the 12 MP JPEG (1.2 MB) through a clamd on loopback, one scan at a time,
// over each transport, and reports scans per second. clamd here holds two signatures; the stock
// database adds its own cost per byte.
//
//	go test ./media/clamd -run '^$' -bench ScanPhoto -benchtime 200x
func BenchmarkScanPhoto(b *testing.B) {
	d := testclamd.Start(b, testclamd.Options{})
	photo := fixtures.Read(b, "photo-12mp.jpg")
	for _, addr := range []string{d.Socket, d.TCP} {
		b.Run(strings.SplitN(addr, ":", 2)[0], func(b *testing.B) {
			c := client(b, addr)
			if _, err := c.Scan(context.Background(), bytes.NewReader(photo)); err != nil {
				b.Fatal(err) // clamd's first scan warms it up
			}
			b.SetBytes(int64(len(photo)))
			b.ResetTimer()
			start := time.Now()
			for range b.N {
				if v, err := c.Scan(context.Background(), bytes.NewReader(photo)); err != nil || v.Infected {
					b.Fatalf("%+v, %v", v, err)
				}
			}
			b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "scans/s")
		})
	}
}
