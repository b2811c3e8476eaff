package resolvers

import (
	"context"

	"github.com/mediagraph/mediagraph/graph/loaders"
	"github.com/mediagraph/mediagraph/models"
)

// visionOf is what the vision analysis found in the asset's current version, nil before it ran.
func visionOf(ctx context.Context, obj *models.Asset) (*models.Vision, error) {
	if obj.Kind != models.KindImage {
		return nil, nil
	}
	v, err := loaders.For(ctx).AssetVision.Load(ctx, obj.ID)
	if err != nil || v == nil || v.Number != obj.Version {
		return nil, err
	}
	return v, nil
}

// smartTagDetails are the tags the vision analysis gave the current version, the file's keywords
// among them; before it ran (or when it failed), the keywords alone.
func smartTagDetails(ctx context.Context, obj *models.Asset) ([]models.SmartTag, error) {
	v, err := visionOf(ctx, obj)
	if err != nil {
		return nil, err
	}
	if v != nil && v.Status == models.VisionDone {
		tags, err := v.Tags.Get()
		if tags == nil {
			tags = []models.SmartTag{}
		}
		return tags, err
	}
	an, err := obj.Analysis.Get()
	tags := make([]models.SmartTag, len(an.SmartTags))
	for i, k := range an.SmartTags {
		tags[i] = models.SmartTag{Name: k, Source: models.TagKeyword, Confidence: 1}
	}
	return tags, err
}
