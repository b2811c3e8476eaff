// Package gqlhttp serves the GraphQL API over HTTP: the executable schema wired to the resolvers,
// its transports (GET, POST, multipart uploads), the limits that bound what a request may cost, and
// the presentation of errors with their codes.
package gqlhttp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/executor"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/mediagraph/mediagraph/graph/generated"
	"github.com/mediagraph/mediagraph/graph/loaders"
	"github.com/mediagraph/mediagraph/graph/model"
	"github.com/mediagraph/mediagraph/media"
	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/membudget"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/requestid"
	"github.com/mediagraph/mediagraph/resolvers"
	"github.com/mediagraph/mediagraph/server/deliverycache"
)

// Limits protect the server from queries that would cost too much.
const (
	// maxComplexity bounds a query's cost: each field costs 1, times the page size of the lists it is in.
	maxComplexity = 25000
	// nominalListSize is the cost multiplier of lists without a page size.
	nominalListSize = 10
)

// Options configure the GraphQL handler.
type Options struct {
	Media *media.Library
	Log   *slog.Logger
	// UploadTempDir holds files of multipart requests while they are being processed.
	UploadTempDir string
	// DeliveryCacheBytes bounds the memory of delivery tokens' cached responses; 0 turns caching off.
	DeliveryCacheBytes int
	// Observer hears of operations and errors (metrics); nil: nobody.
	Observer Observer
	// Memory hears of the bytes of uploads held in memory (Go's soft memory limit); nil: nobody.
	Memory *membudget.Tracker
}

// NewHandler returns the /graphql handler.
func NewHandler(o Options) http.Handler {
	srv := handler.New(newSchema(o))
	settings := o.Media.Settings()
	srv.AddTransport(websocket(o.Media))
	srv.AddTransport(jsonGet{})
	srv.AddTransport(jsonPost{})
	srv.AddTransport(multipartForm{
		maxFileBytes: settings.MaxUploadBytes,
		maxFiles:     settings.MaxFilesPerUpload,
		tempDir:      o.UploadTempDir,
		log:          o.Log,
		memory:       membudget.New(SpoolMemory, o.Memory),
	})
	cache := lru.New[*ast.QueryDocument](1000)
	srv.SetQueryCache(cache)
	srv.Use(extension.Introspection{})
	// Parameter mutators run before parsing and validation, so the complexity walk (an operation
	// context mutator) only ever sees documents within the limits.
	srv.Use(queryLimits{cache: cache})
	observer := o.Observer
	if observer == nil {
		observer = nopObserver{}
	}
	srv.Use(observeOperations{observer})
	configure(srv, o, counted(presenter(o.Log), observer))
	srv.AroundResponses(freshLoaders(o.Media))
	h := loaders.Middleware(o.Media, srv)
	if o.DeliveryCacheBytes > 0 {
		srv.Use(deliverycache.QueriesOnly{})
		h = deliverycache.New(o.DeliveryCacheBytes, o.Media).Middleware(h)
	}
	h = withCodes(h)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if isUpgrade(r) {
			// A subscription outlives the server's write timeout, meant for one answer: the
			// keep-alive pings tell a dead connection instead.
			rc := http.NewResponseController(w)
			rc.SetWriteDeadline(time.Time{})
			rc.SetReadDeadline(time.Time{})
			srv.ServeHTTP(w, r)
			return
		}
		h.ServeHTTP(w, r)
	})
}

func newSchema(o Options) graphql.ExecutableSchema {
	cfg := generated.Config{Resolvers: &resolvers.Resolver{Media: o.Media}}
	setComplexity(&cfg.Complexity)
	return generated.NewExecutableSchema(cfg)
}

// pipeline is what runs every operation, over HTTP or in process (handler.Server, executor.Executor).
type pipeline interface {
	Use(graphql.HandlerExtension)
	AroundFields(graphql.FieldMiddleware)
	AroundRootFields(graphql.RootFieldMiddleware)
	SetErrorPresenter(graphql.ErrorPresenterFunc)
	SetRecoverFunc(graphql.RecoverFunc)
}

// configure adds the middleware every execution of the schema runs through, whatever carries it:
// field rules added here hold for webhook payloads too.
func configure(p pipeline, o Options, present graphql.ErrorPresenterFunc) {
	p.Use(extension.FixedComplexityLimit(maxComplexity))
	p.AroundFields(fieldRules)
	p.AroundRootFields(func(ctx context.Context, next graphql.RootResolver) graphql.Marshaler {
		if oc := graphql.GetOperationContext(ctx); oc.Operation != nil && oc.Operation.Operation == ast.Mutation {
			ctx = loaders.With(ctx, loaders.New(o.Media))
		}
		return next(ctx)
	})
	p.SetErrorPresenter(present)
	p.SetRecoverFunc(func(ctx context.Context, p any) error {
		return internalError{fmt.Errorf("panic in resolver: %v\n%s", p, debug.Stack())}
	})
}

// Executor runs GraphQL operations in process, through the same schema and middleware as /graphql,
// as the principal in their context: the service's own reads, such as webhook payloads.
type Executor struct {
	exec  *executor.Executor
	media *media.Library
}

// NewExecutor returns an in-process executor of the schema.
func NewExecutor(o Options) *Executor {
	e := executor.New(newSchema(o))
	e.SetQueryCache(lru.New[*ast.QueryDocument](100))
	configure(e, o, presenter(o.Log))
	return &Executor{exec: e, media: o.Media}
}

// Run executes query with vars and returns its data; any error of the response is an error.
func (e *Executor) Run(ctx context.Context, query string, vars map[string]any) (json.RawMessage, error) {
	ctx = loaders.With(graphql.StartOperationTrace(ctx), loaders.New(e.media))
	oc, errs := e.exec.CreateOperationContext(ctx, &graphql.RawParams{Query: query, Variables: vars})
	if errs != nil {
		return nil, fmt.Errorf("graphql: %w", errs)
	}
	respond, ctx := e.exec.DispatchOperation(ctx, oc)
	res := respond(ctx)
	if len(res.Errors) > 0 {
		return nil, fmt.Errorf("graphql: %w", res.Errors)
	}
	return res.Data, nil
}

func pageCost(child int, first, last *int) int {
	n := 20
	if first != nil {
		n = *first
	} else if last != nil {
		n = *last
	}
	return max(n, 1) * (child + 1)
}

func listCost(child int) int { return nominalListSize * (child + 1) }

func setComplexity(c *generated.ComplexityRoot) {
	c.Query.Assets = func(child int, _ *models.AssetFilter, _ *string, _ *models.AssetOrder, _ *model.MetadataOrder, first *int, _ *string, last *int, _ *string, _ *string, _ *string) int {
		return pageCost(child, first, last)
	}
	c.Query.Tags = func(child int, _ *string, first *int, _ *string) int { return pageCost(child, first, nil) }
	c.Query.EntryAssets = func(child int, _ model.EntryRefInput, _ *string) int { return listCost(child) }
	c.Query.AssetUsages = func(child int, _ string) int { return listCost(child) }
	c.Query.Collections = func(child int, _ *string) int { return listCost(child) }
	c.Asset.Tags = listCost
	c.Asset.Usages = listCost
	c.Asset.Versions = listCost
	c.Asset.DefaultFieldMetadata = listCost
	c.Collection.Children = listCost
	c.Collection.Ancestors = listCost
}

// internalError marks a failure of the server rather than of the request.
type internalError struct{ err error }

func (e internalError) Error() string { return e.err.Error() }
func (e internalError) Unwrap() error { return e.err }

// fieldRules is the one field middleware, since each middleware wraps every field's resolution once
// more: it applies the delivery policy, then tells resolver failures apart from request errors. gqlgen
// wraps both in *gqlerror.Error before the presenter sees them, but only a resolver's own errors pass
// through field middleware. Once the client has gone, no further resolver runs: gqlgen would otherwise
// resolve every field left.
func fieldRules(ctx context.Context, next graphql.Resolver) (any, error) {
	if err := ctx.Err(); err != nil {
		return nil, internalError{err}
	}
	if err := resolvers.CheckDeliveryPolicy(ctx); err != nil {
		return nil, err
	}
	res, err := next(ctx)
	if err != nil {
		if _, ok := access.AsError(err); !ok {
			err = internalError{err}
		}
	}
	return res, err
}

// counted reports the code of every error present gives to the observer.
func counted(present graphql.ErrorPresenterFunc, observer Observer) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		out := present(ctx, err)
		observer.Error(fmt.Sprint(out.Extensions["code"]))
		return out
	}
}

// presenter gives every error a code from the closed list. Errors of the domain keep their code and
// message; resolver failures are INTERNAL: logged in full, shown only as a request id; everything else
// gqlgen raises about the request itself (syntax, validation, argument types, limits) is VALIDATION_FAILED.
func presenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		out := graphql.DefaultErrorPresenter(ctx, err)
		if e, ok := access.AsError(err); ok {
			out.Message = e.Message
			out.Extensions = map[string]any{"code": e.Code}
			field := e.Field
			if field == "" {
				field = inputField(ctx, out) // a scalar of the arguments that did not parse
			}
			if field != "" {
				out.Extensions["field"] = field
			}
			return out
		}
		var internal internalError
		if !errors.As(err, &internal) {
			var gqlErr *gqlerror.Error
			reason := ""
			if errors.As(err, &gqlErr) {
				reason, _ = gqlErr.Extensions["code"].(string)
			}
			out.Extensions = map[string]any{"code": access.CodeValidationFailed}
			if field := inputField(ctx, out); field != "" {
				out.Message, out.Extensions["field"] = plainCoercion(out.Message), field
			}
			if reason != "" && reason != string(access.CodeValidationFailed) {
				out.Extensions["reason"] = reason
			}
			return out
		}
		id := requestid.From(ctx)
		if errors.Is(err, context.Canceled) || errors.Is(ctx.Err(), context.Canceled) {
			// The client hung up: nobody reads this answer, and nothing failed on our side.
			log.InfoContext(ctx, "request cancelled by the client", "request_id", id, "path", out.Path.String())
			out.Message = "request cancelled by the client"
			out.Extensions = map[string]any{"code": access.CodeInternal, "requestId": id}
			return out
		}
		log.ErrorContext(ctx, "internal error", "request_id", id, "path", out.Path.String(), "err", err)
		out.Message = fmt.Sprintf("internal error (request id %s)", id)
		out.Extensions = map[string]any{"code": access.CodeInternal, "requestId": id}
		return out
	}
}
