package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"text/tabwriter"

	"github.com/mediagraph/mediagraph/media"
)

// errLeftovers is what check returns when it found leftovers and was not asked to repair: the command
// exits 1, so a cron job or a probe can tell "found something" from "could not look" (2).
var errLeftovers = errors.New("crash leftovers found; mediagraph check --repair deletes them")

// check reports what the sweep of crash leftovers would delete, and with --repair deletes it.
func check(ctx context.Context, args []string, stdout io.Writer, log *slog.Logger) error {
	var repair bool
	app, rest, err := open(ctx, "check", args, log, func(fs *flag.FlagSet) {
		fs.BoolVar(&repair, "repair", false, "delete what the check finds")
	})
	if err != nil {
		return err
	}
	defer app.Close()
	if len(rest) > 0 {
		return errors.New("usage: mediagraph check [--repair]")
	}
	r, err := app.Media.SweepOrphans(ctx, repair)
	if perr := printReport(stdout, r, repair); err == nil {
		err = perr
	}
	if err != nil {
		return err
	}
	if !repair && r.Total() > 0 {
		return errLeftovers
	}
	return nil
}

func printReport(w io.Writer, r media.OrphanReport, repaired bool) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	verb := "FOUND"
	if repaired {
		verb = "DELETED"
	}
	fmt.Fprintf(tw, "KIND\t%s\tBYTES\t\n", verb)
	for _, k := range r.Kinds() {
		size := "-"
		if k.Bytes >= 0 {
			size = strconv.FormatInt(k.Bytes, 10)
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t\n", k.Name, k.Count, size)
	}
	return tw.Flush()
}
