package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"time"
)

const derivativesUsage = "usage: mediagraph derivatives prune --older-than AGE (90d, 36h, …)"

// derivatives prunes stored transforms that nobody asked for in a while: they are made again on demand.
func derivatives(ctx context.Context, args []string, stdout io.Writer, log *slog.Logger) error {
	if len(args) == 0 || args[0] != "prune" {
		return errors.New(derivativesUsage)
	}
	var olderThan string
	app, rest, err := open(ctx, "derivatives prune", args[1:], log, func(fs *flag.FlagSet) {
		fs.StringVar(&olderThan, "older-than", "", "how long a stored transform may go unserved before it is deleted: 90d, 36h, …")
	})
	if err != nil {
		return err
	}
	defer app.Close()
	age, err := parseAge(olderThan)
	if err != nil || len(rest) > 0 {
		return fmt.Errorf("%s: %w", derivativesUsage, errors.Join(err, extra(rest)))
	}
	n, err := app.Media.Deliver.PruneDerivatives(ctx, time.Now().Add(-age))
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "deleted %d stored transforms not served for %s\n", n, olderThan)
	return nil
}

func extra(rest []string) error {
	if len(rest) == 0 {
		return nil
	}
	return fmt.Errorf("unexpected %q", strings.Join(rest, " "))
}

// parseAge reads an age as days (90d) or as a Go duration (36h, 90m); it must be positive.
func parseAge(s string) (time.Duration, error) {
	var d time.Duration
	var err error
	if days, ok := strings.CutSuffix(s, "d"); ok {
		var n int
		n, err = strconv.Atoi(days)
		d = time.Duration(n) * 24 * time.Hour
	} else {
		d, err = time.ParseDuration(s)
	}
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("--older-than %q: want a positive age such as 90d or 36h", s)
	}
	return d, nil
}
