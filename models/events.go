package models

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"time"
)

// EventKind names what a change did.
type EventKind string

// The kinds of events. Each concerns the ids its event lists: the assets, tags, collections or upload
// that changed (a tag event also lists the assets that carried the tag, whose tags changed with it).
const (
	EventAssetCreated  EventKind = "asset.created"
	EventAssetUpdated  EventKind = "asset.updated"
	EventAssetReplaced EventKind = "asset.replaced"
	// EventAssetDeleted: the assets went to the trash; EventAssetPurged: they are gone for good.
	EventAssetDeleted  EventKind = "asset.deleted"
	EventAssetRestored EventKind = "asset.restored"
	EventAssetPurged   EventKind = "asset.purged"
	// EventAssetAntivirusChanged: the antivirus status of one of the asset's versions changed.
	EventAssetAntivirusChanged EventKind = "asset.antivirus_changed"
	// EventAssetModerationChanged: a moderator decided on the asset, or a new version awaits review.
	EventAssetModerationChanged EventKind = "asset.moderation_changed"
	// EventAssetPublished and EventAssetUnpublished: the assets' status flipped to PUBLIC or PRIVATE,
	// by an editor or by syncEntryReferences; recorded besides the change's own event.
	EventAssetPublished   EventKind = "asset.published"
	EventAssetUnpublished EventKind = "asset.unpublished"
	// EventAssetAnalyzed: a new analysis of the assets' bytes was saved (reprocessing), besides its
	// asset.updated.
	EventAssetAnalyzed EventKind = "asset.analyzed"
	// EventUploadCompleted lists the signed upload and the asset it made (or found, with skipIfExists).
	EventUploadCompleted EventKind = "upload.completed"
	EventTagCreated      EventKind = "tag.created"
	EventTagUpdated      EventKind = "tag.updated"
	// EventTagMerged lists the merged tags, then last the tag they were merged into.
	EventTagMerged         EventKind = "tag.merged"
	EventTagDeleted        EventKind = "tag.deleted"
	EventCollectionCreated EventKind = "collection.created"
	EventCollectionUpdated EventKind = "collection.updated"
	EventCollectionMoved   EventKind = "collection.moved"
	EventCollectionDeleted EventKind = "collection.deleted"
)

// AssetEventKinds are the events about assets that reach people — webhooks, subscriptions — one event
// per asset listed. A new kind of asset event is added here, and only here, to be offered to them.
var AssetEventKinds = []EventKind{
	EventAssetCreated, EventAssetUpdated, EventAssetReplaced, EventAssetDeleted, EventAssetRestored,
	EventAssetPurged, EventAssetPublished, EventAssetUnpublished, EventAssetAnalyzed, EventUploadCompleted,
	EventAssetAntivirusChanged, EventAssetModerationChanged,
}

// Event is one change to the catalogue, written to the outbox by the transaction that made the change,
// so that it exists exactly when the change does.
type Event struct {
	// Seq orders events as their transactions committed: catalogue writers take turns (see
	// Transaction), so a later sequence number never commits before an earlier one.
	Seq           int64     `gorm:"primaryKey;autoIncrement"`
	ID            string    `gorm:"size:40;not null"`
	Kind          EventKind `gorm:"size:40;not null"`
	AssetIDs      IDList
	TagIDs        IDList
	CollectionIDs IDList
	UploadID      *string `gorm:"size:40"`
	// TokenID is the API token of the principal who made the change; nil for the service's own work.
	TokenID *string `gorm:"size:40"`
	// Changes holds, for updates, what changed per asset: {assetId: {field: {before, after}}}.
	Changes     JSONObject
	CreatedAt   time.Time
	DeliveredAt *time.Time
}

// IDList is a list of ids stored as a JSON array; an empty list is stored as NULL.
type IDList []string

// GormDataType stores the list as text on both dialects.
func (IDList) GormDataType() string { return "text" }

// Value implements driver.Valuer.
func (l IDList) Value() (driver.Value, error) { return jsonValue([]string(l), len(l) == 0, "id list") }

// Scan implements sql.Scanner.
func (l *IDList) Scan(src any) error {
	*l = nil
	return scanJSON(src, (*[]string)(l))
}

// ErrNoTransaction reports events recorded outside a transaction, which could outlive or miss the
// change they describe.
var ErrNoTransaction = errors.New("events are recorded inside Transaction only")

// RecordEvents writes events into the outbox, in the transaction of the change they describe; it
// fills each one's id and time.
func (db *DB) RecordEvents(ctx context.Context, events ...*Event) error {
	if db.tx == nil {
		return ErrNoTransaction
	}
	if len(events) == 0 {
		return nil
	}
	now := Now()
	for _, e := range events {
		e.ID, e.CreatedAt = NewID(EventPrefix), now
	}
	if err := db.with(ctx).Create(events).Error; err != nil {
		return fmt.Errorf("record events: %w", err)
	}
	db.tx.recorded = true
	db.tx.search.note(events)
	return nil
}

// PendingEvents returns up to limit events not yet delivered, oldest first.
func (db *DB) PendingEvents(ctx context.Context, limit int) ([]Event, error) {
	var events []Event
	if err := db.with(ctx).Where("delivered_at IS NULL").Order("seq").Limit(limit).Find(&events).Error; err != nil {
		return nil, fmt.Errorf("read pending events: %w", err)
	}
	return events, nil
}

// MarkDelivered records that every subscriber accepted the events.
func (db *DB) MarkDelivered(ctx context.Context, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	err := db.with(ctx).Model(&Event{}).Where(inList("id", len(ids)), toAny(ids)...).Update("delivered_at", Now()).Error
	if err != nil {
		return fmt.Errorf("mark events delivered: %w", err)
	}
	return nil
}

// OnEventsCommitted sets what runs after each transaction that recorded events commits (nil: nothing),
// so that delivery can start at once instead of at its next round.
func (db *DB) OnEventsCommitted(f func()) {
	db.hooks.mu.Lock()
	defer db.hooks.mu.Unlock()
	db.hooks.eventsCommitted = f
}

func (h *hooks) committedEvents() {
	h.mu.RLock()
	f := h.eventsCommitted
	h.mu.RUnlock()
	if f != nil {
		f()
	}
}
