package main

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/mediagraph/mediagraph/internal/fixtures"
)

// jpegTree writes n small JPEGs of distinct pixels into dirs folders of two subfolders each, and
// returns the bytes written.
func jpegTree(tb testing.TB, root string, n, dirs int) int64 {
	tb.Helper()
	var total int64
	for i := range n {
		dir := filepath.Join(root, fmt.Sprintf("day-%02d", i%dirs), fmt.Sprintf("cam-%d", i/dirs%2))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			tb.Fatal(err)
		}
		img := image.NewRGBA(image.Rect(0, 0, 24, 16))
		for y := range 16 {
			for x := range 24 {
				img.Set(x, y, color.RGBA{uint8(i), uint8(i >> 8), uint8(x * 10), 255})
			}
		}
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("img-%04d.jpg", i)), buf.Bytes(), 0o644); err != nil {
			tb.Fatal(err)
		}
		total += int64(buf.Len())
	}
	return total
}

// interrupter cancels an import once its progress reaches a line matching at.
type interrupter struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	at     string
	cancel context.CancelFunc
}

func (w *interrupter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if w.at != "" && strings.Contains(w.buf.String(), w.at) {
		w.cancel()
	}
	return len(p), nil
}

// importRun runs `mediagraph import` with args, interrupted once the progress shows at (unless empty).
func (c *cli) importRun(at string, args ...string) (summary, progress string, err error) {
	c.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := &interrupter{at: at, cancel: cancel}
	var stdout bytes.Buffer
	err = importCmd(ctx, args, &stdout, w, slog.New(slog.NewTextHandler(&c.log, nil)))
	return stdout.String(), w.buf.String(), err
}

var summaryLine = regexp.MustCompile(`imported (\d+), skipped (\d+) \(already present\), refused (\d+)`)

func counts(t *testing.T, summary string) (imported, skipped, refused int) {
	t.Helper()
	m := summaryLine.FindStringSubmatch(summary)
	if m == nil {
		t.Fatalf("no summary in %q", summary)
	}
	fmt.Sscan(m[1], &imported)
	fmt.Sscan(m[2], &skipped)
	fmt.Sscan(m[3], &refused)
	return
}

// An import of a 2,000-file tree survives an interruption: run again, it imports the rest and nothing
// twice; a third run imports nothing. Folders become collections under --collection.
func TestImportTreeResumesAndSkips(t *testing.T) {
	const n = 2000
	c := newCLI(t)
	src := t.TempDir()
	jpegTree(t, src, n, 10)
	bomb, err := os.ReadFile(fixtures.Path("bomb-30000x30000.png"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(src, "bomb.png"), bomb, 0o644)
	os.WriteFile(filepath.Join(src, ".DS_Store"), []byte("hidden"), 0o644)
	args := []string{"--collection", "shoot", "--tags", "imported,2026", "--public", "--concurrency", "4", src}

	summary, progress, err := c.importRun("import: 30%", args...)
	if err == nil || !strings.Contains(err.Error(), "run the same import again") {
		t.Fatalf("interrupted import: %v\n%s", err, summary)
	}
	first, _, _ := counts(t, summary)
	if first == 0 || first >= n {
		t.Fatalf("the interrupted run imported %d of %d", first, n)
	}
	if !strings.Contains(progress, "files/s") || !strings.Contains(progress, "MB/s") {
		t.Errorf("progress shows no rates: %q", progress)
	}

	summary, progress, err = c.importRun("", args...)
	imported, skipped, refused := counts(t, summary)
	// A file whose upload committed as the interruption came may be counted by neither run's
	// "imported": the second run finds it present.
	if imported+skipped != n || skipped < first || skipped > first+4 || refused != 1 {
		t.Errorf("second run: %s (the first imported %d)", summary, first)
	}
	if err == nil || !strings.Contains(summary, "bomb.png: ") || !strings.Contains(summary, "pixels") {
		t.Errorf("the image bomb is not refused with its reason: %v\n%s", err, summary)
	}
	if tenths := strings.Count(progress, "\n"); tenths != 11 || !strings.Contains(progress, "import: 100% 2001/2001 files") {
		t.Errorf("progress is not a line per tenth:\n%s", progress)
	}

	summary, _, _ = c.importRun("", args...)
	if imported, skipped, _ := counts(t, summary); imported != 0 || skipped != n {
		t.Errorf("third run: %s", summary)
	}

	app := c.open()
	var assets, public, collections, tagged int64
	db := app.DB.Gorm()
	db.Table("assets").Count(&assets)
	db.Table("assets").Where("status = ?", "PUBLIC").Count(&public)
	db.Table("collections").Count(&collections)
	db.Table("asset_tags").Count(&tagged)
	if assets != n || public != n || collections != 1+10+20 || tagged != 2*n {
		t.Errorf("%d assets (%d public), %d collections, %d tag links; want %d, %d, 31, %d", assets, public, collections, tagged, n, n, 2*n)
	}
}

// The throughput of an import of 2,000 small JPEGs into an empty SQLite library, by concurrency:
// go test -run '^$' -bench BenchmarkImport -benchtime 1x ./cmd/mediagraph
func BenchmarkImport(b *testing.B) {
	const n = 2000
	src := b.TempDir()
	total := jpegTree(b, src, n, 10)
	for _, workers := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("concurrency=%d", workers), func(b *testing.B) {
			log := slog.New(slog.DiscardHandler)
			for range b.N {
				b.StopTimer()
				b.Setenv("MEDIAGRAPH_DATA_DIR", b.TempDir())
				b.Setenv("DATABASE_URL", "")
				if err := run(context.Background(), []string{"migrate"}, io.Discard, log); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				var out bytes.Buffer
				if err := importCmd(context.Background(), []string{"--concurrency", fmt.Sprint(workers), src}, &out, io.Discard, log); err != nil {
					b.Fatal(err, out.String())
				}
			}
			secs := b.Elapsed().Seconds() / float64(b.N)
			b.ReportMetric(n/secs, "files/s")
			b.ReportMetric(float64(total)/1e6/secs, "MB/s")
		})
	}
}

// --from-url-list fetches each URL once: a second run skips those done and tries again what failed.
func TestImportURLList(t *testing.T) {
	c := newCLI(t)
	t.Setenv("MEDIAGRAPH_FETCH_ALLOW_NETWORKS", "127.0.0.0/8")
	photos := t.TempDir()
	jpegTree(t, photos, 2, 1)
	srv := httptest.NewServer(http.FileServer(http.Dir(photos)))
	defer srv.Close()
	list := filepath.Join(t.TempDir(), "urls.txt")
	os.WriteFile(list, []byte("# the shoot\n"+srv.URL+"/day-00/cam-0/img-0000.jpg\n\n"+srv.URL+"/day-00/cam-1/img-0001.jpg\n"+srv.URL+"/missing.jpg\n"), 0o644)

	summary, _, err := c.importRun("", "--from-url-list", list, "--collection", "web")
	if imported, skipped, refused := counts(t, summary); imported != 2 || skipped != 0 || refused != 1 || err == nil || !strings.Contains(summary, "missing.jpg: ") {
		t.Fatalf("first run: %v\n%s", err, summary)
	}
	summary, _, _ = c.importRun("", "--from-url-list", list, "--collection", "web")
	if imported, skipped, refused := counts(t, summary); imported != 0 || skipped != 2 || refused != 1 {
		t.Fatalf("second run: %s", summary)
	}
}
