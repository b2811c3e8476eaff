package notify

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/textproto"
	"strings"
	"time"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/catalogue"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/remote"
)

// Limits of webhooks.
const (
	MaxWebhooks      = 100
	maxHeaders       = 20
	maxHeaderValue   = 4096
	maxNameLength    = 200
	maxURLLength     = 2048
	rotationGrace    = 24 * time.Hour
	secretPrefix     = "whsec_"
	maxDeliveriesPer = 100
)

// Settings are the rules of webhook delivery.
type Settings struct {
	// RetryBase is the wait after the first failed attempt; each next one doubles it (see Backoff).
	RetryBase time.Duration
	// Timeout bounds one attempt, the answer included.
	Timeout time.Duration
	// LogRetention is how long finished deliveries stay in the log.
	LogRetention time.Duration
}

// Renderer renders assets as the JSON of a GraphQL Asset, by id (absent: gone for good), with the
// fields a DELIVERY token reads plus status, and the management fields too when management is set.
// The HTTP edge provides it: it runs the real schema, so a payload is exactly what a query returns.
type Renderer func(ctx context.Context, assetIDs []string, management bool) (map[string]json.RawMessage, error)

// Webhooks manages webhooks and delivers events to them.
type Webhooks struct {
	db       *models.DB
	assets   *catalogue.Assets
	fetcher  *remote.Fetcher
	sender   *http.Client
	settings Settings
	log      *slog.Logger
	render   Renderer
	enqueue  func(ctx context.Context, deliveryIDs []string) error
	// OnAttempt, when set, hears the outcome of every attempt ("delivered", "failed", "retry",
	// "gone"), for metrics.
	OnAttempt func(outcome string)
}

// NewWebhooks returns the webhooks over the catalogue; fetcher checks their targets.
func NewWebhooks(db *models.DB, assets *catalogue.Assets, fetcher *remote.Fetcher, settings Settings, log *slog.Logger) *Webhooks {
	return &Webhooks{db: db, assets: assets, fetcher: fetcher, sender: fetcher.Sender(), settings: settings, log: log}
}

// Wire gives the webhooks what the edge and the job queue provide: how assets are rendered and how a
// delivery is queued. Call it before the jobs start.
func (s *Webhooks) Wire(render Renderer, enqueue func(ctx context.Context, deliveryIDs []string) error) {
	s.render, s.enqueue = render, enqueue
}

// Input is a webhook's fields as a caller sets them; on update, absent fields stay as they are.
type Input struct {
	Name                    catalogue.Optional[string]
	URL                     catalogue.Optional[string]
	Events                  catalogue.Optional[[]string]
	Filter                  catalogue.Optional[*models.AssetFilter]
	Headers                 catalogue.Optional[[]models.WebhookHeader]
	Enabled                 catalogue.Optional[bool]
	Batch                   catalogue.Optional[bool]
	IncludeManagementFields catalogue.Optional[bool]
}

// Create registers a webhook; the secret it returns signs its deliveries and is shown only this once.
func (s *Webhooks) Create(ctx context.Context, in Input) (*models.Webhook, string, error) {
	if _, err := access.Authorize(ctx, access.ManageWebhooks); err != nil {
		return nil, "", err
	}
	n, err := s.db.CountWebhooks(ctx)
	if err != nil {
		return nil, "", err
	}
	if n >= MaxWebhooks {
		return nil, "", access.NewError(access.CodeConflict, "at most %d webhooks; delete one first", MaxWebhooks)
	}
	secret, err := newSecret()
	if err != nil {
		return nil, "", err
	}
	now := models.Now()
	w := &models.Webhook{ID: models.NewID(models.WebhookPrefix), Enabled: true, Secret: secret, CreatedAt: now, UpdatedAt: now}
	if !in.Name.Set || !in.URL.Set {
		return nil, "", access.Invalid("input", "name and url are required")
	}
	if err := s.apply(ctx, w, in); err != nil {
		return nil, "", err
	}
	if err := s.db.CreateWebhook(ctx, w); err != nil {
		return nil, "", err
	}
	return w, secret, nil
}

// Update changes a webhook. Enabling it again clears the reason the service turned it off.
func (s *Webhooks) Update(ctx context.Context, id string, in Input) (*models.Webhook, error) {
	w, err := s.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := s.apply(ctx, w, in); err != nil {
		return nil, err
	}
	if in.Enabled.Set && in.Enabled.Value {
		w.DisabledReason = nil
	}
	w.UpdatedAt = models.Now()
	if err := s.db.SaveWebhook(ctx, w); err != nil {
		return nil, err
	}
	return w, nil
}

// apply checks the input and sets it on w.
func (s *Webhooks) apply(ctx context.Context, w *models.Webhook, in Input) error {
	if in.Name.Set {
		name := strings.TrimSpace(in.Name.Value)
		if name == "" || len(name) > maxNameLength {
			return access.Invalid("name", "a name of 1 to %d characters is required", maxNameLength)
		}
		w.Name = name
	}
	if in.URL.Set {
		if len(in.URL.Value) > maxURLLength {
			return access.Invalid("url", "at most %d characters", maxURLLength)
		}
		if err := s.fetcher.CheckTarget(ctx, in.URL.Value); err != nil {
			return access.Invalid("url", "%v", err)
		}
		w.URL = in.URL.Value
	}
	if in.Events.Set {
		if err := checkEvents("events", in.Events.Value); err != nil {
			return err
		}
		w.Events = models.Uniq(in.Events.Value)
	}
	if in.Filter.Set {
		filter, err := s.checkFilter(ctx, in.Filter.Value)
		if err != nil {
			return err
		}
		w.Filter = filter
	}
	if in.Headers.Set {
		if err := checkHeaders(in.Headers.Value); err != nil {
			return err
		}
		w.Headers = in.Headers.Value
	}
	for _, f := range []struct {
		in  catalogue.Optional[bool]
		out *bool
	}{{in.Enabled, &w.Enabled}, {in.Batch, &w.Batch}, {in.IncludeManagementFields, &w.IncludeManagementFields}} {
		if f.in.Set {
			*f.out = f.in.Value
		}
	}
	return nil
}

// checkFilter runs the filter once, so that one that cannot run is refused now rather than at every
// event, and returns it as stored.
func (s *Webhooks) checkFilter(ctx context.Context, f *models.AssetFilter) (*string, error) {
	if f == nil {
		return nil, nil
	}
	if f.Deleted != nil {
		return nil, access.Invalid("filter.deleted", "a webhook hears of assets in and out of the trash; leave deleted out")
	}
	one := 1
	if _, err := s.assets.ListAssets(ctx, f, models.OrderCreatedAtDesc, models.PageRequest{First: &one}); err != nil {
		return nil, err
	}
	b, err := json.Marshal(f)
	if err != nil {
		return nil, fmt.Errorf("encode webhook filter: %w", err)
	}
	text := string(b)
	return &text, nil
}

// reserved headers are the service's to set.
var reservedHeaders = map[string]bool{"Content-Type": true, "Content-Length": true, "Host": true, "User-Agent": true,
	"Transfer-Encoding": true, "Connection": true}

func checkHeaders(hs []models.WebhookHeader) error {
	if len(hs) > maxHeaders {
		return access.Invalid("headers", "at most %d headers", maxHeaders)
	}
	for i, h := range hs {
		field := fmt.Sprintf("headers.%d", i)
		name := textproto.CanonicalMIMEHeaderKey(h.Name)
		switch {
		case !validHeaderName(h.Name):
			return access.Invalid(field+".name", "not a header name: %q", h.Name)
		case reservedHeaders[name] || strings.HasPrefix(name, "Mediagraph-"):
			return access.Invalid(field+".name", "%s is set by the service", name)
		case len(h.Value) > maxHeaderValue || strings.ContainsAny(h.Value, "\r\n\x00"):
			return access.Invalid(field+".value", "a header value of at most %d characters on one line", maxHeaderValue)
		}
	}
	return nil
}

func validHeaderName(n string) bool {
	if n == "" || len(n) > 100 {
		return false
	}
	for _, c := range n {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("!#$%&'*+-.^_`|~", c)) {
			return false
		}
	}
	return true
}

func newSecret() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("webhook secret: %w", err)
	}
	return secretPrefix + base64.RawURLEncoding.EncodeToString(b), nil
}

// Get returns a webhook (ADMIN).
func (s *Webhooks) Get(ctx context.Context, id string) (*models.Webhook, error) {
	if _, err := access.Authorize(ctx, access.ManageWebhooks); err != nil {
		return nil, err
	}
	w, err := s.db.Webhook(ctx, id)
	if errors.Is(err, models.ErrNotFound) {
		return nil, access.NotFound("webhook", id)
	}
	return w, err
}

// List returns every webhook (ADMIN).
func (s *Webhooks) List(ctx context.Context) ([]*models.Webhook, error) {
	if _, err := access.Authorize(ctx, access.ManageWebhooks); err != nil {
		return nil, err
	}
	return s.db.Webhooks(ctx, false)
}

// Delete removes a webhook with its log; deliveries queued for it stop.
func (s *Webhooks) Delete(ctx context.Context, id string) (*models.Webhook, error) {
	w, err := s.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := s.db.DeleteWebhook(ctx, id); err != nil {
		return nil, err
	}
	return w, nil
}

// RotateSecret gives a webhook a new secret, returned this once; the old one keeps signing next to it
// for a day, so that receivers can switch without losing a delivery.
func (s *Webhooks) RotateSecret(ctx context.Context, id string) (*models.Webhook, string, error) {
	w, err := s.Get(ctx, id)
	if err != nil {
		return nil, "", err
	}
	secret, err := newSecret()
	if err != nil {
		return nil, "", err
	}
	until := models.Now().Add(rotationGrace)
	old := w.Secret
	w.PreviousSecret, w.PreviousSecretUntil, w.Secret, w.UpdatedAt = &old, &until, secret, models.Now()
	if err := s.db.SaveWebhook(ctx, w); err != nil {
		return nil, "", err
	}
	return w, secret, nil
}

// Deliveries returns a page of a webhook's delivery log, newest first.
func (s *Webhooks) Deliveries(ctx context.Context, webhookID string, first *int, after *string) ([]*models.WebhookDelivery, bool, error) {
	if _, err := access.Authorize(ctx, access.ManageWebhooks); err != nil {
		return nil, false, err
	}
	n := 20
	if first != nil {
		n = *first
	}
	if n < 0 || n > maxDeliveriesPer {
		return nil, false, access.Invalid("first", "between 0 and %d", maxDeliveriesPer)
	}
	cursor := ""
	if after != nil {
		cursor = *after
	}
	ds, err := s.db.Deliveries(ctx, webhookID, n+1, cursor)
	if err != nil {
		return nil, false, err
	}
	if len(ds) > n {
		return ds[:n], true, nil
	}
	return ds, false, nil
}

// Test queues a ping to a webhook, enabled or not: { id, event: "ping", occurredAt, asset: null }.
func (s *Webhooks) Test(ctx context.Context, id string) (*models.WebhookDelivery, error) {
	w, err := s.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	d := newDelivery(w.ID, Ping, nil, nil)
	body, err := json.Marshal(payload{ID: d.ID, Event: Ping, OccurredAt: d.CreatedAt, Asset: json.RawMessage("null")})
	if err != nil {
		return nil, fmt.Errorf("encode ping: %w", err)
	}
	d.RequestBody = string(body)
	return s.queue(ctx, d)
}

// Redeliver queues a new delivery of what an earlier one sent, with a new delivery id (it is a new
// delivery; the events' ids in the body stay, for receivers that deduplicate on them).
func (s *Webhooks) Redeliver(ctx context.Context, deliveryID string) (*models.WebhookDelivery, error) {
	if _, err := access.Authorize(ctx, access.ManageWebhooks); err != nil {
		return nil, err
	}
	old, err := s.db.Delivery(ctx, deliveryID)
	if errors.Is(err, models.ErrNotFound) {
		return nil, access.NotFound("delivery", deliveryID)
	}
	if err != nil {
		return nil, err
	}
	return s.queue(ctx, newDelivery(old.WebhookID, old.Event, nil, []byte(old.RequestBody)))
}

func (s *Webhooks) queue(ctx context.Context, d *models.WebhookDelivery) (*models.WebhookDelivery, error) {
	if err := s.db.CreateDelivery(ctx, d); err != nil {
		return nil, err
	}
	if err := s.enqueue(ctx, []string{d.ID}); err != nil {
		return nil, err
	}
	return d, nil
}

// SweepLog deletes finished deliveries older than the log's retention, for a periodic job.
func (s *Webhooks) SweepLog(ctx context.Context) (int, error) {
	return s.db.SweepDeliveries(ctx, models.Now().Add(-s.settings.LogRetention))
}
