package server_test

import (
	"fmt"
	"sync/atomic"
	"testing"

	"gorm.io/gorm"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/requestid"
)

// countStatements counts the SQL statements GORM sends from now on for HTTP requests (those carry a
// request id); background jobs sharing the database are not counted.
func countStatements(t testing.TB, g *gorm.DB) *atomic.Int64 {
	var n atomic.Int64
	inc := func(db *gorm.DB) {
		if db.Statement.Context != nil && requestid.From(db.Statement.Context) != "" {
			n.Add(1)
		}
	}
	cb := g.Callback()
	for _, err := range []error{
		cb.Query().After("gorm:query").Register("test:count_query", inc),
		cb.Create().After("gorm:create").Register("test:count_create", inc),
		cb.Update().After("gorm:update").Register("test:count_update", inc),
		cb.Delete().After("gorm:delete").Register("test:count_delete", inc),
		cb.Row().After("gorm:row").Register("test:count_row", inc),
		cb.Raw().After("gorm:raw").Register("test:count_raw", inc),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return &n
}

// The statements behind a page of assets with its relations do not grow with the page size:
// dataloaders batch every relation.
func TestAssetPageStatementsDoNotGrowWithPageSize(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		s.Seed(200)
		editor := s.Token("EDITOR")
		n := countStatements(t, s.App.DB.Gorm())
		measure := func(first int) int64 {
			before := n.Load()
			var out struct {
				Assets struct {
					Nodes []struct {
						Tags       []struct{ Name string }
						Collection *struct{ Name string }
						Alt, Title *string
						InUse      bool
					}
				}
			}
			s.Must(editor, fmt.Sprintf(`{ assets(first: %d) { nodes { tags { name } collection { name } alt title inUse } } }`, first), nil, &out)
			if len(out.Assets.Nodes) != first {
				t.Fatalf("first: %d returned %d assets", first, len(out.Assets.Nodes))
			}
			for _, a := range out.Assets.Nodes {
				if len(a.Tags) != 2 || a.Collection == nil || a.Alt == nil || a.Title == nil {
					t.Fatalf("relations missing: %+v", a)
				}
			}
			return n.Load() - before
		}
		measure(1) // records the token's first use, which later requests skip
		small, large := measure(5), measure(200)
		t.Logf("statements per request: %d (N=5), %d (N=200)", small, large)
		if small != large {
			t.Errorf("N=5 took %d statements, N=200 took %d: a relation is loaded per asset", small, large)
		}
		if small > 8 {
			t.Errorf("%d statements for one page: want at most 8 (token, page, tags, collections, metadata, usages…)", small)
		}
	})
}
