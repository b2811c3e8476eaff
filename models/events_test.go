package models_test

import (
	"context"
	"errors"
	"testing"

	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/internal/testenv"
	"github.com/mediagraph/mediagraph/models"
)

func TestMain(m *testing.M) { testenv.Main(m) }

func open(t *testing.T, url string) *models.DB {
	t.Helper()
	db, err := models.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Migrate(t.Context()); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestOutbox records events in transactions: a committed one keeps them, in order, and says so to the
// commit hook; a rolled-back one leaves none; outside a transaction recording is refused.
func TestOutbox(t *testing.T) {
	testdb.Each(t, func(t *testing.T, url string) {
		db, ctx := open(t, url), t.Context()
		commits := 0
		db.OnEventsCommitted(func() { commits++ })
		if err := db.RecordEvents(ctx, &models.Event{Kind: models.EventTagCreated}); !errors.Is(err, models.ErrNoTransaction) {
			t.Errorf("recorded outside a transaction: %v", err)
		}
		boom := errors.New("boom")
		err := db.Transaction(ctx, func(tx *models.DB) error {
			if err := tx.RecordEvents(ctx, &models.Event{Kind: models.EventAssetCreated, AssetIDs: models.IDList{"ast_x"}}); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatal(err)
		}
		token := "tok_1"
		err = db.Transaction(ctx, func(tx *models.DB) error {
			return tx.RecordEvents(ctx,
				&models.Event{Kind: models.EventTagMerged, TagIDs: models.IDList{"tag_a", "tag_b"}, TokenID: &token},
				&models.Event{Kind: models.EventCollectionDeleted, CollectionIDs: models.IDList{"col_c"}})
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Transaction(ctx, func(*models.DB) error { return nil }); err != nil {
			t.Fatal(err)
		}
		if commits != 1 {
			t.Errorf("commit hook ran %d times, want once", commits)
		}
		pending, err := db.PendingEvents(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(pending) != 2 || pending[0].Kind != models.EventTagMerged || pending[1].Kind != models.EventCollectionDeleted ||
			pending[0].Seq >= pending[1].Seq || len(pending[0].TagIDs) != 2 || pending[0].TagIDs[1] != "tag_b" ||
			pending[0].TokenID == nil || *pending[0].TokenID != token || pending[1].TokenID != nil || pending[1].AssetIDs != nil {
			t.Fatalf("pending: %+v", pending)
		}
		if err := db.MarkDelivered(ctx, []string{pending[0].ID}); err != nil {
			t.Fatal(err)
		}
		if rest, err := db.PendingEvents(context.Background(), 10); err != nil || len(rest) != 1 || rest[0].ID != pending[1].ID {
			t.Errorf("after delivering the first: %+v, %v", rest, err)
		}
	})
}
