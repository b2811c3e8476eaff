package catalogue

import (
	"context"
	"strings"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
)

// maxIDLength is the longest id a column holds.
const maxIDLength = 40

// CheckRestoredID refuses an id from an export that this library would not have made: of another
// kind (prefix), or longer than the columns hold.
func CheckRestoredID(field, id, prefix string) error {
	if !strings.HasPrefix(id, prefix+"_") || len(id) > maxIDLength || len(id) <= len(prefix)+1 {
		return access.Invalid(field, "%q is not an id of the form %s_…", id, prefix)
	}
	return nil
}

// RestoreCollection recreates a collection of an export under the id it had there, or returns the
// collection already holding that id (an earlier run of the same restore).
func (s *Collections) RestoreCollection(ctx context.Context, id, name string, parentID *string) (*models.Collection, error) {
	if err := CheckRestoredID("id", id, models.CollectionPrefix); err != nil {
		return nil, err
	}
	c, err := s.Collection(ctx, id)
	if e, ok := access.AsError(err); ok && e.Code == access.CodeNotFound {
		return s.create(ctx, id, name, parentID)
	}
	return c, err
}
