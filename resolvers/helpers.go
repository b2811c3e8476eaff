package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/mediagraph/mediagraph/graph/loaders"
	"github.com/mediagraph/mediagraph/graph/model"
	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/catalogue"
	"github.com/mediagraph/mediagraph/media/imageurl"
	"github.com/mediagraph/mediagraph/media/intake"
	"github.com/mediagraph/mediagraph/models"
)

// localeChain is the fallback chain for a localized field: its own locale argument, else the locale
// argument of the nearest enclosing field that has one (assets, asset, entryAssets), else the default.
func (r *Resolver) localeChain(ctx context.Context, locale *string) ([]string, error) {
	if locale == nil {
		for fc := graphql.GetFieldContext(ctx).Parent; fc != nil && locale == nil; fc = fc.Parent {
			if l, ok := fc.Args["locale"].(*string); ok {
				locale = l
			}
		}
	}
	return r.Media.Assets.LocaleChain(locale)
}

// localized reads one localized field of an asset along its locale chain.
func localized[T any](r *Resolver, ctx context.Context, a *models.Asset, locale *string, get func(*models.AssetMetadata) (T, bool)) (T, error) {
	var zero T
	chain, err := r.localeChain(ctx, locale)
	if err != nil {
		return zero, err
	}
	rows, err := loaders.For(ctx).AssetMetadata.Load(ctx, a.ID)
	if err != nil {
		return zero, err
	}
	v, _ := catalogue.Localize(rows, chain, get)
	return v, nil
}

func focalPoint(m *models.AssetMetadata) (*models.FocalPoint, bool) {
	if m.FocalX == nil || m.FocalY == nil {
		return nil, false
	}
	return &models.FocalPoint{X: *m.FocalX, Y: *m.FocalY}, true
}

func optional[T any](o graphql.Omittable[T]) catalogue.Optional[T] {
	v, set := o.ValueOK()
	return catalogue.Optional[T]{Set: set, Value: v}
}

// optionalValue reads a nullable input whose null means "leave as is".
func optionalValue[T any](o graphql.Omittable[*T]) catalogue.Optional[T] {
	v, set := o.ValueOK()
	if !set || v == nil {
		return catalogue.Optional[T]{}
	}
	return catalogue.Optional[T]{Set: true, Value: *v}
}

func focalPointInput(o graphql.Omittable[*model.FocalPointInput]) catalogue.Optional[*models.FocalPoint] {
	v, set := o.ValueOK()
	out := catalogue.Optional[*models.FocalPoint]{Set: set}
	if v != nil {
		out.Value = &models.FocalPoint{X: v.X, Y: v.Y}
	}
	return out
}

func customDataInput(o graphql.Omittable[map[string]any]) catalogue.Optional[models.JSONObject] {
	v, set := o.ValueOK()
	return catalogue.Optional[models.JSONObject]{Set: set, Value: v}
}

func metadataInput(list []*model.LocalizedMetadataInput) []catalogue.MetadataChange {
	out := make([]catalogue.MetadataChange, len(list))
	for i, m := range list {
		out[i] = catalogue.MetadataChange{
			Locale:     m.Locale,
			Alt:        optional(m.Alt),
			Title:      optional(m.Title),
			FocalPoint: focalPointInput(m.FocalPoint),
			CustomData: customDataInput(m.CustomData),
		}
	}
	return out
}

func entryRef(in model.EntryRefInput) models.EntryRef {
	e := models.EntryRef{Type: in.Type, ID: in.ID}
	if f := in.Field.Value(); f != nil {
		e.Field = *f
	}
	if l := in.Locale.Value(); l != nil {
		e.Locale = *l
	}
	return e
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// seeAssets announces the assets of a list to the request's loaders.
func seeAssets(ctx context.Context, assets []*models.Asset) []*models.Asset {
	loaders.For(ctx).SeeAssets(assets)
	return assets
}

// createdBy shows who created something, a member or a token; the delivery policy keeps it from
// DELIVERY tokens.
func createdBy(ctx context.Context, id *string) (models.Principal, error) {
	if id == nil {
		return nil, nil
	}
	return loaders.For(ctx).Principals.Load(ctx, *id)
}

// nilIfNotFound turns NOT_FOUND into null, for lookups whose contract is "null when absent or hidden".
func nilIfNotFound[T any](v *T, err error) (*T, error) {
	if e, ok := access.AsError(err); ok && e.Code == access.CodeNotFound {
		return nil, nil
	}
	return v, err
}

// asNode returns a looked-up object as a Node, or a nil Node when it is absent or hidden from the
// caller, including objects of a kind its role may not read (tokens, for non-admins).
func asNode[T any](v *T, err error) (models.Node, error) {
	if e, ok := access.AsError(err); ok && e.Code == access.CodeForbidden {
		return nil, nil
	}
	if v, err = nilIfNotFound(v, err); v == nil || err != nil {
		return nil, err
	}
	return any(v).(models.Node), nil
}

// uploadOptions converts how new assets are to be filed and described.
// isTrue reads an optional Boolean argument: absent and null are false.
func isTrue(b *bool) bool { return b != nil && *b }

func uploadOptions(input *model.UploadAssetsInput) intake.UploadOptions {
	if input == nil {
		return intake.UploadOptions{}
	}
	return intake.UploadOptions{
		Status:       input.Status.Value(),
		CollectionID: input.CollectionID.Value(),
		Tags:         input.Tags.Value(),
		Author:       input.Author.Value(),
		Copyright:    input.Copyright.Value(),
		Notes:        input.Notes.Value(),
		FocalPoint:   focalPointInput(input.FocalPoint),
		CustomData:   customDataInput(input.CustomData),
		Metadata:     metadataInput(input.DefaultFieldMetadata.Value()),
		Fields:       fieldValueChanges(input.Metadata),
		SkipIfExists: isTrue(input.SkipIfExists.Value()),
		Preset:       input.Preset.Value(),
		VariantOf:    input.VariantOf.Value(),
	}
}

// analysisField reads one fact of an asset's analysis; the zero value means "not known", so null.
func analysisField[T comparable](a *models.Asset, get func(models.Analysis) T) (*T, error) {
	an, err := a.Analysis.Get()
	if err != nil {
		return nil, err
	}
	v := get(an)
	var zero T
	if v == zero {
		return nil, nil
	}
	return &v, nil
}

// imageParams checks transform parameters and gives a focal-point crop the asset's focal point
// (default locale), read through the page's metadata loader.
func (r *Resolver) imageParams(ctx context.Context, a *models.Asset, params *imageurl.ImageParams) (imageurl.ImageParams, error) {
	if params == nil {
		return imageurl.ImageParams{}, nil
	}
	p := *params
	if err := p.Check("params."); err != nil {
		return p, err
	}
	if !p.NeedsFocalPoint() {
		return p, nil
	}
	def := r.Media.Settings().DefaultLocale()
	fp, err := localized(r, ctx, a, &def, focalPoint)
	return p.WithFocalPoint(fp), err
}

// versionAsset is the asset of version v as of v: described, served and transformed by v's own facts.
func versionAsset(ctx context.Context, v *models.AssetVersion) (*models.Asset, error) {
	a, err := loaders.For(ctx).Assets.Load(ctx, v.AssetID)
	if err != nil {
		return nil, err
	}
	return a.AtVersion(v), nil
}
