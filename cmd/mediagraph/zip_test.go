package main

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/storage"
)

// gigabyte is the large file of the ZIP test: big next to the memory the server may use.
const gigabyte = 1 << 30

// The server streams the archive in constant memory: its peak resident memory grows by less than
// zipGrowthLimitMiB while it does, and stays under zipRSSLimitMiB besides the pages of the binary and
// its libraries (libvips and its dependencies alone map about 70 MB, shared with every process that
// maps them).
const (
	zipGrowthLimitMiB = 16
	zipRSSLimitMiB    = 100
)

// generated reads as n bytes of a repeated random megabyte: costless to make, not compressible by a
// window as small as deflate's.
type generated struct{ n, off int64 }

func (g *generated) Read(p []byte) (int, error) {
	if g.off == g.n {
		return 0, io.EOF
	}
	n := 0
	for n < len(p) && g.off < g.n {
		i := int(g.off % int64(len(chunk)))
		c := copy(p[n:], chunk[i:min(len(chunk), i+int(g.n-g.off))])
		n += c
		g.off += int64(c)
	}
	return n, nil
}

// A ZIP of three fixtures and a 1 GB file, served by a `mediagraph serve` subprocess from the store,
// unzips with archive/zip and Debian's unzip with the right bytes, while the server's resident memory
// stays under 100 MB.
func TestZipOfAGigabyteInLittleMemory(t *testing.T) {
	if testing.Short() || raceEnabled {
		// Under the race detector it takes minutes and its memory figures mean nothing.
		t.Skip("streams 1 GB through the store and back; run it without -short and -race")
	}
	for _, postgres := range []bool{false, true} {
		name := "sqlite+disk"
		if postgres {
			name = "postgres+s3"
		}
		t.Run(name, func(t *testing.T) { zipGigabyte(t, postgres) })
	}
}

func zipGigabyte(t *testing.T, postgres bool) {
	site := newCrashSite(t, postgres)
	site.start()
	api := apptest.Client(t, site.url)
	want := map[string]string{} // name in the archive → sha256
	var ids []string
	for _, name := range []string{"alpha.png", "cmyk.jpg", "document-3-pages.pdf"} {
		ids = append(ids, api.MustUpload(site.token, nil, apptest.Fixture(t, name))[0].ID)
		sum := sha256.Sum256(fixtures.Read(t, name))
		want[name] = hex.EncodeToString(sum[:])
	}
	big := api.MustUpload(site.token, nil, apptest.File{Name: "big.mp4", Content: bytes.NewReader(chunk[:4096])})[0]
	want[big.Filename] = site.putGigabyte(big.ID)
	ids = append(ids, big.ID)

	var out struct{ CreateZipDownload struct{ URL string } }
	api.Must(site.token, `mutation($ids: [ID!]!) { createZipDownload(input: { ids: $ids }) { url } }`, map[string]any{"ids": ids}, &out)
	before := memoryOf(t, site.server.Process.Pid)
	path := download(t, out.CreateZipDownload.URL)
	after := memoryOf(t, site.server.Process.Pid)
	grown, private := after["VmHWM"]-before["VmHWM"], after["VmHWM"]-after["RssFile"]
	t.Logf("server peak RSS %.1f MiB (%.1f MiB of it the mapped binary and libraries), %.1f MiB before the download: %.1f MiB grown while streaming %d MiB",
		after["VmHWM"], after["RssFile"], before["VmHWM"], grown, gigabyte>>20)
	if grown > zipGrowthLimitMiB || private > zipRSSLimitMiB {
		t.Errorf("streaming grew the peak RSS by %.1f MiB (want under %d), to %.1f MiB besides mapped files (want under %d)",
			grown, zipGrowthLimitMiB, private, zipRSSLimitMiB)
	}
	checkArchive(t, path, want)
	if out, err := exec.Command("unzip", "-t", path).CombinedOutput(); err != nil {
		t.Fatalf("unzip -t: %v\n%s", err, out)
	}
}

// putGigabyte replaces the stored bytes of an asset's version with 1 GB, streamed through the store,
// and records their size, type and sha256 on the version as an upload would have.
func (s *crashSite) putGigabyte(assetID string) string {
	s.t.Helper()
	var v models.AssetVersion
	if err := s.db.Where("asset_id = ?", assetID).Take(&v).Error; err != nil {
		s.t.Fatal(err)
	}
	h := sha256.New()
	if _, err := s.store.Put(context.Background(), v.ObjectKey, io.TeeReader(&generated{n: gigabyte}, h), storage.PutOptions{ContentType: "video/mp4"}); err != nil {
		s.t.Fatal(err)
	}
	sum := hex.EncodeToString(h.Sum(nil))
	err := s.db.Model(&models.AssetVersion{}).Where("id = ?", v.ID).
		Updates(map[string]any{"size": gigabyte, "sha256": sum, "mime_type": "video/mp4"}).Error
	if err != nil {
		s.t.Fatal(err)
	}
	return sum
}

// download saves the archive at u to a file.
func download(t *testing.T, u string) string {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(res.Body)
		t.Fatalf("GET the ZIP: HTTP %d %s", res.StatusCode, b)
	}
	path := filepath.Join(t.TempDir(), "download.zip")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := io.Copy(f, res.Body); err != nil {
		t.Fatalf("read the ZIP: %v", err)
	}
	return path
}

// checkArchive reads every file of the archive (which checks its CRC-32) and compares its sha256.
func checkArchive(t *testing.T, path string, want map[string]string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	if len(zr.File) != len(want) {
		t.Fatalf("%d files in the archive, want %d", len(zr.File), len(want))
	}
	for _, zf := range zr.File {
		r, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.New()
		_, err = io.Copy(h, r)
		r.Close()
		if err != nil {
			t.Fatalf("%s: %v", zf.Name, err)
		}
		if got := hex.EncodeToString(h.Sum(nil)); got != want[zf.Name] {
			t.Errorf("%s: sha256 %s, want %s", zf.Name, got, want[zf.Name])
		}
	}
}

// memoryOf reads the memory figures of a process (VmHWM, VmRSS, RssAnon, RssFile, …), in MiB.
func memoryOf(t *testing.T, pid int) map[string]float64 {
	t.Helper()
	status, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		t.Skip("no /proc here:", err)
	}
	out := map[string]float64{}
	for _, line := range strings.Split(string(status), "\n") {
		name, rest, ok := strings.Cut(line, ":")
		if kb, found := strings.CutSuffix(strings.TrimSpace(rest), " kB"); ok && found {
			n, err := strconv.Atoi(kb)
			if err != nil {
				t.Fatal(err)
			}
			out[name] = float64(n) / 1024
		}
	}
	if _, ok := out["VmHWM"]; !ok {
		t.Fatal("no VmHWM in /proc/PID/status")
	}
	return out
}
