package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/mediagraph/mediagraph/models"
)

// progressEvery is how often reprocess looks at how far the jobs got.
const progressEvery = 250 * time.Millisecond

// reprocess queues the reanalysis of assets as durable jobs, works them (a running `serve` shares
// the work), and follows them to the end: a bar on a terminal, a line per tenth otherwise.
func reprocess(ctx context.Context, args []string, stdout, stderr io.Writer, log *slog.Logger) error {
	var all bool
	app, ids, err := open(ctx, "reprocess", args, log, func(fs *flag.FlagSet) {
		fs.BoolVar(&all, "all", false, "every asset, trashed ones included")
	})
	if err != nil {
		return err
	}
	defer app.Close()
	if all == (len(ids) > 0) {
		return errors.New("usage: mediagraph reprocess --all, or mediagraph reprocess ID [ID ...]")
	}
	targets, err := app.Media.Intake.ReprocessTargets(ctx, all, ids)
	if err != nil {
		return err
	}
	if err := app.StartJobs(ctx); err != nil {
		return err
	}
	since := models.Now()
	tag := fmt.Sprintf("reprocess_%d", since.UnixNano())
	if err := app.Jobs().Reprocess(ctx, targets, tag); err != nil {
		return err
	}
	bar := newProgress(stderr, len(targets))
	return awaitJobs(ctx, stdout, bar, len(targets), jobWork{done: "reprocessed", things: "assets", undone: "reprocessed"},
		func(ctx context.Context) (int, int, error) {
			done, err := app.Media.Intake.ReprocessedSince(ctx, targets, since)
			if err != nil {
				return 0, 0, err
			}
			failed, err := app.Jobs().Failed(ctx, tag)
			return int(done), failed, err
		})
}

// jobWork names, for the lines of awaitJobs, what the jobs do ("reprocessed") to what ("assets").
type jobWork struct{ done, things, undone string }

// awaitJobs shows the progress of total queued jobs, counted by count (finished well, failed), until
// every one has ended or ctx is done; the jobs left then stay queued for the service.
func awaitJobs(ctx context.Context, stdout io.Writer, bar *progress, total int, w jobWork, count func(context.Context) (ok, failed int, err error)) error {
	ticker := time.NewTicker(progressEvery)
	defer ticker.Stop()
	for {
		ok, failed, err := count(ctx)
		if err != nil {
			return err
		}
		bar.show(ok, failed)
		if ok+failed >= total {
			bar.finish()
			fmt.Fprintf(stdout, "%s %d of %d %s, %d failed\n", w.done, ok, total, w.things, failed)
			if failed > 0 {
				return fmt.Errorf("%d %s could not be %s; the server log says why", failed, w.things, w.undone)
			}
			return nil
		}
		select {
		case <-ctx.Done():
			bar.finish()
			return fmt.Errorf("stopped with %d of %d done; the queued jobs stay and run with the service: %w", ok+failed, total, ctx.Err())
		case <-ticker.C:
		}
	}
}

// progress draws a bar that redraws itself on a terminal, or prints a line per tenth elsewhere.
type progress struct {
	// label names the command in the lines printed off a terminal; empty: reprocess.
	label    string
	w        io.Writer
	total    int
	terminal bool
	lastStep int
}

func newProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, total: total, lastStep: -1}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.terminal = true
		}
	}
	return p
}

const barWidth = 40

func (p *progress) show(done, failed int) {
	n := done + failed
	if p.total == 0 {
		return
	}
	if p.terminal {
		filled := barWidth * n / p.total
		fmt.Fprintf(p.w, "\r[%s%s] %d/%d", strings.Repeat("#", filled), strings.Repeat(".", barWidth-filled), n, p.total)
		if failed > 0 {
			fmt.Fprintf(p.w, " (%d failed)", failed)
		}
		return
	}
	if step := 10 * n / p.total; step > p.lastStep {
		p.lastStep = step
		fmt.Fprintf(p.w, "%s: %d/%d (%d failed)\n", cmp.Or(p.label, "reprocess"), n, p.total, failed)
	}
}

func (p *progress) finish() {
	if p.terminal {
		fmt.Fprintln(p.w)
	}
}
