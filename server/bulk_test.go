package server_test

import (
	"slices"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

const bulkUpdate = `mutation($ids: [ID!]!, $in: UpdateAssetInput!) { updateAssets(ids: $ids, input: $in) { id author copyright } }`

// bulkInput is a change of many fields at once: credits, notes, tags, collection, metadata.
func bulkInput(collection string) map[string]any {
	return map[string]any{
		"author": "Ada Lovelace", "copyright": "© 2026 Example", "notes": "bulk", "collectionId": collection,
		"tags": []string{"bulk", "2026"}, "defaultFieldMetadata": []map[string]any{{"locale": "en", "alt": "A photo"}},
	}
}

// seeded seeds n assets and returns their ids.
func seeded(tb testing.TB, s *apptest.Server, n int) []string {
	tb.Helper()
	s.Seed(n)
	var ids []string
	if err := s.App.DB.Gorm().Table("assets").Order("id").Limit(n).Pluck("id", &ids).Error; err != nil {
		tb.Fatal(err)
	}
	return ids
}

// updateAssets sets author, copyright and the other fields of 500 assets in as many statements as of
// 5 — one statement a table, never one an asset — but for the rows of tag assignments, which go in
// batches.
func TestUpdateAssetsStatementsDoNotGrowWithTheAssets(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		ids := seeded(t, s, 506)
		editor := s.Token("EDITOR")
		collection := createCollection(t, s, editor, "Bulk", nil)
		n := countStatements(t, s.App.DB.Gorm())
		measure := func(ids []string) int64 {
			before := n.Load()
			var out struct {
				UpdateAssets []struct {
					ID, Author, Copyright string
				}
			}
			s.Must(editor, bulkUpdate, map[string]any{"ids": ids, "in": bulkInput(collection)}, &out)
			if len(out.UpdateAssets) != len(ids) || !slices.ContainsFunc(out.UpdateAssets, func(a struct{ ID, Author, Copyright string }) bool {
				return a.Author == "Ada Lovelace" && a.Copyright == "© 2026 Example"
			}) {
				t.Fatalf("updateAssets of %d returned %d assets: %+v", len(ids), len(out.UpdateAssets), out.UpdateAssets[:min(2, len(out.UpdateAssets))])
			}
			return n.Load() - before
		}
		measure(ids[:1]) // the token's first use, and the tags' creation, which later calls skip
		small, large := measure(ids[1:6]), measure(ids[6:506])
		t.Logf("statements of updateAssets: %d (5 assets), %d (500 assets)", small, large)
		// The tag assignments, one row an asset and a tag, go 500 rows a statement: 1,000 take two.
		if want := small + 1; large != want {
			t.Errorf("5 assets took %d statements, 500 took %d (want %d): something is written per asset", small, large, want)
		}
	})
}

// BenchmarkUpdateAssets500 sets author, copyright, notes, a collection, tags and alt text on 500
// assets in one updateAssets, and reports its statements.
//
//	go test ./server -run '^$' -bench UpdateAssets500 -benchtime 20x
func BenchmarkUpdateAssets500(b *testing.B) {
	for _, setup := range benchSetups {
		b.Run(setup.name, func(b *testing.B) {
			s := setup.start(b)
			ids := seeded(b, s, 500)
			editor := s.Token("EDITOR")
			collection := createCollection(b, s, editor, "Bulk", nil)
			s.Must(editor, bulkUpdate, map[string]any{"ids": ids[:1], "in": bulkInput(collection)}, nil)
			n := countStatements(b, s.App.DB.Gorm())
			b.ResetTimer()
			for range b.N {
				s.Must(editor, bulkUpdate, map[string]any{"ids": ids, "in": bulkInput(collection)}, nil)
			}
			b.ReportMetric(float64(n.Load())/float64(b.N), "statements/op")
		})
	}
}
