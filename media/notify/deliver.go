package notify

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/mediagraph/mediagraph/models"
)

// Delivery schedule: MaxAttempts attempts, the wait after attempt n being RetryBase·2^(n-1), at most
// maxBackoffFactor·RetryBase, each ±10 % so that receivers coming back are not hit by every
// webhook at once. With the default RetryBase of a minute: 1m 2m 4m 8m 16m 32m 1h04 2h08 4h16 8h 8h,
// about 25 hours from the first attempt to the last.
const (
	MaxAttempts      = 12
	maxBackoffFactor = 480
	// batchSize is the most events one POST of a batch webhook carries.
	batchSize = 100
	// responseLogBytes is how much of an answer the log keeps; no more is read.
	responseLogBytes = 4 << 10
	// DeliveryKind is the kind of the jobs that make attempts.
	DeliveryKind = "deliver_webhook"
)

// Backoff is the wait after failed attempt number attempt.
func (s *Webhooks) Backoff(attempt int) time.Duration {
	d := s.settings.RetryBase * maxBackoffFactor
	if attempt < 10 {
		d = min(s.settings.RetryBase<<(attempt-1), d)
	}
	return time.Duration(float64(d) * (0.9 + 0.2*rand.Float64()))
}

// AttemptTimeout bounds a job's attempt: the request's own timeout plus time to log it.
func (s *Webhooks) AttemptTimeout() time.Duration { return s.settings.Timeout + 10*time.Second }

// payload is the JSON body of one event.
type payload struct {
	ID         string          `json:"id"`
	Event      string          `json:"event"`
	OccurredAt time.Time       `json:"occurredAt"`
	UploadID   *string         `json:"uploadId,omitempty"`
	Asset      json.RawMessage `json:"asset"`
}

// Subscriber turns events of the outbox into deliveries, one per item and webhook (or one per batch
// of up to 100 items for batch webhooks), and queues them. Seen again after a crash, a batch makes no
// second delivery: each item is claimed once per webhook, and the deliveries still pending are
// queued again.
func (s *Webhooks) Subscriber(ctx context.Context, events []models.Event) error {
	items := Items(events)
	if len(items) == 0 {
		return nil
	}
	hooks, err := s.db.Webhooks(ctx, true)
	if err != nil || len(hooks) == 0 {
		return err
	}
	ctx = asService(ctx)
	rendered := map[bool]map[string]json.RawMessage{}
	for _, w := range hooks {
		if err := s.fanOut(ctx, w, items, rendered); err != nil {
			return fmt.Errorf("webhook %s: %w", w.ID, err)
		}
	}
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	pending, err := s.db.PendingDeliveriesOf(ctx, ids)
	if err != nil {
		return err
	}
	return s.enqueue(ctx, pending)
}

// fanOut makes w's deliveries of the items it takes and has no delivery for yet.
func (s *Webhooks) fanOut(ctx context.Context, w *models.Webhook, items []Item, rendered map[bool]map[string]json.RawMessage) error {
	taken, err := s.take(ctx, w, items)
	if err != nil || len(taken) == 0 {
		return err
	}
	if rendered[w.IncludeManagementFields] == nil {
		if rendered[w.IncludeManagementFields], err = s.renderItems(ctx, items, w.IncludeManagementFields); err != nil {
			return err
		}
	}
	assets := rendered[w.IncludeManagementFields]
	size := 1
	if w.Batch {
		size = batchSize
	}
	for start := 0; start < len(taken); start += size {
		if err := s.createDelivery(ctx, w, taken[start:min(start+size, len(taken))], assets); err != nil {
			return err
		}
	}
	return nil
}

// take returns the items w subscribes to, whose assets match its filter, that it has no delivery for.
func (s *Webhooks) take(ctx context.Context, w *models.Webhook, items []Item) ([]Item, error) {
	var wanted []Item
	var ids []string
	for _, it := range items {
		if wants(w.Events, it) {
			wanted = append(wanted, it)
			ids = append(ids, it.ID)
		}
	}
	if len(wanted) == 0 {
		return nil, nil
	}
	if w.Filter != nil {
		var filter models.AssetFilter
		if err := json.Unmarshal([]byte(*w.Filter), &filter); err != nil {
			return nil, fmt.Errorf("decode filter: %w", err)
		}
		match, err := matching(ctx, s.assets, &filter, assetsOf(wanted))
		if err != nil {
			return nil, err
		}
		wanted, ids = keep(wanted, func(it Item) bool { return match[it.AssetID] })
	}
	unclaimed, err := s.db.UnclaimedEvents(ctx, w.ID, ids)
	if err != nil {
		return nil, err
	}
	free := map[string]bool{}
	for _, id := range unclaimed {
		free[id] = true
	}
	out, _ := keep(wanted, func(it Item) bool { return free[it.ID] })
	return out, nil
}

func keep(items []Item, ok func(Item) bool) ([]Item, []string) {
	var out []Item
	var ids []string
	for _, it := range items {
		if ok(it) {
			out = append(out, it)
			ids = append(ids, it.ID)
		}
	}
	return out, ids
}

func assetsOf(items []Item) []string {
	ids := make([]string, 0, len(items))
	seen := map[string]bool{}
	for _, it := range items {
		if !seen[it.AssetID] {
			seen[it.AssetID] = true
			ids = append(ids, it.AssetID)
		}
	}
	return ids
}

func (s *Webhooks) renderItems(ctx context.Context, items []Item, management bool) (map[string]json.RawMessage, error) {
	out, err := s.render(ctx, assetsOf(items), management)
	if err != nil {
		return nil, fmt.Errorf("render assets: %w", err)
	}
	return out, nil
}

// createDelivery records the delivery of items to w, its body built now: every retry sends the same.
func (s *Webhooks) createDelivery(ctx context.Context, w *models.Webhook, items []Item, assets map[string]json.RawMessage) error {
	bodies := make([]payload, len(items))
	ids := make([]string, len(items))
	for i, it := range items {
		asset := assets[it.AssetID]
		if asset == nil {
			asset = json.RawMessage(`{"id":` + strconv.Quote(it.AssetID) + `}`) // purged: only its id remains
		}
		bodies[i] = payload{ID: it.ID, Event: string(it.Event), OccurredAt: it.OccurredAt, UploadID: it.UploadID, Asset: asset}
		ids[i] = it.ID
	}
	event := bodies[0].Event
	var body []byte
	var err error
	if w.Batch {
		event = "batch"
		body, err = json.Marshal(map[string]any{"events": bodies})
	} else {
		body, err = json.Marshal(bodies[0])
	}
	if err != nil {
		return fmt.Errorf("encode payload: %w", err)
	}
	return s.db.CreateDelivery(ctx, newDelivery(w.ID, event, ids, body))
}

func newDelivery(webhookID, event string, itemIDs []string, body []byte) *models.WebhookDelivery {
	now := models.Now()
	return &models.WebhookDelivery{
		ID: models.NewID(models.DeliveryPrefix), WebhookID: webhookID, Event: event, EventIDs: itemIDs,
		Status: models.DeliveryPending, RequestBody: string(body), CreatedAt: now, UpdatedAt: now,
	}
}

// Sign returns the Mediagraph-Signature of body sent at t: "t=<unix>,v1=<hex HMAC-SHA256 of
// "<unix>.<body>">", with one v1 per secret that signs (two during a rotation).
func Sign(t time.Time, body []byte, secrets ...string) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	parts := []string{"t=" + ts}
	for _, secret := range secrets {
		mac := hmac.New(sha256.New, []byte(secret))
		mac.Write([]byte(ts + "."))
		mac.Write(body)
		parts = append(parts, "v1="+hex.EncodeToString(mac.Sum(nil)))
	}
	return strings.Join(parts, ",")
}

func signingSecrets(w *models.Webhook, now time.Time) []string {
	secrets := []string{w.Secret}
	if w.PreviousSecret != nil && w.PreviousSecretUntil != nil && now.Before(*w.PreviousSecretUntil) {
		secrets = append(secrets, *w.PreviousSecret)
	}
	return secrets
}

// errRetry asks the queue for the next attempt.
var errRetry = errors.New("the receiver did not accept the delivery")

// Attempt sends a delivery once and logs the attempt. A 2xx answer delivers it; 410 turns the webhook
// off; anything else, or no answer, is retried until last, after which the delivery is FAILED and
// counted against the webhook.
func (s *Webhooks) Attempt(ctx context.Context, deliveryID string, _ int, last bool) error {
	d, err := s.db.Delivery(ctx, deliveryID)
	if errors.Is(err, models.ErrNotFound) {
		s.heard("gone")
		return nil // its webhook was deleted, or the log swept
	}
	if err != nil || d.Status != models.DeliveryPending {
		return err
	}
	w, err := s.db.Webhook(ctx, d.WebhookID)
	if errors.Is(err, models.ErrNotFound) {
		s.heard("gone")
		return nil
	}
	if err != nil {
		return err
	}
	if !w.Enabled && d.Event != Ping {
		return s.finish(ctx, d, models.DeliveryFailed, "the webhook is disabled")
	}
	status := s.send(ctx, w, d)
	switch {
	case status >= 200 && status < 300:
		return s.finish(ctx, d, models.DeliveryDelivered, "delivered")
	case status == http.StatusGone:
		if err := s.db.DisableWebhook(ctx, w.ID, "the receiver answered 410 Gone"); err != nil {
			return err
		}
		return s.finish(ctx, d, models.DeliveryFailed, "failed")
	case last:
		if err := s.db.AddWebhookFailure(ctx, w.ID); err != nil {
			return err
		}
		return s.finish(ctx, d, models.DeliveryFailed, "failed")
	}
	if err := s.db.SaveDelivery(ctx, d); err != nil {
		return err
	}
	s.heard("retry")
	return errRetry
}

func (s *Webhooks) finish(ctx context.Context, d *models.WebhookDelivery, status models.DeliveryStatus, outcome string) error {
	d.Status, d.UpdatedAt = status, models.Now()
	if err := s.db.SaveDelivery(ctx, d); err != nil {
		return err
	}
	s.heard(outcome)
	return nil
}

func (s *Webhooks) heard(outcome string) {
	if s.OnAttempt != nil {
		s.OnAttempt(outcome)
	}
}

// send POSTs the delivery and writes the attempt into d (not saved); it returns the answer's status,
// 0 for none.
func (s *Webhooks) send(ctx context.Context, w *models.Webhook, d *models.WebhookDelivery) int {
	ctx, cancel := context.WithTimeout(ctx, s.settings.Timeout)
	defer cancel()
	body := []byte(d.RequestBody)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.URL, bytes.NewReader(body))
	if err != nil {
		return s.logAttempt(d, nil, time.Time{}, nil, err)
	}
	for _, h := range w.Headers {
		req.Header.Set(h.Name, h.Value)
	}
	now := time.Now()
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Mediagraph-Webhooks")
	req.Header.Set("Mediagraph-Event", d.Event)
	req.Header.Set("Mediagraph-Delivery", d.ID)
	req.Header.Set("Mediagraph-Signature", Sign(now, body, signingSecrets(w, now)...))
	res, err := s.sender.Do(req)
	if err != nil {
		return s.logAttempt(d, req, now, nil, err)
	}
	defer res.Body.Close()
	// Only what the log keeps is read: a receiver answering a gigabyte costs 4 KB.
	answer, err := io.ReadAll(io.LimitReader(res.Body, responseLogBytes))
	s.logAttempt(d, req, now, answer, err)
	status := res.StatusCode
	d.ResponseStatus = &status
	return status
}

// logAttempt writes what an attempt sent and heard into the delivery; it returns 0, the status of an
// attempt that got no answer.
func (s *Webhooks) logAttempt(d *models.WebhookDelivery, req *http.Request, start time.Time, answer []byte, err error) int {
	d.Attempts++
	d.UpdatedAt = models.Now()
	d.ResponseStatus, d.ResponseBody, d.Error, d.DurationMs = nil, nil, nil, nil
	if req != nil {
		d.RequestHeaders = models.StringMap{}
		for name := range req.Header {
			d.RequestHeaders[name] = req.Header.Get(name)
		}
		ms := int(time.Since(start).Milliseconds())
		d.DurationMs = &ms
	}
	if answer != nil {
		text := strings.ToValidUTF8(string(answer), "\uFFFD")
		d.ResponseBody = &text
	}
	if err != nil {
		msg := err.Error()
		if errors.Is(err, context.DeadlineExceeded) {
			msg = fmt.Sprintf("no answer within %s", s.settings.Timeout)
		}
		d.Error = &msg
	}
	return 0
}
