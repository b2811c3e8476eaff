package main

import (
	"context"
	"errors"
	"flag"
	"io"
	"log/slog"

	"github.com/mediagraph/mediagraph/models"
)

// scan queues antivirus scans of versions as durable jobs, works them (a running `serve` shares the
// work), and follows them to the end with the progress of reprocess.
func scan(ctx context.Context, args []string, stdout, stderr io.Writer, log *slog.Logger) error {
	var all bool
	var status string
	app, ids, err := open(ctx, "scan", args, log, func(fs *flag.FlagSet) {
		fs.BoolVar(&all, "all", false, "every version of every asset, trashed ones included")
		fs.StringVar(&status, "status", "", "every version of this antivirus status (PENDING, CLEAN, SKIPPED or FAILED)")
	})
	if err != nil {
		return err
	}
	defer app.Close()
	if n := countTrue(all, status != "", len(ids) > 0); n != 1 {
		return errors.New("usage: mediagraph scan --all, mediagraph scan --status FAILED, or mediagraph scan ID [ID ...]")
	}
	if app.Config.ClamdAddr == "" {
		log.Warn("antivirus scanning is off: MEDIAGRAPH_CLAMD_ADDR is not set, so every version is marked SKIPPED (no scanner configured)")
	}
	targets, err := app.Media.Antivirus.Targets(ctx, all, status, ids)
	if err != nil {
		return err
	}
	if err := app.StartJobs(ctx); err != nil {
		return err
	}
	since := models.Now()
	if err := app.Jobs().Scan(ctx, targets); err != nil {
		return err
	}
	bar := newProgress(stderr, len(targets))
	bar.label = "scan"
	return awaitJobs(ctx, stdout, bar, len(targets), jobWork{done: "scanned", things: "versions", undone: "scanned"},
		func(ctx context.Context) (int, int, error) {
			done, failed, err := app.Media.Antivirus.Progress(ctx, targets, since)
			return done - failed, failed, err
		})
}

func countTrue(flags ...bool) int {
	n := 0
	for _, f := range flags {
		if f {
			n++
		}
	}
	return n
}
