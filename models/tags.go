package models

import (
	"context"
	"fmt"
	"sync"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// EnsureTags returns the tags with the given names, creating the missing ones, and the ids of those
// it created. A name matches an existing tag regardless of case, and the existing spelling wins.
func (db *DB) EnsureTags(ctx context.Context, names []string) ([]*Tag, []string, error) {
	if len(names) == 0 {
		return nil, nil, nil
	}
	g := db.with(ctx)
	keys := make([]string, len(names))
	rows := make([]*Tag, len(names))
	for i, n := range names {
		keys[i] = FoldKey(n)
		rows[i] = &Tag{ID: NewID(TagPrefix), Name: n, NameKey: keys[i]}
	}
	// Insert-or-ignore keeps two concurrent writers from failing on the same new name.
	if err := g.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "name_key"}}, DoNothing: true}).Create(&rows).Error; err != nil {
		return nil, nil, fmt.Errorf("create tags: %w", err)
	}
	var tags []*Tag
	if err := g.Where(inList("name_key", len(keys)), toAny(keys)...).Find(&tags).Error; err != nil {
		return nil, nil, fmt.Errorf("load tags: %w", err)
	}
	// A row that lost to an existing name kept that tag's id, so the new ids found are the ones created.
	proposed := make(map[string]bool, len(rows))
	for _, r := range rows {
		proposed[r.ID] = true
	}
	var created []string
	for _, t := range tags {
		if proposed[t.ID] {
			created = append(created, t.ID)
		}
	}
	return tags, created, nil
}

// TagByName finds a tag by name, regardless of case.
func (db *DB) TagByName(ctx context.Context, name string) (*Tag, error) {
	var t Tag
	if err := db.with(ctx).Where("name_key = ?", FoldKey(name)).Take(&t).Error; err != nil {
		return nil, translate(err)
	}
	return &t, nil
}

// TagsByID returns the tags among ids.
func (db *DB) TagsByID(ctx context.Context, ids []string) ([]*Tag, error) {
	var tags []*Tag
	if err := db.with(ctx).Where(inList("id", len(ids)), toAny(ids)...).Find(&tags).Error; err != nil {
		return nil, fmt.Errorf("load tags: %w", err)
	}
	return tags, nil
}

// AddAssetTags assigns tags to assets; assignments that exist already are left as they are.
func (db *DB) AddAssetTags(ctx context.Context, assetIDs, tagIDs []string) error {
	var rows []AssetTag
	for _, a := range assetIDs {
		for _, t := range tagIDs {
			rows = append(rows, AssetTag{AssetID: a, TagID: t})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	err := db.with(ctx).Clauses(clause.OnConflict{DoNothing: true}).CreateInBatches(&rows, 500).Error
	if err != nil {
		return fmt.Errorf("tag assets: %w", err)
	}
	return nil
}

// RemoveAssetTags takes tags off assets.
func (db *DB) RemoveAssetTags(ctx context.Context, assetIDs, tagIDs []string) error {
	if len(assetIDs) == 0 || len(tagIDs) == 0 {
		return nil
	}
	err := db.with(ctx).
		Where(inList("asset_id", len(assetIDs)), toAny(assetIDs)...).
		Where(inList("tag_id", len(tagIDs)), toAny(tagIDs)...).
		Delete(&AssetTag{}).Error
	if err != nil {
		return fmt.Errorf("untag assets: %w", err)
	}
	return nil
}

// ClearAssetTags takes every tag off the assets.
func (db *DB) ClearAssetTags(ctx context.Context, assetIDs []string) error {
	err := db.with(ctx).Where(inList("asset_id", len(assetIDs)), toAny(assetIDs)...).Delete(&AssetTag{}).Error
	if err != nil {
		return fmt.Errorf("clear asset tags: %w", err)
	}
	return nil
}

// assetTagRow is a tag with the asset it is on.
type assetTagRow struct {
	AssetID string
	Tag
}

// assetTagRows reads the tags of a list page's assets, two or more for each.
var assetTagRows = sync.OnceValue(newColumnScanner[assetTagRow])

// TagsForAssets returns each asset's tags, by name.
func (db *DB) TagsForAssets(ctx context.Context, assetIDs []string) (map[string][]*Tag, error) {
	rows, err := assetTagRows().find(db.with(ctx).Table("asset_tags").
		Select("asset_tags.asset_id, tags.id, tags.name, tags.name_key, tags.created_at").
		Joins("JOIN tags ON tags.id = asset_tags.tag_id").
		Where(inList("asset_tags.asset_id", len(assetIDs)), toAny(assetIDs)...).
		Order("tags.name_key"))
	if err != nil {
		return nil, fmt.Errorf("load asset tags: %w", err)
	}
	out := make(map[string][]*Tag, len(assetIDs))
	for i := range rows {
		out[rows[i].AssetID] = append(out[rows[i].AssetID], &rows[i].Tag)
	}
	return out, nil
}

// TagQuery selects tags for a list.
type TagQuery struct {
	// Search keeps tags whose name contains it, regardless of case.
	Search     *string
	Visibility Visibility
}

// TagPage is one page of tags in name order.
type TagPage struct {
	Tags    []*Tag
	HasNext bool
	// Cursor encodes the cursor of Tags[i], on demand.
	Cursor func(i int) (string, error)
}

const tagOrder = "NAME"

func (db *DB) tagScope(ctx context.Context, q TagQuery) *gorm.DB {
	g := db.with(ctx).Model(&Tag{})
	if q.Search != nil {
		c := containsFolded("tags.name", *q.Search)
		g = c.where(g)
	}
	if q.Visibility.OwnRole != "" {
		// An OWN reader sees the tags of their role's assets, and tags no asset carries yet.
		g = g.Where(`NOT EXISTS (SELECT 1 FROM asset_tags at WHERE at.tag_id = tags.id) OR EXISTS (SELECT 1 FROM asset_tags at
			JOIN assets ON assets.id = at.asset_id WHERE at.tag_id = tags.id AND `+ownSQL+`)`, q.Visibility.OwnRole, q.Visibility.OwnRole)
	}
	if q.Visibility.PublicOnly {
		deliverable, args := q.Visibility.availability().SQL()
		g = g.Where(`EXISTS (SELECT 1 FROM asset_tags at JOIN assets ON assets.id = at.asset_id
			WHERE at.tag_id = tags.id AND `+deliverable+`)`, args...)
	}
	return g
}

// ListTags returns a page of tags in case-insensitive name order.
func (db *DB) ListTags(ctx context.Context, q TagQuery, first int, after *string, cursors Cursors) (*TagPage, error) {
	g := db.tagScope(ctx, q)
	if after != nil {
		var key string
		id, err := cursors.decode(*after, tagOrder, &key)
		if err != nil {
			return nil, err
		}
		g = g.Where("(tags.name_key > ? OR (tags.name_key = ? AND tags.id > ?))", key, key, id)
	}
	var tags []*Tag
	if err := g.Order("tags.name_key, tags.id").Limit(first + 1).Find(&tags).Error; err != nil {
		return nil, fmt.Errorf("list tags: %w", err)
	}
	p := &TagPage{Tags: tags}
	if len(tags) > first {
		p.Tags, p.HasNext = tags[:first], true
	}
	p.Cursor = func(i int) (string, error) { return cursors.encode(tagOrder, p.Tags[i].NameKey, p.Tags[i].ID) }
	return p, nil
}

// CountTags counts the tags a query selects.
func (db *DB) CountTags(ctx context.Context, q TagQuery) (int64, error) {
	var n int64
	if err := db.tagScope(ctx, q).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count tags: %w", err)
	}
	return n, nil
}

// CountTagAssets counts the visible live assets carrying each tag.
func (db *DB) CountTagAssets(ctx context.Context, tagIDs []string, vis Visibility) (map[string]int64, error) {
	g := db.with(ctx).Table("asset_tags").
		Select("asset_tags.tag_id AS id, COUNT(*) AS n").
		Joins("JOIN assets ON assets.id = asset_tags.asset_id").
		Where(inList("asset_tags.tag_id", len(tagIDs)), toAny(tagIDs)...)
	return countGroups(visibleAssets(g, nil, vis).Group("asset_tags.tag_id"), "count tag assets")
}

func countGroups(g *gorm.DB, what string) (map[string]int64, error) {
	var rows []struct {
		ID string
		N  int64
	}
	if err := g.Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	out := make(map[string]int64, len(rows))
	for _, r := range rows {
		out[r.ID] = r.N
	}
	return out, nil
}

// RenameTag changes a tag's name; ErrDuplicate when another tag already has it.
func (db *DB) RenameTag(ctx context.Context, id, name string) error {
	res := db.with(ctx).Model(&Tag{}).Where("id = ?", id).Updates(map[string]any{"name": name, "name_key": FoldKey(name)})
	if res.Error != nil {
		return fmt.Errorf("rename tag: %w", translate(res.Error))
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}

// MergeTags moves every assignment of the source tags onto target and deletes the sources.
func (db *DB) MergeTags(ctx context.Context, sourceIDs []string, targetID string) error {
	g := db.with(ctx)
	// The placeholders stay out of the DISTINCT: PostgreSQL types the columns of a DISTINCT as text,
	// which created_at refuses. The outer WHERE keeps SQLite from reading ON CONFLICT as a join.
	err := g.Exec(`INSERT INTO asset_tags (asset_id, tag_id, created_at)
		SELECT src.asset_id, ?, ? FROM (SELECT DISTINCT asset_id FROM asset_tags WHERE `+inList("tag_id", len(sourceIDs))+`) src
		WHERE 1 = 1
		ON CONFLICT DO NOTHING`, append([]any{targetID, Now()}, toAny(sourceIDs)...)...).Error
	if err != nil {
		return fmt.Errorf("merge tags: %w", err)
	}
	return db.DeleteTags(ctx, sourceIDs)
}

// DeleteTags deletes tags and their assignments.
func (db *DB) DeleteTags(ctx context.Context, ids []string) error {
	if err := db.with(ctx).Where(inList("id", len(ids)), toAny(ids)...).Delete(&Tag{}).Error; err != nil {
		return fmt.Errorf("delete tags: %w", err)
	}
	return nil
}

// AssetIDsWithTags lists the assets carrying any of the tags, so their updated_at can follow.
func (db *DB) AssetIDsWithTags(ctx context.Context, tagIDs []string) ([]string, error) {
	var ids []string
	err := db.with(ctx).Model(&AssetTag{}).Distinct("asset_id").
		Where(inList("tag_id", len(tagIDs)), toAny(tagIDs)...).Pluck("asset_id", &ids).Error
	if err != nil {
		return nil, fmt.Errorf("list tagged assets: %w", err)
	}
	return ids, nil
}
