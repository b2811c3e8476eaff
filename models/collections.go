package models

import (
	"context"
	"fmt"
	"strings"
)

// CreateCollection inserts a collection under parent (nil for a root), computing its path.
func (db *DB) CreateCollection(ctx context.Context, c *Collection, parent *Collection) error {
	c.NameKey = FoldKey(c.Name)
	c.Path = childPath(parent, c.ID)
	if err := db.with(ctx).Create(c).Error; err != nil {
		return fmt.Errorf("insert collection: %w", translate(err))
	}
	return nil
}

func childPath(parent *Collection, id string) string {
	if parent == nil {
		return "/" + id + "/"
	}
	return parent.Path + id + "/"
}

// CollectionsByID returns the collections among ids.
func (db *DB) CollectionsByID(ctx context.Context, ids []string) ([]*Collection, error) {
	var cs []*Collection
	if err := db.with(ctx).Where(inList("id", len(ids)), toAny(ids)...).Find(&cs).Error; err != nil {
		return nil, fmt.Errorf("load collections: %w", err)
	}
	return cs, nil
}

// CollectionByID returns one collection, or ErrNotFound.
func (db *DB) CollectionByID(ctx context.Context, id string) (*Collection, error) {
	var c Collection
	if err := db.with(ctx).Where("id = ?", id).Take(&c).Error; err != nil {
		return nil, translate(err)
	}
	return &c, nil
}

// RootCollections returns the collections without a parent, by name.
func (db *DB) RootCollections(ctx context.Context) ([]*Collection, error) {
	var cs []*Collection
	if err := db.with(ctx).Where("parent_id IS NULL").Order("name_key, id").Find(&cs).Error; err != nil {
		return nil, fmt.Errorf("load root collections: %w", err)
	}
	return cs, nil
}

// ChildrenOf returns the children of each parent, by name.
func (db *DB) ChildrenOf(ctx context.Context, parentIDs []string) (map[string][]*Collection, error) {
	var cs []*Collection
	err := db.with(ctx).Where(inList("parent_id", len(parentIDs)), toAny(parentIDs)...).Order("name_key, id").Find(&cs).Error
	if err != nil {
		return nil, fmt.Errorf("load child collections: %w", err)
	}
	out := make(map[string][]*Collection, len(parentIDs))
	for _, c := range cs {
		out[*c.ParentID] = append(out[*c.ParentID], c)
	}
	return out, nil
}

// Depth is how many collections deep c sits: 1 at the root.
func Depth(c *Collection) int { return strings.Count(c.Path, "/") - 1 }

// SubtreeDepth is the depth of the deepest collection in c's subtree, c included.
func (db *DB) SubtreeDepth(ctx context.Context, c *Collection) (int, error) {
	var deepest int
	err := db.with(ctx).Model(&Collection{}).
		Select("COALESCE(MAX(LENGTH(path) - LENGTH(REPLACE(path, '/', ''))), 0)").
		Where("SUBSTR(path, 1, ?) = ?", len(c.Path), c.Path).Scan(&deepest).Error
	if err != nil {
		return 0, fmt.Errorf("measure collection subtree: %w", err)
	}
	return deepest - 1, nil
}

// RenameCollection changes a collection's name; ErrDuplicate when a sibling already has it.
func (db *DB) RenameCollection(ctx context.Context, id, name string) error {
	err := db.with(ctx).Model(&Collection{}).Where("id = ?", id).
		Updates(map[string]any{"name": name, "name_key": FoldKey(name), "updated_at": Now()}).Error
	if err != nil {
		return fmt.Errorf("rename collection: %w", translate(err))
	}
	return nil
}

// MoveCollection re-parents c (nil parent: to the root) and rewrites the paths of its whole subtree.
// The caller checks that parent is not inside c.
func (db *DB) MoveCollection(ctx context.Context, c *Collection, parent *Collection) error {
	g := db.with(ctx)
	newPath := childPath(parent, c.ID)
	var parentID *string
	if parent != nil {
		parentID = &parent.ID
	}
	now := Now()
	err := g.Model(&Collection{}).Where("id = ?", c.ID).
		Updates(map[string]any{"parent_id": parentID, "updated_at": now}).Error
	if err != nil {
		return fmt.Errorf("move collection: %w", translate(err))
	}
	err = g.Exec(`UPDATE collections SET path = ? || SUBSTR(path, ?)
		WHERE SUBSTR(path, 1, ?) = ?`, newPath, len(c.Path)+1, len(c.Path), c.Path).Error
	if err != nil {
		return fmt.Errorf("move collection subtree: %w", err)
	}
	c.ParentID, c.Path, c.UpdatedAt = parentID, newPath, now
	return nil
}

// CollectionContent counts what lives directly in a collection: child collections and assets,
// trashed assets included (they would otherwise lose their place on restore).
func (db *DB) CollectionContent(ctx context.Context, id string) (children, assets int64, err error) {
	g := db.with(ctx)
	if err := g.Model(&Collection{}).Where("parent_id = ?", id).Count(&children).Error; err != nil {
		return 0, 0, fmt.Errorf("count child collections: %w", err)
	}
	if err := g.Model(&Asset{}).Where("collection_id = ?", id).Count(&assets).Error; err != nil {
		return 0, 0, fmt.Errorf("count collection assets: %w", err)
	}
	return children, assets, nil
}

// DeleteCollection removes a collection row.
func (db *DB) DeleteCollection(ctx context.Context, id string) error {
	if err := db.with(ctx).Where("id = ?", id).Delete(&Collection{}).Error; err != nil {
		return fmt.Errorf("delete collection: %w", translate(err))
	}
	return nil
}

// CountCollectionAssets counts the visible live assets directly in each collection.
func (db *DB) CountCollectionAssets(ctx context.Context, ids []string, vis Visibility) (map[string]int64, error) {
	g := db.with(ctx).Model(&Asset{}).Select("collection_id AS id, COUNT(*) AS n").
		Where(inList("collection_id", len(ids)), toAny(ids)...)
	return countGroups(visibleAssets(g, nil, vis).Group("collection_id"), "count collection assets")
}
