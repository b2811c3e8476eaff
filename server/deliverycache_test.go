package server_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// post sends a GraphQL query and returns the cache verdict header and the body.
func post(t *testing.T, s *apptest.Server, token, query string, vars map[string]any) (string, string) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	f := send(t, req, token)
	return f.Header.Get("X-Mediagraph-Cache"), string(f.Body)
}

// Delivery answers repeat from memory, and every committed change is visible to the next request.
func TestDeliveryCacheFollowsEveryChange(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		editor, delivery := s.Token("EDITOR"), s.Token("DELIVERY")
		a := s.MustUpload(editor, map[string]any{"status": "PUBLIC"}, apptest.Fixture(t, "alpha.png"))[0]
		b := s.MustUpload(editor, nil, apptest.Fixture(t, "photo-12mp.jpg"))[0]
		const list = `{ assets(orderBy: FILENAME_ASC) { nodes { id alt } } }`

		verdict, first := post(t, s, delivery, list, nil)
		if verdict != "miss" || !strings.Contains(first, a.ID) || strings.Contains(first, b.ID) {
			t.Fatalf("first read: %s %s", verdict, first)
		}
		verdict, again := post(t, s, delivery, list, nil)
		if verdict != "hit" || again != first {
			t.Errorf("repeat: %s %s, want a hit with the same body", verdict, again)
		}
		// Another delivery token shares the answer: they all see the same.
		if verdict, _ := post(t, s, s.Token("DELIVERY"), list, nil); verdict != "hit" {
			t.Errorf("another delivery token: %s, want hit", verdict)
		}

		s.Must(editor, `mutation($ids: [ID!]!) { setAssetStatus(ids: $ids, status: PUBLIC) { id } }`, map[string]any{"ids": []string{b.ID}}, nil)
		if verdict, body := post(t, s, delivery, list, nil); verdict != "miss" || !strings.Contains(body, b.ID) {
			t.Errorf("after publishing: %s %s", verdict, body)
		}
		s.Must(editor, `mutation($id: ID!) { updateAsset(id: $id, input: { defaultFieldMetadata: [{ locale: "en", alt: "fresh alt" }] }) { id } }`,
			map[string]any{"id": a.ID}, nil)
		if _, body := post(t, s, delivery, list, nil); !strings.Contains(body, "fresh alt") {
			t.Errorf("after an alt change: %s", body)
		}
		s.Must(editor, `mutation($ids: [ID!]!) { setAssetStatus(ids: $ids, status: PRIVATE) { id } }`, map[string]any{"ids": []string{b.ID}}, nil)
		if _, body := post(t, s, delivery, list, nil); strings.Contains(body, b.ID) {
			t.Errorf("a PRIVATE asset still delivered: %s", body)
		}

		// Variables are part of the question.
		const one = `query($id: ID!) { asset(id: $id) { id } }`
		if _, body := post(t, s, delivery, one, map[string]any{"id": a.ID}); !strings.Contains(body, a.ID) {
			t.Errorf("asset a: %s", body)
		}
		if _, body := post(t, s, delivery, one, map[string]any{"id": b.ID}); strings.Contains(body, b.ID) || strings.Contains(body, a.ID) {
			t.Errorf("asset b (private) answered with %s", body)
		}

		// Editors always get a fresh answer; failures are not kept.
		if verdict, body := post(t, s, editor, list, nil); verdict != "" || !strings.Contains(body, b.ID) {
			t.Errorf("editor: cache %q, body %s", verdict, body)
		}
		const bad = `{ assets(locale: "xx") { nodes { id } } }`
		post(t, s, delivery, bad, nil)
		if verdict, body := post(t, s, delivery, bad, nil); verdict != "miss" || !strings.Contains(body, "VALIDATION_FAILED") {
			t.Errorf("an error answer was kept: %s %s", verdict, body)
		}
	})
}

// A hit costs the token lookup and the generation read, nothing else.
func TestDeliveryCacheHitStatements(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	s.Seed(20)
	delivery := s.Token("DELIVERY")
	n := countStatements(t, s.App.DB.Gorm())
	post(t, s, delivery, assetsPage, nil)
	post(t, s, delivery, assetsPage, nil) // the token's use is recorded once a minute at most
	before := n.Load()
	if verdict, _ := post(t, s, delivery, assetsPage, nil); verdict != "hit" {
		t.Fatalf("verdict %q", verdict)
	}
	if got := n.Load() - before; got != 2 {
		t.Errorf("a cache hit ran %d statements, want 2", got)
	}
}

// With the cache turned off nothing is kept.
func TestDeliveryCacheOff(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t), func(c *config.Config) { c.DeliveryCacheBytes = 0 })
	delivery := s.Token("DELIVERY")
	for range 2 {
		if verdict, _ := post(t, s, delivery, `{ assets { totalCount } }`, nil); verdict != "" {
			t.Errorf("cache off answered %q", verdict)
		}
	}
}

// GET queries are cached by their URL.
func TestDeliveryCacheGET(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	delivery := s.Token("DELIVERY")
	get := func(query string) string {
		req, _ := http.NewRequest(http.MethodGet, s.URL+"/graphql?query="+url.QueryEscape(query), nil)
		return send(t, req, delivery).Header.Get("X-Mediagraph-Cache")
	}
	if first, second := get(`{ assets { totalCount } }`), get(`{ assets { totalCount } }`); first != "miss" || second != "hit" {
		t.Errorf("GET twice: %q then %q, want miss then hit", first, second)
	}
	if other := get(`{ tags { totalCount } }`); other != "miss" {
		t.Errorf("another GET query: %q, want miss", other)
	}
}
