// Package models holds the persistent shape of the media library: GORM models, versioned migrations and
// the queries over them (filters, ordering, cursors). It imports nothing of the project above it.
package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/mattn/go-sqlite3"
	"golang.org/x/sync/semaphore"
	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Dialect names the SQL database behind a DB.
type Dialect string

const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// DB is the catalogue's database. All reads and writes of the project go through its methods.
type DB struct {
	gorm    *gorm.DB
	dialect Dialect
	dsn     string // for a second pool on the same database
	hooks   *hooks
	// tx is set inside Transaction, where events may be recorded.
	tx *txState
	// writer, on SQLite, lets one transaction at a time take a connection: see Transaction.
	writer *semaphore.Weighted
}

// hooks are shared by a DB and the transactions it runs.
type hooks struct {
	mu              sync.RWMutex
	eventsCommitted func()
}

type txState struct {
	recorded bool
	search   searchChanges // what the events recorded ask to reindex before commit
}

// sqliteDriverName is mattn/go-sqlite3 with lower() replaced by Go's Unicode-aware version, so that
// case-insensitive matching ("Café" ~ "CAFÉ") behaves as it does on PostgreSQL.
const sqliteDriverName = "sqlite3_mediagraph"

var registerSQLite sync.Once

func registerSQLiteDriver() {
	registerSQLite.Do(func() {
		sql.Register(sqliteDriverName, &sqlite3.SQLiteDriver{
			ConnectHook: func(conn *sqlite3.SQLiteConn) error {
				if err := conn.RegisterFunc("mg_search_rank", searchRank, true); err != nil {
					return err
				}
				return conn.RegisterFunc("lower", lower, true)
			},
		})
	})
}

// lower is SQL's lower() over Unicode; like the built-in, it passes NULL (and non-text) through.
func lower(v any) any {
	switch s := v.(type) {
	case string:
		return strings.ToLower(s)
	case []byte:
		return strings.ToLower(string(s))
	}
	return v
}

// Now is the clock of every stored timestamp: UTC with microsecond precision, which both dialects
// store exactly, so that keyset cursors compare equal to what was written.
func Now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

// Open connects to a database URL: a postgres:// (or postgresql://) URL selects PostgreSQL, anything
// else is a SQLite file path.
func Open(url string) (*DB, error) {
	cfg := &gorm.Config{
		NowFunc:                func() time.Time { return Now() },
		Logger:                 logger.Discard,
		SkipDefaultTransaction: true,
		PrepareStmt:            true,
		TranslateError:         true,
	}
	if DialectOf(url) == Postgres {
		g, err := gorm.Open(postgres.Open(url), cfg)
		if err != nil {
			return nil, fmt.Errorf("open postgres: %w", err)
		}
		sqlDB, err := g.DB()
		if err != nil {
			return nil, fmt.Errorf("open postgres: %w", err)
		}
		sqlDB.SetMaxOpenConns(20)
		sqlDB.SetMaxIdleConns(20)
		sqlDB.SetConnMaxIdleTime(5 * time.Minute)
		return &DB{gorm: g, dialect: Postgres, dsn: url, hooks: &hooks{}}, nil
	}
	registerSQLiteDriver()
	// WAL lets readers proceed beside the one writer; _txlock=immediate takes the write lock when a
	// transaction begins, so two writers queue on busy_timeout instead of deadlocking on a lock upgrade.
	dsn := "file:" + url + "?_journal_mode=WAL&_busy_timeout=30000&_foreign_keys=on&_txlock=immediate&_synchronous=NORMAL"
	g, err := gorm.Open(sqlite.New(sqlite.Config{DriverName: sqliteDriverName, DSN: dsn}), cfg)
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", url, err)
	}
	sqlDB, err := g.DB()
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", url, err)
	}
	sqlDB.SetMaxOpenConns(8)
	sqlDB.SetMaxIdleConns(8)
	return &DB{gorm: g, dialect: SQLite, dsn: dsn, hooks: &hooks{}, writer: semaphore.NewWeighted(1)}, nil
}

// Dialect tells which database this is.
func (db *DB) Dialect() Dialect { return db.dialect }

// Gorm exposes the underlying handle to plugins that observe statements (tests count them).
func (db *DB) Gorm() *gorm.DB { return db.gorm }

// DSN is the address of the database, for the job queue, which keeps its own connections to it.
func (db *DB) DSN() string { return db.dsn }

// OpenSQLitePool opens another pool on this SQLite database, of one connection: River's SQLite driver
// wants its operations to take turns rather than meet SQLITE_BUSY.
func (db *DB) OpenSQLitePool() (*sql.DB, error) {
	if db.dialect != SQLite {
		return nil, fmt.Errorf("OpenSQLitePool on a %s database", db.dialect)
	}
	pool, err := sql.Open(sqliteDriverName, db.dsn)
	if err != nil {
		return nil, fmt.Errorf("open sqlite pool: %w", err)
	}
	pool.SetMaxOpenConns(1)
	return pool, nil
}

// Ping checks the database answers.
func (db *DB) Ping(ctx context.Context) error {
	sqlDB, err := db.gorm.DB()
	if err != nil {
		return err
	}
	return sqlDB.PingContext(ctx)
}

// Close releases the pool.
func (db *DB) Close() error {
	sqlDB, err := db.gorm.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// Transaction runs fn in one database transaction: everything fn writes lands, or nothing does. Every
// change to the catalogue goes through here, and each one advances the catalogue's generation.
//
// The generation row is written first: its lock makes catalogue writers take turns on PostgreSQL as
// _txlock=immediate does on SQLite, so the checks a writer makes (no cycle, no live usage, an empty
// folder) still hold when it writes; under READ COMMITTED they could otherwise race.
//
// The same turn-taking orders the events a transaction records (RecordEvents) as the transactions
// commit; once one that recorded events has committed, the hook of OnEventsCommitted runs.
func (db *DB) Transaction(ctx context.Context, fn func(tx *DB) error) error {
	state, nested := db.tx, db.tx != nil
	if !nested {
		state = &txState{}
	}
	err := db.write(ctx, func(g *gorm.DB) error {
		if err := g.Exec("UPDATE catalogue_state SET generation = generation + 1 WHERE id = 1").Error; err != nil {
			return fmt.Errorf("advance catalogue generation: %w", err)
		}
		tx := &DB{gorm: g, dialect: db.dialect, dsn: db.dsn, hooks: db.hooks, tx: state, writer: db.writer}
		if err := fn(tx); err != nil || nested {
			return err
		}
		return tx.refreshSearch(ctx, &state.search)
	})
	if err == nil && !nested && state.recorded {
		db.hooks.committedEvents()
	}
	return err
}

// write runs fn in a transaction, or in a savepoint of the one db is in. SQLite has one writer:
// writers that queued on its busy handler would each hold a pooled connection while they wait, and
// the one holding the lock could then wait for a connection of its own (a statement prepared on the
// pool) until the busy timeout. Transactions queue in the process instead.
func (db *DB) write(ctx context.Context, fn func(tx *gorm.DB) error) error {
	if db.writer != nil && db.tx == nil {
		if err := db.writer.Acquire(ctx, 1); err != nil {
			return fmt.Errorf("wait to write: %w", err)
		}
		defer db.writer.Release(1)
	}
	return db.with(ctx).Transaction(fn)
}

// Generation is the number of catalogue changes committed so far; it only grows.
func (db *DB) Generation(ctx context.Context) (int64, error) {
	var n int64
	if err := db.with(ctx).Raw("SELECT generation FROM catalogue_state WHERE id = 1").Scan(&n).Error; err != nil {
		return 0, fmt.Errorf("read catalogue generation: %w", err)
	}
	return n, nil
}

func (db *DB) with(ctx context.Context) *gorm.DB { return db.gorm.WithContext(ctx) }

// ErrNotFound is returned when a looked-up row does not exist.
var ErrNotFound = errors.New("not found")

// ErrDuplicate is returned when a write would break a uniqueness rule.
var ErrDuplicate = errors.New("duplicate")

// ErrConflict reports that a row changed under a write that depended on it.
var ErrConflict = errors.New("changed meanwhile")

// translate maps GORM's portable errors onto this package's sentinels.
func translate(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gorm.ErrRecordNotFound):
		return ErrNotFound
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return fmt.Errorf("%w: %w", ErrDuplicate, err)
	}
	return err
}
