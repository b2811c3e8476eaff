package media

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/mediagraph/mediagraph/models"
)

// Reprocess analyzes an asset's current bytes again — after an upgrade taught ingest more, or a
// limit changed — and records what it learns. What editors wrote stays: the file's credits only
// fill fields that are empty. It runs as a background job, with no caller to authorize.
func (s *Service) Reprocess(ctx context.Context, id string) error {
	found, err := s.db.AssetsByID(ctx, []string{id}, models.Visibility{})
	if err != nil {
		return err
	}
	if len(found) == 0 {
		return nil // purged since the job was queued: nothing to do
	}
	a := found[0]
	versions, err := s.db.VersionsForAssets(ctx, []string{id})
	if err != nil {
		return err
	}
	var v *models.AssetVersion
	for _, candidate := range versions[id] {
		if candidate.Number == a.Version {
			v = candidate
		}
	}
	if v == nil {
		return fmt.Errorf("reprocess %s: version %d is missing", id, a.Version)
	}
	credits, err := s.analyze(ctx, "id", a, v, nil)
	var refused *Error
	if errors.As(err, &refused) { // stored before a limit was lowered: keep it, say why it is not analyzed
		now := models.Now()
		a.ProcessingError, a.AnalyzedAt = &refused.Message, &now
	} else if err != nil {
		return fmt.Errorf("reprocess %s: %w", id, err)
	}
	author, copyright := a.Author, a.Copyright
	prefillCredits(a, credits)
	// What the bytes say changed (dimensions, colors, placeholders…): readers of events must know.
	err = s.change(ctx, models.Event{Kind: models.EventAssetUpdated, AssetIDs: []string{id}}, func(tx *models.DB) error {
		a.UpdatedAt = models.Now()
		if err := tx.SaveAnalysis(ctx, a); err != nil {
			return err
		}
		if a.Author != author || a.Copyright != copyright {
			if err := tx.UpdateAssets(ctx, []string{id}, map[string]any{"author": a.Author, "copyright": a.Copyright}); err != nil {
				return err
			}
		}
		return s.prefillTitle(ctx, tx, id, credits)
	})
	if errors.Is(err, models.ErrConflict) {
		return nil // replaced while it was analyzed: the replacement analyzed its own bytes
	}
	return err
}

// ReprocessTargets resolves what `mediagraph reprocess` was asked for: every asset, or the listed
// ones, each of which must exist.
func (s *Service) ReprocessTargets(ctx context.Context, all bool, ids []string) ([]string, error) {
	if all {
		return s.db.AssetIDs(ctx)
	}
	found, err := s.db.AssetsByID(ctx, ids, models.Visibility{})
	if err != nil {
		return nil, err
	}
	exists := make(map[string]bool, len(found))
	for _, a := range found {
		exists[a.ID] = true
	}
	for _, id := range ids {
		if !exists[id] {
			return nil, notFound("asset", id)
		}
	}
	return ids, nil
}

// ReprocessedSince counts the assets among ids analyzed at or after since.
func (s *Service) ReprocessedSince(ctx context.Context, ids []string, since time.Time) (int64, error) {
	return s.db.CountAnalyzedSince(ctx, ids, since)
}
