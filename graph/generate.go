// Package graph serves the GraphQL API over HTTP: the executable schema generated from schema/ (in
// graph/generated and graph/model), wired to the resolvers, with limits, auth and error presentation.
package graph

//go:generate go -C .. tool gqlgen generate
