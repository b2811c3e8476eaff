package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/browser"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/internal/testclamd"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// e2eDir is ui/e2e, whose scripts drive Chromium with ui/'s own node_modules (playwright-core, axe-core).
func e2eDir() string {
	_, here, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(here), "..", "..", "..", "ui", "e2e")
}

// needBrowser skips t unless make e2e runs it (these runs take minutes, and under the race detector of
// make test many more), and then fails it where the browser is required (CI) when something is missing.
func needBrowser(t *testing.T) string {
	t.Helper()
	if os.Getenv("MEDIAGRAPH_UI_E2E") != "1" {
		t.Skip("the web UI's browser tests run with make e2e (MEDIAGRAPH_UI_E2E=1)")
	}
	return browser.Require(t, filepath.Join(e2eDir(), ".."), "npm ci in ui/", "playwright-core", "axe-core")
}

type step struct {
	Name   string
	OK     bool
	Error  string
	Detail any
}

type run struct {
	Steps []step
	Shots []string
	Axe   map[string][]struct {
		ID, Impact string
		Nodes      []string
	}
	Figures map[string]any
	Console []string
}

// drive runs one script of ui/e2e against the server at url and decodes what it reports.
func drive(t *testing.T, node, script string, cfg map[string]any) run {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	b, _ := json.Marshal(cfg)
	cmd := exec.CommandContext(ctx, node, filepath.Join(e2eDir(), script))
	cmd.Env = append(os.Environ(), "CHROMIUM="+browser.Chromium(), "MEDIAGRAPH_UI_E2E_RUN="+string(b))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s\n%s", script, err, stderr.Bytes(), stdout.Bytes())
	}
	var r run
	if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
		t.Fatalf("%s: its report: %v\n%s\n%s", script, err, stdout.Bytes(), stderr.Bytes())
	}
	for _, s := range r.Steps {
		if !s.OK {
			t.Errorf("step %q: %s", s.Name, s.Error)
		} else if s.Detail != nil {
			t.Logf("step %q: %v", s.Name, s.Detail)
		}
	}
	if t.Failed() && len(r.Console) > 0 {
		t.Logf("the page's console errors: %q", r.Console)
	}
	return r
}

// shotsDir is where screenshots go: $MEDIAGRAPH_UI_SHOTS (make e2e sets it), else the test's temp dir.
func shotsDir(t *testing.T) string {
	if d := os.Getenv("MEDIAGRAPH_UI_SHOTS"); d != "" {
		return d
	}
	return t.TempDir()
}

// The editors' scenario in Chromium against a real serve on SQLite (steps in ui/e2e/scenario.mjs):
// every step passes, and axe-core finds no serious or critical violation on any main page.
func TestUIScenario(t *testing.T) {
	node := needBrowser(t)
	// German falls back to Italian, so an Italian alt is what a German page shows.
	s := apptest.Start(t, testdb.SQLite(t), func(c *config.Config) {
		c.LocaleFallbacks = map[string][]string{"it": {"en"}, "de": {"it", "en"}}
	})
	folder := filepath.Join(t.TempDir(), "trip")
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"focal-red-square.png", "photo.webp"} {
		if err := os.WriteFile(filepath.Join(folder, f), fixtures.Read(t, f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := drive(t, node, "scenario.mjs", map[string]any{
		"url": s.URL, "token": s.Token("EDITOR"), "admin": s.Admin, "fixtures": filepath.Dir(fixtures.Path("alpha.png")),
		"folder": folder, "shots": shotsDir(t),
	})
	for page, violations := range r.Axe {
		for _, v := range violations {
			t.Errorf("axe on %s: %s (%s) at %v", page, v.ID, v.Impact, v.Nodes)
		}
	}
	if len(r.Axe) < 8 {
		t.Errorf("axe ran on %d pages, want every main page", len(r.Axe))
	}
	t.Logf("screenshots: %v", r.Shots)
}

// The library with 1,000 assets, then 10,000, in Chromium: the first render's time is reported (a
// figure, not asserted: the machine is shared), and scrolling through every cursor page keeps the
// asset nodes in the DOM under 500.
func TestUIPerformance(t *testing.T) {
	node := needBrowser(t)
	s := apptest.Start(t, testdb.SQLite(t))
	s.Seed(1000)
	first := drive(t, node, "perf.mjs", map[string]any{"url": s.URL, "token": s.Token("EDITOR"), "expect": 1000})
	t.Logf("1,000 assets: first render %vms after navigation (wall %vms), %v asset nodes", first.Figures["firstRenderMs"], first.Figures["firstRenderWallMs"], first.Figures["assetNodes"])
	big := apptest.Start(t, testdb.SQLite(t))
	big.Seed(10000)
	all := drive(t, node, "perf.mjs", map[string]any{"url": big.URL, "token": big.Token("EDITOR"), "expect": 10000})
	t.Logf("10,000 assets: at most %v asset nodes and %v DOM nodes while scrolling; %v", all.Figures["maxAssetNodes"], all.Figures["maxDomNodes"], all.Figures["loaded"])
	for _, r := range []run{first, all} {
		if n, _ := r.Figures["maxAssetNodes"].(float64); n >= 500 || n == 0 {
			t.Errorf("asset nodes in the DOM while scrolling: %v, want between 1 and 500", n)
		}
	}
	if all.Figures["loaded"] != "Assets, 10000 loaded" {
		t.Errorf("scrolled to the end with %v", all.Figures["loaded"])
	}
}

// An EICAR upload scanned by a real clamd: the UI badges it and opens it on the threat warning.
func TestUIThreatDetected(t *testing.T) {
	node := needBrowser(t)
	d := testclamd.Start(t, testclamd.Options{})
	s := apptest.Start(t, testdb.SQLite(t), func(c *config.Config) {
		c.ClamdAddr = d.TCP
		c.UploadTypes = append(c.UploadTypes, "text/plain")
	})
	editor := s.Token("EDITOR")
	id := s.MustUpload(editor, nil, apptest.File{Name: "eicar.txt", Content: bytes.NewReader(testclamd.EICAR(t))})[0].ID
	var got struct {
		Asset struct {
			Filename  string
			Antivirus struct{ Status, ThreatName string }
		}
	}
	for deadline := time.Now().Add(2 * time.Minute); ; time.Sleep(200 * time.Millisecond) {
		s.Must(editor, `query($id: ID!) { asset(id: $id) { filename antivirus { status threatName } } }`, map[string]any{"id": id}, &got)
		if got.Asset.Antivirus.Status != "PENDING" || time.Now().After(deadline) {
			break
		}
	}
	if got.Asset.Antivirus.Status != "INFECTED" {
		t.Fatalf("the EICAR upload was scanned %+v", got.Asset.Antivirus)
	}
	r := drive(t, node, "threat.mjs", map[string]any{
		"url": s.URL, "token": editor, "filename": got.Asset.Filename, "threat": got.Asset.Antivirus.ThreatName, "shots": shotsDir(t),
	})
	for _, v := range r.Axe["threat"] {
		t.Errorf("axe on the threat warning: %s (%s) at %v", v.ID, v.Impact, v.Nodes)
	}
}
