package models_test

import (
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/models"
)

// The queries of the scale benchmark can each be served by an index on PostgreSQL: with sequential
// scans priced out, none of their plans reads the assets or their versions from end to end.
func TestScaleQueriesUseIndexes(t *testing.T) {
	ctx := t.Context()
	db := open(t, testdb.Postgres(t))
	const n = 3000
	if err := db.SeedSynthetic(ctx, models.SeedOptions{Assets: n}); err != nil {
		t.Fatal(err)
	}
	if err := db.Gorm().Exec("ANALYZE").Error; err != nil {
		t.Fatal(err)
	}
	root, err := db.SeedRootCollection(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cursors := models.NewCursors([]byte("test"))
	for _, q := range models.ScaleQueries(root, n) {
		if err := db.PrepareScaleQuery(ctx, &q, cursors); err != nil {
			t.Fatalf("%s: %v", q.Name, err)
		}
		if q.Name == "totalCount of everything" {
			continue // counting every row reads every row, by an index or not
		}
		plan, err := db.ExplainAssets(ctx, q.Query, q.Page, cursors, models.ExplainOptions{Count: q.Count, NoSeqScan: true})
		if err != nil {
			t.Fatalf("%s: %v", q.Name, err)
		}
		t.Logf("%s:\n%s", q.Name, plan)
		for _, table := range []string{"assets", "asset_versions", "asset_tags", "search_docs"} {
			if strings.Contains(plan, "Seq Scan on "+table+" ") {
				t.Errorf("%s: sequential scan of %s:\n%s", q.Name, table, plan)
			}
		}
		if err := db.RunScaleQuery(ctx, q, cursors); err != nil {
			t.Errorf("%s: %v", q.Name, err)
		}
	}
}

// A seeded library is found by its search documents on both databases, as written by the seeder.
func TestSeededLibraryIsSearchable(t *testing.T) {
	testdb.Each(t, func(t *testing.T, url string) {
		ctx := t.Context()
		db := open(t, url)
		if err := db.SeedSynthetic(ctx, models.SeedOptions{Assets: 1200}); err != nil {
			t.Fatal(err)
		}
		word := models.SeedRareWord
		n, err := db.CountAssets(ctx, models.AssetQuery{Filter: &models.AssetFilter{Search: &word}})
		if err != nil || n == 0 {
			t.Fatalf("search %q: %d, %v", word, n, err)
		}
		m, err := db.CountAssets(ctx, models.AssetQuery{Filter: &models.AssetFilter{Title: &models.TextFilter{Matches: &word}}})
		if err != nil || m != n {
			t.Errorf("search %q finds %d assets, its title filter %d (%v)", word, n, m, err)
		}
	})
}
