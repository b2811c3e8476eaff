package logging

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/requestid"
)

// A record logged during a request names the request's id once, whether or not the caller did.
func TestRecordsCarryTheRequestID(t *testing.T) {
	var out bytes.Buffer
	h, err := Handler(&out, "text", "info")
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(h)
	var ctx context.Context
	requestid.Middleware(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) { ctx = r.Context() })).
		ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/", nil))
	id := requestid.From(ctx)
	log.ErrorContext(ctx, "failed")
	log.ErrorContext(ctx, "failed again", "request_id", id)
	log.DebugContext(ctx, "below the level")
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("lines: %q", lines)
	}
	for _, l := range lines {
		if strings.Count(l, "request_id="+id) != 1 {
			t.Errorf("line %q does not name request %s once", l, id)
		}
	}
}

// The binary logs before it has read the settings; loggers made from it follow the switch.
func TestSwitchMovesDerivedLoggers(t *testing.T) {
	var before, after bytes.Buffer
	sw := NewSwitch(slog.NewTextHandler(&before, nil))
	derived := slog.New(sw).With("part", "jobs")
	h, err := Handler(&after, "json", "warn")
	if err != nil {
		t.Fatal(err)
	}
	sw.Set(h)
	derived.Info("hidden")
	derived.Warn("shown")
	if before.Len() != 0 || !strings.Contains(after.String(), `"part":"jobs"`) || strings.Contains(after.String(), "hidden") {
		t.Errorf("before %q, after %q", before.String(), after.String())
	}
	if _, err := Handler(&after, "xml", "info"); err == nil {
		t.Error("an unknown format was accepted")
	}
}
