package server_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"log/slog"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/logging"
	"github.com/mediagraph/mediagraph/server"
)

// syncBuffer is a log destination that requests write to concurrently.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startLogged starts a server as apptest does, logging at info in format to the returned buffer.
func startLogged(t *testing.T, dbURL, format string) (*apptest.Server, *syncBuffer) {
	t.Helper()
	out := &syncBuffer{}
	h, err := logging.Handler(out, format, "info")
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Defaults()
	cfg.DataDir = t.TempDir()
	cfg.DatabaseURL = dbURL
	hs := httptest.NewUnstartedServer(nil)
	cfg.PublicURL = "http://" + hs.Listener.Addr().String()
	ctx := context.Background()
	app, err := server.Open(ctx, cfg, slog.New(h))
	if err != nil {
		t.Fatal(err)
	}
	if err := app.StartJobs(ctx); err != nil {
		t.Fatal(err)
	}
	admin, err := app.Media.Tokens.EnsureFirstToken(ctx)
	if err != nil {
		t.Fatal(err)
	}
	hs.Config.Handler = app.Handler()
	hs.Start()
	t.Cleanup(func() {
		hs.Close()
		app.Close()
	})
	s := apptest.Client(t, hs.URL)
	s.App, s.Admin = app, admin
	return s, out
}

// One JSON line per request names the route, status, bytes, duration, request id and caller, and
// neither a token nor a signed URL's signature ever reaches the log.
func TestAccessLogKeepsSecretsOut(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s, out := startLogged(t, dbURL, "json")
		editor := s.Token("EDITOR")
		a := s.MustUpload(editor, nil, apptest.Fixture(t, "alpha.png"))[0]
		var signed struct{ Asset struct{ URL string } }
		s.Must(editor, `query($id: ID!) { asset(id: $id) { url(signed: true) } }`, map[string]any{"id": a.ID}, &signed)
		u, err := url.Parse(signed.Asset.URL)
		if err != nil || u.Query().Get("s") == "" {
			t.Fatalf("signed URL %q: %v", signed.Asset.URL, err)
		}
		sig := u.Query().Get("s")
		if f := fetch(t, s, http.MethodGet, u.RequestURI(), "", nil); f.Status != http.StatusOK {
			t.Fatalf("signed URL: HTTP %d", f.Status)
		}
		req, _ := http.NewRequest(http.MethodGet, s.URL+"/graphql?query="+url.QueryEscape("{ assets { totalCount } }"), nil)
		req.Header.Set("X-Request-Id", "trace-me-1")
		if f := send(t, req, "mg_not_a_real_token_at_all"); f.Status != http.StatusUnauthorized {
			t.Fatalf("bad token: HTTP %d", f.Status)
		}

		log := out.String()
		for what, secret := range map[string]string{"editor token": editor, "admin token": s.Admin, "bad token": "mg_not_a_real_token_at_all", "signature": sig} {
			if strings.Contains(log, secret) {
				t.Errorf("the %s reached the log", what)
			}
		}
		lines := requestLines(t, log)
		gate := lines["GET /media/asset/{id}/{filename}"]
		if len(gate) != 1 || gate[0]["status"] != 200.0 || gate[0]["bytes"].(float64) <= 0 || gate[0]["principal"] != "" {
			t.Errorf("gate line: %v", gate)
		}
		var refused map[string]any
		for _, l := range lines["GET /graphql"] {
			if l["request_id"] == "trace-me-1" {
				refused = l
			}
		}
		if refused == nil || refused["status"] != 401.0 {
			t.Errorf("refused request's line: %v (all: %v)", refused, lines["GET /graphql"])
		}
		posts := lines["POST /graphql"]
		if len(posts) < 3 {
			t.Fatalf("POST /graphql lines: %v", posts)
		}
		for _, l := range posts {
			if l["method"] != "POST" || l["request_id"] == "" || l["duration"] == nil || !strings.HasPrefix(l["principal"].(string), "tok_") {
				t.Errorf("POST line lacks a field: %v", l)
			}
		}
		for _, l := range jsonLines(t, log) {
			if l["level"] == "INFO" && strings.Contains(strings.ToLower(l["msg"].(string)), "river") {
				t.Errorf("River chatter at info: %v", l)
			}
		}
	})
}

// jsonLines parses every line of a JSON log.
func jsonLines(t *testing.T, log string) []map[string]any {
	t.Helper()
	var out []map[string]any
	sc := bufio.NewScanner(strings.NewReader(log))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var l map[string]any
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("log line not JSON: %q", sc.Text())
		}
		out = append(out, l)
	}
	return out
}

// requestLines are the access-log lines by route.
func requestLines(t *testing.T, log string) map[string][]map[string]any {
	t.Helper()
	out := map[string][]map[string]any{}
	for _, l := range jsonLines(t, log) {
		if l["msg"] == "request" {
			route, _ := l["route"].(string)
			out[route] = append(out[route], l)
		}
	}
	return out
}
