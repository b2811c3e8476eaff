package intake

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/catalogue"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/storage"
)

// RestoreAssetVersion makes an earlier version's bytes the asset's new current version, as a
// replacement with them would: the next number, the asset.replaced event, a new scan and, under
// moderation, a new review. The version keeps the facts its analysis learned, so nothing is analyzed
// again.
//
// The bytes are copied to an object of the new version's own, not shared: quarantining a version
// moves its object, and deleting an earlier version deletes its object, and neither may take the
// bytes of another version with it. A copy keeps "a version owns its object" true, which the purge,
// deleteAssetVersion and the orphan sweep all rely on.
func (s *Service) RestoreAssetVersion(ctx context.Context, id string, number int) (*models.Asset, error) {
	p, err := access.Authorize(ctx, access.Write)
	if err != nil {
		return nil, err
	}
	cur, err := s.liveAsset(ctx, id)
	if err != nil {
		return nil, err
	}
	old, err := s.assets.VersionOf(ctx, id, number)
	if err != nil {
		return nil, err
	}
	switch {
	case old.Antivirus.Status == models.ScanInfected:
		return nil, access.NewError(access.CodeAssetQuarantined, "asset %s version %d is quarantined: a virus scan found a threat in it, so it cannot be restored", id, number)
	case old.Number == cur.Version:
		return nil, access.Invalid("version", "version %d is already the current version of asset %s", number, id)
	}
	v := restoredVersion(old, p)
	if err := s.copyBytes(ctx, old, v.ObjectKey); err != nil {
		return nil, err
	}
	err = s.registry.Replace(ctx, id, catalogue.NewAsset{Asset: cur.AtVersion(v), Version: v}, catalogue.ReplaceRules{})
	if err != nil {
		storage.Discard(ctx, s.store, []string{v.ObjectKey}, s.log)
		return nil, restoreError(err, cur, old)
	}
	return s.assets.Asset(ctx, id)
}

// restoredVersion is the row of a new version with old's bytes and facts, stored by p now.
func restoredVersion(old *models.AssetVersion, p *access.Principal) *models.AssetVersion {
	v := *old
	v.ID = models.NewID(models.VersionPrefix)
	v.ObjectKey = objectKey(v.AssetID, v.ID, v.Filename)
	v.CreatedByID, v.CreatedAt = nil, models.Now()
	if actor := p.ActorID(); actor != "" {
		v.CreatedByID = &actor
	}
	return &v
}

// copyBytes copies the object of version from to key through the store, checking on the way that
// they are still the bytes its SHA-256 names: a restore must bring back exactly what was stored.
func (s *Service) copyBytes(ctx context.Context, from *models.AssetVersion, key string) error {
	o, err := s.store.Open(ctx, from.ObjectKey)
	if err != nil {
		return fmt.Errorf("open version %d of asset %s: %w", from.Number, from.AssetID, err)
	}
	defer o.Close()
	h := sha256.New()
	if _, err := s.store.Put(ctx, key, io.TeeReader(o, h), storage.PutOptions{ContentType: from.MimeType}); err != nil {
		return fmt.Errorf("copy version %d of asset %s: %w", from.Number, from.AssetID, err)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != from.SHA256 {
		storage.Discard(ctx, s.store, []string{key}, s.log)
		return fmt.Errorf("copy version %d of asset %s: stored bytes have SHA-256 %s, not %s", from.Number, from.AssetID, got, from.SHA256)
	}
	return nil
}

// restoreError says in a restore's terms what a replacement refused: a restore has no file and no
// allowKindChange.
func restoreError(err error, cur *models.Asset, old *models.AssetVersion) error {
	var ae *access.Error
	if !errors.As(err, &ae) || ae.Code != access.CodeAssetInUse {
		return err
	}
	return &access.Error{Code: access.CodeAssetInUse, Field: "version", Message: fmt.Sprintf(
		"asset %s is a %s used by a live entry and version %d is a %s, which would break the pages showing it: remove the references first",
		cur.ID, strings.ToLower(string(cur.Kind)), old.Number, strings.ToLower(string(old.Kind)))}
}
