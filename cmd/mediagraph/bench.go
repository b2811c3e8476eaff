package main

import (
	"context"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"text/tabwriter"
	"time"

	"github.com/mediagraph/mediagraph/models"
)

// bench seeds a synthetic library and measures the list queries over it (see models.ScaleQueries).
func bench(ctx context.Context, args []string, stdout, stderr io.Writer, log *slog.Logger) error {
	if len(args) == 0 {
		return errors.New("bench needs a subcommand: seed or measure")
	}
	switch args[0] {
	case "seed":
		return benchSeed(ctx, args[1:], stdout, stderr, log)
	case "measure":
		return benchMeasure(ctx, args[1:], stdout, log)
	}
	return fmt.Errorf("unknown bench subcommand %q: seed or measure", args[0])
}

func benchSeed(ctx context.Context, args []string, stdout, stderr io.Writer, log *slog.Logger) error {
	var n int
	app, _, err := open(ctx, "bench seed", args, log, func(fs *flag.FlagSet) {
		fs.IntVar(&n, "assets", 100_000, "how many synthetic assets to write")
	})
	if err != nil {
		return err
	}
	defer app.Close()
	if n <= 0 {
		return errors.New("bench seed: --assets must be positive")
	}
	start := time.Now()
	last := start
	err = app.DB.SeedSynthetic(ctx, models.SeedOptions{Assets: n, Progress: func(done int) {
		if time.Since(last) > 5*time.Second || done == n {
			last = time.Now()
			fmt.Fprintf(stderr, "\rseeded %d of %d assets (%s)", done, n, time.Since(start).Round(time.Second))
		}
	}})
	fmt.Fprintln(stderr)
	if err != nil {
		return err
	}
	if err := app.DB.Gorm().WithContext(ctx).Exec("ANALYZE").Error; err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	fmt.Fprintf(stdout, "seeded %d assets in %s\n", n, time.Since(start).Round(time.Second))
	return nil
}

func benchMeasure(ctx context.Context, args []string, stdout io.Writer, log *slog.Logger) error {
	var runs int
	var explain bool
	app, _, err := open(ctx, "bench measure", args, log, func(fs *flag.FlagSet) {
		fs.IntVar(&runs, "runs", 200, "timed runs of each query")
		fs.BoolVar(&explain, "explain", false, "print each query's plan (PostgreSQL: EXPLAIN ANALYZE) after the table")
	})
	if err != nil {
		return err
	}
	defer app.Close()
	root, err := app.DB.SeedRootCollection(ctx)
	if err != nil {
		return err
	}
	n, err := app.DB.CountAssets(ctx, models.AssetQuery{})
	if err != nil {
		return err
	}
	cursors := models.NewCursors([]byte(rand.Text()))
	fmt.Fprintf(stdout, "%s, %d assets, %d runs each\n\n", app.DB.Dialect(), n, runs)
	w := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(w, "query\tp50 ms\tp95 ms\tmax ms\t")
	queries := models.ScaleQueries(root, int(n))
	for i := range queries {
		q := &queries[i]
		if err := app.DB.PrepareScaleQuery(ctx, q, cursors); err != nil {
			return fmt.Errorf("%s: %w", q.Name, err)
		}
		times, err := timeRuns(ctx, app.DB, *q, cursors, runs)
		if err != nil {
			return fmt.Errorf("%s: %w", q.Name, err)
		}
		fmt.Fprintf(w, "%s\t%.2f\t%.2f\t%.2f\t\n", q.Name, ms(percentile(times, 50)), ms(percentile(times, 95)), ms(times[len(times)-1]))
	}
	w.Flush()
	if explain {
		for _, q := range queries {
			plan, err := app.DB.ExplainAssets(ctx, q.Query, q.Page, cursors, models.ExplainOptions{Count: q.Count, Analyze: true})
			if err != nil {
				return fmt.Errorf("%s: %w", q.Name, err)
			}
			fmt.Fprintf(stdout, "\n%s:\n%s\n", q.Name, plan)
		}
	}
	return nil
}

// timeRuns runs a query a few times untimed (caches, prepared statements), then runs times, and
// returns the durations sorted.
func timeRuns(ctx context.Context, db *models.DB, q models.ScaleQuery, cursors models.Cursors, runs int) ([]time.Duration, error) {
	for range 5 {
		if err := db.RunScaleQuery(ctx, q, cursors); err != nil {
			return nil, err
		}
	}
	times := make([]time.Duration, max(runs, 1))
	for i := range times {
		start := time.Now()
		if err := db.RunScaleQuery(ctx, q, cursors); err != nil {
			return nil, err
		}
		times[i] = time.Since(start)
	}
	slices.Sort(times)
	return times, nil
}

func percentile(sorted []time.Duration, p int) time.Duration {
	return sorted[min(len(sorted)-1, len(sorted)*p/100)]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
