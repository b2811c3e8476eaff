package main

import (
	"log/slog"
	"os"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/logging"
)

// newLog is the binary's logger: text on stderr until the settings say otherwise (configureLog).
func newLog() *slog.Logger { return slog.New(logging.NewSwitch(slog.NewTextHandler(os.Stderr, nil))) }

// configureLog gives the binary's logger the format and level of the settings; a logger a test
// passed in is left as it is.
func configureLog(log *slog.Logger, cfg config.Config) error {
	sw, ok := log.Handler().(*logging.Switch)
	if !ok {
		return nil
	}
	h, err := logging.Handler(os.Stderr, cfg.LogFormat, cfg.LogLevel)
	if err != nil {
		return err
	}
	sw.Set(h)
	return nil
}
