package catalogue

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
)

const (
	maxCollectionName  = 200
	maxCollectionDepth = 20
)

func checkCollectionName(field, name string) (string, error) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return "", access.Invalid(field, "a collection name cannot be empty")
	case !utf8.ValidString(name) || strings.IndexFunc(name, unicode.IsControl) >= 0:
		return "", access.Invalid(field, "a collection name must be printable text")
	case strings.Contains(name, "/"):
		return "", access.Invalid(field, "a collection name cannot contain /, which separates collections in paths")
	case utf8.RuneCountInString(name) > maxCollectionName:
		return "", access.Invalid(field, "a collection name is at most %d characters", maxCollectionName)
	}
	return name, nil
}

func siblingConflict(err error, name string) error {
	if errors.Is(err, models.ErrDuplicate) {
		return &access.Error{Code: access.CodeConflict, Field: "name", Message: "a collection called " + name + " already exists there"}
	}
	return err
}

// Collection returns a collection.
func (s *Collections) Collection(ctx context.Context, id string) (*models.Collection, error) {
	if _, err := access.Authorize(ctx, access.Read); err != nil {
		return nil, err
	}
	c, err := s.db.CollectionByID(ctx, id)
	if errors.Is(err, models.ErrNotFound) {
		return nil, access.NotFound("collection", id)
	}
	return c, err
}

// Collections returns the children of a collection, or the root collections when parentID is nil.
func (s *Collections) Collections(ctx context.Context, parentID *string) ([]*models.Collection, error) {
	if _, err := access.Authorize(ctx, access.Read); err != nil {
		return nil, err
	}
	if parentID == nil {
		return s.db.RootCollections(ctx)
	}
	children, err := s.CollectionChildren(ctx, []string{*parentID})
	return children[*parentID], err
}

// CollectionsByID returns the collections among ids, by id.
func (s *Collections) CollectionsByID(ctx context.Context, ids []string) (map[string]*models.Collection, error) {
	if _, err := access.Authorize(ctx, access.Read); err != nil {
		return nil, err
	}
	cs, err := s.db.CollectionsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	return models.ByID(cs), nil
}

// CollectionChildren returns the children of each collection.
func (s *Collections) CollectionChildren(ctx context.Context, ids []string) (map[string][]*models.Collection, error) {
	if _, err := access.Authorize(ctx, access.Read); err != nil {
		return nil, err
	}
	return s.db.ChildrenOf(ctx, ids)
}

// CountCollectionAssets counts the assets the caller may see directly in each collection.
func (s *Collections) CountCollectionAssets(ctx context.Context, ids []string) (map[string]int64, error) {
	p, err := access.Authorize(ctx, access.Read)
	if err != nil {
		return nil, err
	}
	return s.db.CountCollectionAssets(ctx, ids, p.Visibility())
}

// parentFor loads the would-be parent of a collection; nil id is the root.
func parentFor(ctx context.Context, tx *models.DB, id *string) (*models.Collection, error) {
	if id == nil {
		return nil, nil
	}
	p, err := tx.CollectionByID(ctx, *id)
	if errors.Is(err, models.ErrNotFound) {
		e := access.NotFound("collection", *id)
		e.Field = "parentId"
		return nil, e
	}
	if err == nil && models.Depth(p) >= maxCollectionDepth {
		return nil, access.Invalid("parentId", "collections nest at most %d deep", maxCollectionDepth)
	}
	return p, err
}

// CreateCollection creates a collection under parentID, or at the root.
func (s *Collections) CreateCollection(ctx context.Context, name string, parentID *string) (*models.Collection, error) {
	return s.create(ctx, models.NewID(models.CollectionPrefix), name, parentID)
}

func (s *Collections) create(ctx context.Context, id, name string, parentID *string) (*models.Collection, error) {
	if _, err := access.Authorize(ctx, access.ManageCollections); err != nil {
		return nil, err
	}
	name, err := checkCollectionName("name", name)
	if err != nil {
		return nil, err
	}
	c := &models.Collection{ID: id, Name: name, ParentID: parentID}
	err = s.change(ctx, models.Event{Kind: models.EventCollectionCreated, CollectionIDs: []string{c.ID}}, func(tx *models.DB) error {
		parent, err := parentFor(ctx, tx, parentID)
		if err != nil {
			return err
		}
		return siblingConflict(tx.CreateCollection(ctx, c, parent), name)
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// RenameCollection renames a collection.
func (s *Collections) RenameCollection(ctx context.Context, id, name string) (*models.Collection, error) {
	if _, err := access.Authorize(ctx, access.ManageCollections); err != nil {
		return nil, err
	}
	name, err := checkCollectionName("name", name)
	if err != nil {
		return nil, err
	}
	err = s.change(ctx, models.Event{Kind: models.EventCollectionUpdated, CollectionIDs: []string{id}}, func(tx *models.DB) error {
		if _, err := s.collectionForWrite(ctx, tx, id); err != nil {
			return err
		}
		return siblingConflict(tx.RenameCollection(ctx, id, name), name)
	})
	if err != nil {
		return nil, err
	}
	return s.db.CollectionByID(ctx, id)
}

func (s *core) collectionForWrite(ctx context.Context, tx *models.DB, id string) (*models.Collection, error) {
	c, err := tx.CollectionByID(ctx, id)
	if errors.Is(err, models.ErrNotFound) {
		return nil, access.NotFound("collection", id)
	}
	return c, err
}

// MoveCollection moves a collection, with everything in it, under another parent (nil: the root).
// A collection cannot move into itself or anything inside it.
func (s *Collections) MoveCollection(ctx context.Context, id string, parentID *string) (*models.Collection, error) {
	if _, err := access.Authorize(ctx, access.ManageCollections); err != nil {
		return nil, err
	}
	var c *models.Collection
	err := s.change(ctx, models.Event{Kind: models.EventCollectionMoved, CollectionIDs: []string{id}}, func(tx *models.DB) error {
		var err error
		if c, err = s.collectionForWrite(ctx, tx, id); err != nil {
			return err
		}
		parent, err := parentFor(ctx, tx, parentID)
		if err != nil {
			return err
		}
		if parent != nil && strings.HasPrefix(parent.Path, c.Path) {
			return access.Invalid("parentId", "a collection cannot move into itself or one of its descendants")
		}
		deepest, err := tx.SubtreeDepth(ctx, c)
		if err != nil {
			return err
		}
		parentDepth := 0
		if parent != nil {
			parentDepth = models.Depth(parent)
		}
		if parentDepth+1+deepest-models.Depth(c) > maxCollectionDepth {
			return access.Invalid("parentId", "the move would nest collections deeper than %d", maxCollectionDepth)
		}
		return siblingConflict(tx.MoveCollection(ctx, c, parent), c.Name)
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// count says how many of something there are, in words: "no assets", "1 asset", "3 assets".
func count(n int64, one, many string) string {
	switch n {
	case 0:
		return "no " + many
	case 1:
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// DeleteCollection deletes an empty collection; one holding collections or assets (trashed ones
// included) answers FOLDER_HAS_CONTENT.
func (s *Collections) DeleteCollection(ctx context.Context, id string) (string, error) {
	if _, err := access.Authorize(ctx, access.ManageCollections); err != nil {
		return "", err
	}
	err := s.change(ctx, models.Event{Kind: models.EventCollectionDeleted, CollectionIDs: []string{id}}, func(tx *models.DB) error {
		if _, err := s.collectionForWrite(ctx, tx, id); err != nil {
			return err
		}
		children, assets, err := tx.CollectionContent(ctx, id)
		if err != nil {
			return err
		}
		if children > 0 || assets > 0 {
			return access.NewError(access.CodeFolderHasContent, "collection %s holds %s and %s (trash included); move or delete them first",
				id, count(children, "collection", "collections"), count(assets, "asset", "assets"))
		}
		return tx.DeleteCollection(ctx, id)
	})
	if err != nil {
		return "", err
	}
	return id, nil
}
