package models

import (
	"context"
	"database/sql/driver"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// ID prefixes of the webhooks' rows.
const (
	WebhookPrefix  = "whk"
	DeliveryPrefix = "dlv"
)

// Webhook is a receiver of events: an HTTP endpoint the service POSTs signed events to.
type Webhook struct {
	ID   string `gorm:"primaryKey;size:40"`
	Name string `gorm:"not null"`
	URL  string `gorm:"not null"`
	// Events are the event names the webhook receives; empty: all of them.
	Events IDList
	// Filter is the JSON of the AssetFilter the events' assets must match; nil: every asset.
	Filter                  *string
	Headers                 WebhookHeaders
	Enabled                 bool
	Batch                   bool
	IncludeManagementFields bool
	Secret                  string `gorm:"not null"`
	// PreviousSecret still signs, next to Secret, until PreviousSecretUntil: receivers switch keys
	// within the grace period without losing a delivery.
	PreviousSecret      *string
	PreviousSecretUntil *time.Time
	FailureCount        int
	// DisabledReason says why the service turned the webhook off (a 410 answer); nil when it did not.
	DisabledReason *string
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// WebhookHeader is a header sent with every delivery of a webhook.
type WebhookHeader struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// WebhookHeaders is a list of headers stored as JSON.
type WebhookHeaders []WebhookHeader

// GormDataType stores the list as text on both dialects.
func (WebhookHeaders) GormDataType() string { return "text" }

// Value implements driver.Valuer.
func (h WebhookHeaders) Value() (driver.Value, error) {
	return jsonValue([]WebhookHeader(h), len(h) == 0, "webhook headers")
}

// Scan implements sql.Scanner.
func (h *WebhookHeaders) Scan(src any) error { return scanJSON(src, (*[]WebhookHeader)(h)) }

// StringMap is a map of strings stored as JSON, such as the headers of a request.
type StringMap map[string]string

// GormDataType stores the map as text on both dialects.
func (StringMap) GormDataType() string { return "text" }

// Value implements driver.Valuer.
func (m StringMap) Value() (driver.Value, error) {
	return jsonValue(map[string]string(m), false, "string map")
}

// Scan implements sql.Scanner.
func (m *StringMap) Scan(src any) error { return scanJSON(src, (*map[string]string)(m)) }

// DeliveryStatus is where a webhook delivery stands.
type DeliveryStatus string

// The delivery states: PENDING while attempts remain, then DELIVERED or FAILED.
const (
	DeliveryPending   DeliveryStatus = "PENDING"
	DeliveryDelivered DeliveryStatus = "DELIVERED"
	DeliveryFailed    DeliveryStatus = "FAILED"
)

// WebhookDelivery is one POST to a webhook — one event, or a batch of them — with the log of its last
// attempt. Its id is the Mediagraph-Delivery header: the same for every retry.
type WebhookDelivery struct {
	ID        string `gorm:"primaryKey;size:40"`
	WebhookID string `gorm:"size:40;not null"`
	// Event is the event's name, "batch" for a batch, "ping" for a test.
	Event          string `gorm:"size:60;not null"`
	EventIDs       IDList
	Status         DeliveryStatus `gorm:"size:16;not null"`
	Attempts       int
	RequestHeaders StringMap
	// RequestBody is built once, when the delivery is created, so that every retry sends the same
	// event; only the signature's time changes.
	RequestBody    string `gorm:"not null"`
	ResponseStatus *int
	ResponseBody   *string
	DurationMs     *int
	Error          *string
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// webhookEvent claims one event for one webhook, so that an outbox batch delivered again after a
// crash does not make a second delivery.
type webhookEvent struct {
	WebhookID string `gorm:"primaryKey;size:40"`
	// EventID names one asset of one event: the event's id, a dot, the asset's id.
	EventID    string `gorm:"primaryKey;size:100"`
	DeliveryID string `gorm:"size:40;not null"`
}

func (webhookEvent) TableName() string { return "webhook_events" }

// CreateWebhook inserts a webhook.
func (db *DB) CreateWebhook(ctx context.Context, w *Webhook) error {
	if err := db.with(ctx).Create(w).Error; err != nil {
		return fmt.Errorf("insert webhook: %w", translate(err))
	}
	return nil
}

// SaveWebhook writes every field of a webhook.
func (db *DB) SaveWebhook(ctx context.Context, w *Webhook) error {
	if err := db.with(ctx).Save(w).Error; err != nil {
		return fmt.Errorf("save webhook: %w", translate(err))
	}
	return nil
}

// DeleteWebhook removes a webhook with its deliveries; ErrNotFound when there is none.
func (db *DB) DeleteWebhook(ctx context.Context, id string) error {
	return db.write(ctx, func(tx *gorm.DB) error {
		res := tx.Delete(&Webhook{}, "id = ?", id)
		if res.Error != nil {
			return fmt.Errorf("delete webhook: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return ErrNotFound
		}
		if err := tx.Delete(&webhookEvent{}, "webhook_id = ?", id).Error; err != nil {
			return fmt.Errorf("delete webhook claims: %w", err)
		}
		if err := tx.Delete(&WebhookDelivery{}, "webhook_id = ?", id).Error; err != nil {
			return fmt.Errorf("delete webhook deliveries: %w", err)
		}
		return nil
	})
}

// Webhook returns a webhook; ErrNotFound when there is none.
func (db *DB) Webhook(ctx context.Context, id string) (*Webhook, error) {
	var w Webhook
	if err := db.with(ctx).Where("id = ?", id).Take(&w).Error; err != nil {
		return nil, translate(err)
	}
	return &w, nil
}

// Webhooks returns every webhook, oldest first; enabledOnly leaves out those turned off.
func (db *DB) Webhooks(ctx context.Context, enabledOnly bool) ([]*Webhook, error) {
	var ws []*Webhook
	q := db.with(ctx).Order("created_at, id")
	if enabledOnly {
		q = q.Where("enabled = ?", true)
	}
	if err := q.Find(&ws).Error; err != nil {
		return nil, fmt.Errorf("list webhooks: %w", err)
	}
	return ws, nil
}

// CountWebhooks counts the webhooks.
func (db *DB) CountWebhooks(ctx context.Context) (int64, error) {
	var n int64
	if err := db.with(ctx).Model(&Webhook{}).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count webhooks: %w", err)
	}
	return n, nil
}

// idChunk bounds the ids of one IN list: an outbox batch may name tens of thousands of items, past
// what a statement may bind.
const idChunk = 1000

func chunks(ids []string) [][]string {
	var out [][]string
	for start := 0; start < len(ids); start += idChunk {
		out = append(out, ids[start:min(start+idChunk, len(ids))])
	}
	return out
}

// UnclaimedEvents returns, in order, the event ids among ids that webhook has no delivery for yet.
func (db *DB) UnclaimedEvents(ctx context.Context, webhookID string, ids []string) ([]string, error) {
	seen := map[string]bool{}
	for _, chunk := range chunks(ids) {
		var claimed []string
		err := db.with(ctx).Model(&webhookEvent{}).Where("webhook_id = ?", webhookID).
			Where(inList("event_id", len(chunk)), toAny(chunk)...).Pluck("event_id", &claimed).Error
		if err != nil {
			return nil, fmt.Errorf("read webhook claims: %w", err)
		}
		for _, id := range claimed {
			seen[id] = true
		}
	}
	var out []string
	for _, id := range ids {
		if !seen[id] {
			out = append(out, id)
		}
	}
	return out, nil
}

// CreateDelivery inserts a delivery and claims its events for its webhook, in one transaction.
func (db *DB) CreateDelivery(ctx context.Context, d *WebhookDelivery) error {
	return db.write(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(d).Error; err != nil {
			return fmt.Errorf("insert webhook delivery: %w", err)
		}
		if len(d.EventIDs) == 0 {
			return nil
		}
		claims := make([]webhookEvent, len(d.EventIDs))
		for i, id := range d.EventIDs {
			claims[i] = webhookEvent{WebhookID: d.WebhookID, EventID: id, DeliveryID: d.ID}
		}
		if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&claims).Error; err != nil {
			return fmt.Errorf("claim webhook events: %w", err)
		}
		return nil
	})
}

// PendingDeliveriesOf returns the ids of the PENDING deliveries that carry any of the events, so that
// a batch of events seen again after a crash has its deliveries queued again.
func (db *DB) PendingDeliveriesOf(ctx context.Context, eventIDs []string) ([]string, error) {
	var out []string
	for _, chunk := range chunks(eventIDs) {
		var ids []string
		err := db.with(ctx).Model(&webhookEvent{}).Distinct("webhook_events.delivery_id").
			Joins("JOIN webhook_deliveries d ON d.id = webhook_events.delivery_id").
			Where("d.status = ?", DeliveryPending).
			Where(inList("webhook_events.event_id", len(chunk)), toAny(chunk)...).
			Pluck("webhook_events.delivery_id", &ids).Error
		if err != nil {
			return nil, fmt.Errorf("read pending deliveries: %w", err)
		}
		out = append(out, ids...)
	}
	return Uniq(out), nil
}

// Delivery returns a delivery; ErrNotFound when there is none.
func (db *DB) Delivery(ctx context.Context, id string) (*WebhookDelivery, error) {
	var d WebhookDelivery
	if err := db.with(ctx).Where("id = ?", id).Take(&d).Error; err != nil {
		return nil, translate(err)
	}
	return &d, nil
}

// SaveDelivery writes a delivery's state after an attempt.
func (db *DB) SaveDelivery(ctx context.Context, d *WebhookDelivery) error {
	if err := db.with(ctx).Save(d).Error; err != nil {
		return fmt.Errorf("save webhook delivery: %w", err)
	}
	return nil
}

// AddWebhookFailure counts a failed delivery against its webhook.
func (db *DB) AddWebhookFailure(ctx context.Context, id string) error {
	err := db.with(ctx).Model(&Webhook{}).Where("id = ?", id).
		Update("failure_count", gorm.Expr("failure_count + 1")).Error
	if err != nil {
		return fmt.Errorf("count webhook failure: %w", err)
	}
	return nil
}

// DisableWebhook turns a webhook off for reason.
func (db *DB) DisableWebhook(ctx context.Context, id, reason string) error {
	err := db.with(ctx).Model(&Webhook{}).Where("id = ?", id).
		Updates(map[string]any{"enabled": false, "disabled_reason": reason, "updated_at": Now()}).Error
	if err != nil {
		return fmt.Errorf("disable webhook: %w", err)
	}
	return nil
}

// Deliveries returns up to limit deliveries of a webhook, newest first, after the delivery id after
// ("" from the newest).
func (db *DB) Deliveries(ctx context.Context, webhookID string, limit int, after string) ([]*WebhookDelivery, error) {
	var ds []*WebhookDelivery
	q := db.with(ctx).Where("webhook_id = ?", webhookID).Order("id DESC").Limit(limit)
	if after != "" {
		q = q.Where("id < ?", after)
	}
	if err := q.Find(&ds).Error; err != nil {
		return nil, fmt.Errorf("list webhook deliveries: %w", err)
	}
	return ds, nil
}

// SweepDeliveries deletes the log of deliveries finished before cutoff, with their claims; it returns
// how many it deleted.
func (db *DB) SweepDeliveries(ctx context.Context, cutoff time.Time) (int, error) {
	var n int64
	err := db.write(ctx, func(tx *gorm.DB) error {
		old := tx.Model(&WebhookDelivery{}).Select("id").Where("status <> ? AND updated_at < ?", DeliveryPending, cutoff)
		if err := tx.Where("delivery_id IN (?)", old).Delete(&webhookEvent{}).Error; err != nil {
			return err
		}
		res := tx.Where("status <> ? AND updated_at < ?", DeliveryPending, cutoff).Delete(&WebhookDelivery{})
		n = res.RowsAffected
		return res.Error
	})
	if err != nil {
		return 0, fmt.Errorf("sweep webhook deliveries: %w", err)
	}
	return int(n), nil
}

// EventsByID returns the events among ids, in their order of commit.
func (db *DB) EventsByID(ctx context.Context, ids []string) ([]Event, error) {
	var es []Event
	if err := db.with(ctx).Where(inList("id", len(ids)), toAny(ids)...).Order("seq").Find(&es).Error; err != nil {
		return nil, fmt.Errorf("load events: %w", err)
	}
	return es, nil
}

// EventsAfter returns up to limit events committed after sequence number seq, oldest first: the feed
// of subscribers that follow the outbox on every instance.
func (db *DB) EventsAfter(ctx context.Context, seq int64, limit int) ([]Event, error) {
	var es []Event
	if err := db.with(ctx).Where("seq > ?", seq).Order("seq").Limit(limit).Find(&es).Error; err != nil {
		return nil, fmt.Errorf("read events: %w", err)
	}
	return es, nil
}

// LastEventSeq is the sequence number of the latest event, 0 when there is none.
func (db *DB) LastEventSeq(ctx context.Context) (int64, error) {
	var seq *int64
	if err := db.with(ctx).Model(&Event{}).Select("MAX(seq)").Scan(&seq).Error; err != nil {
		return 0, fmt.Errorf("read last event: %w", err)
	}
	if seq == nil {
		return 0, nil
	}
	return *seq, nil
}

// SetUpdatedBy records token as the author of the latest change of the assets.
func (db *DB) SetUpdatedBy(ctx context.Context, assetIDs []string, token string) error {
	ids := Uniq(assetIDs)
	err := db.with(ctx).Model(&Asset{}).Where(inList("id", len(ids)), toAny(ids)...).UpdateColumn("updated_by_id", token).Error
	if err != nil {
		return fmt.Errorf("record who changed assets: %w", err)
	}
	return nil
}
