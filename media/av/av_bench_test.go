package av_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/media/av"
	"github.com/mediagraph/mediagraph/media/probe"
)

// served serves a fixture to ffmpeg as the service does, over loopback.
func served(b *testing.B, name string) string {
	b.Helper()
	data := fixtures.Read(b, name)
	url, stop, err := probe.ServeOnce(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(stop)
	return url
}

func ffmpeg(b *testing.B) av.FFmpeg {
	b.Helper()
	f := av.NewFFmpeg()
	if !f.Available() {
		b.Fatal("ffmpeg is not installed (apt-get install ffmpeg)")
	}
	return f
}

// BenchmarkPoster is the extraction of a poster frame (a tenth in) from each fixture video, as a PNG.
func BenchmarkPoster(b *testing.B) {
	f := ffmpeg(b)
	for _, c := range []struct {
		name string
		at   float64
	}{{"clip.mp4", 0.5}, {"clip.webm", 0.2}} {
		b.Run(c.name, func(b *testing.B) {
			url := served(b, c.name)
			for b.Loop() {
				if _, err := f.Frame(context.Background(), url, c.at); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkHLS encodes clip.mp4 (5 s, 640×360, one rendition) and a 1280×720 clip (two renditions)
// and reports the speed as multiples of real time: seconds of video encoded per second.
func BenchmarkHLS(b *testing.B) {
	f := ffmpeg(b)
	b.Run("clip.mp4-360p", func(b *testing.B) {
		benchHLS(b, f, served(b, "clip.mp4"), av.Ladder(640, 360), 5)
	})
	b.Run("generated-720p-360p+720p", func(b *testing.B) {
		path := filepath.Join(b.TempDir(), "hd.mp4")
		cmd := exec.Command(f.Path, "-v", "error", "-f", "lavfi", "-i", "testsrc2=s=1280x720:r=25:d=10", "-f", "lavfi", "-i", "sine=f=440:d=10",
			"-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", path)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("make a video: %v %s", err, out)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		url, stop, err := probe.ServeOnce(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			b.Fatal(err)
		}
		defer stop()
		benchHLS(b, f, url, av.Ladder(1280, 720), 10)
	})
}

func benchHLS(b *testing.B, f av.FFmpeg, url string, rungs []av.Rung, duration float64) {
	var spent time.Duration
	for b.Loop() {
		dir := b.TempDir()
		start := time.Now()
		if err := f.HLS(context.Background(), url, dir, rungs, duration, true, func(float64) {}); err != nil {
			b.Fatal(err)
		}
		spent += time.Since(start)
		os.RemoveAll(dir)
	}
	b.ReportMetric(duration*float64(b.N)/spent.Seconds(), "x-realtime")
}
