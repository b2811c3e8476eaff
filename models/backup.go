package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ErrNotSQLite is the answer of a backup of a PostgreSQL database, which pg_dump makes.
var ErrNotSQLite = errors.New("backup copies the embedded SQLite database; back up PostgreSQL with pg_dump (see the README)")

// DialectOf tells which database a URL names: a postgres:// (or postgresql://) URL is PostgreSQL,
// anything else a SQLite file path.
func DialectOf(url string) Dialect {
	if strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://") {
		return Postgres
	}
	return SQLite
}

// BackupSQLite writes a consistent copy of the SQLite database to path while others keep reading and
// writing it: VACUUM INTO reads one snapshot in a read transaction, so writers (in WAL mode) go on
// meanwhile and the copy holds every transaction committed before it began and none after. The copy
// is written beside path and renamed into place once whole and checked, so path never holds half a
// backup.
func (db *DB) BackupSQLite(ctx context.Context, path string) error {
	if db.dialect != SQLite {
		return ErrNotSQLite
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".mediagraph-backup-*")
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	// VACUUM INTO refuses to write over a file, even an empty one.
	if err := os.Remove(tmpPath); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer os.Remove(tmpPath)
	if err := db.with(ctx).Exec("VACUUM INTO ?", tmpPath).Error; err != nil {
		return fmt.Errorf("backup: vacuum into %s: %w", tmpPath, err)
	}
	if err := CheckSQLiteFile(ctx, tmpPath); err != nil {
		return fmt.Errorf("backup: the copy: %w", err)
	}
	if err := os.Rename(tmpPath, path); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	return nil
}

// CheckSQLiteFile runs PRAGMA integrity_check on the SQLite database at path, read-only.
func CheckSQLiteFile(ctx context.Context, path string) error {
	registerSQLiteDriver()
	db, err := sql.Open(sqliteDriverName, "file:"+path+"?mode=ro")
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer db.Close()
	var result string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&result); err != nil {
		return fmt.Errorf("integrity check of %s: %w", path, err)
	}
	if result != "ok" {
		return fmt.Errorf("integrity check of %s: %s", path, result)
	}
	return nil
}
