package models

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
	"gorm.io/gorm/schema"
)

// AssetOrder is an ordering of asset lists; every ordering ends with the id so that it is total.
type AssetOrder string

const (
	OrderCreatedAtAsc  AssetOrder = "CREATED_AT_ASC"
	OrderCreatedAtDesc AssetOrder = "CREATED_AT_DESC"
	OrderUpdatedAtAsc  AssetOrder = "UPDATED_AT_ASC"
	OrderUpdatedAtDesc AssetOrder = "UPDATED_AT_DESC"
	OrderFilenameAsc   AssetOrder = "FILENAME_ASC"
	OrderFilenameDesc  AssetOrder = "FILENAME_DESC"
	OrderSizeAsc       AssetOrder = "SIZE_ASC"
	OrderSizeDesc      AssetOrder = "SIZE_DESC"
	OrderWidthAsc      AssetOrder = "WIDTH_ASC"
	OrderWidthDesc     AssetOrder = "WIDTH_DESC"
	OrderHeightAsc     AssetOrder = "HEIGHT_ASC"
	OrderHeightDesc    AssetOrder = "HEIGHT_DESC"
)

type sortKey int

const (
	sortTime sortKey = iota
	sortInt
	sortString
)

type orderSpec struct {
	expr string
	desc bool
	kind sortKey
}

// Width and height sort as -1 when absent, so that NULLs sit in the same place on both dialects.
var orderSpecs = map[AssetOrder]orderSpec{
	OrderCreatedAtAsc:  {"assets.created_at", false, sortTime},
	OrderCreatedAtDesc: {"assets.created_at", true, sortTime},
	OrderUpdatedAtAsc:  {"assets.updated_at", false, sortTime},
	OrderUpdatedAtDesc: {"assets.updated_at", true, sortTime},
	OrderFilenameAsc:   {"assets.filename", false, sortString},
	OrderFilenameDesc:  {"assets.filename", true, sortString},
	OrderSizeAsc:       {"cv.size", false, sortInt},
	OrderSizeDesc:      {"cv.size", true, sortInt},
	OrderWidthAsc:      {"COALESCE(cv.width, -1)", false, sortInt},
	OrderWidthDesc:     {"COALESCE(cv.width, -1)", true, sortInt},
	OrderHeightAsc:     {"COALESCE(cv.height, -1)", false, sortInt},
	OrderHeightDesc:    {"COALESCE(cv.height, -1)", true, sortInt},
}

// sortValue is an asset's value under an ordering, as stored in its cursor.
func (s orderSpec) sortValue(a *Asset, order AssetOrder) any {
	switch order {
	case OrderCreatedAtAsc, OrderCreatedAtDesc:
		return a.CreatedAt
	case OrderUpdatedAtAsc, OrderUpdatedAtDesc:
		return a.UpdatedAt
	case OrderFilenameAsc, OrderFilenameDesc:
		return a.Filename
	case OrderSizeAsc, OrderSizeDesc:
		return a.Size
	case OrderWidthAsc, OrderWidthDesc:
		return intOr(a.Width, -1)
	default:
		return intOr(a.Height, -1)
	}
}

func intOr(p *int, def int) int64 {
	if p == nil {
		return int64(def)
	}
	return int64(*p)
}

// Visibility says which assets a reader may see.
type Visibility struct {
	// PublicOnly limits the reader to the assets Availability lets through, and to the references of
	// live entries among usages.
	PublicOnly bool
	// At is the instant availability windows are judged at; zero means now.
	At time.Time
	// OwnRole, when set, limits the reader to the assets created by members and tokens of this role.
	OwnRole string
}

// AssetQuery selects and orders assets.
type AssetQuery struct {
	Filter *AssetFilter
	Order  AssetOrder
	// ByField, when set, orders by a metadata field instead of Order.
	ByField    *FieldOrder
	Visibility Visibility
}

// PageRequest is Relay pagination: First/After go forward, Last/Before backward.
type PageRequest struct {
	First  *int
	After  *string
	Last   *int
	Before *string
}

// AssetPage is one page of an asset list.
type AssetPage struct {
	Assets      []*Asset
	HasNext     bool
	HasPrevious bool
	// Cursor encodes the cursor of Assets[i]; cursors cost an HMAC each, so only asked-for ones are made.
	Cursor func(i int) (string, error)
}

// visibleAssets applies the reader's visibility and the trash rule: trashed assets appear only when a
// filter asks for the trash, and never to a public-only reader.
func visibleAssets(g *gorm.DB, f *AssetFilter, vis Visibility) *gorm.DB {
	g = vis.own(g)
	trash := f != nil && f.Deleted != nil && *f.Deleted
	switch {
	case vis.PublicOnly && trash:
		return g.Where("1 = 0")
	case vis.PublicOnly:
		return vis.availability().Where(g)
	case trash:
		return g.Where("assets.deleted_at IS NOT NULL")
	}
	return g.Where("assets.deleted_at IS NULL")
}

// currentVersionJoin brings each asset's current version beside it, as cv: every asset has one, so
// the join neither drops nor repeats assets.
const currentVersionJoin = "JOIN asset_versions cv ON cv.asset_id = assets.id AND cv.number = assets.version"

// assetRow is an asset read with its current version in one row.
type assetRow struct {
	Asset
	Current AssetVersion `gorm:"embedded;embeddedPrefix:cv_"`
}

// assetColumns selects an assetRow: the asset's columns and its current version's, prefixed.
var assetColumns = sync.OnceValue(func() string {
	s, err := schema.Parse(&AssetVersion{}, &sync.Map{}, schema.NamingStrategy{})
	if err != nil {
		panic(fmt.Sprintf("parse asset version: %v", err)) // a programming error, caught by any test
	}
	cols := []string{"assets.*"}
	for _, f := range s.Fields {
		if f.DBName != "" {
			cols = append(cols, "cv."+f.DBName+" AS cv_"+f.DBName)
		}
	}
	return strings.Join(cols, ", ")
})

// assetRows reads assetRows: every list page does, 50 rows of some 50 columns at a time.
var assetRows = sync.OnceValue(newColumnScanner[assetRow])

// findAssets runs a query of assets and loads each with its current version.
func findAssets(g *gorm.DB) ([]*Asset, error) {
	rows, err := assetRows().find(g.Select(assetColumns()))
	if err != nil {
		return nil, err
	}
	out := make([]*Asset, len(rows))
	for i := range rows {
		out[i] = &rows[i].Asset
		out[i].AssetVersion = &rows[i].Current
	}
	return out, nil
}

func (db *DB) assetScope(ctx context.Context, q AssetQuery, withVersion bool) (*gorm.DB, error) {
	if q.Filter != nil {
		if err := checkNestedDeleted(q.Filter.AND, "AND"); err != nil {
			return nil, err
		}
		if err := checkNestedDeleted(q.Filter.OR, "OR"); err != nil {
			return nil, err
		}
	}
	if q.Visibility.PublicOnly {
		if err := refuseManagementFields(q.Filter, ""); err != nil {
			return nil, err
		}
	}
	c, err := compileAssetFilter(q.Filter, db.compileScope(q.Visibility))
	if err != nil {
		return nil, err
	}
	g := variantScope(visibleAssets(db.with(ctx).Model(&Asset{}), q.Filter, q.Visibility), q.Filter)
	if withVersion || c.version {
		g = g.Joins(currentVersionJoin)
	}
	return c.where(g), nil
}

// The trash is a place, not a property: only the top level of a filter may ask for it.
func checkNestedDeleted(list []*AssetFilter, path string) error {
	for i, f := range list {
		p := fmt.Sprintf("%s[%d]", path, i)
		if f != nil && f.Deleted != nil {
			return &FilterError{p + ".deleted", "only allowed at the top level of a filter"}
		}
		if f != nil && f.Variants != nil {
			return &FilterError{p + ".variants", "only allowed at the top level of a filter"}
		}
		if f != nil {
			if err := checkNestedDeleted(f.AND, p+".AND"); err != nil {
				return err
			}
			if err := checkNestedDeleted(f.OR, p+".OR"); err != nil {
				return err
			}
		}
	}
	return nil
}

// ListAssets returns one page of assets in the query's order.
func (db *DB) ListAssets(ctx context.Context, q AssetQuery, page PageRequest, cursors Cursors) (*AssetPage, error) {
	if q.ByField != nil {
		return db.listByField(ctx, q, page, cursors)
	}
	g, spec, limit, err := db.pageQuery(ctx, q, page, cursors, false)
	if err != nil {
		return nil, err
	}
	backward := page.Last != nil && page.First == nil
	assets, scores, err := findScoredAssets(g, q.Order == OrderRelevance, spec.expr)
	if err != nil {
		return nil, fmt.Errorf("list assets: %w", err)
	}
	more := len(assets) > limit
	if more {
		assets, scores = assets[:limit], scores[:limit]
	}
	p := &AssetPage{Assets: assets}
	if backward {
		slices.Reverse(assets)
		slices.Reverse(scores)
		p.HasPrevious, p.HasNext = more, page.Before != nil
	} else {
		p.HasNext, p.HasPrevious = more, page.After != nil
	}
	p.Cursor = func(i int) (string, error) {
		a := assets[i]
		if q.Order == OrderRelevance {
			return cursors.encode(string(q.Order), scores[i], a.ID)
		}
		return cursors.encode(string(q.Order), spec.sortValue(a, q.Order), a.ID)
	}
	return p, nil
}

// pageQuery is the query of one page of a list, with one row more than the page to tell whether
// another follows, and the ordering it sorts by; oneStep reads the rows as it finds them (see
// idsFirst), so that the query can be offset.
func (db *DB) pageQuery(ctx context.Context, q AssetQuery, page PageRequest, cursors Cursors, oneStep bool) (*gorm.DB, orderSpec, int, error) {
	spec, ok := orderSpecs[q.Order]
	if !ok && q.Order != OrderRelevance {
		return nil, spec, 0, fmt.Errorf("unknown order %q", q.Order)
	}
	g, err := db.assetScope(ctx, q, true)
	if err != nil {
		return nil, spec, 0, err
	}
	if q.Order == OrderRelevance {
		if g, spec.expr, err = relevanceJoin(g, q.Filter, db.compileScope(q.Visibility)); err != nil {
			return nil, spec, 0, err
		}
		spec.desc, spec.kind = true, sortInt
	}
	for _, bound := range []struct {
		cursor *string
		after  bool
	}{{page.After, true}, {page.Before, false}} {
		if bound.cursor == nil {
			continue
		}
		c, err := keyset(spec, string(q.Order), *bound.cursor, bound.after, cursors)
		if err != nil {
			return nil, spec, 0, err
		}
		g = c.where(g)
	}
	backward := page.Last != nil && page.First == nil
	limit := 0
	if backward {
		limit = *page.Last
	} else if page.First != nil {
		limit = *page.First
	}
	desc := spec.desc != backward
	order := clause.OrderBy{Columns: []clause.OrderByColumn{
		{Column: clause.Column{Name: spec.expr, Raw: true}, Desc: desc},
		{Column: clause.Column{Name: "assets.id", Raw: true}, Desc: desc},
	}}
	g = g.Order(order).Limit(limit + 1)
	if q.Order != OrderRelevance && !oneStep {
		g = db.idsFirst(ctx, g, order)
	}
	return g, spec, limit, nil
}

// keyset is the condition "strictly after (or before) the cursor's row" in the given ordering.
func keyset(spec orderSpec, order, cursor string, after bool, cursors Cursors) (cond, error) {
	var value any
	var id string
	var err error
	switch spec.kind {
	case sortTime:
		var t time.Time
		id, err = cursors.decode(cursor, order, &t)
		value = t
	case sortInt:
		var n int64
		id, err = cursors.decode(cursor, order, &n)
		value = n
	default:
		var s string
		id, err = cursors.decode(cursor, order, &s)
		value = s
	}
	if err != nil {
		return cond{}, err
	}
	op := ">"
	if spec.desc == after {
		op = "<"
	}
	// A row value, which an index on (column, id) seeks to, where the OR of the same comparison
	// would make the database read every row before the cursor's.
	return cond{
		sql:  fmt.Sprintf("(%s, assets.id) %s (?, ?)", spec.expr, op),
		args: []any{value, id},
	}, nil
}

// CountAssets counts every asset the query selects.
func (db *DB) CountAssets(ctx context.Context, q AssetQuery) (int64, error) {
	g, err := db.assetScope(ctx, q, false)
	if err != nil {
		return 0, err
	}
	var n int64
	if err := g.Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count assets: %w", err)
	}
	return n, nil
}

// AssetsByID returns the visible assets among ids (trashed ones included unless public-only), in no
// particular order.
func (db *DB) AssetsByID(ctx context.Context, ids []string, vis Visibility) ([]*Asset, error) {
	g := db.with(ctx).Model(&Asset{}).Joins(currentVersionJoin).Where(inList("assets.id", len(ids)), toAny(ids)...)
	if vis.PublicOnly {
		g = visibleAssets(g, nil, vis)
	} else {
		g = vis.own(g)
	}
	assets, err := findAssets(g)
	if err != nil {
		return nil, fmt.Errorf("load assets: %w", err)
	}
	return assets, nil
}

// AssetBySHA256 returns a live asset holding exactly these bytes, if any.
func (db *DB) AssetBySHA256(ctx context.Context, sha256 string) (*Asset, error) {
	g := db.with(ctx).Model(&Asset{}).Joins(currentVersionJoin).
		Where("cv.sha256 = ? AND assets.deleted_at IS NULL", sha256).Order("assets.created_at").Limit(1)
	found, err := findAssets(g)
	if err != nil {
		return nil, fmt.Errorf("find asset by sha256: %w", err)
	}
	if len(found) == 0 {
		return nil, ErrNotFound
	}
	return found[0], nil
}

// CreateAsset inserts an asset with its first version and its metadata.
func (db *DB) CreateAsset(ctx context.Context, a *Asset, v *AssetVersion, meta []AssetMetadata) error {
	g := db.with(ctx)
	if err := g.Create(a).Error; err != nil {
		return fmt.Errorf("insert asset: %w", translate(err))
	}
	if err := g.Create(v).Error; err != nil {
		return fmt.Errorf("insert asset version: %w", translate(err))
	}
	if err := db.indexAnalysis(ctx, a); err != nil {
		return err
	}
	if len(meta) > 0 {
		if err := g.Create(&meta).Error; err != nil {
			return fmt.Errorf("insert asset metadata: %w", translate(err))
		}
	}
	return nil
}

// UpdateAssets sets columns on every listed asset and bumps their updated_at.
func (db *DB) UpdateAssets(ctx context.Context, ids []string, changes map[string]any) error {
	if len(ids) == 0 {
		return nil
	}
	changes["updated_at"] = Now()
	err := db.with(ctx).Model(&Asset{}).Where(inList("id", len(ids)), toAny(ids)...).Updates(changes).Error
	if err != nil {
		return fmt.Errorf("update assets: %w", translate(err))
	}
	return nil
}

// TouchAssets bumps updated_at, for changes that live in other tables (tags, metadata).
func (db *DB) TouchAssets(ctx context.Context, ids []string) error {
	return db.UpdateAssets(ctx, ids, map[string]any{})
}

// DeleteAssets removes assets and everything that hangs off them (versions, metadata, tags, usages),
// returning the object keys of every version (quarantined ones too) and every stored transform so
// their bytes can be removed too.
func (db *DB) DeleteAssets(ctx context.Context, ids []string) ([]string, error) {
	var keys []string
	g := db.with(ctx)
	err := g.Model(&AssetVersion{}).Where(inList("asset_id", len(ids)), toAny(ids)...).Pluck("object_key", &keys).Error
	if err != nil {
		return nil, fmt.Errorf("list asset versions: %w", err)
	}
	var quarantined []string
	err = g.Model(&AssetVersion{}).Where(inList("asset_id", len(ids)), toAny(ids)...).Where("antivirus_status = ?", ScanInfected).
		Pluck("object_key", &quarantined).Error
	if err != nil {
		return nil, fmt.Errorf("list quarantined versions: %w", err)
	}
	for _, k := range quarantined {
		keys = append(keys, QuarantineKey(k))
	}
	var derived []string
	err = g.Model(&Derivative{}).Where(inList("asset_id", len(ids)), toAny(ids)...).Pluck("object_key", &derived).Error
	if err != nil {
		return nil, fmt.Errorf("list derivatives: %w", err)
	}
	if err := g.Where(inList("asset_id", len(ids)), toAny(ids)...).Delete(&Derivative{}).Error; err != nil {
		return nil, fmt.Errorf("delete derivatives: %w", err)
	}
	if err := g.Where(inList("asset_id", len(ids)), toAny(ids)...).Delete(&AVMedia{}).Error; err != nil {
		return nil, fmt.Errorf("delete av media: %w", err)
	}
	if err := g.Where(inList("id", len(ids)), toAny(ids)...).Delete(&Asset{}).Error; err != nil {
		return nil, fmt.Errorf("delete assets: %w", err)
	}
	return append(keys, derived...), nil
}

// VersionsForAssets returns every version of each asset, oldest first.
func (db *DB) VersionsForAssets(ctx context.Context, ids []string) (map[string][]*AssetVersion, error) {
	var versions []*AssetVersion
	err := db.with(ctx).Where(inList("asset_id", len(ids)), toAny(ids)...).Order("asset_id, number").Find(&versions).Error
	if err != nil {
		return nil, fmt.Errorf("load asset versions: %w", err)
	}
	out := make(map[string][]*AssetVersion, len(ids))
	for _, v := range versions {
		out[v.AssetID] = append(out[v.AssetID], v)
	}
	return out, nil
}

// MetadataForAssets returns the localized metadata of each asset.
func (db *DB) MetadataForAssets(ctx context.Context, ids []string) (map[string][]*AssetMetadata, error) {
	var rows []*AssetMetadata
	err := db.with(ctx).Where(inList("asset_id", len(ids)), toAny(ids)...).Order("asset_id, locale").Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("load asset metadata: %w", err)
	}
	out := make(map[string][]*AssetMetadata, len(ids))
	for _, m := range rows {
		out[m.AssetID] = append(out[m.AssetID], m)
	}
	return out, nil
}

// SaveMetadata writes one locale's metadata of an asset, replacing what was there; a row left with no
// value at all is removed.
func (db *DB) SaveMetadata(ctx context.Context, m *AssetMetadata) error {
	g := db.with(ctx)
	if m.Alt == nil && m.Title == nil && m.FocalX == nil && m.CustomData == nil {
		err := g.Where("asset_id = ? AND locale = ?", m.AssetID, m.Locale).Delete(&AssetMetadata{}).Error
		if err != nil {
			return fmt.Errorf("delete asset metadata: %w", err)
		}
		return nil
	}
	m.UpdatedAt = Now()
	err := g.Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "asset_id"}, {Name: "locale"}},
		DoUpdates: clause.AssignmentColumns([]string{"alt", "title", "focal_x", "focal_y", "custom_data", "updated_at"}),
	}).Create(m).Error
	if err != nil {
		return fmt.Errorf("save asset metadata: %w", err)
	}
	return nil
}
