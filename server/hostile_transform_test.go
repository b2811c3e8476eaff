package server_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// The hostile transforms of ../shared/hostile/README.md are refused before any work starts, with
// the parameter to lower in the message; what stays within budget is served.
func TestHostileTransformURLs(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) { hostileTransformURLs(t, start(t)) })
}

func hostileTransformURLs(t *testing.T, s *apptest.Server) {
	editor := s.Token("EDITOR")
	pub := map[string]any{"status": "PUBLIC"}
	anim := upload(t, s, editor, "anim.gif", pub)
	photo := upload(t, s, editor, "photo-12mp.jpg", pub)
	alpha := upload(t, s, editor, "alpha.png", pub)
	for _, c := range []struct {
		path  string
		lower string // in the refusal's message; "" when the transform is within budget
	}{
		{fmt.Sprintf("/media/asset/%s/anim.gif?w=4096&h=4096&fit=scale&blur=100", anim), "lower blur"},
		{fmt.Sprintf("/media/asset/%s/photo-12mp.jpg?blur=100&fm=jpg", photo), "lower blur"},
		{fmt.Sprintf("/media/asset/%s/alpha.png?w=4096&fm=avif&blur=100", alpha), "lower blur"},
		{fmt.Sprintf("/media/asset/%s/alpha.png?w=4096&fm=avif", alpha), "fm="},
		{fmt.Sprintf("/media/asset/%s/alpha.png?fm=avif&blur=50", alpha), ""},
		{fmt.Sprintf("/media/asset/%s/photo-12mp.jpg?w=2000&fm=webp", photo), ""},
	} {
		f := fetch(t, s, http.MethodGet, c.path, "", nil)
		if c.lower == "" {
			if f.Status != http.StatusOK {
				t.Errorf("%s: HTTP %d %s, want the transform", c.path, f.Status, f.Body)
			}
			continue
		}
		wantGateError(t, c.path, f, http.StatusBadRequest, "VALIDATION_FAILED")
		if !strings.Contains(string(f.Body), c.lower) {
			t.Errorf("%s: %s, want a message saying %q", c.path, f.Body, c.lower)
		}
	}
}

// A transform stopped at its deadline answers 400 saying so, and gives its core back: more
// transforms than there are cores in a row each get the same answer, never RATE_LIMITED.
func TestTransformDeadline(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		transformDeadline(t, start(t, func(c *config.Config) { c.TransformTimeout = time.Nanosecond }))
	})
}

func transformDeadline(t *testing.T, s *apptest.Server) {
	photo := upload(t, s, s.Token("EDITOR"), "photo-12mp.jpg", map[string]any{"status": "PUBLIC"})
	for w := range 2 * runtime.GOMAXPROCS(0) {
		path := fmt.Sprintf("/media/asset/%s/photo-12mp.jpg?w=%d", photo, 100+w)
		f := fetch(t, s, http.MethodGet, path, "", nil)
		wantGateError(t, path, f, http.StatusBadRequest, "VALIDATION_FAILED")
		if !strings.Contains(string(f.Body), "took longer than") {
			t.Errorf("%s: %s, want the deadline named", path, f.Body)
		}
	}
}

// hostileTransformURL is a random transform of one of the assets, from within the limits to
// beyond them.
func hostileTransformURL(r *rand.Rand, assets map[string]string) string {
	names := []string{"anim.gif", "photo-12mp.jpg", "alpha.png", "photo.webp"}
	name := names[r.IntN(len(names))]
	q := []string{}
	pick := func(p float64, k, v string) {
		if r.Float64() < p {
			q = append(q, k+"="+v)
		}
	}
	side := func() string { return fmt.Sprint([]int{1, 16, 300, 1000, 2000, 4096, 8192, 8193, 100000}[r.IntN(9)]) }
	pick(0.8, "w", side())
	pick(0.6, "h", side())
	pick(0.5, "fit", []string{"clip", "max", "crop", "fill", "scale", "bogus"}[r.IntN(6)])
	pick(0.2, "crop", []string{"entropy", "focalpoint", "top", "center"}[r.IntN(4)])
	pick(0.5, "blur", fmt.Sprint([]int{0, 1, 20, 50, 100, 250, 2000, -1}[r.IntN(8)]))
	pick(0.7, "fm", []string{"jpg", "png", "webp", "avif", "gif", "tiff"}[r.IntN(6)])
	pick(0.4, "dpr", fmt.Sprint([]float64{0.05, 0.5, 1, 2, 3, 5}[r.IntN(6)]))
	pick(0.2, "q", fmt.Sprint([]int{0, 1, 50, 100, 101}[r.IntN(5)]))
	pick(0.1, "ar", []string{"16:9", "1:100", "0:1", "x"}[r.IntN(4)])
	if len(q) == 0 {
		q = append(q, "w=100")
	}
	return fmt.Sprintf("/media/asset/%s/%s?%s", assets[name], name, strings.Join(q, "&"))
}

// BenchmarkHostileTransforms sends 500 random hostile transform URLs (seed 23), four at a time,
// and fails on any answer that is neither a transform nor a coded 4xx. It reports the slowest
// answer and the process's peak resident memory:
//
//	go test ./server/ -run '^$' -bench HostileTransforms -benchtime 1x
func BenchmarkHostileTransforms(b *testing.B) {
	s := apptest.Start(b, testdb.SQLite(b))
	editor := s.Token("EDITOR")
	assets := map[string]string{}
	for _, name := range []string{"anim.gif", "photo-12mp.jpg", "alpha.png", "photo.webp"} {
		assets[name] = s.MustUpload(editor, map[string]any{"status": "PUBLIC"}, apptest.Fixture(b, name))[0].ID
	}
	r := rand.New(rand.NewPCG(23, 0))
	urls := make([]string, 500)
	for i := range urls {
		urls[i] = hostileTransformURL(r, assets)
	}
	before := apptest.PeakRSSMiB(b)
	for b.Loop() {
		var mu sync.Mutex
		var slowest time.Duration
		statuses := map[int]int{}
		work := make(chan string)
		var wg sync.WaitGroup
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for u := range work {
					took, status, err := hostileGet(s.URL + u)
					mu.Lock()
					slowest = max(slowest, took)
					statuses[status]++
					mu.Unlock()
					if err != nil {
						b.Errorf("%s: %v", u, err)
					}
				}
			}()
		}
		for _, u := range urls {
			work <- u
		}
		close(work)
		wg.Wait()
		b.ReportMetric(float64(slowest.Milliseconds()), "max-ms")
		b.Logf("statuses %v, slowest %s", statuses, slowest)
	}
	b.ReportMetric(before, "rss-before-MiB")
	b.ReportMetric(apptest.PeakRSSMiB(b), "peak-rss-MiB")
}

// hostileGet GETs a transform and checks the answer is an image or a coded 4xx.
func hostileGet(u string) (time.Duration, int, error) {
	start := time.Now()
	res, err := http.Get(u)
	if err != nil {
		return time.Since(start), 0, err
	}
	defer res.Body.Close()
	var e struct{ Code string }
	decodeErr := json.NewDecoder(res.Body).Decode(&e)
	took := time.Since(start)
	switch {
	case res.StatusCode == http.StatusOK:
		return took, res.StatusCode, nil
	case res.StatusCode >= 500:
		return took, res.StatusCode, fmt.Errorf("HTTP %d %s", res.StatusCode, e.Code)
	case decodeErr != nil || e.Code == "":
		return took, res.StatusCode, fmt.Errorf("HTTP %d without a code", res.StatusCode)
	}
	return took, res.StatusCode, nil
}
