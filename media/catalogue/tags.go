package catalogue

import (
	"context"
	"errors"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
)

// TagEdge is a tag with its cursor.
type TagEdge struct {
	Node *models.Tag
	edge
}

// TagList is a page of tags in name order; its cursors and total are computed only when asked for.
type TagList struct {
	Nodes []*models.Tag
	pager
}

// Edges pairs each tag with its cursor.
func (l *TagList) Edges() []TagEdge {
	edges := make([]TagEdge, len(l.Nodes))
	for i, t := range l.Nodes {
		edges[i] = TagEdge{Node: t, edge: l.edge(i)}
	}
	return edges
}

// ListTags returns a page of tags; delivery clients see only tags of PUBLIC assets.
func (s *Tags) ListTags(ctx context.Context, search *string, first *int, after *string) (*TagList, error) {
	p, err := access.Authorize(ctx, access.Read)
	if err != nil {
		return nil, err
	}
	page, err := checkPage(models.PageRequest{First: first})
	if err != nil {
		return nil, err
	}
	q := models.TagQuery{Search: search, Visibility: p.Visibility()}
	res, err := s.db.ListTags(ctx, q, *page.First, after, s.cursors)
	if err != nil {
		return nil, queryError(err, "after")
	}
	return &TagList{Nodes: res.Tags, pager: pager{
		n: len(res.Tags), cursor: res.Cursor, hasNext: res.HasNext, hasPrev: after != nil,
		count: func(ctx context.Context) (int64, error) { return s.db.CountTags(ctx, q) },
	}}, nil
}

// TagsForAssets returns each asset's tags; the assets were already checked visible.
func (s *Tags) TagsForAssets(ctx context.Context, assetIDs []string) (map[string][]*models.Tag, error) {
	if _, err := access.Authorize(ctx, access.Read); err != nil {
		return nil, err
	}
	return s.db.TagsForAssets(ctx, assetIDs)
}

// TagByID returns a tag.
func (s *Tags) TagByID(ctx context.Context, id string) (*models.Tag, error) {
	p, err := access.Authorize(ctx, access.Read)
	if err != nil {
		return nil, err
	}
	tags, err := s.db.TagsByID(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	if len(tags) == 0 {
		return nil, access.NotFound("tag", id)
	}
	if p.Visibility().PublicOnly {
		counts, err := s.db.CountTagAssets(ctx, []string{id}, p.Visibility())
		if err != nil {
			return nil, err
		}
		if counts[id] == 0 {
			return nil, access.NotFound("tag", id)
		}
	}
	return tags[0], nil
}

// CountTagAssets counts the assets the caller may see that carry each tag.
func (s *Tags) CountTagAssets(ctx context.Context, tagIDs []string) (map[string]int64, error) {
	p, err := access.Authorize(ctx, access.Read)
	if err != nil {
		return nil, err
	}
	return s.db.CountTagAssets(ctx, tagIDs, p.Visibility())
}

// TagAssets adds tags (by name, created when new) to assets.
func (s *Tags) TagAssets(ctx context.Context, ids, names []string) ([]*models.Asset, error) {
	names, err := CheckTagNames("tags", names)
	if err != nil {
		return nil, err
	}
	return s.changeAssets(ctx, ids, liveAssets, models.EventAssetUpdated, func(tx *models.DB, assets []*models.Asset) error {
		return addTags(ctx, tx, assetIDs(assets), names)
	})
}

// UntagAssets takes tags (by name) off assets; names no asset carries are ignored.
func (s *Tags) UntagAssets(ctx context.Context, ids, names []string) ([]*models.Asset, error) {
	names, err := CheckTagNames("tags", names)
	if err != nil {
		return nil, err
	}
	return s.changeAssets(ctx, ids, liveAssets, models.EventAssetUpdated, func(tx *models.DB, assets []*models.Asset) error {
		var tagIDs []string
		for _, n := range names {
			t, err := tx.TagByName(ctx, n)
			if errors.Is(err, models.ErrNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			tagIDs = append(tagIDs, t.ID)
		}
		return tx.RemoveAssetTags(ctx, assetIDs(assets), tagIDs)
	})
}

// tagWrite runs fn in a transaction after checking the caller may edit, then touches the assets
// carrying the tags so that their updated_at says they changed, and records an event of kind about
// the tags and those assets.
func (s *core) tagWrite(ctx context.Context, kind models.EventKind, tagIDs []string, fn func(tx *models.DB, tags []*models.Tag) error) error {
	if _, err := access.Authorize(ctx, access.ManageTags); err != nil {
		return err
	}
	return s.db.Transaction(ctx, func(tx *models.DB) error {
		tags, err := tx.TagsByID(ctx, tagIDs)
		if err != nil {
			return err
		}
		for _, id := range tagIDs {
			if !containsTag(tags, id) {
				return access.NotFound("tag", id)
			}
		}
		assets, err := tx.AssetIDsWithTags(ctx, tagIDs)
		if err != nil {
			return err
		}
		if err := fn(tx, tags); err != nil {
			return err
		}
		if err := tx.TouchAssets(ctx, assets); err != nil {
			return err
		}
		return record(ctx, tx, models.Event{Kind: kind, TagIDs: tagIDs, AssetIDs: assets})
	})
}

func containsTag(tags []*models.Tag, id string) bool {
	for _, t := range tags {
		if t.ID == id {
			return true
		}
	}
	return false
}

// RenameTag renames a tag. Another tag with the name (in any case) is a CONFLICT: merge them instead.
func (s *Tags) RenameTag(ctx context.Context, id, name string) (*models.Tag, error) {
	names, err := CheckTagNames("name", []string{name})
	if e, ok := access.AsError(err); ok {
		e.Field = "name" // one name, not a list of them
	}
	if err != nil {
		return nil, err
	}
	err = s.tagWrite(ctx, models.EventTagUpdated, []string{id}, func(tx *models.DB, _ []*models.Tag) error {
		err := tx.RenameTag(ctx, id, names[0])
		if errors.Is(err, models.ErrDuplicate) {
			return &access.Error{Code: access.CodeConflict, Field: "name", Message: "another tag is already called " + names[0] + "; use mergeTags to combine them"}
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return s.TagByID(ctx, id)
}

// MergeTags moves every asset of the source tags to the target tag and deletes the sources.
func (s *Tags) MergeTags(ctx context.Context, sourceIDs []string, targetID string) (*models.Tag, error) {
	sources := models.Uniq(sourceIDs)
	if len(sources) == 0 {
		return nil, access.Invalid("sourceIds", "list at least one tag to merge")
	}
	for _, id := range sources {
		if id == targetID {
			return nil, access.Invalid("sourceIds", "the target tag cannot be one of the sources")
		}
	}
	err := s.tagWrite(ctx, models.EventTagMerged, append(sources, targetID), func(tx *models.DB, _ []*models.Tag) error {
		return tx.MergeTags(ctx, sources, targetID)
	})
	if err != nil {
		return nil, err
	}
	return s.TagByID(ctx, targetID)
}

// DeleteTag deletes a tag and takes it off every asset.
func (s *Tags) DeleteTag(ctx context.Context, id string) (string, error) {
	err := s.tagWrite(ctx, models.EventTagDeleted, []string{id}, func(tx *models.DB, _ []*models.Tag) error {
		return tx.DeleteTags(ctx, []string{id})
	})
	return id, err
}
