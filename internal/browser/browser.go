// Package browser drives a real Chromium (Debian's, through playwright-core) from Go tests: a page on
// one loopback origin calling Mediagraph on another is the only faithful test of CORS, since a browser
// alone decides what a page may read.
//
// The Node side is this directory's npm package (package-lock.json pins playwright-core); `npm ci`
// here installs it. Without node, Chromium or that install a test is skipped, saying what is missing,
// unless MEDIAGRAPH_REQUIRE_BROWSER=1 (CI sets it), where it fails instead.
package browser

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
)

// Chromium is the browser's path: $CHROMIUM, else Debian's.
func Chromium() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// dir is this package's directory, where the scripts and their node_modules are.
func dir() string {
	_, here, _, _ := runtime.Caller(0)
	return filepath.Dir(here)
}

// require skips tb, or fails it where the browser is required, when something the browser needs is
// missing.
func require(tb testing.TB) string {
	tb.Helper()
	return Require(tb, dir(), "npm ci in internal/browser", "playwright-core")
}

// Require skips tb, or fails it where the browser is required (MEDIAGRAPH_REQUIRE_BROWSER=1), unless
// node, Chromium and the given npm modules under dir's node_modules are there; install says how to get
// the modules. It returns node's path.
func Require(tb testing.TB, dir, install string, modules ...string) string {
	tb.Helper()
	missing := func(what string) {
		tb.Helper()
		if os.Getenv("MEDIAGRAPH_REQUIRE_BROWSER") == "1" {
			tb.Fatalf("browser test: %s", what)
		}
		tb.Skipf("browser test skipped: %s", what)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node is not installed (apt-get install nodejs npm)")
	}
	if _, err := os.Stat(Chromium()); err != nil {
		missing(Chromium() + " is missing (apt-get install chromium, or set CHROMIUM)")
	}
	for _, m := range modules {
		if _, err := os.Stat(filepath.Join(dir, "node_modules", m)); err != nil {
			missing(m + " is not installed: run " + install)
		}
	}
	return node
}

// timeout bounds one page's run: a page that never reports is a failure to report, not a hang.
const timeout = 2 * time.Minute

// Visit opens url in Chromium, waits for the page to set window.mediagraphResult and decodes that
// value into result. What the page logged is in the failure message.
func Visit(tb testing.TB, url string, result any) {
	tb.Helper()
	node := require(tb)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, filepath.Join(dir(), "visit.mjs"), url)
	cmd.Env = append(os.Environ(), "CHROMIUM="+Chromium())
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		tb.Fatalf("visit %s: %v\n%s%s", url, err, stderr.Bytes(), stdout.Bytes())
	}
	if err := json.Unmarshal(stdout.Bytes(), result); err != nil {
		tb.Fatalf("visit %s: the page's result: %v\n%s\n%s", url, err, stdout.Bytes(), stderr.Bytes())
	}
	if stderr.Len() > 0 {
		tb.Logf("visit %s, the page's console:\n%s", url, stderr.Bytes())
	}
}

// Module reads a file of an npm package installed here (such as hls.js/dist/hls.min.js), for a test to
// serve its pages: no page loads anything from a CDN.
func Module(tb testing.TB, path string) []byte {
	tb.Helper()
	require(tb)
	b, err := os.ReadFile(filepath.Join(dir(), "node_modules", filepath.FromSlash(path)))
	if err != nil {
		tb.Fatalf("browser module %s (npm ci in internal/browser): %v", path, err)
	}
	return b
}
