package models

import (
	"context"
	"fmt"
	"time"
)

// Prefixes of the presets' ids.
const (
	TransformPresetPrefix = "tpr"
	UploadPresetPrefix    = "upp"
)

// TransformPreset is a named transform (Cloudinary's transformation template, imgix's preset).
// Params is its query string in the delivery URL's own language, so the gate reads a preset with
// the parser that reads URLs and no second encoding of the parameters exists.
type TransformPreset struct {
	ID     string `gorm:"primaryKey;size:40"`
	Name   string `gorm:"size:64;not null"`
	Params string `gorm:"not null"`
	// Eager presets are made when an image is created or replaced, before anyone asks.
	Eager     bool
	CreatedAt time.Time
	UpdatedAt time.Time
}

// CreateTransformPreset inserts a preset; ErrDuplicate when its name is taken.
func (db *DB) CreateTransformPreset(ctx context.Context, p *TransformPreset) error {
	if err := db.with(ctx).Create(p).Error; err != nil {
		return fmt.Errorf("insert transform preset: %w", translate(err))
	}
	return nil
}

// SaveTransformPreset writes every field of a preset; ErrDuplicate when its new name is taken.
func (db *DB) SaveTransformPreset(ctx context.Context, p *TransformPreset) error {
	if err := db.with(ctx).Save(p).Error; err != nil {
		return fmt.Errorf("save transform preset: %w", translate(err))
	}
	return nil
}

// DeleteTransformPreset removes a preset; ErrNotFound when there is none.
func (db *DB) DeleteTransformPreset(ctx context.Context, id string) error {
	return deleteByID(ctx, db, &TransformPreset{}, id)
}

// deleteByID deletes the row of model with id; ErrNotFound when there is none.
func deleteByID(ctx context.Context, db *DB, model any, id string) error {
	res := db.with(ctx).Delete(model, "id = ?", id)
	if res.Error != nil {
		return fmt.Errorf("delete %T: %w", model, res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}

// TransformPreset returns a preset by id; ErrNotFound when there is none.
func (db *DB) TransformPreset(ctx context.Context, id string) (*TransformPreset, error) {
	var p TransformPreset
	if err := db.with(ctx).Where("id = ?", id).Take(&p).Error; err != nil {
		return nil, translate(err)
	}
	return &p, nil
}

// TransformPresetNamed returns a preset by name; ErrNotFound when there is none.
func (db *DB) TransformPresetNamed(ctx context.Context, name string) (*TransformPreset, error) {
	var p TransformPreset
	if err := db.with(ctx).Where("name = ?", name).Take(&p).Error; err != nil {
		return nil, translate(err)
	}
	return &p, nil
}

// TransformPresets lists the presets by name; eagerOnly keeps those made in advance.
func (db *DB) TransformPresets(ctx context.Context, eagerOnly bool) ([]*TransformPreset, error) {
	var out []*TransformPreset
	q := db.with(ctx).Order("name")
	if eagerOnly {
		q = q.Where("eager = ?", true)
	}
	if err := q.Find(&out).Error; err != nil {
		return nil, fmt.Errorf("list transform presets: %w", err)
	}
	return out, nil
}

// UploadPreset is a named set of defaults and limits for uploads. Settings is its JSON document,
// which intake alone reads and writes: the defaults are the upload inputs' own.
type UploadPreset struct {
	ID        string `gorm:"primaryKey;size:40"`
	Name      string `gorm:"size:64;not null"`
	Settings  string `gorm:"not null"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

// CreateUploadPreset inserts a preset; ErrDuplicate when its name is taken.
func (db *DB) CreateUploadPreset(ctx context.Context, p *UploadPreset) error {
	if err := db.with(ctx).Create(p).Error; err != nil {
		return fmt.Errorf("insert upload preset: %w", translate(err))
	}
	return nil
}

// SaveUploadPreset writes every field of a preset; ErrDuplicate when its new name is taken.
func (db *DB) SaveUploadPreset(ctx context.Context, p *UploadPreset) error {
	if err := db.with(ctx).Save(p).Error; err != nil {
		return fmt.Errorf("save upload preset: %w", translate(err))
	}
	return nil
}

// DeleteUploadPreset removes a preset; ErrNotFound when there is none.
func (db *DB) DeleteUploadPreset(ctx context.Context, id string) error {
	return deleteByID(ctx, db, &UploadPreset{}, id)
}

// UploadPresetBy returns the preset whose column (id or name) is value; ErrNotFound when none is.
func (db *DB) UploadPresetBy(ctx context.Context, column, value string) (*UploadPreset, error) {
	var p UploadPreset
	if column != "id" && column != "name" {
		return nil, fmt.Errorf("upload preset by %q: not a key", column)
	}
	if err := db.with(ctx).Where(column+" = ?", value).Take(&p).Error; err != nil {
		return nil, translate(err)
	}
	return &p, nil
}

// UploadPresets lists the upload presets by name.
func (db *DB) UploadPresets(ctx context.Context) ([]*UploadPreset, error) {
	var out []*UploadPreset
	if err := db.with(ctx).Order("name").Find(&out).Error; err != nil {
		return nil, fmt.Errorf("list upload presets: %w", err)
	}
	return out, nil
}
