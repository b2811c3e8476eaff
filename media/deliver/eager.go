package deliver

import (
	"context"
	"errors"
	"fmt"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/imageurl"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/storage"
)

// eagerClient is who eager transforms count against in the per-client limit: the job, one at a time.
const eagerClient = "eager transforms"

// browserAccepts are the Accept headers whose answers differ for a preset with auto=format: none
// (JPEG or the original's format), WebP, and AVIF; an eager preset makes each of them.
var browserAccepts = []string{"", "image/webp", "image/avif,image/webp"}

// MakeEagerPresets makes and stores the eager presets of an asset's current version, so that their
// first visitor is served a stored result. Assets the gate does not transform, trashed ones and
// quarantined versions get none. It returns how many results it stored.
func (s *Service) MakeEagerPresets(ctx context.Context, assetID string) (int, error) {
	presets, err := s.db.TransformPresets(ctx, true)
	if err != nil || len(presets) == 0 {
		return 0, err
	}
	found, err := s.db.AssetsByID(ctx, []string{assetID}, models.Visibility{})
	if err != nil || len(found) == 0 {
		return 0, err
	}
	a, err := s.pixelsKnown(ctx, found[0])
	if err != nil {
		return 0, err
	}
	if a.DeletedAt != nil || !Transformable(a) || a.Antivirus.Status == models.ScanInfected {
		return 0, nil
	}
	made := 0
	for _, p := range presets {
		n, err := s.makePreset(ctx, a, p)
		if err != nil {
			return made, fmt.Errorf("eager preset %s of %s: %w", p.Name, a.ID, err)
		}
		made += n
	}
	return made, nil
}

// makePreset stores the results of one preset for a, for every Accept header it depends on. A
// transform the gate would refuse (too large, damaged data) is left for the gate to refuse.
func (s *Service) makePreset(ctx context.Context, a *models.Asset, p *models.TransformPreset) (int, error) {
	params, err := parsePreset(p)
	if err != nil {
		return 0, err
	}
	if params.NeedsFocalPoint() {
		focal, err := s.defaultFocalPoint(ctx, a.ID)
		if err != nil {
			return 0, err
		}
		params = params.WithFocalPoint(focal)
	}
	made, seen := 0, map[string]bool{}
	for _, accept := range browserAccepts {
		ok, err := s.makeEager(ctx, a, params, accept, seen)
		if _, refused := access.AsError(err); refused {
			return made, nil
		}
		if err != nil {
			return made, err
		}
		if ok {
			made++
		}
	}
	return made, nil
}

// makeEager stores the result of params for a browser sending accept, unless stored already or seen
// for another Accept header; it reports whether it stored one.
func (s *Service) makeEager(ctx context.Context, a *models.Asset, params imageurl.ImageParams, accept string, seen map[string]bool) (bool, error) {
	t, err := s.resolveTransform(a, params, accept)
	if err != nil {
		return false, err
	}
	derived, _ := derivedKey(a, a.Version, t.spec)
	if seen[derived] {
		return false, nil
	}
	seen[derived] = true
	if o, err := s.store.Open(ctx, derived); err == nil {
		return false, o.Close()
	} else if !errors.Is(err, storage.ErrNotFound) {
		return false, fmt.Errorf("open stored transform %s: %w", derived, err)
	}
	now := func(store func()) { store() }
	_, err = s.transforms.make(ctx, eagerClient, derived, func(work context.Context) ([]byte, error) {
		return s.makeDerivative(work, a, a.Version, a.ObjectKey, derived, t.spec, params, now)
	})
	return err == nil, err
}
