package intake

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/catalogue"
	"github.com/mediagraph/mediagraph/models"
)

// UploadPreset is a named set of defaults for uploads (the call's own input overrides each) and of
// limits that narrow the upload policy for them, never widen it.
type UploadPreset struct {
	ID        string    `json:"-"`
	Name      string    `json:"-"`
	CreatedAt time.Time `json:"-"`
	UpdatedAt time.Time `json:"-"`

	Tags         []string                   `json:"tags,omitempty"`
	CollectionID *string                    `json:"collectionId,omitempty"`
	Status       *models.AssetStatus        `json:"status,omitempty"`
	Metadata     []catalogue.MetadataChange `json:"metadata,omitempty"`
	// Fields are values of structured metadata fields for uploads that give none of that key and locale.
	Fields    []catalogue.FieldValueChange `json:"fields,omitempty"`
	Author    *string                      `json:"author,omitempty"`
	Copyright *string                      `json:"copyright,omitempty"`
	// AllowedTypes are type patterns as MEDIAGRAPH_UPLOAD_TYPES has them; empty: the global ones.
	AllowedTypes []string `json:"allowedTypes,omitempty"`
	// MaxBytes bounds each file's size below the global limits; nil: the global ones.
	MaxBytes *int64 `json:"maxBytes,omitempty"`
}

// DefaultFieldMetadata is the preset's metadata per locale, as an asset's reads.
func (p *UploadPreset) DefaultFieldMetadata() []*models.AssetMetadata {
	out := make([]*models.AssetMetadata, len(p.Metadata))
	for i, m := range p.Metadata {
		out[i] = &models.AssetMetadata{Locale: m.Locale, Alt: m.Alt.Value, Title: m.Title.Value, CustomData: m.CustomData.Value}
		if fp := m.FocalPoint.Value; fp != nil {
			out[i].FocalX, out[i].FocalY = &fp.X, &fp.Y
		}
	}
	return out
}

// UploadPresetInput is an upload preset as an ADMIN writes it; Name nil in an update keeps it. An
// update replaces every other setting.
type UploadPresetInput struct {
	Name   *string
	Preset UploadPreset
}

// UploadPresets lists the upload presets (editors and admins).
func (s *Service) UploadPresets(ctx context.Context) ([]*UploadPreset, error) {
	if _, err := access.Authorize(ctx, access.Write); err != nil {
		return nil, err
	}
	rows, err := s.db.UploadPresets(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]*UploadPreset, len(rows))
	for i, r := range rows {
		if out[i], err = decodeUploadPreset(r); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// CreateUploadPreset names a set of upload defaults and limits (ADMIN).
func (s *Service) CreateUploadPreset(ctx context.Context, in UploadPresetInput) (*UploadPreset, error) {
	if _, err := access.Authorize(ctx, access.Admin); err != nil {
		return nil, err
	}
	if in.Name == nil {
		return nil, access.Invalid("input.name", "a preset needs a name")
	}
	row := &models.UploadPreset{ID: models.NewID(models.UploadPresetPrefix)}
	if err := s.writeUploadPreset(ctx, row, in, s.db.CreateUploadPreset); err != nil {
		return nil, err
	}
	return decodeUploadPreset(row)
}

// UpdateUploadPreset replaces an upload preset's settings (ADMIN); uploads from then on use them.
func (s *Service) UpdateUploadPreset(ctx context.Context, id string, in UploadPresetInput) (*UploadPreset, error) {
	if _, err := access.Authorize(ctx, access.Admin); err != nil {
		return nil, err
	}
	row, err := s.uploadPresetRow(ctx, "id", id, "id")
	if err != nil {
		return nil, err
	}
	if err := s.writeUploadPreset(ctx, row, in, s.db.SaveUploadPreset); err != nil {
		return nil, err
	}
	return decodeUploadPreset(row)
}

// DeleteUploadPreset removes an upload preset (ADMIN); uploads naming it are refused.
func (s *Service) DeleteUploadPreset(ctx context.Context, id string) (*UploadPreset, error) {
	if _, err := access.Authorize(ctx, access.Admin); err != nil {
		return nil, err
	}
	row, err := s.uploadPresetRow(ctx, "id", id, "id")
	if err != nil {
		return nil, err
	}
	if err := s.db.DeleteUploadPreset(ctx, id); err != nil {
		return nil, err
	}
	return decodeUploadPreset(row)
}

func (s *Service) writeUploadPreset(ctx context.Context, row *models.UploadPreset, in UploadPresetInput, write func(context.Context, *models.UploadPreset) error) error {
	if in.Name != nil {
		if err := catalogue.CheckPresetName("input.name", *in.Name); err != nil {
			return err
		}
		row.Name = *in.Name
	}
	p, err := s.checkUploadPreset(in.Preset)
	if err != nil {
		return err
	}
	if err := s.registry.CheckFieldValues(ctx, "input.metadata", p.Fields); err != nil {
		return err
	}
	doc, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("encode upload preset: %w", err)
	}
	row.Settings = string(doc)
	err = write(ctx, row)
	if errors.Is(err, models.ErrDuplicate) {
		return &access.Error{Code: access.CodeConflict, Field: "input.name", Message: fmt.Sprintf("an upload preset named %q exists", row.Name)}
	}
	return err
}

// checkUploadPreset checks a preset's defaults as an upload's input is checked, and its limits.
func (s *Service) checkUploadPreset(p UploadPreset) (UploadPreset, error) {
	meta, tags, err := s.checkUploadOptions(p.defaults(UploadOptions{}))
	if err != nil {
		return p, err
	}
	p.Metadata, p.Tags = meta, tags
	if p.MaxBytes != nil && *p.MaxBytes < 1 {
		return p, access.Invalid("input.maxBytes", "maxBytes is a positive number of bytes")
	}
	for i, t := range p.AllowedTypes {
		t = strings.ToLower(strings.TrimSpace(t))
		family, sub, ok := strings.Cut(t, "/")
		if !ok || family == "" || sub == "" || strings.ContainsAny(t, " ,;") || (strings.Contains(sub, "*") && sub != "*") {
			return p, access.Invalid(fmt.Sprintf("input.allowedTypes[%d]", i), "%q is not a type such as image/png or a family such as image/*", t)
		}
		p.AllowedTypes[i] = t
	}
	return p, nil
}

func decodeUploadPreset(row *models.UploadPreset) (*UploadPreset, error) {
	p := &UploadPreset{}
	if err := json.Unmarshal([]byte(row.Settings), p); err != nil {
		return nil, fmt.Errorf("decode upload preset %s: %w", row.Name, err)
	}
	p.ID, p.Name, p.CreatedAt, p.UpdatedAt = row.ID, row.Name, row.CreatedAt, row.UpdatedAt
	return p, nil
}

// uploadPresetRow looks a preset up by column; NOT_FOUND on field when there is none.
func (s *Service) uploadPresetRow(ctx context.Context, column, value, field string) (*models.UploadPreset, error) {
	row, err := s.db.UploadPresetBy(ctx, column, value)
	if errors.Is(err, models.ErrNotFound) {
		return nil, &access.Error{Code: access.CodeNotFound, Field: field, Message: fmt.Sprintf("no upload preset %q", value)}
	}
	return row, err
}

// uploadPreset is the preset an upload names (nil: none), NOT_FOUND on field when unknown.
func (s *Service) uploadPreset(ctx context.Context, field string, name *string) (*UploadPreset, error) {
	if name == nil {
		return nil, nil
	}
	if err := catalogue.CheckPresetName(field, *name); err != nil {
		return nil, err
	}
	row, err := s.uploadPresetRow(ctx, "name", *name, field)
	if err != nil {
		return nil, err
	}
	return decodeUploadPreset(row)
}

// defaults fills what o leaves unsaid from the preset; metadata of a locale o names is o's.
func (p *UploadPreset) defaults(o UploadOptions) UploadOptions {
	if p == nil {
		return o
	}
	o.Status = orDefault(o.Status, p.Status)
	o.CollectionID = orDefault(o.CollectionID, p.CollectionID)
	o.Author = orDefault(o.Author, p.Author)
	o.Copyright = orDefault(o.Copyright, p.Copyright)
	if o.Tags == nil {
		o.Tags = p.Tags
	}
	for _, m := range p.Metadata {
		if !slices.ContainsFunc(o.Metadata, func(c catalogue.MetadataChange) bool { return c.Locale == m.Locale }) {
			o.Metadata = append(o.Metadata, m)
		}
	}
	for _, f := range p.Fields {
		if !slices.ContainsFunc(o.Fields, func(c catalogue.FieldValueChange) bool { return c.Key == f.Key && sameLocale(c.Locale, f.Locale) }) {
			o.Fields = append(o.Fields, f)
		}
	}
	return o
}

func sameLocale(a, b *string) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

func orDefault[T any](v, def *T) *T {
	if v != nil {
		return v
	}
	return def
}
