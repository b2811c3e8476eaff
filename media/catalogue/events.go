package catalogue

import (
	"context"
	"reflect"
	"slices"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
)

// record writes events about a change into the transaction making it, so that they exist exactly
// when the change does, attributed to the caller in ctx (nobody, for the library's own work).
func record(ctx context.Context, tx *models.DB, events ...models.Event) error {
	var token *string
	if p := access.PrincipalFrom(ctx); p != nil && p.ActorID() != "" {
		actor := p.ActorID()
		token = &actor
	}
	list := make([]*models.Event, len(events))
	var touched []string
	for i := range events {
		events[i].TokenID = token
		list[i] = &events[i]
		if slices.Contains(models.AssetEventKinds, events[i].Kind) {
			touched = append(touched, events[i].AssetIDs...)
		}
	}
	if token != nil && len(touched) > 0 {
		if err := tx.SetUpdatedBy(ctx, touched, *token); err != nil {
			return err
		}
	}
	return tx.RecordEvents(ctx, list...)
}

// auditChanges tells, per asset as loaded before an UpdateAssets change, the fields the change sets
// to another value, with their values before and after.
func auditChanges(assets []*models.Asset, ch AssetChanges) models.JSONObject {
	out := models.JSONObject{}
	for _, a := range assets {
		fields := map[string]any{}
		diff := func(field string, set bool, before, after any) {
			if set && !reflect.DeepEqual(before, after) {
				fields[field] = map[string]any{"before": before, "after": after}
			}
		}
		diff("author", ch.Author.Set, deref(a.Author), deref(BlankToNil(ch.Author.Value)))
		diff("copyright", ch.Copyright.Set, deref(a.Copyright), deref(BlankToNil(ch.Copyright.Value)))
		diff("notes", ch.Notes.Set, deref(a.Notes), deref(BlankToNil(ch.Notes.Value)))
		diff("status", ch.Status.Set, a.Status, ch.Status.Value)
		diff("collectionId", ch.CollectionID.Set, deref(a.CollectionID), deref(ch.CollectionID.Value))
		diff("availableFrom", ch.AvailableFrom.Set, a.AvailableFrom, ch.AvailableFrom.Value)
		diff("availableUntil", ch.AvailableUntil.Set, a.AvailableUntil, ch.AvailableUntil.Value)
		if ch.Filename.Set {
			_, name := NormalizeFilename(ch.Filename.Value, knownExt(a.Format), a.ID)
			diff("filename", true, a.Filename, name)
		}
		if ch.Tags.Set {
			fields["tags"] = map[string]any{"before": nil, "after": ch.Tags.Value}
		}
		if len(fields) > 0 {
			out[a.ID] = fields
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// deref is a nullable value as JSON holds it: null or the value.
func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

// change runs fn in one transaction that also records e.
func (s *core) change(ctx context.Context, e models.Event, fn func(tx *models.DB) error) error {
	return s.db.Transaction(ctx, func(tx *models.DB) error {
		if err := fn(tx); err != nil {
			return err
		}
		return record(ctx, tx, e)
	})
}

// CompleteUpload marks a signed upload COMPLETED as the upload of asset assetID, in the caller's
// transaction tx when one is given (the one registering the asset), else in one of its own.
func (s *Registry) CompleteUpload(ctx context.Context, tx *models.DB, uploadID, assetID string) error {
	complete := func(tx *models.DB) error {
		if err := tx.FinishUpload(ctx, uploadID, models.UploadCompleted, &assetID, nil); err != nil {
			return err
		}
		return record(ctx, tx, models.Event{Kind: models.EventUploadCompleted, UploadID: &uploadID, AssetIDs: []string{assetID}})
	}
	if tx != nil {
		return complete(tx)
	}
	return s.db.Transaction(ctx, complete)
}

// recordFlips records asset.published or asset.unpublished for the assets (as loaded before the
// change) whose status the change to status flips.
func recordFlips(ctx context.Context, tx *models.DB, assets []*models.Asset, status models.AssetStatus) error {
	var flipped []string
	for _, a := range assets {
		if a.Status != status {
			flipped = append(flipped, a.ID)
		}
	}
	if len(flipped) == 0 {
		return nil
	}
	kind := models.EventAssetUnpublished
	if status == models.StatusPublic {
		kind = models.EventAssetPublished
	}
	return record(ctx, tx, models.Event{Kind: kind, AssetIDs: flipped})
}
