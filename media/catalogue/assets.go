package catalogue

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/storage"
)

// MaxPageSize caps the page size of every list.
const MaxPageSize = 500

// defaultPageSize is the page size when a client names none.
const defaultPageSize = 20

// maxBulkIDs caps the ids of one bulk operation.
const maxBulkIDs = 500

// AssetEdge is an asset with its cursor.
type AssetEdge struct {
	Node *models.Asset
	edge
}

// AssetList is a page of assets; its cursors and total are computed only when asked for.
type AssetList struct {
	Nodes []*models.Asset
	pager
}

// Edges pairs each asset with its cursor.
func (l *AssetList) Edges() []AssetEdge {
	edges := make([]AssetEdge, len(l.Nodes))
	for i, a := range l.Nodes {
		edges[i] = AssetEdge{Node: a, edge: l.edge(i)}
	}
	return edges
}

func checkPage(page models.PageRequest) (models.PageRequest, error) {
	if page.First != nil && page.Last != nil {
		return page, access.Invalid("last", "use either first or last, not both")
	}
	for _, p := range []struct {
		name string
		v    *int
	}{{"first", page.First}, {"last", page.Last}} {
		if p.v != nil && (*p.v < 0 || *p.v > MaxPageSize) {
			return page, access.Invalid(p.name, "%s must be between 0 and %d", p.name, MaxPageSize)
		}
	}
	if page.First == nil && page.Last == nil {
		n := defaultPageSize
		page.First = &n
	}
	return page, nil
}

// queryError maps the ways a list query can be wrong onto client errors.
func queryError(err error, cursorField string) error {
	var fe *models.FilterError
	var forbidden *models.FilterForbiddenError
	switch {
	case errors.As(err, &forbidden):
		return &access.Error{Code: access.CodeForbidden, Message: forbidden.Reason, Field: "filter." + forbidden.Field}
	case errors.As(err, &fe):
		return access.Invalid(strings.TrimSuffix("filter."+fe.Field, "."), "%s", fe.Reason)
	case errors.Is(err, models.ErrBadCursor):
		return access.Invalid(cursorField, "the cursor is invalid: use a cursor from this list's pageInfo or edges")
	}
	return err
}

// ListAssets returns a page of the assets the caller may see that match filter, in order.
func (s *Assets) ListAssets(ctx context.Context, filter *models.AssetFilter, order models.AssetOrder, page models.PageRequest) (*AssetList, error) {
	p, err := access.Authorize(ctx, access.Read)
	if err != nil {
		return nil, err
	}
	if page, err = checkPage(page); err != nil {
		return nil, err
	}
	if order == models.OrderRelevance && (filter == nil || filter.Search == nil) {
		return nil, access.Invalid("orderBy", "RELEVANCE orders the matches of a search: give filter.search or query")
	}
	return s.list(ctx, models.AssetQuery{Filter: filter, Order: order, Visibility: p.Visibility()}, page)
}

// list runs an authorized, checked list query.
func (s *Assets) list(ctx context.Context, q models.AssetQuery, page models.PageRequest) (*AssetList, error) {
	res, err := s.db.ListAssets(ctx, q, page, s.cursors)
	if err != nil {
		field := "after"
		if page.Before != nil {
			field = "before"
		}
		return nil, queryError(err, field)
	}
	return &AssetList{Nodes: res.Assets, pager: pager{
		n: len(res.Assets), cursor: res.Cursor, hasNext: res.HasNext, hasPrev: res.HasPrevious,
		count: func(ctx context.Context) (int64, error) { return s.db.CountAssets(ctx, q) },
	}}, nil
}

// Asset returns one asset the caller may see.
func (s *Assets) Asset(ctx context.Context, id string) (*models.Asset, error) {
	found, err := s.AssetsByID(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	if a := found[id]; a != nil {
		return a, nil
	}
	return nil, access.NotFound("asset", id)
}

// AssetsByID returns the assets among ids that the caller may see, by id.
func (s *Assets) AssetsByID(ctx context.Context, ids []string) (map[string]*models.Asset, error) {
	p, err := access.Authorize(ctx, access.Read)
	if err != nil {
		return nil, err
	}
	assets, err := s.db.AssetsByID(ctx, ids, p.Visibility())
	if err != nil {
		return nil, err
	}
	return models.ByID(assets), nil
}

// assetState says which assets a bulk operation acts on.
type assetState int

const (
	liveAssets assetState = iota
	trashedAssets
	// anyAssets are live or trashed.
	anyAssets
)

// loadForWrite checks a bulk id list and loads its assets in the given order; every id must name an
// asset in the expected state.
func (s *core) loadForWrite(ctx context.Context, db *models.DB, ids []string, state assetState) ([]*models.Asset, error) {
	if len(ids) == 0 {
		return nil, access.Invalid("ids", "list at least one asset id")
	}
	if len(ids) > maxBulkIDs {
		return nil, access.Invalid("ids", "at most %d ids per call", maxBulkIDs)
	}
	ids = models.Uniq(ids)
	assets, err := db.AssetsByID(ctx, ids, models.Visibility{})
	if err != nil {
		return nil, err
	}
	if err := checkWriteScope(ctx, db, ids, access.Write); err != nil {
		return nil, err
	}
	byID := models.ByID(assets)
	out := make([]*models.Asset, 0, len(ids))
	for _, id := range ids {
		a := byID[id]
		switch {
		case a == nil:
			return nil, access.NotFound("asset", id)
		case state == liveAssets && a.DeletedAt != nil:
			return nil, access.NewError(access.CodeNotFound, "asset %q is in the trash: restore it first", id)
		case state == trashedAssets && a.DeletedAt == nil:
			return nil, access.Invalid("ids", "asset %q is not in the trash: delete it first", id)
		}
		out = append(out, a)
	}
	return out, nil
}

// reload returns the assets with their state after a write, in the order given.
func (s *core) reload(ctx context.Context, assets []*models.Asset) ([]*models.Asset, error) {
	ids := assetIDs(assets)
	fresh, err := s.db.AssetsByID(ctx, ids, models.Visibility{})
	if err != nil {
		return nil, err
	}
	byID := models.ByID(fresh)
	out := make([]*models.Asset, 0, len(ids))
	for _, id := range ids {
		if a := byID[id]; a != nil {
			out = append(out, a)
		}
	}
	return out, nil
}

func assetIDs(assets []*models.Asset) []string {
	ids := make([]string, len(assets))
	for i, a := range assets {
		ids[i] = a.ID
	}
	return ids
}

// writeAssets runs fn over the listed assets in one transaction, which records an event of kind about
// them, and returns them as they were loaded.
func (s *core) writeAssets(ctx context.Context, ids []string, state assetState, kind models.EventKind, fn func(tx *models.DB, assets []*models.Asset) error) ([]*models.Asset, error) {
	return s.writeAssetsLogged(ctx, ids, state, kind, func(tx *models.DB, assets []*models.Asset) (models.JSONObject, error) {
		return nil, fn(tx, assets)
	})
}

// writeAssetsLogged is writeAssets for a change that tells what it changed, which its event keeps for
// the audit log.
func (s *core) writeAssetsLogged(ctx context.Context, ids []string, state assetState, kind models.EventKind, fn func(tx *models.DB, assets []*models.Asset) (models.JSONObject, error)) ([]*models.Asset, error) {
	if _, err := access.Authorize(ctx, access.Write); err != nil {
		return nil, err
	}
	if kind == models.EventAssetDeleted {
		if err := s.authorizeDelete(ctx, ids); err != nil {
			return nil, err
		}
	}
	return s.writeAuthorized(ctx, ids, state, kind, fn)
}

// writeAuthorized is writeAssetsLogged for a caller whose permission was checked already.
func (s *core) writeAuthorized(ctx context.Context, ids []string, state assetState, kind models.EventKind, fn func(tx *models.DB, assets []*models.Asset) (models.JSONObject, error)) ([]*models.Asset, error) {
	var assets []*models.Asset
	err := s.db.Transaction(ctx, func(tx *models.DB) error {
		var err error
		if assets, err = s.loadForWrite(ctx, tx, ids, state); err != nil {
			return err
		}
		changes, err := fn(tx, assets)
		if err != nil {
			return err
		}
		return record(ctx, tx, models.Event{Kind: kind, AssetIDs: assetIDs(assets), Changes: changes})
	})
	if err != nil {
		return nil, err
	}
	return assets, nil
}

// changeAssets is writeAssets for changes that keep the assets: it returns them as they are after it.
func (s *core) changeAssets(ctx context.Context, ids []string, state assetState, kind models.EventKind, fn func(tx *models.DB, assets []*models.Asset) error) ([]*models.Asset, error) {
	assets, err := s.writeAssets(ctx, ids, state, kind, fn)
	if err != nil {
		return nil, err
	}
	return s.reload(ctx, assets)
}

// SetAssetStatus makes assets PUBLIC or PRIVATE. An asset that a live entry uses stays PUBLIC, so that
// no published page loses its image.
func (s *Assets) SetAssetStatus(ctx context.Context, ids []string, status models.AssetStatus) ([]*models.Asset, error) {
	return s.changeAssets(ctx, ids, liveAssets, models.EventAssetUpdated, func(tx *models.DB, assets []*models.Asset) error {
		return s.setStatus(ctx, tx, assets, status)
	})
}

func (s *core) setStatus(ctx context.Context, tx *models.DB, assets []*models.Asset, status models.AssetStatus) error {
	if status != models.StatusPublic && status != models.StatusPrivate {
		return access.Invalid("status", "unknown status %q", status)
	}
	if _, err := access.Authorize(ctx, access.Publish); err != nil {
		return err
	}
	ids := assetIDs(assets)
	if status == models.StatusPrivate {
		if err := refuseLiveUsages(ctx, tx, ids, "made PRIVATE"); err != nil {
			return err
		}
	}
	if status == models.StatusPublic {
		if err := s.refuseUnapproved(ctx, tx, ids); err != nil {
			return err
		}
	}
	if err := tx.UpdateAssets(ctx, ids, map[string]any{"status": status}); err != nil {
		return err
	}
	return recordFlips(ctx, tx, assets, status)
}

func refuseLiveUsages(ctx context.Context, tx *models.DB, ids []string, what string) error {
	used, err := tx.AssetsWithLiveUsages(ctx, ids)
	if err != nil {
		return err
	}
	if len(used) > 0 {
		slices.Sort(used)
		return access.NewError(access.CodeAssetInUse, "asset %s is used by a live entry and cannot be %s; remove the reference first", used[0], what)
	}
	return nil
}

// MoveAssets puts assets into a collection, or out of every collection when collectionID is nil.
func (s *Assets) MoveAssets(ctx context.Context, ids []string, collectionID *string) ([]*models.Asset, error) {
	return s.changeAssets(ctx, ids, liveAssets, models.EventAssetUpdated, func(tx *models.DB, assets []*models.Asset) error {
		if err := checkCollection(ctx, tx, "collectionId", collectionID); err != nil {
			return err
		}
		return tx.UpdateAssets(ctx, assetIDs(assets), map[string]any{"collection_id": collectionID})
	})
}

func checkCollection(ctx context.Context, tx *models.DB, field string, id *string) error {
	if id == nil {
		return nil
	}
	if _, err := tx.CollectionByID(ctx, *id); err != nil {
		if errors.Is(err, models.ErrNotFound) {
			e := access.NotFound("collection", *id)
			e.Field = field
			return e
		}
		return err
	}
	return nil
}

// RevokeSignedURLs makes every signed link to the assets made so far stop opening them, whoever
// signed it; links signed from now on work. Trashed assets are revoked too: restoring one does not
// bring its old links back.
func (s *Assets) RevokeSignedURLs(ctx context.Context, ids []string) ([]*models.Asset, error) {
	return s.changeAssets(ctx, ids, anyAssets, models.EventAssetUpdated, func(tx *models.DB, assets []*models.Asset) error {
		return tx.AdvanceGrantEpochs(ctx, assetIDs(assets))
	})
}

// DeleteAssets moves assets to the trash, where they are hidden but restorable. An asset a live entry
// uses cannot be deleted.
func (s *Assets) DeleteAssets(ctx context.Context, ids []string) ([]string, error) {
	assets, err := s.writeAssets(ctx, ids, liveAssets, models.EventAssetDeleted, func(tx *models.DB, assets []*models.Asset) error {
		ids := assetIDs(assets)
		if err := refuseLiveUsages(ctx, tx, ids, "deleted"); err != nil {
			return err
		}
		return tx.UpdateAssets(ctx, ids, map[string]any{"deleted_at": models.Now()})
	})
	if err != nil {
		return nil, err
	}
	return assetIDs(assets), nil
}

// RestoreAssets takes assets out of the trash.
func (s *Assets) RestoreAssets(ctx context.Context, ids []string) ([]*models.Asset, error) {
	return s.changeAssets(ctx, ids, trashedAssets, models.EventAssetRestored, func(tx *models.DB, assets []*models.Asset) error {
		return tx.UpdateAssets(ctx, assetIDs(assets), map[string]any{"deleted_at": nil})
	})
}

// PurgeAssets removes trashed assets for good: their rows, then the bytes of every version.
func (s *Assets) PurgeAssets(ctx context.Context, ids []string) ([]string, error) {
	if err := s.authorizeDelete(ctx, ids); err != nil {
		return nil, err
	}
	return s.purge(ctx, ids)
}

// purge is PurgeAssets for a caller already authorized, or a job acting for nobody.
func (s *Assets) purge(ctx context.Context, ids []string) ([]string, error) {
	var keys []string
	assets, err := s.writeAuthorized(ctx, ids, trashedAssets, models.EventAssetPurged, func(tx *models.DB, assets []*models.Asset) (models.JSONObject, error) {
		var err error
		keys, err = tx.DeleteAssets(ctx, assetIDs(assets))
		return nil, err
	})
	if err != nil {
		return nil, err
	}
	storage.Discard(ctx, s.store, keys, s.log)
	return assetIDs(assets), nil
}

// MetadataForAssets returns each asset's localized metadata; the assets were already checked visible.
func (s *Assets) MetadataForAssets(ctx context.Context, ids []string) (map[string][]*models.AssetMetadata, error) {
	if _, err := access.Authorize(ctx, access.Read); err != nil {
		return nil, err
	}
	return s.db.MetadataForAssets(ctx, ids)
}

// VersionsForAssets returns each asset's versions, oldest first; the assets were already checked visible.
func (s *Assets) VersionsForAssets(ctx context.Context, ids []string) (map[string][]*models.AssetVersion, error) {
	if _, err := access.Authorize(ctx, access.Read); err != nil {
		return nil, err
	}
	return s.db.VersionsForAssets(ctx, ids)
}

// checkWriteScope refuses a write to assets outside the caller's OWN write scope, if they have one.
func checkWriteScope(ctx context.Context, db *models.DB, ids []string, need access.Need) error {
	role := access.WriteScope(ctx, need)
	if role == "" {
		return nil
	}
	own, err := db.AssetsByID(ctx, ids, models.Visibility{OwnRole: role})
	if err != nil {
		return err
	}
	mine := models.ByID(own)
	for _, id := range ids {
		if mine[id] == nil {
			return access.NewError(access.CodeForbidden, "asset %q was not created by your role: your role changes only its own media", id)
		}
	}
	return nil
}

// authorizeDelete checks that the caller may delete media, and these assets under their deleteMedia scope.
func (s *core) authorizeDelete(ctx context.Context, ids []string) error {
	if _, err := access.Authorize(ctx, access.Delete); err != nil {
		return err
	}
	return checkWriteScope(ctx, s.db, models.Uniq(ids), access.Delete)
}
