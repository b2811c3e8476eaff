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

// BenchmarkCheckDeliveryPolicy is the policy's cost per field, which every field of every
// response pays: a DELIVERY field (the common case) and a MANAGEMENT field read by an editor.
//
//	go test ./resolvers -run '^$' -bench CheckDeliveryPolicy
func BenchmarkCheckDeliveryPolicy(b *testing.B) {
	editor := access.WithPrincipal(context.Background(), &access.Principal{Role: models.RoleEditor})
	for _, c := range []struct{ name, object, field string }{{"delivery-field", "Asset", "filename"}, {"management-field", "Asset", "notes"}} {
		ctx := fieldCtx(editor, c.object, c.field)
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				CheckDeliveryPolicy(ctx)
			}
		})
	}
}
