package intake

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/photometa"
	"github.com/mediagraph/mediagraph/models"
)

// Reprocess analyzes an asset's current bytes again — after an upgrade taught the analysers more, or a
// limit changed — and records what it learns; earlier versions never analyzed (stored before each
// version kept its own analysis) are analyzed too. What editors wrote stays: the file's credits only
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
	if err := s.reprocessEarlier(ctx, a, s.registry.SaveVersionAnalysis); err != nil {
		return err
	}
	credits, err := s.reanalyze(ctx, a, a.AssetVersion)
	if err != nil {
		return err
	}
	return s.registry.SaveAnalysis(ctx, a, credits)
}

// CompleteAnalysis decodes the pixels of an asset's current version, which its upload read only to
// the header, and records their facts (colors, placeholders, damage). It runs as a background job,
// queued by the upload's event: an asset analyzed already (the job ran twice, or the version is
// not an image) or purged since has nothing left to do. A version replaced meanwhile is left to the
// replacement's own job.
// Its job and transforms waiting for the facts share one analysis of each asset, which no caller
// leaving stops short for the others: it ends within completeTimeout.
func (s *Service) CompleteAnalysis(ctx context.Context, id string) error {
	_, err, _ := s.completing.Do(id, func() (any, error) {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), completeTimeout)
		defer cancel()
		return nil, s.completeAnalysis(ctx, id)
	})
	return err
}

// Analyzed returns a with its current version's pixels analyzed, completing the analysis first when
// its upload left it pending, as whatever reads the pixels (transforms, vision) needs. It returns nil
// when the asset was purged or replaced meanwhile: the replacement has its own analysis.
func (s *Service) Analyzed(ctx context.Context, a *models.Asset) (*models.Asset, error) {
	if a.Kind != models.KindImage || a.AnalyzedAt != nil {
		return a, nil
	}
	if err := s.CompleteAnalysis(ctx, a.ID); err != nil {
		return nil, fmt.Errorf("analyze %s: %w", a.ID, err)
	}
	found, err := s.db.AssetsByID(ctx, []string{a.ID}, models.Visibility{})
	if err != nil || len(found) == 0 || found[0].Version != a.Version {
		return nil, err
	}
	fresh := *a
	fresh.AssetVersion = found[0].AssetVersion
	return &fresh, nil
}

// completeTimeout bounds one analysis of an upload's pixels: a decode of the largest image analyzed
// takes seconds.
const completeTimeout = time.Minute

func (s *Service) completeAnalysis(ctx context.Context, id string) error {
	found, err := s.db.AssetsByID(ctx, []string{id}, models.Visibility{})
	if err != nil {
		return err
	}
	if len(found) == 0 {
		return nil
	}
	a := found[0]
	// A version replaced before its job ran is analyzed here, so that serving it uses its own facts.
	if err := s.reprocessEarlier(ctx, a, s.registry.CompleteVersionAnalysis); err != nil {
		return err
	}
	if a.AnalyzedAt != nil {
		return nil
	}
	credits, err := s.reanalyze(ctx, a, a.AssetVersion)
	if err != nil {
		return err
	}
	return s.registry.CompleteAnalysis(ctx, a, credits)
}

// reprocessEarlier analyzes the earlier versions of a that have no analysis of their own, so that
// serving them uses their own facts rather than none; save records each.
func (s *Service) reprocessEarlier(ctx context.Context, a *models.Asset, save func(context.Context, *models.AssetVersion) error) error {
	versions, err := s.db.VersionsForAssets(ctx, []string{a.ID})
	if err != nil {
		return err
	}
	for _, v := range versions[a.ID] {
		if v.Number == a.Version || v.AnalyzedAt != nil {
			continue
		}
		if _, err := s.reanalyze(ctx, a.AtVersion(v), v); err != nil {
			return err
		}
		if err := save(ctx, v); err != nil {
			return err
		}
	}
	return nil
}

// reanalyze analyzes the stored bytes of version v of a again. Bytes stored before a limit was
// lowered are kept, with a processing error saying why they are not analyzed.
func (s *Service) reanalyze(ctx context.Context, a *models.Asset, v *models.AssetVersion) (photometa.Credits, error) {
	credits, err := s.analyze(ctx, "id", a, v, nil, pixels)
	var refused *access.Error
	if errors.As(err, &refused) {
		now := models.Now()
		v.ProcessingError, v.AnalyzedAt = &refused.Message, &now
		return credits, nil
	}
	if err != nil {
		return credits, fmt.Errorf("reprocess %s version %d: %w", a.ID, v.Number, err)
	}
	return credits, nil
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
			return nil, access.NotFound("asset", id)
		}
	}
	return ids, nil
}

// ReprocessedSince counts the assets among ids analyzed at or after since.
func (s *Service) ReprocessedSince(ctx context.Context, ids []string, since time.Time) (int64, error) {
	return s.db.CountAnalyzedSince(ctx, ids, since)
}
