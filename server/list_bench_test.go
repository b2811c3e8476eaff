package server_test

import (
	"context"
	"database/sql"
	"strings"
	"sync"
	"testing"

	"gorm.io/gorm"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/requestid"
	"github.com/mediagraph/mediagraph/server"
)

// editorList is bench/graphql.py's query: the page an editor's media grid asks for, which no cache
// answers, so every request runs the resolvers and the database.
const editorList = `query { assets(first: 50) { nodes { id filename width height mimeType size tags { name } collection { id name } } } }`

// BenchmarkEditorList measures editorList through the real HTTP handler, as an EDITOR token asks it:
// the uncached GraphQL list of issue 17, in process, so that allocs/op and CPU per request show what
// each change to the GraphQL layer buys without the noise of wrk and a second process. "statements"
// runs the page's own SQL statements alone, straight on database/sql with every column read as raw
// bytes: what the database costs, against which the layer's share is judged.
//
//	go test ./server -run '^$' -bench EditorList -cpu 2 -benchtime 2000x
func BenchmarkEditorList(b *testing.B) {
	server.TuneRuntime() // as mediagraph serve does
	for _, backend := range testdb.Backends() {
		b.Run(backend.Name, func(b *testing.B) {
			s := apptest.Start(b, backend.New(b), func(c *config.Config) { c.DeliveryCacheBytes = 0 })
			s.Seed(200)
			token := s.Token("EDITOR")
			b.Run("request", func(b *testing.B) {
				b.ReportAllocs()
				benchmarkQuery(b, s, token, editorList)
			})
			page := recordStatements(b, s.App.DB.Gorm(), func() { s.Must(token, editorList, nil, nil) })
			b.Run("statements", func(b *testing.B) {
				sqlDB, err := s.App.DB.Gorm().DB()
				if err != nil {
					b.Fatal(err)
				}
				cpuBefore := processCPU(b)
				for b.Loop() {
					for _, st := range page {
						replay(b, sqlDB, st)
					}
				}
				b.ReportMetric(float64(len(page)), "statements/page")
				b.ReportMetric(float64((processCPU(b)-cpuBefore).Microseconds())/float64(b.N), "cpu-µs/page")
			})
		})
	}
}

// statement is one SQL statement as GORM sent it, with its arguments.
type statement struct {
	sql  string
	vars []any
}

// recordStatements returns the reading statements GORM sends for the HTTP requests of do.
func recordStatements(b *testing.B, g *gorm.DB, do func()) []statement {
	var (
		mu  sync.Mutex
		out []statement
		on  = true
	)
	keep := func(db *gorm.DB) {
		mu.Lock()
		defer mu.Unlock()
		q := db.Statement.SQL.String()
		if on && db.Statement.Context != nil && requestid.From(db.Statement.Context) != "" &&
			strings.HasPrefix(strings.TrimSpace(strings.ToUpper(q)), "SELECT") {
			out = append(out, statement{q, append([]any(nil), db.Statement.Vars...)})
		}
	}
	cb := g.Callback()
	for _, err := range []error{
		cb.Query().After("gorm:query").Register("bench:record_query", keep),
		cb.Row().After("gorm:row").Register("bench:record_row", keep),
		cb.Raw().After("gorm:raw").Register("bench:record_raw", keep),
	} {
		if err != nil {
			b.Fatal(err)
		}
	}
	do()
	mu.Lock()
	on = false
	mu.Unlock()
	if len(out) == 0 {
		b.Fatal("the page sent no statement")
	}
	return out
}

// replay runs st and reads every column of every row it returns, converting nothing.
func replay(b *testing.B, db *sql.DB, st statement) {
	rows, err := db.QueryContext(context.Background(), st.sql, st.vars...)
	if err != nil {
		b.Fatalf("%s: %v", st.sql, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		b.Fatal(err)
	}
	raw := make([]sql.RawBytes, len(cols))
	dest := make([]any, len(cols))
	for i := range raw {
		dest[i] = &raw[i]
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			b.Fatal(err)
		}
	}
	if err := rows.Err(); err != nil {
		b.Fatal(err)
	}
}
