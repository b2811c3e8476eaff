package gqlhttp

import (
	"context"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

// Observer hears of every GraphQL operation that ran and of every error sent to a client (those
// refused before running included), so that the edge can count them without this package knowing how.
type Observer interface {
	// Operation reports an operation by its name ("" when anonymous) and type (query, mutation),
	// with how long it took from the request's start and how many errors its response carries.
	Operation(name, kind string, took time.Duration, errors int)
	// Error reports one error by its extensions.code.
	Error(code string)
}

// nopObserver hears nothing.
type nopObserver struct{}

func (nopObserver) Operation(string, string, time.Duration, int) {}
func (nopObserver) Error(string)                                 {}

// observeOperations is the extension reporting each operation's response to an Observer.
type observeOperations struct{ observer Observer }

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = observeOperations{}

// ExtensionName implements graphql.HandlerExtension.
func (observeOperations) ExtensionName() string { return "Observe" }

// Validate implements graphql.HandlerExtension.
func (observeOperations) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptResponse implements graphql.ResponseInterceptor.
func (o observeOperations) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	res := next(ctx)
	if !graphql.HasOperationContext(ctx) {
		return res
	}
	oc := graphql.GetOperationContext(ctx)
	if oc.Operation == nil {
		return res
	}
	errs := 0
	if res != nil {
		errs = len(res.Errors)
	}
	o.observer.Operation(oc.Operation.Name, string(oc.Operation.Operation), time.Since(oc.Stats.OperationStart), errs)
	return res
}
