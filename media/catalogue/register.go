package catalogue

import (
	"context"
	"errors"
	"fmt"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/photometa"
	"github.com/mediagraph/mediagraph/models"
)

// NewAsset is a stored file to record: its rows, completed by intake, and what the file says about
// its title, author and copyright.
type NewAsset struct {
	Asset   *models.Asset
	Version *models.AssetVersion
	Credits photometa.Credits
}

// Filing says how new assets are filed and described; tags and metadata were checked
// (CheckTagNames, MetadataChanges).
type Filing struct {
	Status                   models.AssetStatus
	CollectionID             *string
	Author, Copyright, Notes *string
	Tags                     []string
	Metadata                 []MetadataChange
	Fields                   UploadFields
}

// Register records stored files as new assets, filed and described as f says, in the caller's
// transaction tx, so that the caller can record in it what made them.
func (s *Registry) Register(ctx context.Context, tx *models.DB, stored []NewAsset, f Filing) error {
	if err := checkCollection(ctx, tx, "input.collectionId", f.CollectionID); err != nil {
		return err
	}
	ids := make([]string, len(stored))
	for i, in := range stored {
		a := in.Asset
		a.Status, a.CollectionID = f.Status, f.CollectionID
		a.Author, a.Copyright, a.Notes = BlankToNil(f.Author), BlankToNil(f.Copyright), BlankToNil(f.Notes)
		prefillCredits(a, in.Credits)
		in.Version.Antivirus = s.newScan()
		a.Moderation = s.newModeration()
		if err := tx.CreateAsset(ctx, a, in.Version, nil); err != nil {
			return err
		}
		ids[i] = a.ID
	}
	if err := record(ctx, tx, models.Event{Kind: models.EventAssetCreated, AssetIDs: ids}); err != nil {
		return err
	}
	if err := addTags(ctx, tx, ids, f.Tags); err != nil {
		return err
	}
	if err := applyMetadata(ctx, tx, ids, f.Metadata); err != nil {
		return err
	}
	if err := writeFieldValues(ctx, tx, ids, f.Fields); err != nil {
		return err
	}
	for _, in := range stored {
		if err := s.prefillTitle(ctx, tx, in.Asset.ID, in.Credits); err != nil {
			return err
		}
	}
	return nil
}

// ReplaceRules say what a replacement may change.
type ReplaceRules struct {
	// AllowKindChange accepts bytes of another kind while live entries use the asset.
	AllowKindChange bool
	// NewName gives the asset the new file's name (and so a new gate URL) instead of keeping its own.
	NewName bool
}

// Replace records in as the next version of the asset of id, which keeps its name (unless
// rules.NewName), description and credits; the file's credits fill only what is empty. Bytes of
// another kind are refused while live entries use the asset, unless rules.AllowKindChange: every
// page showing an image would break on a video.
func (s *Registry) Replace(ctx context.Context, id string, in NewAsset, rules ReplaceRules) error {
	return s.change(ctx, models.Event{Kind: models.EventAssetReplaced, AssetIDs: []string{id}}, func(tx *models.DB) error {
		// Read again inside the transaction: a concurrent replacement may have taken the next number.
		found, err := tx.AssetsByID(ctx, []string{id}, models.Visibility{})
		if err != nil {
			return err
		}
		if len(found) == 0 || found[0].DeletedAt != nil {
			return access.NotFound("asset", id)
		}
		old, a, v := found[0], in.Asset, in.Version
		if err := refuseKindChange(ctx, tx, old, v.Kind, rules); err != nil {
			return err
		}
		a.Version, v.Number = old.Version+1, old.Version+1
		if !rules.NewName {
			a.Basename, a.Filename = old.Basename, old.Basename+path.Ext(a.Filename) // the name stays; the type may change
		}
		v.Filename = a.Filename
		a.Author, a.Copyright = old.Author, old.Copyright
		prefillCredits(a, in.Credits)
		v.Antivirus = s.newScan()
		// New bytes await review again; without moderation the decision stays as it was.
		a.Moderation = old.Moderation
		if s.moderated() {
			a.Moderation = s.newModeration()
		}
		if err := tx.ReplaceBytes(ctx, a, v); err != nil {
			return err
		}
		if a.Moderation.Status != old.Moderation.Status {
			if err := record(ctx, tx, models.Event{Kind: models.EventAssetModerationChanged, AssetIDs: []string{id}}); err != nil {
				return err
			}
		}
		return s.prefillTitle(ctx, tx, id, in.Credits)
	})
}

func refuseKindChange(ctx context.Context, tx *models.DB, old *models.Asset, kind models.AssetKind, rules ReplaceRules) error {
	if old.Kind == kind || rules.AllowKindChange {
		return nil
	}
	used, err := tx.AssetsWithLiveUsages(ctx, []string{old.ID})
	if err != nil || len(used) == 0 {
		return err
	}
	return &access.Error{Code: access.CodeAssetInUse, Field: "file", Message: fmt.Sprintf(
		"asset %s is a %s used by a live entry; the new file is a %s, which would break the pages showing it: "+
			"send a %s, or set input.allowKindChange", old.ID, lowerKind(old.Kind), lowerKind(kind), lowerKind(old.Kind))}
}

func lowerKind(k models.AssetKind) string { return strings.ToLower(string(k)) }

// SaveAnalysis records what a new analysis of asset a learned; what editors wrote stays, the file's
// credits only fill fields that are empty. An asset replaced meanwhile keeps its replacement's.
// What the bytes say changed (dimensions, colors, placeholders…), so readers of events learn of an
// update as well as of the analysis.
func (s *Registry) SaveAnalysis(ctx context.Context, a *models.Asset, credits photometa.Credits) error {
	return s.saveAnalysis(ctx, a, credits, models.EventAssetUpdated, models.EventAssetAnalyzed)
}

// CompleteAnalysis records the pixel facts of new bytes, which their upload left pending: the
// asset.created or asset.replaced event told of the change, and asset.analyzed tells that the facts
// are complete.
func (s *Registry) CompleteAnalysis(ctx context.Context, a *models.Asset, credits photometa.Credits) error {
	return s.saveAnalysis(ctx, a, credits, models.EventAssetAnalyzed)
}

func (s *Registry) saveAnalysis(ctx context.Context, a *models.Asset, credits photometa.Credits, events ...models.EventKind) error {
	author, copyright := a.Author, a.Copyright
	prefillCredits(a, credits)
	err := s.db.Transaction(ctx, func(tx *models.DB) error {
		a.UpdatedAt = models.Now()
		if err := tx.SaveAnalysis(ctx, a); err != nil {
			return err
		}
		if a.Author != author || a.Copyright != copyright {
			if err := tx.UpdateAssets(ctx, []string{a.ID}, map[string]any{"author": a.Author, "copyright": a.Copyright}); err != nil {
				return err
			}
		}
		if err := s.prefillTitle(ctx, tx, a.ID, credits); err != nil {
			return err
		}
		for _, kind := range events {
			if err := record(ctx, tx, models.Event{Kind: kind, AssetIDs: []string{a.ID}}); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, models.ErrConflict) {
		return nil // replaced while it was analyzed: the replacement analyzed its own bytes
	}
	return err
}

// Reload returns the assets with their state after a write, in the order given.
func (s *Registry) Reload(ctx context.Context, assets []*models.Asset) ([]*models.Asset, error) {
	return s.reload(ctx, assets)
}

// MetadataChanges folds the default-locale shorthands into the per-locale list and checks it all.
func (s *Registry) MetadataChanges(field string, fp Optional[*models.FocalPoint], data Optional[models.JSONObject], list []MetadataChange) ([]MetadataChange, error) {
	return s.metadataChanges(field, fp, data, list)
}

// prefillCredits gives an asset the author and copyright its file names, where the uploader gave none.
func prefillCredits(a *models.Asset, c photometa.Credits) {
	if a.Author == nil {
		a.Author = clip(c.Creator, maxCreditLength)
	}
	if a.Copyright == nil {
		a.Copyright = clip(c.Copyright, maxCreditLength)
	}
}

// prefillTitle gives an asset the title its file names, in the default locale, unless it has one.
func (s *core) prefillTitle(ctx context.Context, tx *models.DB, id string, c photometa.Credits) error {
	if t := clip(c.Title, maxAltLength); t != nil {
		return tx.PrefillTitle(ctx, id, s.settings.DefaultLocale(), *t)
	}
	return nil
}

// clip shortens embedded text to a field's limit on a character boundary: the file's own words are
// kept rather than refusing the upload over them.
func clip(s *string, max int) *string {
	if s == nil {
		return nil
	}
	t := strings.TrimSpace(*s)
	if utf8.RuneCountInString(t) > max {
		t = string([]rune(t)[:max])
	}
	return BlankToNil(&t)
}

// SaveVersionAnalysis records what the analysis of an earlier version v learned (one stored before
// each version kept its own analysis). Serving and describing that version read these facts, so it
// is an update of the asset readers of events must hear of.
func (s *Registry) SaveVersionAnalysis(ctx context.Context, v *models.AssetVersion) error {
	return s.change(ctx, models.Event{Kind: models.EventAssetUpdated, AssetIDs: []string{v.AssetID}}, func(tx *models.DB) error {
		return tx.SaveVersionAnalysis(ctx, v)
	})
}

// CompleteVersionAnalysis records the pixel facts of an earlier version whose analysis its
// replacement overtook: nothing the asset says of itself changes, so no event is recorded.
func (s *Registry) CompleteVersionAnalysis(ctx context.Context, v *models.AssetVersion) error {
	return s.db.Transaction(ctx, func(tx *models.DB) error { return tx.SaveVersionAnalysis(ctx, v) })
}

// RecordDamage records that version of asset assetID is damaged, as reason says, unless a reason is
// recorded already: a transform found what ingest did not. Readers learn of it as of any change
// to the asset (an asset.updated event, a new catalogue generation).
func (s *Registry) RecordDamage(ctx context.Context, assetID string, version int, reason string) error {
	return s.db.Transaction(ctx, func(tx *models.DB) error {
		recorded, err := tx.RecordProcessingError(ctx, assetID, version, reason)
		if err != nil || !recorded {
			return err // another request, maybe on another instance, recorded it first
		}
		return record(ctx, tx, models.Event{Kind: models.EventAssetUpdated, AssetIDs: []string{assetID}})
	})
}
