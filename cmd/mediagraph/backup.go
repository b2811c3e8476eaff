package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/models"
)

// backup writes a consistent copy of the SQLite database to a file while serve may be running. It
// opens the database only, applying no migration: a backup is of what is there.
func backup(ctx context.Context, args []string, stdout io.Writer, log *slog.Logger) error {
	cfg, rest, err := config.Load("backup", args)
	if err != nil {
		return err
	}
	if err := configureLog(log, cfg); err != nil {
		return err
	}
	if len(rest) != 1 {
		return errors.New("usage: mediagraph backup [flags] FILE")
	}
	if models.DialectOf(cfg.DatabaseURL) != models.SQLite {
		return models.ErrNotSQLite
	}
	db, err := models.Open(cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.BackupSQLite(ctx, rest[0]); err != nil {
		return err
	}
	info, err := os.Stat(rest[0])
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	fmt.Fprintf(stdout, "backed up %s to %s: %d bytes, integrity check ok\n", cfg.DatabaseURL, rest[0], info.Size())
	return nil
}
