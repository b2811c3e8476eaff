package main

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/server"
)

// cli runs the command line in a data directory of its own (SQLite), as an operator would.
type cli struct {
	t   *testing.T
	dir string
	log bytes.Buffer
}

func newCLI(t *testing.T) *cli {
	c := &cli{t: t, dir: t.TempDir()}
	t.Setenv("MEDIAGRAPH_DATA_DIR", c.dir)
	t.Setenv("DATABASE_URL", "") // SQLite under the data directory, whatever the environment says
	return c
}

// run runs one command and returns what it printed on stdout.
func (c *cli) run(args ...string) (string, error) {
	c.t.Helper()
	var stdout bytes.Buffer
	log := slog.New(slog.NewTextHandler(&c.log, nil))
	err := run(context.Background(), args, &stdout, log)
	return stdout.String(), err
}

func (c *cli) must(args ...string) string {
	c.t.Helper()
	out, err := c.run(args...)
	if err != nil {
		c.t.Fatalf("mediagraph %s: %v", strings.Join(args, " "), err)
	}
	return out
}

// open opens the data directory the way the server does, to check what a command left there.
func (c *cli) open() *server.App {
	c.t.Helper()
	cfg, _, err := config.Load("test", nil)
	if err != nil {
		c.t.Fatal(err)
	}
	app, err := server.Open(context.Background(), cfg, slog.New(slog.NewTextHandler(&c.log, nil)))
	if err != nil {
		c.t.Fatal(err)
	}
	c.t.Cleanup(func() { app.Close() })
	return app
}

// tokenRow is one row of `token list`.
type tokenRow struct{ ID, Role, Name, Revoked string }

func (c *cli) list() []tokenRow {
	c.t.Helper()
	out := c.must("token", "list")
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) == 0 || !strings.HasPrefix(lines[0], "ID") || !strings.Contains(lines[0], "REVOKED") {
		c.t.Fatalf("token list has no header: %q", out)
	}
	var rows []tokenRow
	for _, l := range lines[1:] {
		f := strings.Fields(l)
		// ID ROLE NAME CREATED LAST-USED REVOKED; the test's names are one word.
		if len(f) != 6 {
			c.t.Fatalf("token list line %q: %d fields", l, len(f))
		}
		rows = append(rows, tokenRow{ID: f[0], Role: f[1], Name: f[2], Revoked: f[5]})
	}
	return rows
}

func TestTokenCommands(t *testing.T) {
	c := newCLI(t)
	ctx := context.Background()

	if rows := c.list(); len(rows) != 0 {
		t.Fatalf("a new database lists tokens: %+v", rows)
	}
	if _, err := os.Stat(filepath.Join(c.dir, "mediagraph.db")); err != nil {
		t.Fatalf("the database is not in MEDIAGRAPH_DATA_DIR: %v", err)
	}

	out := c.must("token", "create", "--role", "EDITOR", "--name", "ci")
	secret, rest, _ := strings.Cut(out, "\n")
	if rest != "" || !strings.HasSuffix(out, "\n") {
		t.Fatalf("token create printed %q, want the token alone on one line", out)
	}
	if !strings.HasPrefix(secret, "mg_") || strings.ContainsAny(secret, " \t") || len(secret) < 40 {
		t.Fatalf("token create printed %q, want an mg_ token", secret)
	}
	if strings.Contains(c.log.String(), secret) {
		t.Errorf("the secret was logged: %s", c.log.String())
	}

	rows := c.list()
	if len(rows) != 1 || rows[0].Role != "EDITOR" || rows[0].Name != "ci" || rows[0].Revoked != "-" || !strings.HasPrefix(rows[0].ID, "tok_") {
		t.Fatalf("token list after create: %+v", rows)
	}
	id := rows[0].ID
	if strings.Contains(c.must("token", "list"), secret) {
		t.Errorf("token list shows the secret")
	}

	// The printed token authenticates as what was asked for.
	app := c.open()
	p, err := app.Media.Tokens.Authenticate(ctx, secret)
	if err != nil || p.TokenID != id || string(p.Role) != "EDITOR" {
		t.Fatalf("authenticate the new token: %+v, %v", p, err)
	}
	app.Close()

	// Flags may also come before the subcommand's own, in any order.
	second := strings.TrimSpace(c.must("token", "create", "--name", "site", "--role", "DELIVERY"))
	if second == secret || !strings.HasPrefix(second, "mg_") {
		t.Errorf("second token %q", second)
	}

	// Bad input fails with an error and creates nothing.
	for _, args := range [][]string{
		{"token", "create", "--role", "SUPERUSER", "--name", "x"},
		{"token", "create", "--role", "", "--name", "x"},
		{"token", "create", "--name", "x"},
		{"token", "create", "--role", "EDITOR"},
		{"token", "create", "--role", "EDITOR", "--name", "   "},
		{"token", "create", "--role", "EDITOR", "--name", "x", "--bogus-flag"},
	} {
		out, err := c.run(args...)
		if err == nil {
			t.Errorf("mediagraph %s succeeded, printing %q", strings.Join(args, " "), out)
		}
		if strings.Contains(out, "mg_") {
			t.Errorf("mediagraph %s printed a token: %q", strings.Join(args, " "), out)
		}
	}
	if out, err := c.run("token", "create", "--role", "SUPERUSER", "--name", "x"); err == nil || !strings.Contains(err.Error(), "role") {
		t.Errorf("bad role: %q, %v; want an error naming the role", out, err)
	}
	if rows := c.list(); len(rows) != 2 {
		t.Errorf("refused creations left tokens: %+v", rows)
	}

	// Revoke: the token is marked revoked and no longer authenticates; the other one still does.
	if out := c.must("token", "revoke", id); strings.Contains(out, "mg_") {
		t.Errorf("token revoke printed %q", out)
	}
	for _, r := range c.list() {
		switch {
		case r.ID == id && r.Revoked == "-":
			t.Errorf("token list after revoke: %+v is not revoked", r)
		case r.ID != id && r.Revoked != "-":
			t.Errorf("token list after revoke: %+v revoked too", r)
		}
	}
	app = c.open()
	if _, err := app.Media.Tokens.Authenticate(ctx, secret); err == nil {
		t.Errorf("a revoked token still authenticates")
	} else if e, ok := access.AsError(err); !ok || e.Code != access.CodeUnauthenticated {
		t.Errorf("a revoked token: %v, want UNAUTHENTICATED", err)
	}
	if _, err := app.Media.Tokens.Authenticate(ctx, second); err != nil {
		t.Errorf("the other token after a revoke: %v", err)
	}
	app.Close()

	for _, args := range [][]string{
		{"token", "revoke"},
		{"token", "revoke", "tok_01m8413wm8ejyczvd5a5kcm13t"},
		{"token", "revoke", id, "extra"},
		{"token", "rotate"},
		{"token"},
		{"frobnicate"},
		{},
	} {
		if _, err := c.run(args...); err == nil {
			t.Errorf("mediagraph %s succeeded", strings.Join(args, " "))
		}
	}
	if _, err := c.run("help"); err != nil {
		t.Errorf("mediagraph help: %v", err)
	}
}

func TestMigrateIsIdempotent(t *testing.T) {
	c := newCLI(t)
	var records []int64
	for i := range 3 {
		if out, err := c.run("migrate"); err != nil || out != "" {
			t.Fatalf("migrate run %d: %v (stdout %q)", i+1, err, out)
		}
		var n int64
		app := c.open()
		if err := app.DB.Gorm().Table("migrations").Count(&n).Error; err != nil {
			t.Fatal(err)
		}
		records = append(records, n)
	}
	if records[0] == 0 || records[1] != records[0] || records[2] != records[0] {
		t.Errorf("migration records after each of three runs: %v, want the same non-zero count", records)
	}
	var n int64
	app := c.open()
	for _, table := range []string{"api_tokens", "assets", "collections", "tags", "usages"} {
		if err := app.DB.Gorm().Table(table).Count(&n).Error; err != nil || n != 0 {
			t.Errorf("table %s after migrate: %d rows, %v", table, n, err)
		}
	}
	app.Close()
	// A migrated database serves the other commands, and migrating it again keeps its data.
	c.must("token", "create", "--role", "ADMIN", "--name", "ops")
	c.must("migrate")
	if rows := c.list(); len(rows) != 1 || rows[0].Name != "ops" {
		t.Errorf("tokens after migrating again: %+v", rows)
	}
	// A flag wins over the environment: another data directory is another, empty database.
	other := t.TempDir()
	c.must("migrate", "--data-dir", other)
	if _, err := os.Stat(filepath.Join(other, "mediagraph.db")); err != nil {
		t.Errorf("migrate --data-dir did not create the database there: %v", err)
	}
	if out := c.must("token", "list", "--data-dir", other); strings.Contains(out, "ops") {
		t.Errorf("token list --data-dir %s shows the other database's tokens: %q", other, out)
	}
}
