package server_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// Two editors moving two collections under each other at the same moment: one wins, the other is
// refused, and the tree never gains a cycle — on PostgreSQL's READ COMMITTED as on SQLite.
func TestConcurrentMovesNeverMakeCycles(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		editor := s.Token("EDITOR")
		const move = `mutation($id: ID!, $p: ID) { moveCollection(id: $id, parentId: $p) { id } }`
		for round := range 15 {
			var a, b struct{ CreateCollection idOnly }
			s.Must(editor, `mutation($n: String!) { createCollection(input: { name: $n }) { id } }`, map[string]any{"n": fmt.Sprint("a", round)}, &a)
			s.Must(editor, `mutation($n: String!) { createCollection(input: { name: $n }) { id } }`, map[string]any{"n": fmt.Sprint("b", round)}, &b)
			ida, idb := a.CreateCollection.ID, b.CreateCollection.ID
			var wg sync.WaitGroup
			results := make([]apptest.Response, 2)
			for i, pair := range [][2]string{{ida, idb}, {idb, ida}} {
				wg.Go(func() { results[i] = s.Query(editor, move, map[string]any{"id": pair[0], "p": pair[1]}) })
			}
			wg.Wait()
			ok := 0
			for _, r := range results {
				switch {
				case len(r.Errors) == 0:
					ok++
				case r.Code() != "VALIDATION_FAILED":
					t.Errorf("round %d: %+v", round, r.Errors)
				}
			}
			if ok != 1 {
				t.Fatalf("round %d: %d of the two crossing moves succeeded, want exactly 1", round, ok)
			}
		}
	})
}
