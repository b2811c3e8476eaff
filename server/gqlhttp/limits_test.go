package gqlhttp

import (
	"context"

	"fmt"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// fragmentBomb is the query of issue 23: each fragment spreads the one before twice.
func fragmentBomb(levels int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "{ ...F%d }\nfragment F0 on Query { __typename }\n", levels)
	for k := 1; k <= levels; k++ {
		fmt.Fprintf(&b, "fragment F%d on Query { ...F%d ...F%d }\n", k, k-1, k-1)
	}
	return b.String()
}

// introspectionQuery is the query GraphiQL sends (graphql-js getIntrospectionQuery, descriptions on).
const introspectionQuery = `query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType {
  kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
}`

func check(t testing.TB, query string) string {
	t.Helper()
	doc, err := parser.ParseQuery(&ast.Source{Input: query})
	if err != nil {
		t.Fatal(err)
	}
	return checkDocument(doc)
}

func TestLimitsRefuseBeforeValidation(t *testing.T) {
	aliases := make([]string, maxAliases+1)
	for i := range aliases {
		aliases[i] = fmt.Sprintf("a%d: __typename", i)
	}
	deep := strings.Repeat("{ __schema { types { fields { type { ofType ", 4) + strings.Repeat("} } } } }", 4)
	cyclic := "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }"
	ops := strings.Repeat("query { __typename } ", maxOperations+1)
	for name, tc := range map[string]struct{ query, limit string }{
		"fragment bomb":     {fragmentBomb(39), "limit width"},
		"__typename counts": {"{" + strings.Repeat(" __typename", maxWidth+1) + "}", "limit width"},
		"repeated path":     {"{" + strings.Repeat(" __schema { queryType { name } }", maxRepeats+1) + "}", "limit repeats"},
		"aliases":           {aliased(aliases), "limit aliases"},
		"depth":             {deep, "limit depth"},
		"cycle":             {cyclic, "spreads itself"},
		"operations":        {ops, "limit operations"},
	} {
		if msg := check(t, tc.query); !strings.Contains(msg, tc.limit) {
			t.Errorf("%s: %q, want a refusal naming %q", name, msg, tc.limit)
		}
	}
	for name, query := range map[string]string{
		"introspection":  introspectionQuery,
		"bomb of 4":      fragmentBomb(4),
		"spread fan-out": "{ ...A ...A } fragment A on Query { __typename }",
	} {
		if msg := check(t, query); msg != "" {
			t.Errorf("%s refused: %s", name, msg)
		}
	}
}

// aliased spreads aliases over selection sets within maxWidth.
func aliased(aliases []string) string {
	var b strings.Builder
	b.WriteString("{ __schema {")
	for i := 0; i < len(aliases); i += maxWidth / 2 {
		fmt.Fprintf(&b, " t%d: types { %s }", i, strings.Join(aliases[i:min(i+maxWidth/2, len(aliases))], " "))
	}
	b.WriteString(" } }")
	return b.String()
}

func BenchmarkFragmentBomb(b *testing.B) {
	bomb := fragmentBomb(39)
	l := queryLimits{cache: noCache{}}
	for b.Loop() {
		p := rawParams(bomb)
		if err := l.MutateOperationParameters(b.Context(), p); err == nil {
			b.Fatal("the bomb passed")
		}
	}
}

type noCache struct{}

func (noCache) Get(context.Context, string) (*ast.QueryDocument, bool) { return nil, false }
func (noCache) Add(context.Context, string, *ast.QueryDocument)        {}

func rawParams(query string) *graphql.RawParams { return &graphql.RawParams{Query: query} }
