package resolvers

import (
	"context"

	"github.com/mediagraph/mediagraph/graph/model"
	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/deliver"
	"github.com/mediagraph/mediagraph/media/imageurl"
	"github.com/mediagraph/mediagraph/media/intake"
	"github.com/mediagraph/mediagraph/models"
)

// presetURL is transformUrl(preset:): the preset's URL on the version's path, or null for an asset
// the gate does not transform. A preset with params of its own is refused, as at the gate.
func (r *assetResolver) presetURL(ctx context.Context, a *models.Asset, params *imageurl.ImageParams, preset string) (*string, error) {
	if params != nil && !params.IsZero() {
		return nil, access.Invalid("preset", "give params or a preset, not both: the preset sets the parameters")
	}
	if !deliver.Transformable(a) {
		return nil, nil
	}
	u, err := r.Media.Deliver.PresetURL(ctx, imageurl.VersionPath(a), preset)
	if err != nil {
		return nil, err
	}
	return &u, nil
}

func uploadPresetInput(in model.UploadPresetInput) intake.UploadPresetInput {
	return intake.UploadPresetInput{Name: in.Name.Value(), Preset: intake.UploadPreset{
		Tags: in.Tags.Value(), CollectionID: in.CollectionID.Value(), Status: in.Status.Value(),
		Metadata: metadataInput(in.DefaultFieldMetadata.Value()), Author: in.Author.Value(), Copyright: in.Copyright.Value(),
		AllowedTypes: in.AllowedTypes.Value(), MaxBytes: in.MaxBytes.Value(),
		Fields: fieldValueChanges(in.Metadata),
	}}
}
