// Package resolvers implements the GraphQL schema. Resolvers are thin: they read arguments, call the
// media domain and shape its answers; relations go through the request's dataloaders.
package resolvers

import "github.com/mediagraph/mediagraph/media"

// Resolver is the root of every resolver.
type Resolver struct {
	Media *media.Library
}
