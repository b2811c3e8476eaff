package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
)

// A backup taken while writers keep committing is a whole database: it passes PRAGMA integrity_check
// and holds what was committed before it began.
func TestBackupUnderWriteLoad(t *testing.T) {
	c := newCLI(t)
	app := c.open() // the running service
	ctx, stop := context.WithCancel(access.WithPrincipal(context.Background(), access.Operator))
	var written atomic.Int64
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := 0; ctx.Err() == nil; i++ {
				if _, err := app.Media.Collections.CreateCollection(ctx, fmt.Sprintf("w%d-%d", w, i), nil); err != nil {
					if ctx.Err() == nil {
						t.Errorf("writer %d: %v", w, err)
					}
					return
				}
				written.Add(1)
			}
		})
	}
	for written.Load() < 50 && !t.Failed() {
		time.Sleep(time.Millisecond)
	}
	var files []string
	for i := range 3 {
		file := filepath.Join(t.TempDir(), fmt.Sprintf("backup-%d.db", i))
		before := written.Load()
		out := c.must("backup", file)
		if !strings.Contains(out, "integrity check ok") {
			t.Errorf("backup said %q", out)
		}
		files = append(files, file)
		if n := collectionsIn(t, file); n < before {
			t.Errorf("backup %d holds %d collections, %d were committed before it began", i, n, before)
		}
	}
	stop()
	wg.Wait()
	for _, f := range files {
		if err := models.CheckSQLiteFile(context.Background(), f); err != nil {
			t.Error(err)
		}
	}
	if written.Load() <= collectionsIn(t, files[0]) {
		t.Error("no write landed while the backups ran: the test did not test a backup under load")
	}
}

// collectionsIn counts the collections of a backup, opened as a database of its own.
func collectionsIn(t *testing.T, file string) int64 {
	t.Helper()
	db, err := models.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int64
	if err := db.Gorm().Table("collections").Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// PostgreSQL is backed up with pg_dump: the command says so rather than copying nothing.
func TestBackupOfPostgresPointsToPgDump(t *testing.T) {
	c := newCLI(t)
	t.Setenv("DATABASE_URL", "postgres://nobody@127.0.0.1:1/none")
	_, err := c.run("backup", filepath.Join(t.TempDir(), "x.db"))
	if err == nil || !strings.Contains(err.Error(), "pg_dump") {
		t.Fatalf("backup of PostgreSQL: %v", err)
	}
}
