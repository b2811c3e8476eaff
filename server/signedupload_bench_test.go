package server_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/jpeg"
	"io"
	"math/rand/v2"
	"net/http"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/server"
)

// benchSetups are the setups the upload benchmarks run on: the embedded default and production's.
var benchSetups = []struct {
	name  string
	start func(testing.TB, ...func(*config.Config)) *apptest.Server
}{
	{"sqlite+disk", func(tb testing.TB, c ...func(*config.Config)) *apptest.Server {
		return apptest.Start(tb, testdb.SQLite(tb), c...)
	}},
	{"postgres+s3", func(tb testing.TB, c ...func(*config.Config)) *apptest.Server {
		return apptest.Start(tb, testdb.Postgres(tb), append(c, apptest.S3(tb))...)
	}},
}

// noisyJPEG encodes a real JPEG of about size bytes (noise compresses badly, so size is easy to hit).
func noisyJPEG(tb testing.TB, size int) []byte {
	side := 64
	for {
		img := image.NewRGBA(image.Rect(0, 0, side*3/2, side))
		r := rand.New(rand.NewPCG(1, 2))
		for i := range img.Pix {
			img.Pix[i] = uint8(r.IntN(256))
		}
		var b bytes.Buffer
		if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 80}); err != nil {
			tb.Fatal(err)
		}
		if b.Len() >= size {
			return b.Bytes()
		}
		side += 16
	}
}

// BenchmarkSignedUploadCycle is one browser upload end to end: createUploads, the signed PUT of a
// 200 KB JPEG, completeUploads (which reads the object back to check and hash it). Run
//
//	go test ./server -run '^$' -bench SignedUploadCycle -benchtime 1000x
func BenchmarkSignedUploadCycle(b *testing.B) {
	server.TuneRuntime()
	jpg := noisyJPEG(b, 200_000)
	for _, setup := range benchSetups {
		b.Run(setup.name, func(b *testing.B) {
			s := setup.start(b)
			editor := s.Token("EDITOR")
			b.SetBytes(int64(len(jpg)))
			b.ResetTimer()
			for range b.N {
				tk := newTickets(b, s, editor, map[string]any{"filename": "photo.jpg", "mimeType": "image/jpeg", "size": len(jpg)})[0]
				if status, _ := put(b, tk.URL, tk.Headers, jpg, nil); status != http.StatusOK {
					b.Fatalf("PUT: HTTP %d", status)
				}
				var done completed
				s.Must(editor, completeUploads, map[string]any{"ids": []string{tk.ID}}, &done)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "uploads/s")
		})
	}
}

// BenchmarkGigabyteMultipart sends a 1 GB file in parts and completes it, reporting the process's
// peak RSS: the server streams parts to the store and reads the object back once to hash it, so
// memory stays flat whatever the size. Run it alone (peak RSS is the process's):
//
//	go test ./server -run '^$' -bench GigabyteMultipart -benchtime 1x
func BenchmarkGigabyteMultipart(b *testing.B) {
	server.TuneRuntime()
	const size = 1 << 30
	png := fixtures.Read(b, "alpha.png")
	for _, setup := range benchSetups {
		b.Run(setup.name, func(b *testing.B) {
			s := setup.start(b, func(c *config.Config) { c.MaxSignedUploadBytes = 2 << 30 })
			editor := s.Token("EDITOR")
			for range b.N {
				tk := newTickets(b, s, editor, map[string]any{"filename": "huge.png", "mimeType": "image/png", "size": size})[0]
				// A PNG header, then a deterministic stream: the file is never all in memory.
				body := io.MultiReader(bytes.NewReader(png), io.LimitReader(rand.NewChaCha8([32]byte{3}), size-int64(len(png))))
				h := sha256.New()
				whole := io.TeeReader(body, h)
				var parts []map[string]any
				for _, p := range tk.Parts {
					req, err := http.NewRequest(http.MethodPut, p.URL, io.LimitReader(whole, p.Size))
					if err != nil {
						b.Fatal(err)
					}
					req.ContentLength = p.Size
					for _, hd := range p.Headers {
						if !strings.EqualFold(hd.Name, "Content-Length") {
							req.Header.Set(hd.Name, hd.Value)
						}
					}
					res, err := http.DefaultClient.Do(req)
					if err != nil || res.StatusCode != http.StatusOK {
						b.Fatalf("part %d: %v %v", p.Number, err, res)
					}
					res.Body.Close()
					parts = append(parts, map[string]any{"number": p.Number, "etag": res.Header.Get("ETag")})
				}
				var done completed
				s.Must(editor, completeUploads, map[string]any{"ids": []string{tk.ID}, "parts": []any{map[string]any{"uploadId": tk.ID, "parts": parts}}}, &done)
				if got := done.CompleteUploads[0].Sha256; got != hex.EncodeToString(h.Sum(nil)) {
					b.Fatalf("sha256 %s, want %s", got, hex.EncodeToString(h.Sum(nil)))
				}
			}
			b.ReportMetric(apptest.PeakRSSMiB(b), "peak-RSS-MiB")
		})
	}
}
