package clamd_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"strings"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/internal/testclamd"
)

// BenchmarkScanPhoto scans the 12 MP JPEG (1.2 MB) through a clamd on loopback, one scan at a time,
// over each transport, with clamd's image fuzzy hash on (its default: it decodes the whole image) and
// off, and reports scans per second. Each scan ends in bytes of its own: clamd remembers the hashes
// of clean files and would answer the same bytes again from that cache. clamd here holds two
// signatures; the stock database adds its own cost per byte.
//
//	go test ./media/clamd -run '^$' -bench 'ScanPhoto/fuzzy=off' -benchtime 50x
//	go test ./media/clamd -run '^$' -bench 'ScanPhoto/fuzzy=on' -benchtime 3x
func BenchmarkScanPhoto(b *testing.B) {
	photo := fixtures.Read(b, "photo-12mp.jpg")
	for _, fuzzy := range []bool{true, false} {
		name := map[bool]string{true: "fuzzy=on", false: "fuzzy=off"}[fuzzy]
		b.Run(name, func(b *testing.B) {
			benchmarkScans(b, testclamd.Start(b, testclamd.Options{NoImageFuzzyHash: !fuzzy}), photo)
		})
	}
}

func benchmarkScans(b *testing.B, d *testclamd.Daemon, photo []byte) {
	for _, addr := range []string{d.Socket, d.TCP} {
		b.Run(strings.SplitN(addr, ":", 2)[0], func(b *testing.B) {
			c := client(b, addr)
			unique := append(bytes.Clone(photo), 0, 0, 0, 0)
			b.SetBytes(int64(len(unique)))
			b.ResetTimer()
			start := time.Now()
			for i := range b.N {
				binary.BigEndian.PutUint32(unique[len(photo):], uint32(i)^uint32(start.UnixNano()))
				if v, err := c.Scan(context.Background(), bytes.NewReader(unique)); err != nil || v.Infected {
					b.Fatalf("%+v, %v", v, err)
				}
			}
			b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "scans/s")
		})
	}
}
