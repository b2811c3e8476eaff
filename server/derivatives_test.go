package server_test

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/internal/apptest"
)

const derivativesQuery = `query($id: ID!) { asset(id: $id) { derivatives { totalCount pageInfo { hasNextPage endCursor }
  nodes { url spec format width height size createdAt lastServedAt } } } }`

type derivative struct {
	URL, Spec, Format string
	Width, Height     *int
	Size              int64
	CreatedAt         time.Time
	LastServedAt      *time.Time
}

func derivativesOf(t *testing.T, s *apptest.Server, token, id string) (int, []derivative) {
	t.Helper()
	s.App.Media.Deliver.Settle() // the stored transforms and served times written in the background
	var out struct {
		Asset struct {
			Derivatives struct {
				TotalCount int
				Nodes      []derivative
			}
		}
	}
	s.Must(token, derivativesQuery, map[string]any{"id": id}, &out)
	return out.Asset.Derivatives.TotalCount, out.Asset.Derivatives.Nodes
}

func derivedObjects(t *testing.T, s *apptest.Server) int {
	t.Helper()
	objects, _, err := s.App.Store().List(context.Background(), "derived/", "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	return len(objects)
}

// A stored transform is listed on its asset with what it is and the URL that serves it; serving it
// from the store records when, once a day; purgeDerivatives and pruning delete it, bytes and record.
func TestDerivativesListedServedPurgedPruned(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		editor := s.Token("EDITOR")
		id := upload(t, s, editor, "alpha.png", map[string]any{"status": "PUBLIC"})
		path := transformURL(t, s, editor, id, map[string]any{"w": 16, "fm": "WEBP"})
		made := fetch(t, s, http.MethodGet, path, "", nil)
		if made.Status != http.StatusOK {
			t.Fatalf("GET %s: HTTP %d %s", path, made.Status, made.Body)
		}
		n, nodes := derivativesOf(t, s, editor, id)
		if n != 1 || len(nodes) != 1 {
			t.Fatalf("%d derivatives listed (total %d), want 1", len(nodes), n)
		}
		d := nodes[0]
		if !strings.Contains(d.Spec, "w=16") || !strings.Contains(d.Spec, "fm=webp") || d.Format != "webp" ||
			d.Width == nil || *d.Width != 16 || d.Size != int64(len(made.Body)) || d.LastServedAt != nil {
			t.Fatalf("the derivative: %+v", d)
		}
		if f := fetch(t, s, http.MethodGet, strings.TrimPrefix(d.URL, s.URL), "", nil); f.Status != http.StatusOK || !bytes.Equal(f.Body, made.Body) {
			t.Fatalf("GET its url %s: HTTP %d", d.URL, f.Status)
		}
		_, nodes = derivativesOf(t, s, editor, id)
		served := nodes[0].LastServedAt
		if served == nil {
			t.Fatal("served from the store, it has no lastServedAt")
		}
		fetch(t, s, http.MethodGet, path, "", nil)
		if _, nodes = derivativesOf(t, s, editor, id); !nodes[0].LastServedAt.Equal(*served) {
			t.Errorf("served again the same day, lastServedAt moved from %s to %s", served, nodes[0].LastServedAt)
		}

		var purged struct{ PurgeDerivatives int }
		s.Must(editor, `mutation($ids: [ID!]!) { purgeDerivatives(ids: $ids) }`, map[string]any{"ids": []string{id}}, &purged)
		if n, _ := derivativesOf(t, s, editor, id); purged.PurgeDerivatives != 1 || n != 0 || derivedObjects(t, s) != 0 {
			t.Fatalf("purgeDerivatives said %d; %d listed and %d stored after", purged.PurgeDerivatives, n, derivedObjects(t, s))
		}

		fetch(t, s, http.MethodGet, path, "", nil) // made and stored again
		if n, _ := derivativesOf(t, s, editor, id); n != 1 {
			t.Fatalf("%d derivatives after a new transform, want 1", n)
		}
		if pruned, err := s.App.Media.Deliver.PruneDerivatives(context.Background(), time.Now().Add(-time.Hour)); err != nil || pruned != 0 {
			t.Fatalf("pruning what is an hour old pruned %d: %v", pruned, err)
		}
		if pruned, err := s.App.Media.Deliver.PruneDerivatives(context.Background(), time.Now().Add(time.Minute)); err != nil || pruned != 1 || derivedObjects(t, s) != 0 {
			t.Fatalf("pruning everything pruned %d (%v); %d left in the store", pruned, err, derivedObjects(t, s))
		}
	})
}
