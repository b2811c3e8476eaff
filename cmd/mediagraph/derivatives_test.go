package main

import (
	"strings"
	"testing"
	"time"
)

func TestParseAge(t *testing.T) {
	for in, want := range map[string]time.Duration{"90d": 90 * 24 * time.Hour, "36h": 36 * time.Hour, "1d": 24 * time.Hour} {
		if got, err := parseAge(in); err != nil || got != want {
			t.Errorf("parseAge(%q) = %s, %v; want %s", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "0d", "-1d", "ninety", "90x", "-5h"} {
		if _, err := parseAge(bad); err == nil {
			t.Errorf("parseAge(%q) accepted", bad)
		}
	}
}

// derivatives prune runs on the database directly, and refuses an age it cannot read.
func TestDerivativesPruneCommand(t *testing.T) {
	c := newCLI(t)
	if out := c.must("derivatives", "prune", "--older-than", "90d"); !strings.Contains(out, "deleted 0 stored transforms") {
		t.Errorf("prune printed %q", out)
	}
	for _, args := range [][]string{{"derivatives"}, {"derivatives", "prune"}, {"derivatives", "prune", "--older-than", "soon"}} {
		if _, err := c.run(args...); err == nil {
			t.Errorf("mediagraph %s succeeded", strings.Join(args, " "))
		}
	}
}
