package server_test

import (
	"testing"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/server"
)

// editorList is bench/graphql.py's query: the page an editor's media grid asks for, which no cache
// answers, so every request runs the resolvers and the database.
const editorList = `query { assets(first: 50) { nodes { id filename width height mimeType size tags { name } collection { id name } } } }`

// BenchmarkEditorList measures editorList through the real HTTP handler on SQLite, as an EDITOR token
// asks it: the uncached GraphQL list of issue 17, in process, so that allocs/op and CPU per request
// show what each change to the GraphQL layer buys without the noise of wrk and a second process.
//
//	go test ./server -run '^$' -bench EditorList -cpu 2 -benchtime 2000x
func BenchmarkEditorList(b *testing.B) {
	server.TuneRuntime() // as mediagraph serve does
	s := apptest.Start(b, testdb.SQLite(b), func(c *config.Config) { c.DeliveryCacheBytes = 0 })
	s.Seed(200)
	token := s.Token("EDITOR")
	b.ReportAllocs()
	benchmarkQuery(b, s, token, editorList)
}
