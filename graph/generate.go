// Package graph holds the code generated from schema/: the executable schema (graph/generated) and
// the GraphQL model types (graph/model), with the request-scoped loaders (graph/loaders) beside them.
// Nothing here speaks HTTP: the transports live in server/gqlhttp.
package graph

//go:generate go -C .. tool gqlgen generate
