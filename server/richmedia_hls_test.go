package server_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/browser"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// hlsOn turns HLS encoding on.
func hlsOn(c *config.Config) { c.HLS = "on" }

type video struct {
	HlsURL, Mp4URL *string
	Status         string
	Progress       float64
	Reason         *string
	Renditions     []struct{ Width, Height int }
}

const videoQuery = `query($id: ID!) { asset(id: $id) { version video {
	hlsUrl mp4Url(resolution: 720) status progress reason renditions { width height } } } }`

// waitStream waits for the encode of an asset's version to be READY.
func waitStream(t *testing.T, s *apptest.Server, id string, version int) video {
	t.Helper()
	var out struct {
		Asset struct {
			Version int
			Video   video
		}
	}
	waitFor(t, fmt.Sprintf("the stream of %s/%d", id, version), func() bool {
		s.Must(s.Admin, videoQuery, map[string]any{"id": id}, &out)
		if out.Asset.Video.Status == "FAILED" {
			t.Fatalf("encode failed: %v", *out.Asset.Video.Reason)
		}
		return out.Asset.Version == version && out.Asset.Video.Status == "READY"
	})
	return out.Asset.Video
}

// video720 writes a 2-second 1280×720 H.264 + AAC MP4: large enough for two rungs of the ladder.
func video720(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "hd.mp4")
	cmd := exec.Command("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc2=s=1280x720:r=25:d=2", "-f", "lavfi", "-i", "sine=f=440:d=2",
		"-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("make a video: %v %s", err, b)
	}
	return out
}

// probeSizes reads the width and height of the video stream at url with ffprobe.
func probeSizes(t *testing.T, url string) string {
	t.Helper()
	b, err := exec.Command("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height",
		"-of", "csv=p=0", url).Output()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		t.Fatalf("ffprobe %s: %v %s", url, err, exit.Stderr)
	}
	if err != nil {
		t.Fatalf("ffprobe %s: %v", url, err)
	}
	first, _, _ := strings.Cut(strings.TrimSpace(string(b)), "\n") // a playlist lists its stream under each program
	return strings.TrimSpace(first)
}

// A video is encoded in the background into a ladder capped at its size; its files come through the
// gate with long caching and ranges; a replacement is encoded anew; ffprobe reads the renditions.
func TestHLSLadder(t *testing.T) {
	needFFmpeg(t)
	hd := video720(t)
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t, hlsOn)
		id := upload(t, s, s.Admin, "clip.webm", map[string]any{"status": "PUBLIC"})
		v := waitStream(t, s, id, 1)
		if len(v.Renditions) != 1 || v.Renditions[0].Width != 320 || v.Renditions[0].Height != 240 || v.Progress != 1 || v.HlsURL == nil || v.Mp4URL == nil {
			t.Fatalf("clip.webm's stream = %+v, want one 320×240 rendition, below the ladder's lowest", v)
		}
		if got := probeSizes(t, *v.Mp4URL); got != "320,240" {
			t.Errorf("mp4Url is %s, want 640,360", got)
		}
		master := fetch(t, s, http.MethodGet, strings.TrimPrefix(*v.HlsURL, s.URL), "", nil)
		if master.Status != http.StatusOK || master.Header.Get("Content-Type") != "application/vnd.apple.mpegurl" ||
			!strings.Contains(master.Header.Get("Cache-Control"), "immutable") || !strings.Contains(string(master.Body), "RESOLUTION=320x240") {
			t.Fatalf("master playlist: HTTP %d %v\n%s", master.Status, master.Header, master.Body)
		}
		base := strings.TrimSuffix(strings.TrimPrefix(*v.HlsURL, s.URL), "master.m3u8")
		part := fetch(t, s, http.MethodGet, base+"v0/seg00000.m4s", "", map[string]string{"Range": "bytes=0-99"})
		if part.Status != http.StatusPartialContent || len(part.Body) != 100 || part.Header.Get("Content-Type") != "video/iso.segment" {
			t.Errorf("a range of a segment: HTTP %d, %d bytes, %s", part.Status, len(part.Body), part.Header.Get("Content-Type"))
		}
		for _, bad := range []string{"v0/../../../1/hls/master.m3u8", "v0/other.txt", "master.m3u8x"} {
			if f := fetch(t, s, http.MethodGet, base+bad, "", nil); f.Status != http.StatusNotFound {
				t.Errorf("GET %s: HTTP %d, want 404", bad, f.Status)
			}
		}

		raw, err := os.ReadFile(hd)
		if err != nil {
			t.Fatal(err)
		}
		var replaced replacedAsset
		replaceFile(s, s.Admin, id, "hd.mp4", nil, raw).Decode(t, &replaced)
		v = waitStream(t, s, id, 2)
		var sizes []string
		for _, r := range v.Renditions {
			sizes = append(sizes, fmt.Sprintf("%dx%d", r.Width, r.Height))
		}
		if !slices.Equal(sizes, []string{"640x360", "1280x720"}) || !strings.Contains(*v.HlsURL, "/"+id+"/2/") {
			t.Fatalf("the replacement's stream = %v at %s, want 640x360 and 1280x720 of version 2", sizes, *v.HlsURL)
		}
		hlsBase := strings.TrimSuffix(*v.HlsURL, "master.m3u8")
		for i, want := range []string{"640,360", "1280,720"} {
			if got := probeSizes(t, fmt.Sprintf("%sv%d/index.m3u8", hlsBase, i)); got != want {
				t.Errorf("rendition %d is %s, want %s", i, got, want)
			}
		}
		if got := probeSizes(t, *v.Mp4URL); got != "1280,720" {
			t.Errorf("mp4Url(resolution: 720) is %s", got)
		}
		if f := fetch(t, s, http.MethodGet, "/media/hls/"+id+"/1/master.m3u8", "", nil); f.Status != http.StatusNotFound {
			t.Errorf("the replaced version's stream: HTTP %d, want 404", f.Status)
		}
	})
}

// A PRIVATE video's stream opens with a signed hlsUrl only, its grant carried to every file.
func TestHLSPrivateGrant(t *testing.T) {
	needFFmpeg(t)
	s := apptest.Start(t, testdb.SQLite(t), hlsOn)
	id := upload(t, s, s.Admin, "clip.mp4", map[string]any{"status": "PRIVATE"})
	v := waitStream(t, s, id, 1)
	plain := strings.TrimPrefix(*v.HlsURL, s.URL)
	if f := fetch(t, s, http.MethodGet, plain, "", nil); f.Status != http.StatusForbidden {
		t.Fatalf("a PRIVATE stream unsigned: HTTP %d, want 403", f.Status)
	}
	var out struct {
		Asset struct{ Video struct{ HlsURL string } }
	}
	s.Must(s.Admin, `query($id: ID!) { asset(id: $id) { video { hlsUrl(signed: true, expiresIn: 600) } } }`, map[string]any{"id": id}, &out)
	signed := strings.TrimPrefix(out.Asset.Video.HlsURL, s.URL)
	base := strings.TrimSuffix(signed, "master.m3u8")
	for _, file := range []string{"master.m3u8", "v0/index.m3u8", "v0/init.mp4", "v0/seg00000.m4s"} {
		f := fetch(t, s, http.MethodGet, base+file, "", nil)
		if f.Status != http.StatusOK || f.Header.Get("Cache-Control") != "private, no-store" {
			t.Errorf("signed %s: HTTP %d %s", file, f.Status, f.Header.Get("Cache-Control"))
		}
	}
	tampered := strings.Replace(base, "exp=", "exp=1", 1) + "master.m3u8"
	if f := fetch(t, s, http.MethodGet, tampered, "", nil); f.Status != http.StatusForbidden {
		t.Errorf("a tampered grant: HTTP %d, want 403", f.Status)
	}
}

// playerPage plays the master playlist with hls.js (served by the test) until currentTime > 2.
const playerPage = `<!doctype html><meta charset="utf-8"><title>hls</title>
<video id="v" muted playsinline></video>
<script src="/hls.js"></script>
<script>
const src = %q;
const result = {};
const v = document.getElementById('v');
const finish = () => { window.mediagraphResult = result; };
if (!Hls.isSupported()) { result.error = 'MSE is not supported'; finish(); }
const hls = new Hls();
hls.on(Hls.Events.ERROR, (_, d) => { if (d.fatal) { result.error = d.type + ': ' + d.details; finish(); } });
hls.on(Hls.Events.MANIFEST_PARSED, (_, d) => { result.levels = d.levels.map((l) => l.width + 'x' + l.height); v.play().catch((e) => { result.error = String(e); finish(); }); });
v.addEventListener('timeupdate', () => { if (v.currentTime > 2 && !result.currentTime) { result.currentTime = v.currentTime; finish(); } });
hls.loadSource(src);
hls.attachMedia(v);
</script>`

// Chromium plays a video's HLS stream with hls.js from another origin, past two seconds.
func TestHLSPlaysInChromium(t *testing.T) {
	needFFmpeg(t)
	hlsJS := browser.Module(t, "hls.js/dist/hls.min.js")
	var page []byte
	site := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/hls.js" {
			w.Header().Set("Content-Type", "text/javascript")
			w.Write(hlsJS)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}))
	defer site.Close()
	origin := "http://" + site.Listener.Addr().String()
	s := apptest.Start(t, testdb.SQLite(t), hlsOn, func(c *config.Config) { c.CORSOrigins = []string{origin} })
	id := s.MustUpload(s.Admin, map[string]any{"status": "PUBLIC"}, apptest.Fixture(t, "clip.mp4"))[0].ID
	v := waitStream(t, s, id, 1)
	page = fmt.Appendf(nil, playerPage, *v.HlsURL)
	site.Start()
	var got struct {
		Error       string
		Levels      []string
		CurrentTime float64
	}
	browser.Visit(t, site.URL+"/", &got)
	if got.Error != "" || got.CurrentTime <= 2 || !slices.Equal(got.Levels, []string{"640x360"}) {
		b, _ := json.Marshal(got)
		t.Fatalf("hls.js in Chromium: %s", b)
	}
}
