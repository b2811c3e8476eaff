package jobs_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/internal/testenv"
	"github.com/mediagraph/mediagraph/jobs"
	"github.com/mediagraph/mediagraph/models"
)

func TestMain(m *testing.M) { testenv.Main(m) }

// TestPeriodicTimeout: a Periodic runs with its own timeout, one without any with the default
// minute, not River's default for every job — on both drivers.
func TestPeriodicTimeout(t *testing.T) {
	testdb.Each(t, periodicTimeout)
}

func periodicTimeout(t *testing.T, url string) {
	db, err := models.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	deadlines := map[string]chan time.Time{"long": make(chan time.Time, 1), "default": make(chan time.Time, 1)}
	report := func(kind string) func(context.Context) (int, error) {
		return func(ctx context.Context) (int, error) {
			d, _ := ctx.Deadline()
			deadlines[kind] <- d
			return 0, nil
		}
	}
	start := time.Now()
	q, err := jobs.Start(context.Background(), db, slog.New(slog.NewTextHandler(io.Discard, nil)), jobs.Workers{
		Periodic: []jobs.Periodic{
			{Kind: "long", Every: time.Hour, Timeout: 3 * time.Hour, Run: report("long")},
			{Kind: "default", Every: time.Hour, Run: report("default")},
		},
		Outbox: jobs.Outbox{Every: time.Hour},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Stop(context.Background()) })
	if d := <-deadlines["long"]; d.Before(start.Add(2 * time.Hour)) {
		t.Errorf("a 3 h sweep runs until %s, %s after the start", d, d.Sub(start))
	}
	if d := <-deadlines["default"]; d.IsZero() || d.After(start.Add(2*time.Minute)) {
		t.Errorf("a sweep without a timeout runs until %v (%s after the start), want about a minute", d, d.Sub(start))
	}
}
