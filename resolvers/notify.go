package resolvers

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/99designs/gqlgen/graphql"

	"github.com/mediagraph/mediagraph/graph/model"
	"github.com/mediagraph/mediagraph/media/catalogue"
	"github.com/mediagraph/mediagraph/models"
)

// webhookHeaders reads a header list, null meaning "leave as is".
func webhookHeaders(o graphql.Omittable[[]*models.WebhookHeader]) catalogue.Optional[[]models.WebhookHeader] {
	hs, set := o.ValueOK()
	if !set || hs == nil {
		return catalogue.Optional[[]models.WebhookHeader]{}
	}
	out := make([]models.WebhookHeader, len(hs))
	for i, h := range hs {
		out[i] = *h
	}
	return catalogue.Optional[[]models.WebhookHeader]{Set: true, Value: out}
}

// auditChanges lists an event's changes ({assetId: {field: {before, after}}}) in a stable order,
// each value as JSON text.
func auditChanges(changes models.JSONObject) ([]*model.AuditChange, error) {
	var out []*model.AuditChange
	for _, assetID := range slices.Sorted(maps.Keys(changes)) {
		fields, _ := changes[assetID].(map[string]any)
		for _, field := range slices.Sorted(maps.Keys(fields)) {
			values, _ := fields[field].(map[string]any)
			before, err := json.Marshal(values["before"])
			if err != nil {
				return nil, fmt.Errorf("encode audit value: %w", err)
			}
			after, err := json.Marshal(values["after"])
			if err != nil {
				return nil, fmt.Errorf("encode audit value: %w", err)
			}
			out = append(out, &model.AuditChange{AssetID: assetID, Field: field, Before: string(before), After: string(after)})
		}
	}
	return out, nil
}
