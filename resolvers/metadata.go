package resolvers

import (
	"github.com/99designs/gqlgen/graphql"

	"github.com/mediagraph/mediagraph/graph/model"
	"github.com/mediagraph/mediagraph/media/catalogue"
	"github.com/mediagraph/mediagraph/models"
)

// metadataFieldChanges reads the inputs of createMetadataField and updateMetadataField alike.
func metadataFieldChanges(key graphql.Omittable[*string], label graphql.Omittable[[]*model.LocalizedTextInput],
	typ graphql.Omittable[*models.FieldType], options graphql.Omittable[[]string], required graphql.Omittable[*bool],
	def graphql.Omittable[any], localized graphql.Omittable[*bool], validation graphql.Omittable[*model.MetadataValidationInput],
) catalogue.MetadataFieldChanges {
	c := catalogue.MetadataFieldChanges{
		Key: optionalValue(key), Type: optionalValue(typ), Options: optional(options),
		Required: optionalValue(required), Default: optional(def), Localized: optionalValue(localized),
	}
	if list, ok := label.ValueOK(); ok {
		labels := map[string]string{}
		for _, l := range list {
			labels[l.Locale] = l.Text
		}
		c.Label = catalogue.Optional[map[string]string]{Set: true, Value: labels}
	}
	if v, ok := validation.ValueOK(); ok && v != nil {
		c.Min, c.Max, c.Pattern = optional(v.Min), optional(v.Max), optional(v.Pattern)
	}
	return c
}

// fieldValueChanges reads UpdateAssetInput.metadata.
func fieldValueChanges(in graphql.Omittable[[]*model.MetadataValueInput]) []catalogue.FieldValueChange {
	list, _ := in.ValueOK()
	out := make([]catalogue.FieldValueChange, len(list))
	for i, v := range list {
		out[i] = catalogue.FieldValueChange{Key: v.Key, Value: v.Value.Value(), Locale: v.Locale.Value()}
	}
	return out
}
