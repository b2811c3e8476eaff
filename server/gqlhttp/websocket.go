package gqlhttp

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	coderws "github.com/coder/websocket"

	"github.com/mediagraph/mediagraph/graph/loaders"
	"github.com/mediagraph/mediagraph/media"
	"github.com/mediagraph/mediagraph/media/access"
)

// Subscriptions' connections: pings keep proxies from closing idle ones, and a client must say who it
// is soon after connecting.
const (
	keepAlive   = 15 * time.Second
	initTimeout = 10 * time.Second
)

// websocket is the graphql-transport-ws transport of subscriptions. The token comes in the payload of
// connection_init (browsers cannot set headers on a WebSocket), as "Authorization": "Bearer mg_…" or
// the bare token; without one the connection keeps the principal of its upgrade request, if any.
// A connection upgraded with a session cookie had its Origin checked by the sign-in middleware.
func websocket(m *media.Library) transport.Websocket {
	return transport.Websocket{
		Implementation:        transport.CoderWebsocketImplementation{AcceptOptions: coderws.AcceptOptions{InsecureSkipVerify: true}},
		KeepAlivePingInterval: keepAlive,
		InitTimeout:           initTimeout,
		InitFunc: func(ctx context.Context, payload transport.InitPayload) (context.Context, *transport.InitPayload, error) {
			token := payload.Authorization()
			if token == "" {
				token, _ = payload["authorization"].(string)
			}
			if token == "" {
				return ctx, nil, nil
			}
			if scheme, rest, ok := strings.Cut(token, " "); ok && strings.EqualFold(scheme, "Bearer") {
				token = rest
			}
			p, err := m.Tokens.Authenticate(ctx, strings.TrimSpace(token))
			if err != nil {
				return ctx, nil, err
			}
			return access.WithPrincipal(ctx, p), nil, nil
		},
	}
}

// isUpgrade tells WebSocket handshakes, which go to the transport unwrapped: they hijack the
// connection, which the writers that record status codes cannot.
func isUpgrade(r *http.Request) bool {
	return r.Method == http.MethodGet && strings.EqualFold(r.Header.Get("Upgrade"), "websocket")
}

// freshLoaders gives each message of a subscription loaders of its own: a connection lasts for
// hours, and what its first message loaded is stale by the next.
func freshLoaders(m *media.Library) graphql.ResponseMiddleware {
	return func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		if oc := graphql.GetOperationContext(ctx); oc.Operation != nil && oc.Operation.Operation == "subscription" {
			ctx = loaders.With(ctx, loaders.New(m))
		}
		return next(ctx)
	}
}
