package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
)

// gql posts a GraphQL request to the subprocess server and decodes its data into out.
func (s *crashSite) gql(token, query string, vars map[string]any, out any) {
	s.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, s.url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer res.Body.Close()
	var r struct {
		Data   json.RawMessage
		Errors []any
	}
	if err := json.NewDecoder(res.Body).Decode(&r); err != nil || len(r.Errors) > 0 {
		s.t.Fatalf("%s: %v %v", query, err, r.Errors)
	}
	if out != nil {
		json.Unmarshal(r.Data, out)
	}
}

// events lists the Mediagraph-Event headers a receiver got.
func events(got []apptest.Received) []string {
	out := make([]string, len(got))
	for i, r := range got {
		out[i] = r.Header.Get("Mediagraph-Event")
	}
	return out
}

// TestWebhookSurvivesKill kills the server with SIGKILL right after a change commits, before its
// event reaches the webhook, and checks the event is delivered once the server is back.
func TestWebhookSurvivesKill(t *testing.T) {
	site := newCrashSite(t, false)
	admin := strings.TrimSpace(site.c.must("token", "create", "--role", "ADMIN", "--name", "hooks"))
	rec := apptest.NewReceiver(t, nil)
	env := []string{"MEDIAGRAPH_FETCH_ALLOW_NETWORKS=127.0.0.0/8", "MEDIAGRAPH_WEBHOOK_RETRY_BASE=10ms"}
	site.start(env...)
	site.gql(admin, `mutation($url: String!) { createWebhook(input: { name: "site", url: $url }) { secret } }`, map[string]any{"url": rec.URL}, nil)
	u := site.send(uploadQuery, map[string]any{"files": []any{nil}}, "variables.files.0", 1<<10, 1<<10)
	var up struct {
		Data struct{ UploadAssets []struct{ ID string } }
	}
	if err := json.Unmarshal(<-u.done, &up); err != nil || len(up.Data.UploadAssets) != 1 {
		t.Fatalf("upload: %v %+v", err, up)
	}
	rec.Wait(t, 1) // the server delivers: the next change is the one killed in flight

	site.gql(site.token, `mutation($ids: [ID!]!) { updateAssets(ids: $ids, input: { author: "killed" }) { id } }`,
		map[string]any{"ids": []string{up.Data.UploadAssets[0].ID}}, nil)
	site.kill()
	if got := rec.All(); len(got) != 1 {
		t.Fatalf("the update reached the receiver before the kill (%v): the test missed its point", events(got))
	}
	var undelivered int64
	site.db.Raw(`SELECT COUNT(*) FROM events WHERE kind = 'asset.updated' AND delivered_at IS NULL`).Scan(&undelivered)
	t.Logf("killed with the update's event %s", map[bool]string{true: "still in the outbox", false: "dispatched, its delivery queued"}[undelivered == 1])

	site.start(env...)
	// At least once: the kill may also have come between the first delivery's answer and its record,
	// and then that delivery is sent again, under the same Mediagraph-Delivery id.
	first := rec.All()[0].Header.Get("Mediagraph-Delivery")
	for n := 2; ; n++ {
		got := rec.Wait(t, n)[n-1]
		var body struct {
			Event string
			Asset struct{ ID, Author string }
		}
		if err := json.Unmarshal(got.Body, &body); err != nil {
			t.Fatalf("after the restart: %s: %v", got.Body, err)
		}
		if body.Event == "asset.updated" {
			if body.Asset.Author != "killed" {
				t.Errorf("after the restart: %s, want the asset.updated of the change", got.Body)
			}
			return
		}
		if id := got.Header.Get("Mediagraph-Delivery"); body.Event != "asset.created" || id != first || n > 3 {
			t.Fatalf("after the restart: %s %s (delivery %s), want the asset.updated of the change, or the first delivery (%s) again", body.Event, got.Body, id, first)
		}
	}
}
