package resolvers

import (
	"github.com/99designs/gqlgen/graphql"

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
