package catalogue

import (
	"context"
	"slices"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
)

// UploadFields are metadata values checked for the assets of an upload.
type UploadFields []checkedValue

// CheckUploadFields checks the metadata values an upload (its input, or its preset) supplies. An
// upload that supplies any must supply every required field without a default, so new assets are
// complete from the start; one that supplies none is not held to it (older clients, restores), and
// its assets are reported by the missingRequiredMetadata filter.
func (s *Registry) CheckUploadFields(ctx context.Context, changes []FieldValueChange) (UploadFields, error) {
	if len(changes) == 0 {
		return nil, nil
	}
	const prefix = "input.metadata"
	if len(changes) > maxFieldValues {
		return nil, access.Invalid(prefix, "at most %d values in one call", maxFieldValues)
	}
	fields, err := s.db.MetadataFields(ctx)
	if err != nil {
		return nil, err
	}
	checked, err := s.checkValuesOf(fields, prefix, changes)
	if err != nil {
		return nil, err
	}
	for _, f := range fields {
		if f.Required && !hasDefault(f) && !slices.ContainsFunc(checked, func(v checkedValue) bool { return v.field.ID == f.ID && len(v.rows) > 0 }) {
			return nil, access.Invalid(prefix+"."+f.Key, "the field is required: give it a value with the others")
		}
	}
	return checked, nil
}

func hasDefault(f *models.MetadataField) bool {
	v, err := f.DefaultValue.Get()
	return err == nil && v != nil
}

// CheckFieldValues checks values to be put on assets later (an upload preset's), without requiring
// any field: the upload that uses them may give the rest.
func (s *Registry) CheckFieldValues(ctx context.Context, prefix string, changes []FieldValueChange) error {
	_, err := s.checkFieldValues(ctx, s.db, prefix, changes)
	return err
}
