package media

import (
	"context"

	"github.com/mediagraph/mediagraph/models"
)

// record writes events about a change into the transaction making it, so that they exist exactly
// when the change does, attributed to the caller in ctx (nobody, for the library's own work).
func record(ctx context.Context, tx *models.DB, events ...models.Event) error {
	var token *string
	if p := PrincipalFrom(ctx); p != nil && p.TokenID != "" {
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
func (s *Service) change(ctx context.Context, e models.Event, fn func(tx *models.DB) error) error {
	return s.db.Transaction(ctx, func(tx *models.DB) error {
		if err := fn(tx); err != nil {
			return err
		}
		return record(ctx, tx, e)
	})
}

func uploadCompleted(uploadID, assetID string) models.Event {
	return models.Event{Kind: models.EventUploadCompleted, UploadID: &uploadID, AssetIDs: []string{assetID}}
}
