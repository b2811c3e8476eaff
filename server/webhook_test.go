package server_test

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

const createWebhook = `mutation($in: CreateWebhookInput!) { createWebhook(input: $in) { secret webhook { id } } }`

// newWebhook registers a webhook for url (with extra input fields) and returns its id and secret.
func newWebhook(t *testing.T, s *apptest.Server, url string, extra map[string]any) (string, string) {
	t.Helper()
	in := map[string]any{"name": "site", "url": url}
	for k, v := range extra {
		in[k] = v
	}
	var out struct {
		CreateWebhook struct {
			Secret  string
			Webhook struct{ ID string }
		}
	}
	s.Must(s.Admin, createWebhook, map[string]any{"in": in}, &out)
	return out.CreateWebhook.Webhook.ID, out.CreateWebhook.Secret
}

// verified checks a delivery's signature as a receiver would, independently of the service's code:
// t=<unix>,v1=<hex HMAC-SHA256 of "<unix>.<body>">.
func verified(t *testing.T, r apptest.Received, secret string) bool {
	t.Helper()
	var ts string
	var sigs []string
	for _, part := range strings.Split(r.Header.Get("Mediagraph-Signature"), ",") {
		k, v, _ := strings.Cut(part, "=")
		switch k {
		case "t":
			ts = v
		case "v1":
			sigs = append(sigs, v)
		}
	}
	unix, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || time.Since(time.Unix(unix, 0)).Abs() > 5*time.Minute {
		return false
	}
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(ts + "."))
	mac.Write(r.Body)
	want := hex.EncodeToString(mac.Sum(nil))
	return slices.ContainsFunc(sigs, func(s string) bool { return hmac.Equal([]byte(s), []byte(want)) })
}

type hookPayload struct {
	ID         string
	Event      string
	OccurredAt time.Time
	Asset      map[string]any
}

func decodeDelivery(t *testing.T, r apptest.Received) hookPayload {
	t.Helper()
	var d hookPayload
	if err := json.Unmarshal(r.Body, &d); err != nil {
		t.Fatalf("payload %s: %v", r.Body, err)
	}
	return d
}

// TestWebhookDeliversEveryChange makes 50 mixed changes and checks a loopback receiver gets exactly
// one signed delivery per event and asset, with the asset as DELIVERY fields plus status.
func TestWebhookDeliversEveryChange(t *testing.T) {
	testdb.Each(t, func(t *testing.T, url string) {
		s := apptest.Start(t, url, apptest.Webhooks(time.Second))
		rec := apptest.NewReceiver(t, nil)
		// Scans finish in the background at their own pace: their events are left out of the count.
		_, secret := newWebhook(t, s, rec.URL, map[string]any{"events": []string{"asset.created", "asset.updated", "asset.replaced",
			"asset.deleted", "asset.restored", "asset.purged", "asset.published", "asset.unpublished", "upload.completed"}})
		editor := s.Token("EDITOR")
		var want []string
		expect := func(event string, ids ...string) {
			for _, id := range ids {
				want = append(want, event+" "+id)
			}
		}
		ids := func(list ...string) map[string]any { return map[string]any{"ids": list} }

		fixtures := []string{"alpha.png", "anim.gif", "focal-red-square.png", "cmyk.jpg", "photo.webp"}
		var assets []string
		for i := range 10 { // 10 changes
			up := s.MustUpload(editor, map[string]any{"author": fmt.Sprint("up ", i)}, apptest.Fixture(t, fixtures[i%len(fixtures)]))
			assets = append(assets, up[0].ID)
			expect("asset.created", up[0].ID)
		}
		for i := range 20 { // 30
			a := assets[i%len(assets)]
			s.Must(editor, `mutation($ids: [ID!]!) { updateAssets(ids: $ids, input: { author: "x" }) { id } }`, ids(a), nil)
			expect("asset.updated", a)
		}
		for _, a := range assets[:5] { // 35
			s.Must(editor, `mutation($ids: [ID!]!) { updateAssets(ids: $ids, input: { status: PUBLIC }) { id } }`, ids(a), nil)
			expect("asset.updated", a)
			expect("asset.published", a)
		}
		for _, a := range assets[:3] { // 38
			s.Must(editor, `mutation($ids: [ID!]!) { setAssetStatus(ids: $ids, status: PRIVATE) { id } }`, ids(a), nil)
			expect("asset.updated", a)
			expect("asset.unpublished", a)
		}
		s.Must(editor, `mutation($ids: [ID!]!) { updateAssets(ids: $ids, input: { copyright: "c" }) { id } }`, ids(assets[5:8]...), nil) // 39
		expect("asset.updated", assets[5:8]...)
		for _, a := range assets[6:10] { // 43
			s.Must(editor, `mutation($ids: [ID!]!) { deleteAssets(ids: $ids) }`, ids(a), nil)
			expect("asset.deleted", a)
		}
		for _, a := range assets[6:9] { // 46
			s.Must(editor, `mutation($ids: [ID!]!) { restoreAssets(ids: $ids) { id } }`, ids(a), nil)
			expect("asset.restored", a)
		}
		s.Must(editor, `mutation($ids: [ID!]!) { purgeAssets(ids: $ids) }`, ids(assets[9]), nil) // 47
		expect("asset.purged", assets[9])
		for _, a := range assets[1:3] { // 49
			s.Multipart(editor, `mutation($id: ID!, $file: Upload!) { replaceAsset(id: $id, file: $file) { id } }`,
				map[string]any{"id": a, "file": nil}, []string{"variables.file"}, apptest.Fixture(t, "tone.mp3")).Decode(t, nil)
			expect("asset.replaced", a)
		}
		s.Must(editor, `mutation($ids: [ID!]!) { syncEntryReferences(entry: { type: "post", id: "1" }, assetIds: $ids, live: true) { id } }`,
			ids(assets[8]), nil) // 50: PRIVATE until a live entry uses it
		expect("asset.updated", assets[8])
		expect("asset.published", assets[8])

		rec.Wait(t, len(want))
		time.Sleep(300 * time.Millisecond) // a duplicate would arrive about now
		got := rec.All()
		var seen []string
		payloadIDs, deliveryIDs := map[string]bool{}, map[string]bool{}
		for _, r := range got {
			d := decodeDelivery(t, r)
			seen = append(seen, d.Event+" "+fmt.Sprint(d.Asset["id"]))
			if !verified(t, r, secret) {
				t.Errorf("%s: bad signature %q", d.ID, r.Header.Get("Mediagraph-Signature"))
			}
			if r.Header.Get("Mediagraph-Event") != d.Event || payloadIDs[d.ID] || deliveryIDs[r.Header.Get("Mediagraph-Delivery")] {
				t.Errorf("%s: event header %q, or a repeated id", d.ID, r.Header.Get("Mediagraph-Event"))
			}
			payloadIDs[d.ID], deliveryIDs[r.Header.Get("Mediagraph-Delivery")] = true, true
			// An asset is rendered when its event is dispatched: once purged, only its id is left.
			if _, leaked := d.Asset["notes"]; leaked || (d.Asset["id"] != assets[9] && d.Asset["status"] == nil) {
				t.Errorf("%s: asset %v: want delivery fields and status, no notes", d.Event, d.Asset)
			}
		}
		slices.Sort(seen)
		slices.Sort(want)
		if !slices.Equal(seen, want) {
			t.Errorf("received %d deliveries, want %d:\n got  %v\n want %v", len(seen), len(want), seen, want)
		}
	})
}

// deliveryLog reads a webhook's delivery log.
type deliveryLog struct {
	Webhook struct {
		Enabled        bool
		FailureCount   int
		DisabledReason *string
		Deliveries     struct {
			Nodes []struct {
				ID             string
				Event          string
				Status         string
				Attempts       int
				ResponseStatus *int
				ResponseBody   *string
				Error          *string
				RequestBody    string
			}
		}
	}
}

func readLog(t *testing.T, s *apptest.Server, id string) deliveryLog {
	t.Helper()
	var out deliveryLog
	s.Must(s.Admin, `query($id: ID!) { webhook(id: $id) { enabled failureCount disabledReason
		deliveries(first: 100) { nodes { id event status attempts responseStatus responseBody error requestBody } } } }`,
		map[string]any{"id": id}, &out)
	return out
}

// waitLog polls the delivery log until done says it is as wanted.
func waitLog(t *testing.T, s *apptest.Server, id string, done func(deliveryLog) bool) deliveryLog {
	t.Helper()
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if l := readLog(t, s, id); done(l) {
			return l
		}
	}
	t.Fatalf("delivery log not as wanted after two minutes: %+v", readLog(t, s, id))
	return deliveryLog{}
}

// TestWebhookRetriesOneDelivery answers 500 three times, then 200: the same delivery id comes each
// time and the log shows four attempts.
func TestWebhookRetriesOneDelivery(t *testing.T) {
	testdb.Each(t, func(t *testing.T, url string) {
		s := apptest.Start(t, url, apptest.Webhooks(10*time.Millisecond))
		rec := apptest.NewReceiver(t, func(n int) int {
			if n < 3 {
				return http.StatusInternalServerError
			}
			return http.StatusOK
		})
		hook, _ := newWebhook(t, s, rec.URL, map[string]any{"events": []string{"asset.created"}})
		s.MustUpload(s.Token("EDITOR"), nil, apptest.Fixture(t, "alpha.png"))
		got := rec.Wait(t, 4)
		for _, r := range got {
			if r.Header.Get("Mediagraph-Delivery") != got[0].Header.Get("Mediagraph-Delivery") {
				t.Errorf("delivery ids differ: %q, %q", r.Header.Get("Mediagraph-Delivery"), got[0].Header.Get("Mediagraph-Delivery"))
			}
		}
		l := waitLog(t, s, hook, func(l deliveryLog) bool {
			n := l.Webhook.Deliveries.Nodes
			return len(n) == 1 && n[0].Status == "DELIVERED"
		})
		d := l.Webhook.Deliveries.Nodes[0]
		if d.Attempts != 4 || d.ResponseStatus == nil || *d.ResponseStatus != 200 || d.ID != got[0].Header.Get("Mediagraph-Delivery") {
			t.Errorf("log: %+v, want 4 attempts ending in 200 under the delivery id sent", d)
		}
		m := scrape(t, s.URL, "")
		for outcome, want := range map[string]float64{"retry": 3, "delivered": 1} {
			if got := value(m, "mediagraph_webhook_attempts_total", map[string]string{"outcome": outcome}); got != want {
				t.Errorf("webhook attempts %s: %v, want %v", outcome, got, want)
			}
		}
	})
}

// TestWebhookBadInput refuses targets off limits, unknown events and the 101st webhook, each with a
// coded error.
func TestWebhookBadInput(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	for _, url := range []string{"http://127.0.0.1:9/hook", "http://169.254.169.254/latest/meta-data", "file:///etc/passwd",
		"http://user:secret@example.com/hook", "http://localhost/hook", "gopher://example.com", "http://[::1]/"} {
		r := s.Query(s.Admin, createWebhook, map[string]any{"in": map[string]any{"name": "x", "url": url}})
		wantCode(t, url, r, "VALIDATION_FAILED", "url")
	}
	r := s.Query(s.Admin, createWebhook, map[string]any{"in": map[string]any{"name": "x", "url": "http://93.184.215.14/", "events": []string{"asset.exploded"}}})
	wantCode(t, "unknown event", r, "VALIDATION_FAILED", "events")
	r = s.Query(s.Admin, createWebhook, map[string]any{"in": map[string]any{"name": "x", "url": "http://93.184.215.14/",
		"headers": []map[string]any{{"name": "Mediagraph-Signature", "value": "forged"}}}})
	wantCode(t, "reserved header", r, "VALIDATION_FAILED", "headers.0.name")
	r = s.Query(s.Token("EDITOR"), createWebhook, map[string]any{"in": map[string]any{"name": "x", "url": "http://93.184.215.14/"}})
	wantCode(t, "an editor", r, "FORBIDDEN", "")
	for i := range 100 {
		r = s.Query(s.Admin, createWebhook, map[string]any{"in": map[string]any{"name": fmt.Sprint("w", i), "url": "http://93.184.215.14/", "enabled": false}})
		if i < 100 && r.Code() != "" {
			t.Fatalf("webhook %d: %+v", i, r.Errors)
		}
	}
	r = s.Query(s.Admin, createWebhook, map[string]any{"in": map[string]any{"name": "one too many", "url": "http://93.184.215.14/"}})
	wantCode(t, "the 101st webhook", r, "CONFLICT", "")
}

// TestWebhookReceiverFailures: a receiver that never answers times out, one that answers a gigabyte
// costs 4 KB of log, 410 turns the webhook off, and a delivery that keeps failing ends FAILED and
// counted against its webhook.
func TestWebhookReceiverFailures(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t), apptest.Webhooks(time.Millisecond), func(c *config.Config) { c.WebhookTimeout = 300 * time.Millisecond })
	hang := make(chan struct{})
	huge := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body) // from then on the request's context ends when the client hangs up
		switch r.URL.Path {
		case "/hang":
			select {
			case <-hang:
			case <-r.Context().Done():
			}
		case "/huge":
			chunk := bytes.Repeat([]byte("x"), 64<<10)
			for range (1 << 30) / len(chunk) {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		case "/gone":
			w.WriteHeader(http.StatusGone)
		default:
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	}))
	t.Cleanup(huge.Close)
	t.Cleanup(func() { close(hang) }) // first: Close waits for the handlers
	ping := func(path string) string {
		id, _ := newWebhook(t, s, huge.URL+path, nil)
		s.Must(s.Admin, `mutation($id: ID!) { testWebhook(id: $id) { id } }`, map[string]any{"id": id}, nil)
		return id
	}
	hangs, hugeOne, gone, down := ping("/hang"), ping("/huge"), ping("/gone"), ping("/down")
	finished := func(l deliveryLog) bool {
		n := l.Webhook.Deliveries.Nodes
		return len(n) == 1 && n[0].Status != "PENDING"
	}

	l := waitLog(t, s, hugeOne, finished).Webhook.Deliveries.Nodes[0]
	if l.Status != "DELIVERED" || l.ResponseBody == nil || len(*l.ResponseBody) != 4096 {
		t.Errorf("huge answer: %s with %d bytes logged, want DELIVERED with 4096", l.Status, len(deref(l.ResponseBody)))
	}
	g := waitLog(t, s, gone, finished)
	if g.Webhook.Enabled || g.Webhook.DisabledReason == nil || g.Webhook.Deliveries.Nodes[0].Status != "FAILED" {
		t.Errorf("410: %+v, want the webhook disabled and the delivery FAILED", g.Webhook)
	}
	for _, id := range []string{hangs, down} {
		waitLog(t, s, id, finished)
		// Read again: one answer reads the webhook before its deliveries, so it may see the delivery
		// FAILED but not yet the count that was committed just before it.
		d := waitLog(t, s, id, finished)
		n := d.Webhook.Deliveries.Nodes[0]
		if n.Status != "FAILED" || n.Attempts != 12 || d.Webhook.FailureCount != 1 {
			t.Errorf("%s: %+v, failures %d: want FAILED after 12 attempts, counted once", id, n, d.Webhook.FailureCount)
		}
		if id == hangs && (n.Error == nil || !strings.Contains(*n.Error, "no answer within")) {
			t.Errorf("hanging receiver: error %v, want a timeout", n.Error)
		}
	}
}

// TestWebhookBatchRotationAndRedelivery: a batch webhook gets many events per POST; after a rotation
// both secrets sign; a redelivery sends the same body under a new delivery id.
func TestWebhookBatchRotationAndRedelivery(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t), apptest.Webhooks(time.Second))
	rec := apptest.NewReceiver(t, nil)
	hook, old := newWebhook(t, s, rec.URL, map[string]any{"batch": true, "events": []string{"asset.updated"}, "includeManagementFields": true})
	editor := s.Token("EDITOR")
	up := s.MustUpload(editor, map[string]any{"notes": "internal"}, apptest.Fixture(t, "alpha.png"), apptest.Fixture(t, "anim.gif"), apptest.Fixture(t, "cmyk.jpg"))
	ids := []string{up[0].ID, up[1].ID, up[2].ID}
	var rotated struct{ RotateWebhookSecret struct{ Secret string } }
	s.Must(s.Admin, `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`, map[string]any{"id": hook}, &rotated)
	s.Must(editor, `mutation($ids: [ID!]!) { updateAssets(ids: $ids, input: { author: "b" }) { id } }`, map[string]any{"ids": ids}, nil)
	got := rec.Wait(t, 1)[0]
	var batch struct{ Events []hookPayload }
	if err := json.Unmarshal(got.Body, &batch); err != nil || len(batch.Events) != 3 || got.Header.Get("Mediagraph-Event") != "batch" {
		t.Fatalf("batch: %s (%v), want the 3 updates in one POST", got.Body, err)
	}
	if batch.Events[0].Asset["notes"] != "internal" {
		t.Errorf("management fields asked for, got asset %v", batch.Events[0].Asset)
	}
	if !verified(t, got, old) || !verified(t, got, rotated.RotateWebhookSecret.Secret) {
		t.Errorf("during the rotation both secrets must sign: %q", got.Header.Get("Mediagraph-Signature"))
	}
	first := got.Header.Get("Mediagraph-Delivery")
	s.Must(s.Admin, `mutation($id: ID!) { redeliverWebhookEvent(deliveryId: $id) { id } }`, map[string]any{"id": first}, nil)
	again := rec.Wait(t, 2)[1]
	if !bytes.Equal(again.Body, got.Body) || again.Header.Get("Mediagraph-Delivery") == first {
		t.Errorf("redelivery: same body %v, delivery id %q (first %q)", bytes.Equal(again.Body, got.Body), again.Header.Get("Mediagraph-Delivery"), first)
	}
}

// TestWebhookBulkChange: an updateAssets of 500 assets is 500 events; a batch webhook gets them in
// five POSTs of 100, a plain one in 500.
func TestWebhookBulkChange(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t), apptest.Webhooks(time.Second))
	s.Seed(500)
	var ids []string
	if err := s.App.DB.Gorm().Table("assets").Pluck("id", &ids).Error; err != nil {
		t.Fatal(err)
	}
	batched, plain := apptest.NewReceiver(t, nil), apptest.NewReceiver(t, nil)
	newWebhook(t, s, batched.URL, map[string]any{"batch": true})
	newWebhook(t, s, plain.URL, nil)
	s.Must(s.Token("EDITOR"), `mutation($ids: [ID!]!) { updateAssets(ids: $ids, input: { author: "bulk" }) { id } }`, map[string]any{"ids": ids}, nil)
	plain.Wait(t, 500)
	seen := map[string]bool{}
	for _, r := range batched.Wait(t, 5) {
		var b struct{ Events []hookPayload }
		if err := json.Unmarshal(r.Body, &b); err != nil || len(b.Events) != 100 {
			t.Fatalf("batch of %d events (%v), want 100", len(b.Events), err)
		}
		for _, e := range b.Events {
			seen[fmt.Sprint(e.Asset["id"])] = true
		}
	}
	time.Sleep(300 * time.Millisecond) // more would arrive about now
	if len(seen) != 500 || len(batched.All()) != 5 || len(plain.All()) != 500 {
		t.Errorf("%d assets in %d batches, %d plain deliveries: want 500 in 5, and 500", len(seen), len(batched.All()), len(plain.All()))
	}
}

// TestReprocessIsAnalyzed: a new analysis of an asset's bytes is an asset.analyzed event, which a
// webhook asking for it receives.
func TestReprocessIsAnalyzed(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t), apptest.Webhooks(time.Second))
	rec := apptest.NewReceiver(t, nil)
	newWebhook(t, s, rec.URL, map[string]any{"events": []string{"asset.analyzed"}})
	id := s.MustUpload(s.Token("EDITOR"), nil, apptest.Fixture(t, "anim.gif"))[0].ID
	if err := s.App.Media.Intake.Reprocess(t.Context(), id); err != nil {
		t.Fatal(err)
	}
	if d := decodeDelivery(t, rec.Wait(t, 1)[0]); d.Event != "asset.analyzed" || d.Asset["id"] != id {
		t.Errorf("delivery %+v, want asset.analyzed of %s", d, id)
	}
}

// TestWebhookManagement updates, lists and deletes webhooks: an update keeps what it does not name,
// a webhook enabled again receives its events with its headers, and only an ADMIN token sees webhooks.
func TestWebhookManagement(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t), apptest.Webhooks(time.Second))
	rec := apptest.NewReceiver(t, nil)
	id, _ := newWebhook(t, s, rec.URL, map[string]any{"headers": []map[string]any{{"name": "X-Site", "value": "blog"}}})
	var up struct {
		UpdateWebhook struct {
			Name    string
			Events  []string
			Enabled bool
			Headers []struct{ Name, Value string }
		}
	}
	s.Must(s.Admin, `mutation($id: ID!) { updateWebhook(id: $id, input: { name: "renamed", events: ["asset.deleted"], enabled: false }) {
		name events enabled headers { name value } } }`, map[string]any{"id": id}, &up)
	u := up.UpdateWebhook
	if u.Name != "renamed" || len(u.Events) != 1 || u.Enabled || len(u.Headers) != 1 || u.Headers[0].Value != "blog" {
		t.Errorf("updated webhook: %+v", u)
	}
	editor := s.Token("EDITOR")
	a := s.MustUpload(editor, nil, apptest.Fixture(t, "alpha.png"))[0].ID
	s.Must(editor, `mutation($ids: [ID!]!) { deleteAssets(ids: $ids) }`, map[string]any{"ids": []string{a}}, nil)
	s.Must(s.Admin, `mutation($id: ID!) { updateWebhook(id: $id, input: { enabled: true }) { id } }`, map[string]any{"id": id}, nil)
	s.Must(editor, `mutation($ids: [ID!]!) { restoreAssets(ids: $ids) { id } }`, map[string]any{"ids": []string{a}}, nil)
	s.Must(editor, `mutation($ids: [ID!]!) { deleteAssets(ids: $ids) }`, map[string]any{"ids": []string{a}}, nil)
	got := rec.Wait(t, 1)
	if d := decodeDelivery(t, got[0]); d.Event != "asset.deleted" || got[0].Header.Get("X-Site") != "blog" {
		t.Errorf("first delivery %s with X-Site %q: want the deletion after re-enabling, with the header", d.Event, got[0].Header.Get("X-Site"))
	}

	var list struct{ Webhooks []struct{ ID string } }
	s.Must(s.Admin, `{ webhooks { id } }`, nil, &list)
	if len(list.Webhooks) != 1 || list.Webhooks[0].ID != id {
		t.Errorf("webhooks: %+v", list.Webhooks)
	}
	wantCode(t, "an editor lists webhooks", s.Query(editor, `{ webhooks { id } }`, nil), "FORBIDDEN", "")
	s.Must(s.Admin, `mutation($id: ID!) { deleteWebhook(id: $id) { id } }`, map[string]any{"id": id}, nil)
	var one struct{ Webhook *struct{ ID string } }
	s.Must(s.Admin, `query($id: ID!) { webhook(id: $id) { id } }`, map[string]any{"id": id}, &one)
	if one.Webhook != nil {
		t.Errorf("deleted webhook still there: %+v", one.Webhook)
	}
	wantCode(t, "redeliver nothing", s.Query(s.Admin, `mutation { redeliverWebhookEvent(deliveryId: "dlv_nope") { id } }`, nil), "NOT_FOUND", "")
	wantCode(t, "update a deleted webhook", s.Query(s.Admin, `mutation($id: ID!) { updateWebhook(id: $id, input: { name: "x" }) { id } }`,
		map[string]any{"id": id}), "NOT_FOUND", "")
}
