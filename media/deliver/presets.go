package deliver

import (
	"context"
	"errors"
	"fmt"
	"net/url"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/catalogue"
	"github.com/mediagraph/mediagraph/media/imageurl"
	"github.com/mediagraph/mediagraph/models"
)

// TransformPresetInput is a named transform as an ADMIN writes it. Nil fields of an update stay.
type TransformPresetInput struct {
	Name   *string
	Params *imageurl.ImageParams
	Eager  *bool
}

// TransformPresets lists the named transforms (editors and admins).
func (s *Service) TransformPresets(ctx context.Context) ([]*models.TransformPreset, error) {
	if _, err := access.Authorize(ctx, access.Write); err != nil {
		return nil, err
	}
	return s.db.TransformPresets(ctx, false)
}

// CreateTransformPreset names a transform (ADMIN).
func (s *Service) CreateTransformPreset(ctx context.Context, in TransformPresetInput) (*models.TransformPreset, error) {
	if _, err := access.Authorize(ctx, access.Admin); err != nil {
		return nil, err
	}
	if in.Name == nil || in.Params == nil {
		return nil, access.Invalid("input", "a preset needs a name and params")
	}
	p := &models.TransformPreset{ID: models.NewID(models.TransformPresetPrefix)}
	if err := applyPresetInput(p, in); err != nil {
		return nil, err
	}
	return p, presetWriteError(s.db.CreateTransformPreset(ctx, p), p.Name)
}

// UpdateTransformPreset changes a named transform (ADMIN); URLs naming it serve the new transform.
func (s *Service) UpdateTransformPreset(ctx context.Context, id string, in TransformPresetInput) (*models.TransformPreset, error) {
	if _, err := access.Authorize(ctx, access.Admin); err != nil {
		return nil, err
	}
	p, err := s.db.TransformPreset(ctx, id)
	if errors.Is(err, models.ErrNotFound) {
		return nil, access.NotFound("transform preset", id)
	}
	if err != nil {
		return nil, err
	}
	if err := applyPresetInput(p, in); err != nil {
		return nil, err
	}
	return p, presetWriteError(s.db.SaveTransformPreset(ctx, p), p.Name)
}

// DeleteTransformPreset removes a named transform (ADMIN); URLs naming it answer NOT_FOUND.
func (s *Service) DeleteTransformPreset(ctx context.Context, id string) (*models.TransformPreset, error) {
	if _, err := access.Authorize(ctx, access.Admin); err != nil {
		return nil, err
	}
	p, err := s.db.TransformPreset(ctx, id)
	if err == nil {
		err = s.db.DeleteTransformPreset(ctx, id)
	}
	if errors.Is(err, models.ErrNotFound) {
		return nil, access.NotFound("transform preset", id)
	}
	return p, err
}

func applyPresetInput(p *models.TransformPreset, in TransformPresetInput) error {
	if in.Name != nil {
		if err := catalogue.CheckPresetName("input.name", *in.Name); err != nil {
			return err
		}
		p.Name = *in.Name
	}
	if in.Params != nil {
		if in.Params.IsZero() {
			return access.Invalid("input.params", "a preset sets at least one transform parameter")
		}
		if err := in.Params.Check("input.params."); err != nil {
			return err
		}
		p.Params = in.Params.Query().Encode()
	}
	if in.Eager != nil {
		p.Eager = *in.Eager
	}
	return nil
}

func presetWriteError(err error, name string) error {
	if errors.Is(err, models.ErrDuplicate) {
		return &access.Error{Code: access.CodeConflict, Field: "input.name", Message: fmt.Sprintf("a transform preset named %q exists", name)}
	}
	return err
}

// PresetParams are the parameters of the preset named name; field names the argument in errors. An
// unknown name is NOT_FOUND.
func (s *Service) PresetParams(ctx context.Context, field, name string) (imageurl.ImageParams, error) {
	if err := catalogue.CheckPresetName(field, name); err != nil {
		return imageurl.ImageParams{}, err
	}
	p, err := s.db.TransformPresetNamed(ctx, name)
	if errors.Is(err, models.ErrNotFound) {
		return imageurl.ImageParams{}, &access.Error{Code: access.CodeNotFound, Field: field, Message: fmt.Sprintf("no transform preset %q", name)}
	}
	if err != nil {
		return imageurl.ImageParams{}, err
	}
	return parsePreset(p)
}

// parsePreset reads a stored preset's parameters, which were checked when written.
func parsePreset(p *models.TransformPreset) (imageurl.ImageParams, error) {
	q, err := url.ParseQuery(p.Params)
	if err != nil {
		return imageurl.ImageParams{}, fmt.Errorf("transform preset %s: %w", p.Name, err)
	}
	params, _, err := imageurl.ParseImageParams(q)
	if err != nil {
		return imageurl.ImageParams{}, fmt.Errorf("transform preset %s: %w", p.Name, err)
	}
	return params, nil
}

// requestParams are the transform a delivery URL asks for, and whether a preset named it: a preset
// URL carries no transform parameter of its own, as it needs no signature for exactly the preset's.
func (s *Service) requestParams(ctx context.Context, q url.Values) (params imageurl.ImageParams, ignored []string, preset bool, err error) {
	params, ignored, err = imageurl.ParseImageParams(q)
	if err != nil || !q.Has(imageurl.PresetParam) {
		return params, ignored, false, err
	}
	if !params.IsZero() {
		return params, ignored, true, access.Invalid(imageurl.PresetParam, "a preset URL takes no other transform parameter: the preset sets them")
	}
	params, err = s.PresetParams(ctx, imageurl.PresetParam, q.Get(imageurl.PresetParam))
	return params, ignored, true, err
}

// PresetURL is the URL of the preset named name applied to the bytes at path: never signed, as the
// gate serves a preset without a signature.
func (s *Service) PresetURL(ctx context.Context, path, name string) (string, error) {
	if _, err := s.PresetParams(ctx, "preset", name); err != nil {
		return "", err
	}
	return s.urls.PresetURL(path, name), nil
}
