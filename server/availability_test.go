package server_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// windowQuery asks everything through which a DELIVERY token can see an asset: lists, counts, the
// lookups, an entry's assets, and the counts of its tag and collection.
const windowQuery = `query($id: ID!, $col: ID!) {
	assets { totalCount nodes { id url } }
	asset(id: $id) { id }
	node(id: $id) { id }
	entryAssets(entry: { type: "page", id: "home" }) { id }
	tags(search: "windowed") { totalCount nodes { assetCount } }
	collection(id: $col) { assetCount }
}`

type windowState struct {
	Assets struct {
		TotalCount int
		Nodes      []struct{ ID, URL string }
	}
	Asset       *struct{ ID string }
	Node        *struct{ ID string }
	EntryAssets []struct{ ID string }
	Tags        struct {
		TotalCount int
		Nodes      []struct{ AssetCount int }
	}
	Collection struct{ AssetCount int }
}

// listed reports whether every way shows the asset; ok is false when they disagree.
func (w windowState) listed() (listed, ok bool) {
	tagCount := 0
	if len(w.Tags.Nodes) == 1 {
		tagCount = w.Tags.Nodes[0].AssetCount
	}
	seen := []bool{w.Assets.TotalCount == 1, len(w.Assets.Nodes) == 1, w.Asset != nil, w.Node != nil,
		len(w.EntryAssets) == 1, w.Tags.TotalCount == 1, tagCount == 1, w.Collection.AssetCount == 1}
	for _, s := range seen {
		if s != seen[0] {
			return false, false
		}
	}
	return seen[0], true
}

// An asset with an availability window a few seconds long appears to DELIVERY tokens everywhere when
// the window opens and disappears everywhere when it closes, with the delivery cache on: the cached
// answers of before each boundary are not served past it.
func TestAvailabilityWindowInEveryDeliveryRead(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		editor, delivery := s.Token("EDITOR"), s.Token("DELIVERY")
		var created struct{ CreateCollection struct{ ID string } }
		s.Must(editor, `mutation { createCollection(input: { name: "Campaign" }) { id } }`, nil, &created)
		col := created.CreateCollection.ID
		a := s.MustUpload(editor, map[string]any{"status": "PUBLIC", "tags": []string{"windowed"}, "collectionId": col},
			apptest.Fixture(t, "alpha.png"))[0]
		s.Must(editor, `mutation($e: EntryRefInput!, $ids: [ID!]!) { syncEntryReferences(entry: $e, assetIds: $ids, live: true) { id } }`,
			map[string]any{"e": map[string]any{"type": "page", "id": "home"}, "ids": []string{a.ID}}, nil)
		from := time.Now().UTC().Add(2 * time.Second).Truncate(time.Millisecond)
		until := from.Add(3 * time.Second)
		s.Must(editor, `mutation($id: ID!, $f: Time, $u: Time) { updateAsset(id: $id, input: { availableFrom: $f, availableUntil: $u }) { id } }`,
			map[string]any{"id": a.ID, "f": from, "u": until}, nil)

		vars := map[string]any{"id": a.ID, "col": col}
		read := func() (windowState, string, time.Time) {
			t.Helper()
			verdict, body := post(t, s, delivery, windowQuery, vars)
			answered := time.Now()
			var r struct {
				Data   windowState
				Errors []any
			}
			if err := json.Unmarshal([]byte(body), &r); err != nil || len(r.Errors) > 0 {
				t.Fatalf("answer %s: %v", body, err)
			}
			return r.Data, verdict, answered
		}
		// waitFor polls until every way agrees on want, and returns that answer.
		waitFor := func(want bool, what string) windowState {
			t.Helper()
			deadline := time.Now().Add(30 * time.Second)
			for time.Now().Before(deadline) {
				w, _, _ := read()
				if listed, ok := w.listed(); !ok {
					t.Fatalf("%s: the reads disagree within one answer: %+v", what, w)
				} else if listed == want {
					return w
				}
				time.Sleep(50 * time.Millisecond)
			}
			t.Fatalf("%s: never reached", what)
			return windowState{}
		}

		if w, _, answered := read(); answered.Before(from) {
			if listed, _ := w.listed(); listed {
				t.Fatalf("listed before availableFrom: %+v", w)
			}
			// The same question again comes from the cache, until the window opens.
			if _, verdict, answered := read(); answered.Before(from) && verdict != "hit" {
				t.Errorf("repeat before the window: cache %s, want hit", verdict)
			}
		}
		w := waitFor(true, "listed once the window opens")
		src := strings.TrimPrefix(w.Assets.Nodes[0].URL, s.URL)
		if f := fetch(t, s, http.MethodGet, src, "", nil); time.Now().Before(until) && f.Status != http.StatusOK {
			t.Errorf("listed, but its URL answers %d", f.Status)
		}
		waitFor(false, "gone once the window closes")
		if time.Now().Before(until) {
			t.Errorf("gone before availableUntil %v", until)
		}
		wantGateError(t, "after the window", fetch(t, s, http.MethodGet, src, "", nil), http.StatusForbidden, "ASSET_ACCESS_DENIED")
		// Past the last boundary, the answer is cached again.
		read()
		if _, verdict, _ := read(); verdict != "hit" {
			t.Errorf("repeat after the window: cache %s, want hit", verdict)
		}
	})
}
