// Package testdb gives tests real databases: a fresh SQLite file, and a fresh database on a real
// PostgreSQL — the server named by MEDIAGRAPH_TEST_DATABASE_URL, or else a throwaway cluster that this
// package starts with the machine's initdb/pg_ctl and removes when the test binary ends.
package testdb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver for creating test databases
)

// Backend is a database engine that tests run against.
type Backend struct {
	Name string
	// New returns the URL of an empty database, dropped or removed when tb ends.
	New func(tb testing.TB) string
}

// Backends lists every database engine Mediagraph supports.
func Backends() []Backend {
	return []Backend{{"sqlite", SQLite}, {"postgres", Postgres}}
}

// Each runs f as one subtest per backend, each with an empty database.
func Each(t *testing.T, f func(t *testing.T, url string)) {
	for _, b := range Backends() {
		t.Run(b.Name, func(t *testing.T) { f(t, b.New(t)) })
	}
}

// SQLite returns the path of a database file in a temporary directory.
func SQLite(tb testing.TB) string {
	return filepath.Join(tb.TempDir(), "mediagraph.db")
}

// Stop removes the cluster the package's tests may have started. Call it from TestMain after m.Run.
func Stop() {
	if c != nil {
		if err := c.stop(); err != nil {
			fmt.Fprintln(os.Stderr, "testdb:", err)
		}
	}
}

var (
	once    sync.Once
	c       *cluster
	server  string // URL of the maintenance database of the server in use
	initErr error
	counter atomic.Int64
)

// Postgres creates an empty database and returns its URL.
func Postgres(tb testing.TB) string {
	tb.Helper()
	once.Do(func() {
		if server = os.Getenv("MEDIAGRAPH_TEST_DATABASE_URL"); server != "" {
			return
		}
		c, initErr = startCluster()
		if initErr == nil {
			server = c.url("postgres")
		}
	})
	if initErr != nil {
		tb.Fatalf("testdb: %v", initErr)
	}
	admin, err := sql.Open("pgx", server)
	if err != nil {
		tb.Fatalf("testdb: %v", err)
	}
	defer admin.Close()
	name := fmt.Sprintf("mgtest_%d_%d", os.Getpid(), counter.Add(1))
	ctx := context.Background()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		tb.Fatalf("testdb: create database: %v", err)
	}
	tb.Cleanup(func() {
		admin, err := sql.Open("pgx", server)
		if err != nil {
			tb.Errorf("testdb: %v", err)
			return
		}
		defer admin.Close()
		if _, err := admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			tb.Errorf("testdb: drop database: %v", err)
		}
	})
	u, err := url.Parse(server)
	if err != nil {
		tb.Fatalf("testdb: MEDIAGRAPH_TEST_DATABASE_URL: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

// cluster is a PostgreSQL server started for this test binary.
type cluster struct {
	bin, dir string
	port     int
	asUser   string // unprivileged account that runs the server when tests run as root
}

func (c *cluster) url(db string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", c.port, db)
}

func startCluster() (*cluster, error) {
	bin, err := findBinaries()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "mediagraph-pg-")
	if err != nil {
		return nil, fmt.Errorf("cluster directory: %w", err)
	}
	c := &cluster{bin: bin, dir: dir}
	if os.Geteuid() == 0 {
		if err := c.dropPrivileges(); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	if c.port, err = freePort(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	data := filepath.Join(dir, "data")
	if err := c.run("initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -k %s -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300", c.port, dir)
	if err := c.run("pg_ctl", "-D", data, "-l", filepath.Join(dir, "log"), "-w", "-o", opts, "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		os.RemoveAll(dir)
		return nil, fmt.Errorf("%w\nserver log:\n%s", err, log)
	}
	return c, nil
}

func (c *cluster) stop() error {
	defer os.RemoveAll(c.dir)
	return c.run("pg_ctl", "-D", filepath.Join(c.dir, "data"), "-m", "immediate", "-w", "stop")
}

// dropPrivileges hands the cluster directory to an unprivileged account: initdb refuses to run as root.
func (c *cluster) dropPrivileges() error {
	for _, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(c.dir, uid, gid); err != nil {
			return fmt.Errorf("hand the cluster directory to %s: %w", name, err)
		}
		c.asUser = name
		return nil
	}
	return errors.New("running as root and no unprivileged account (postgres or nobody) to run PostgreSQL as")
}

func (c *cluster) run(tool string, args ...string) error {
	path := filepath.Join(c.bin, tool)
	var cmd *exec.Cmd
	if c.asUser != "" {
		cmd = exec.Command("runuser", append([]string{"-u", c.asUser, "--", path}, args...)...)
	} else {
		cmd = exec.Command(path, args...)
	}
	cmd.Dir = c.dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s: %w\n%s", tool, err, out)
	}
	return nil
}

// findBinaries locates initdb and pg_ctl on PATH or in Debian's versioned directories.
func findBinaries() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		if _, err := exec.LookPath("pg_ctl"); err == nil {
			return filepath.Dir(p), nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	return "", errors.New("PostgreSQL server binaries (initdb, pg_ctl) not found on PATH or under /usr/lib/postgresql/*/bin: " +
		"install them (apt-get install postgresql) or set MEDIAGRAPH_TEST_DATABASE_URL to a server where the tests may create databases")
}

func version(binDir string) int {
	n, _ := strconv.Atoi(strings.Split(filepath.Base(filepath.Dir(binDir)), ".")[0])
	return n
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
