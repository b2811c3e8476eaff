package resolvers

import (
	"context"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
)

func fieldCtx(ctx context.Context, object, field string) context.Context {
	return graphql.WithFieldContext(ctx, &graphql.FieldContext{Object: object, Field: graphql.CollectedField{Field: &ast.Field{Name: field}}})
}

// BenchmarkEnforceDeliveryPolicy is the middleware's cost per field, which every field of every
// response pays: a DELIVERY field (the common case) and a MANAGEMENT field read by an editor.
//
//	go test ./resolvers -run '^$' -bench EnforceDeliveryPolicy
func BenchmarkEnforceDeliveryPolicy(b *testing.B) {
	next := func(context.Context) (any, error) { return nil, nil }
	editor := access.WithPrincipal(context.Background(), &access.Principal{Role: models.RoleEditor})
	for _, c := range []struct{ name, object, field string }{{"delivery-field", "Asset", "filename"}, {"management-field", "Asset", "notes"}} {
		ctx := fieldCtx(editor, c.object, c.field)
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				EnforceDeliveryPolicy(ctx, next)
			}
		})
	}
}
