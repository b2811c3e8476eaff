package jobs

import (
	"context"
	"slices"
	"testing"

	"github.com/mediagraph/mediagraph/models"
)

// New bytes and a reanalysis queue the pixel analysis of their assets; other changes do not.
func TestVisionOfEvents(t *testing.T) {
	var queued []string
	sub := VisionOfEvents(func(_ context.Context, kind string, ids []string) error {
		if kind != VisionKind {
			t.Errorf("queued %s", kind)
		}
		queued = append(queued, ids...)
		return nil
	})
	err := sub(context.Background(), []models.Event{
		{Kind: models.EventAssetCreated, AssetIDs: []string{"ast_a", "ast_b"}},
		{Kind: models.EventAssetUpdated, AssetIDs: []string{"ast_c"}},
		{Kind: models.EventAssetReplaced, AssetIDs: []string{"ast_d"}},
		{Kind: models.EventAssetPublished, AssetIDs: []string{"ast_e"}},
		{Kind: models.EventAssetAnalyzed, AssetIDs: []string{"ast_f"}},
	})
	if err != nil || !slices.Equal(queued, []string{"ast_a", "ast_b", "ast_d", "ast_f"}) {
		t.Errorf("queued %v, %v", queued, err)
	}
	queued = nil
	if err := sub(context.Background(), []models.Event{{Kind: models.EventAssetDeleted, AssetIDs: []string{"ast_a"}}}); err != nil || queued != nil {
		t.Errorf("a deletion queued %v, %v", queued, err)
	}
}
