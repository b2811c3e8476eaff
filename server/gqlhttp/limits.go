package gqlhttp

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/mediagraph/mediagraph/media/access"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
)

// Limits of a query's text and shape. They are checked on the parsed document before gqlgen validates
// it, because validation itself is super-linear: the overlapping-fields rule compares every pair of
// fields sharing a response name (20,000 `__typename` in one selection took 30 s), and fragments that
// spread each other twice per level expand exponentially in the complexity walk.
const (
	// maxQueryBytes bounds the query text.
	maxQueryBytes = 64 << 10
	// maxOperations bounds the operations of one document; validation looks at every one of them.
	maxOperations = 20
	// maxDepth bounds how deeply an operation nests fields. The standard introspection query (its
	// TypeRef fragment nests nine ofType levels under __schema.types.fields.args.type) needs 15.
	maxDepth = 15
	// maxFields bounds the fields an operation selects with its fragments expanded, __typename included.
	maxFields = 2000
	// maxWidth bounds the fields one selection set selects, fragments expanded: validation compares
	// the fragments and fields of one selection set pairwise.
	maxWidth = 100
	// maxSpreads bounds the fragment spreads of an operation with its fragments expanded.
	maxSpreads = 500
	// maxAliases bounds the aliased fields of an operation with its fragments expanded.
	maxAliases = 200
	// maxRepeats bounds how many fields of an operation land on one response path (`{ a a a }`):
	// validation compares all of them pairwise, their sub-selections included.
	maxRepeats = 20
)

// queryLimits refuses documents over the limits before they are validated. Documents in the query
// cache passed validation, hence these limits, before, and are not measured again.
type queryLimits struct {
	cache graphql.Cache[*ast.QueryDocument]
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = queryLimits{}

func (queryLimits) ExtensionName() string                   { return "QueryLimits" }
func (queryLimits) Validate(graphql.ExecutableSchema) error { return nil }

func (l queryLimits) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	if len(p.Query) > maxQueryBytes {
		return refusal(fmt.Sprintf("the query is %d bytes long; at most %d are allowed (limit queryBytes = %d)",
			len(p.Query), maxQueryBytes, maxQueryBytes))
	}
	if _, ok := l.cache.Get(ctx, p.Query); ok {
		return nil
	}
	// Parsing is linear in the text; a syntax error is left to gqlgen, which reports it with its position.
	doc, err := parser.ParseQuery(&ast.Source{Input: p.Query})
	if err != nil {
		return nil
	}
	if msg := checkDocument(doc); msg != "" {
		return refusal(msg)
	}
	return nil
}

func refusal(msg string) *gqlerror.Error {
	return gqlerror.WrapPath(nil, &access.Error{Code: access.CodeValidationFailed, Field: "query", Message: msg})
}

// checkDocument returns why doc is over a limit, or "" when it is within all of them.
func checkDocument(doc *ast.QueryDocument) string {
	if n := len(doc.Operations); n > maxOperations {
		return fmt.Sprintf("the document has %d operations; at most %d are allowed (limit operations = %d)", n, maxOperations, maxOperations)
	}
	m := &measurer{doc: doc, memo: map[string]*shape{}}
	// Unused fragments are validated too, so they are measured like the operations.
	for _, f := range doc.Fragments {
		if m.spread(f.Name); m.over != "" {
			return m.over
		}
	}
	for _, op := range doc.Operations {
		s := m.set(op.SelectionSet)
		if m.over == "" {
			m.check(s)
		}
		if m.over == "" {
			m.repeats(op.SelectionSet)
		}
		if m.over != "" {
			return m.over
		}
	}
	return ""
}

// shape is what a selection set costs, fragments expanded.
type shape struct {
	depth, fields, width, spreads, aliases int
}

// measurer measures selection sets once per fragment (memo holds each fragment's shape, which does
// not depend on where it is spread) and stops at the first limit exceeded, so it is linear in the
// document and its counts never overflow: each is at most twice its limit.
type measurer struct {
	doc  *ast.QueryDocument
	memo map[string]*shape
	over string // the first limit exceeded, "" while within
}

func (m *measurer) set(set ast.SelectionSet) shape {
	var total shape
	for _, sel := range set {
		var s shape
		switch x := sel.(type) {
		case *ast.Field:
			s = m.set(x.SelectionSet)
			s.depth++
			s.fields++
			s.width = 1
			if x.Alias != "" && x.Alias != x.Name {
				s.aliases++
			}
		case *ast.InlineFragment:
			s = m.set(x.SelectionSet)
		case *ast.FragmentSpread:
			s = m.spread(x.Name)
			s.spreads++
		}
		if m.over != "" {
			return total
		}
		total = shape{
			depth:   max(total.depth, s.depth),
			fields:  total.fields + s.fields,
			width:   total.width + s.width,
			spreads: total.spreads + s.spreads,
			aliases: total.aliases + s.aliases,
		}
		if m.check(total); m.over != "" {
			return total
		}
	}
	return total
}

// spread measures the fragment named. Unknown fragments count as empty: validation refuses them.
// A cycle is refused here, so that the memo holds every fragment's whole expansion.
func (m *measurer) spread(name string) shape {
	if s, ok := m.memo[name]; ok {
		if s == nil {
			m.over = fmt.Sprintf("fragment %s spreads itself", name)
			return shape{}
		}
		return *s
	}
	def := m.doc.Fragments.ForName(name)
	if def == nil {
		return shape{}
	}
	m.memo[name] = nil
	s := m.set(def.SelectionSet)
	m.memo[name] = &s
	return s
}

func (m *measurer) check(s shape) {
	switch {
	case s.depth > maxDepth:
		m.over = fmt.Sprintf("the query nests %d levels deep or more; at most %d are allowed (limit depth = %d)", s.depth, maxDepth, maxDepth)
	case s.fields > maxFields:
		m.over = fmt.Sprintf("the query selects %d fields or more once its fragments are expanded; at most %d are allowed (limit fields = %d)", s.fields, maxFields, maxFields)
	case s.width > maxWidth:
		m.over = fmt.Sprintf("a selection set selects %d fields or more once its fragments are expanded; at most %d are allowed (limit width = %d)", s.width, maxWidth, maxWidth)
	case s.spreads > maxSpreads:
		m.over = fmt.Sprintf("the query spreads fragments %d times or more once they are expanded; at most %d are allowed (limit spreads = %d)", s.spreads, maxSpreads, maxSpreads)
	case s.aliases > maxAliases:
		m.over = fmt.Sprintf("the query has %d aliases or more once its fragments are expanded; at most %d are allowed (limit aliases = %d)", s.aliases, maxAliases, maxAliases)
	}
}

// repeats counts the fields landing on each response path of an operation already within the
// limits and free of fragment cycles, so walking it expanded costs at most maxFields+maxSpreads steps.
func (m *measurer) repeats(set ast.SelectionSet) {
	counts := map[string]int{}
	var walk func(prefix string, set ast.SelectionSet)
	walk = func(prefix string, set ast.SelectionSet) {
		for _, sel := range set {
			if m.over != "" {
				return
			}
			switch x := sel.(type) {
			case *ast.Field:
				path := prefix + "." + x.Alias
				if counts[path]++; counts[path] > maxRepeats {
					m.over = fmt.Sprintf("the query selects %q %d times or more; at most %d are allowed (limit repeats = %d)",
						path[1:], counts[path], maxRepeats, maxRepeats)
					return
				}
				walk(path, x.SelectionSet)
			case *ast.InlineFragment:
				walk(prefix, x.SelectionSet)
			case *ast.FragmentSpread:
				if def := m.doc.Fragments.ForName(x.Name); def != nil {
					walk(prefix, def.SelectionSet)
				}
			}
		}
	}
	walk("", set)
}
