package probe_test

import (
	"bytes"
	"context"
	"errors"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/media/probe"
)

func fixture(tb testing.TB, name string) []byte { return fixtures.Read(tb, name) }

func TestImageRefusesBombsFromTheHeader(t *testing.T) {
	bomb := fixture(t, "bomb-30000x30000.png")
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := probe.Image(bomb, 100_000_000)
	runtime.ReadMemStats(&after)
	var limit *probe.PixelLimitError
	if !errors.As(err, &limit) || limit.Width != 30000 || limit.Height != 30000 {
		t.Fatalf("err = %v, want a PixelLimitError for 30000×30000", err)
	}
	// 900 MP of 1-bit pixels decoded would take at least 110 MB; the header takes nothing like that.
	if grown := int64(after.HeapInuse) - int64(before.HeapInuse); grown > 8<<20 {
		t.Errorf("heap grew %d bytes while refusing", grown)
	}
	if _, err := probe.Image(bomb, 1_000_000_000); err != nil {
		t.Errorf("under a higher limit the same file is accepted: %v", err)
	}
}

func TestImageNeverInventsFacts(t *testing.T) {
	r, err := probe.Image([]byte("not an image at all"), 1e8)
	if err != nil || r.Error == "" || r.Width != nil || r.Blurhash != nil {
		t.Errorf("garbage: %+v, %v", r, err)
	}
}

func TestMediaSaysWhenFFprobeIsMissing(t *testing.T) {
	r := probe.Prober{}.Media(context.Background(), bytes.NewReader(fixture(t, "clip.mp4")), 80823)
	if r.Error != probe.MissingProber || r.Duration != nil {
		t.Errorf("without ffprobe: %+v", r)
	}
	p := probe.NewProber()
	if p.Path == "" {
		t.Fatal("ffprobe is not installed (apt-get install ffmpeg); the tests need it")
	}
	r = p.Media(context.Background(), strings.NewReader("definitely not a video"), 22)
	if r.Error == "" || r.Duration != nil {
		t.Errorf("garbage through ffprobe: %+v", r)
	}
}

// TestImageMemoryStaysFlat analyzes the 12 MP photo 100 times in a row and checks the process's peak
// resident memory stops growing once warm: libvips' buffers are released every time.
func TestImageMemoryStaysFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("100 analyses")
	}
	photo := fixture(t, "photo-12mp.jpg")
	peakAfter := func(n int) float64 {
		for range n {
			if _, err := probe.Image(photo, 1e8); err != nil {
				t.Fatal(err)
			}
		}
		runtime.GC()
		debug.FreeOSMemory()
		return apptest.PeakRSSMiB(t)
	}
	warm := peakAfter(10)
	end := peakAfter(100)
	t.Logf("peak RSS after 10 analyses %.1f MiB, after 110 %.1f MiB", warm, end)
	if end-warm > 24 {
		t.Errorf("peak RSS grew by %.1f MiB over 100 analyses of one photo", end-warm)
	}
}

func BenchmarkImage(b *testing.B) {
	for _, c := range []struct {
		name string
		buf  []byte
	}{{"photo-12mp.jpg", fixture(b, "photo-12mp.jpg")}, {"3000x2000.jpg", fixtures.Photo3000x2000(b)}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.buf)))
			for b.Loop() {
				r, err := probe.Image(c.buf, 1e8)
				if err != nil || r.Blurhash == nil {
					b.Fatal(err, r.Error)
				}
			}
		})
	}
}
