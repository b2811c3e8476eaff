package server_test

import (
	"bytes"
	"image"
	"math"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// needFFmpeg fails loudly when FFmpeg is missing: these tests are what prove it is used.
func needFFmpeg(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("ffmpeg"); err != nil {
		t.Fatal("ffmpeg is not installed (apt-get install ffmpeg): posters, waveforms and HLS cannot be tested")
	}
}

type poster struct {
	Width, Height int
	Blurhash      *string
	Time          *float64
}

// waitPoster waits for the background job to record an asset's poster.
func waitPoster(t *testing.T, s *apptest.Server, id string) poster {
	t.Helper()
	var out struct {
		Asset struct {
			Poster       *poster
			PosterReason *string
		}
	}
	waitFor(t, "the poster of "+id, func() bool {
		s.Must(s.Admin, `query($id: ID!) { asset(id: $id) { poster { width height blurhash time } posterReason } }`, map[string]any{"id": id}, &out)
		return out.Asset.Poster != nil
	})
	return *out.Asset.Poster
}

// transformed fetches a transform the API hands out for an asset and decodes it.
func transformed(t *testing.T, s *apptest.Server, id string, params map[string]any) image.Image {
	t.Helper()
	img, _ := decoded(t, s, transformURL(t, s, s.Admin, id, params), nil)
	return img
}

// meanDifference is the mean absolute difference of two same-sized images' channels, 0 to 255.
func meanDifference(t *testing.T, a, b image.Image) float64 {
	t.Helper()
	if a.Bounds() != b.Bounds() {
		t.Fatalf("sizes differ: %v and %v", a.Bounds(), b.Bounds())
	}
	var sum float64
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			sum += math.Abs(float64(r1)-float64(r2)) + math.Abs(float64(g1)-float64(g2)) + math.Abs(float64(b1)-float64(b2))
		}
	}
	return sum / float64(3*r.Dx()*r.Dy()) / 257
}

func TestVideoPosterAndFrames(t *testing.T) {
	needFFmpeg(t)
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		id := upload(t, s, s.Admin, "clip.mp4", map[string]any{"status": "PUBLIC"})
		p := waitPoster(t, s, id)
		if p.Width != 640 || p.Height != 360 || p.Blurhash == nil || *p.Blurhash == "" || p.Time == nil || math.Abs(*p.Time-0.5) > 0.01 {
			t.Fatalf("poster = %+v, want 640×360 at 0.5 s with a blurhash", p)
		}
		small := transformed(t, s, id, map[string]any{"w": 200})
		if b := small.Bounds(); b.Dx() != 200 || b.Dy() != 113 {
			t.Fatalf("a 200-px poster of clip.mp4 decodes to %dx%d, want 200x113", b.Dx(), b.Dy())
		}
		one := transformed(t, s, id, map[string]any{"w": 320, "t": 1})
		four := transformed(t, s, id, map[string]any{"w": 320, "t": 4})
		again := transformed(t, s, id, map[string]any{"w": 320, "t": 1})
		if d := meanDifference(t, one, four); d < 2 {
			t.Fatalf("t=4 looks like t=1 (mean difference %.2f of 255)", d)
		}
		if d := meanDifference(t, one, again); d > 0.5 {
			t.Fatalf("t=1 twice differs by %.2f of 255", d)
		}
		var out struct {
			Asset struct {
				ResponsiveImage *struct {
					Src, SrcSet   string
					Width, Height int
					Blurhash      *string
				}
				Video struct {
					ThumbnailURL *string
					Status       string
					Reason       *string
				}
			}
		}
		s.Must(s.Admin, `query($id: ID!) { asset(id: $id) {
			responsiveImage(params: { w: 320 }) { src srcSet width height blurhash }
			video { thumbnailUrl status reason } } }`, map[string]any{"id": id}, &out)
		ri := out.Asset.ResponsiveImage
		if ri == nil || ri.Width != 320 || ri.Height != 180 || !strings.Contains(ri.SrcSet, "640w") || ri.Blurhash == nil {
			t.Fatalf("responsiveImage of a video = %+v, want 320×180 with a srcset up to 640w and the poster's blurhash", ri)
		}
		decoded(t, s, strings.TrimPrefix(strings.Fields(ri.SrcSet)[0], s.URL), nil)
		v := out.Asset.Video
		if v.Status != "OFF" || v.Reason == nil || !strings.Contains(*v.Reason, "MEDIAGRAPH_HLS") || v.ThumbnailURL == nil {
			t.Fatalf("video without HLS = %+v, want OFF saying why, with a thumbnail", v)
		}
		var plain struct {
			Asset struct{ ResponsiveImage struct{ Src string } }
		}
		s.Must(s.Admin, `query($id: ID!) { asset(id: $id) { responsiveImage { src } } }`, map[string]any{"id": id}, &plain)
		if full, _ := decoded(t, s, strings.TrimPrefix(plain.Asset.ResponsiveImage.Src, s.URL), nil); full.Bounds().Dx() != 640 {
			t.Errorf("responsiveImage without params: %s is %v, want the 640-px poster", plain.Asset.ResponsiveImage.Src, full.Bounds())
		}
		thumb, f := decoded(t, s, strings.TrimPrefix(*v.ThumbnailURL, s.URL), nil)
		if f.Header.Get("Content-Type") != "image/jpeg" || thumb.Bounds().Dx() != 640 {
			t.Fatalf("thumbnail: %s %v", f.Header.Get("Content-Type"), thumb.Bounds())
		}
		s.App.Media.Deliver.Settle() // the transforms above are stored
		s.Must(s.Admin, `mutation($ids: [ID!]!) { deleteAssets(ids: $ids) }`, map[string]any{"ids": []string{id}}, nil)
		s.Must(s.Admin, `mutation($ids: [ID!]!) { purgeAssets(ids: $ids) }`, map[string]any{"ids": []string{id}}, nil)
		if n := s.Rows("av_media"); n != 0 {
			t.Errorf("%d av_media rows left after the purge", n)
		}
		for _, f := range s.Files() {
			if strings.Contains(f, id) {
				t.Errorf("left after the purge: %s", f)
			}
		}
	})
}

func TestVideoFrameRefusals(t *testing.T) {
	needFFmpeg(t)
	s := apptest.Start(t, testdb.SQLite(t))
	video := upload(t, s, s.Admin, "clip.mp4", map[string]any{"status": "PUBLIC"})
	photo := upload(t, s, s.Admin, "alpha.png", map[string]any{"status": "PUBLIC"})
	pdf := upload(t, s, s.Admin, "document-3-pages.pdf", map[string]any{"status": "PUBLIC"})
	for _, c := range []struct{ path, field string }{
		{"/media/v/" + video + "/1/clip.mp4?w=100&t=9", "t"},
		{"/media/v/" + video + "/1/clip.mp4?w=100&t=-1", "t"},
		{"/media/v/" + video + "/1/clip.mp4?w=100&t=abc", "t"},
		{"/media/v/" + video + "/1/clip.mp4?w=100&page=2", "page"},
		{"/media/v/" + photo + "/1/alpha.png?w=100&t=1", "t"},
		{"/media/v/" + pdf + "/1/document-3-pages.pdf?w=100&page=4", "page"},
		{"/media/v/" + pdf + "/1/document-3-pages.pdf?w=100&page=0", "page"},
	} {
		f := fetch(t, s, http.MethodGet, c.path, "", nil)
		if f.Status != http.StatusBadRequest || !bytes.Contains(f.Body, []byte(`"field":"`+c.field+`"`)) || !bytes.Contains(f.Body, []byte("VALIDATION_FAILED")) {
			t.Errorf("GET %s: HTTP %d %s, want 400 VALIDATION_FAILED on %s", c.path, f.Status, f.Body, c.field)
		}
	}
}

func TestPDFPages(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		id := upload(t, s, s.Admin, "document-3-pages.pdf", map[string]any{"status": "PUBLIC"})
		first := transformed(t, s, id, map[string]any{"w": 300})
		second := transformed(t, s, id, map[string]any{"w": 300, "page": 2})
		if first.Bounds().Dx() != 300 || second.Bounds().Dx() != 300 {
			t.Fatalf("pages render %v and %v, want 300 wide", first.Bounds(), second.Bounds())
		}
		if d := meanDifference(t, first, second); d < 0.5 {
			t.Fatalf("page 2 looks like page 1 (mean difference %.2f of 255)", d)
		}
		p := waitPoster(t, s, id)
		var out struct {
			Asset struct {
				PageCount       int
				ResponsiveImage *struct{ Width, Height int }
			}
		}
		s.Must(s.Admin, `query($id: ID!) { asset(id: $id) { pageCount responsiveImage(params: { w: 300, page: 2 }) { width height } } }`, map[string]any{"id": id}, &out)
		if out.Asset.PageCount != 3 || out.Asset.ResponsiveImage == nil || out.Asset.ResponsiveImage.Width != 300 {
			t.Fatalf("pageCount %d, responsiveImage %+v; want 3 pages and a 300-px image", out.Asset.PageCount, out.Asset.ResponsiveImage)
		}
		if want := int(math.Round(300 * float64(p.Height) / float64(p.Width))); out.Asset.ResponsiveImage.Height != want || second.Bounds().Dy() != want {
			t.Fatalf("page 2 at 300 px is %d (served %d) high, want %d from the poster %dx%d", out.Asset.ResponsiveImage.Height, second.Bounds().Dy(), want, p.Width, p.Height)
		}
	})
}

// soundWithSilence writes an MP3 of 3 s: a 440 Hz tone, silence from 1 s to 2 s, the tone again.
func soundWithSilence(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "gap.mp3")
	cmd := exec.Command("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "aevalsrc='if(between(t,1,2),0,0.5*sin(2*PI*440*t))':s=44100:d=3", "-c:a", "libmp3lame", "-b:a", "128k", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("make a sound: %v %s", err, b)
	}
	return out
}

func waitWaveform(t *testing.T, s *apptest.Server, id string, buckets int) []float64 {
	t.Helper()
	var out struct {
		Asset struct {
			Audio struct {
				Waveform       []float64
				WaveformReason *string
			}
		}
	}
	waitFor(t, "the waveform of "+id, func() bool {
		s.Must(s.Admin, `query($id: ID!, $n: Int) { asset(id: $id) { audio { waveform(buckets: $n) waveformReason } } }`, map[string]any{"id": id, "n": buckets}, &out)
		if r := out.Asset.Audio.WaveformReason; r != nil && !strings.Contains(*r, "being computed") {
			t.Fatalf("no waveform: %s", *r)
		}
		return out.Asset.Audio.Waveform != nil
	})
	return out.Asset.Audio.Waveform
}

func TestAudioWaveform(t *testing.T) {
	needFFmpeg(t)
	gap := soundWithSilence(t)
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		tone := upload(t, s, s.Admin, "tone.mp3", map[string]any{"status": "PUBLIC"})
		peaks := waitWaveform(t, s, tone, 1000)
		if len(peaks) != 1000 {
			t.Fatalf("waveform has %d buckets, want 1000", len(peaks))
		}
		for i, p := range peaks { // tone.mp3 is a steady tone from its first sample to its last
			if p < 0.05 || p > 0.2 {
				t.Fatalf("tone.mp3's bucket %d is %.3f, want the tone's steady ≈0.12", i, p)
			}
		}
		f, err := os.Open(gap)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		id := s.MustUpload(s.Admin, map[string]any{"status": "PUBLIC"}, apptest.File{Name: "gap.mp3", Content: f})[0].ID
		peaks = waitWaveform(t, s, id, 30)
		if len(peaks) != 30 {
			t.Fatalf("waveform has %d buckets, want 30", len(peaks))
		}
		for i, p := range peaks {
			// An MP3 starts about 50 ms late (encoder delay): keep a bucket's margin around the edges.
			silent, loud := i >= 11 && i <= 18, i <= 8 || i >= 22 && i <= 28
			if silent && p > 0.01 || loud && p < 0.3 {
				t.Fatalf("bucket %d of 30 is %.3f: %v", i, p, peaks)
			}
		}
		img, f2 := decoded(t, s, transformURL(t, s, s.Admin, id, map[string]any{"fm": "PNG", "w": 600}), nil)
		if f2.Header.Get("Content-Type") != "image/png" || img.Bounds().Dx() != 600 {
			t.Fatalf("waveform image: %s %v", f2.Header.Get("Content-Type"), img.Bounds())
		}
		// The silent middle is empty, the tone drawn: look along the middle line.
		mid := img.Bounds().Dy() / 2
		if _, _, _, a := img.At(300, mid).RGBA(); a != 0 {
			t.Errorf("the silent middle of the waveform is drawn (alpha %d)", a)
		}
		if _, _, _, a := img.At(100, mid).RGBA(); a == 0 {
			t.Errorf("the tone is not drawn in the waveform")
		}
		r := s.Query(s.Admin, `query($id: ID!) { asset(id: $id) { audio { waveform(buckets: 5000) } } }`, map[string]any{"id": id})
		if r.Code() != "VALIDATION_FAILED" {
			t.Errorf("5000 buckets: %s, want VALIDATION_FAILED", r.Code())
		}
	})
}

// Without FFmpeg a video and a sound are stored undescribed: their poster, transforms, responsive
// image, stream and waveform are null, the API says why, and the gate refuses with a coded error.
func TestRichMediaWithoutFFmpeg(t *testing.T) {
	t.Setenv("PATH", t.TempDir()) // neither ffmpeg nor ffprobe
	s := apptest.Start(t, testdb.SQLite(t), hlsOn)
	video := upload(t, s, s.Admin, "clip.mp4", map[string]any{"status": "PUBLIC"})
	sound := upload(t, s, s.Admin, "tone.mp3", map[string]any{"status": "PUBLIC"})
	var out struct {
		Video, Sound struct {
			Poster          *poster
			PosterReason    *string
			TransformURL    *string
			ResponsiveImage *struct{ Src string }
			Video           *struct {
				HlsURL *string
				Status string
				Reason *string
			}
			Audio *struct {
				Waveform       []float64
				WaveformReason *string
			}
		}
	}
	const fields = `poster { width } posterReason transformUrl(params: { w: 200 }) responsiveImage { src }
		video { hlsUrl status reason } audio { waveform waveformReason }`
	s.Must(s.Admin, `query($v: ID!, $s: ID!) { video: asset(id: $v) { `+fields+` } sound: asset(id: $s) { `+fields+` } }`,
		map[string]any{"v": video, "s": sound}, &out)
	v, a := out.Video, out.Sound
	missing := func(what string, reason *string) {
		t.Helper()
		if reason == nil || !strings.Contains(*reason, "ffmpeg is not installed") {
			t.Errorf("%s: reason %v, want one naming the missing ffmpeg", what, reason)
		}
	}
	if v.Poster != nil || v.TransformURL != nil || v.ResponsiveImage != nil || v.Video == nil || v.Video.HlsURL != nil || v.Audio != nil {
		t.Errorf("a video without ffmpeg: %+v", v)
	}
	missing("posterReason", v.PosterReason)
	missing("video.reason", v.Video.Reason)
	if a.Audio == nil || a.Audio.Waveform != nil || a.Video != nil || a.Poster != nil || a.PosterReason != nil {
		t.Fatalf("a sound without ffmpeg: %+v", a)
	}
	missing("waveformReason", a.Audio.WaveformReason)
	f := fetch(t, s, http.MethodGet, "/media/v/"+video+"/1/clip.mp4?w=200", "", nil)
	if f.Status != http.StatusBadRequest || !bytes.Contains(f.Body, []byte("VALIDATION_FAILED")) || !bytes.Contains(f.Body, []byte("ffmpeg is not installed")) {
		t.Errorf("a poster without ffmpeg: HTTP %d %s", f.Status, f.Body)
	}
}
