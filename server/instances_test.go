package server_test

import (
	"context"
	"errors"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/jobs"
)

// Two instances on one PostgreSQL and one bucket behave as one service: what one writes the other
// lists at once, the other's delivery cache drops what a change made stale, a periodic job runs once
// for both, and one shutting down finishes its requests while the other keeps serving. (Both run in
// this process, each with its own pools, job client, caches and HTTP server.)
func TestTwoInstancesShareOneLibrary(t *testing.T) {
	dbURL := testdb.Postgres(t)
	a := apptest.Start(t, dbURL, apptest.S3(t))
	b := apptest.Start(t, dbURL, func(c *config.Config) { c.S3 = a.App.Config.S3 })
	editor, delivery := a.Token("EDITOR"), a.Token("DELIVERY")

	up := a.MustUpload(editor, map[string]any{"status": "PUBLIC"}, apptest.Fixture(t, "alpha.png"))[0]
	const list = `{ assets { nodes { id alt } } }`
	verdict, first := post(t, b, delivery, list, nil)
	if !strings.Contains(first, up.ID) {
		t.Fatalf("the other instance does not list the upload: %s %s", verdict, first)
	}
	if f := fetch(t, b, http.MethodGet, "/media/asset/"+up.ID+"/alpha.png", "", nil); f.Status != http.StatusOK {
		t.Errorf("the other instance does not deliver the bytes: HTTP %d", f.Status)
	}
	if verdict, _ := post(t, b, delivery, list, nil); verdict != "hit" {
		t.Fatalf("second read on b: %s", verdict)
	}
	a.Must(editor, `mutation($id: ID!) { updateAsset(id: $id, input: {defaultFieldMetadata: [{locale: "en", alt: "changed on a"}]}) { id } }`, map[string]any{"id": up.ID}, nil)
	if verdict, body := post(t, b, delivery, list, nil); verdict != "miss" || !strings.Contains(body, "changed on a") {
		t.Errorf("b answered from a stale cache after a's change: %s %s", verdict, body)
	}

	// Periodic jobs are enqueued by the leader alone: the hourly sweep of crash leftovers ran once.
	waitFor(t, "the first sweep of crash leftovers", func() bool { return finished(t, a, "sweep_orphans") > 0 })
	if n := rowsOf(t, a, "sweep_orphans"); n != 1 {
		t.Errorf("the hourly sweep was enqueued %d times by two instances", n)
	}

	shutdownWhileUploading(t, a, b, editor, delivery)
}

// shutdownWhileUploading stops instance a while an upload to it is half sent: the upload completes,
// a's Serve returns cleanly, and b serves throughout.
func shutdownWhileUploading(t *testing.T, a, b *apptest.Server, editor, delivery string) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	served := make(chan error, 1)
	go func() { served <- a.App.Serve(ctx, ln) }()

	body, w := io.Pipe()
	mw := multipart.NewWriter(w)
	req, _ := http.NewRequest(http.MethodPost, "http://"+ln.Addr().String()+"/graphql", body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+editor)
	answered := make(chan *http.Response, 1)
	go func() {
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Error(err)
		}
		answered <- res
	}()
	mw.WriteField("operations", `{"query":"mutation($f:[Upload!]!){uploadAssets(files:$f){id}}","variables":{"f":[null]}}`)
	mw.WriteField("map", `{"0":["variables.f.0"]}`)
	part, _ := mw.CreateFormFile("0", "late.txt")
	// A file over what the transport keeps in memory goes to a spool file: once that exists, a's
	// handler is reading the request, which a graceful shutdown must let finish.
	line := []byte(strings.Repeat("a long text file, ", 50) + "\n")
	stopped := false
	for written := 0; written < 9<<20; written += len(line) {
		part.Write(line)
		if !stopped && written > 8<<20+64<<10 {
			stopped = true
			waitFor(t, "the upload to reach a's handler", func() bool {
				spooled, _ := filepath.Glob(filepath.Join(a.App.Config.DataDir, "tmp", "upload-*"))
				return len(spooled) > 0
			})
			stop() // a shuts down: no new connections, the request in flight goes on
			if verdict, _ := post(t, b, delivery, `{ assets { totalCount } }`, nil); verdict == "" {
				t.Error("b stopped answering while a shut down")
			}
		}
	}
	mw.Close()
	w.Close()
	res := <-answered
	if res == nil {
		t.Fatal("the upload in flight got no answer")
	}
	out, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.Contains(string(out), `"id":"ast_`) {
		t.Errorf("the upload in flight during shutdown: HTTP %d %s", res.StatusCode, out)
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		t.Errorf("a's shutdown: %v", err)
	}
	var n struct{ Assets struct{ TotalCount int } }
	b.Must(editor, `{ assets { totalCount } }`, nil, &n)
	if n.Assets.TotalCount != 2 {
		t.Errorf("b lists %d assets after a's shutdown, want 2", n.Assets.TotalCount)
	}
}

// finished counts the jobs of kind that completed.
func finished(t *testing.T, s *apptest.Server, kind string) int {
	t.Helper()
	counts, err := jobs.Counts(context.Background(), s.App.DB)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range counts {
		if c.Kind == kind && c.State == "completed" {
			n += int(c.N)
		}
	}
	return n
}

// rowsOf counts the jobs of kind in any state.
func rowsOf(t *testing.T, s *apptest.Server, kind string) int {
	t.Helper()
	counts, err := jobs.Counts(context.Background(), s.App.DB)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range counts {
		if c.Kind == kind {
			n += int(c.N)
		}
	}
	return n
}

// waitFor polls cond until it holds; the test's own deadline bounds it.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for !cond() {
		if deadline, ok := t.Deadline(); ok && time.Until(deadline) < 5*time.Second {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
