package catalogue

import (
	"context"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
)

// record writes events about a change into the transaction making it, so that they exist exactly
// when the change does, attributed to the caller in ctx (nobody, for the library's own work).
func record(ctx context.Context, tx *models.DB, events ...models.Event) error {
	var token *string
	if p := access.PrincipalFrom(ctx); p != nil && p.TokenID != "" {
		token = &p.TokenID
	}
	list := make([]*models.Event, len(events))
	for i := range events {
		events[i].TokenID = token
		list[i] = &events[i]
	}
	return tx.RecordEvents(ctx, list...)
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
