// Package query reads the search expressions of a search box or a script into an asset filter:
//
//	kind:image tag:brand width>1000 created>2026-01-01 "duomo" -draft
//
// Terms are separated by spaces and must all hold. A term is a field, an operator and a value
// (field:value, field>value, field>=value, field<value, field<=value, field=value), or free text: a
// word, a "quoted phrase", either one after - to exclude it. Free text becomes the filter's search;
// each field term becomes one condition of the filter's AND. Values with spaces are quoted
// (title:"duomo di milano"). Fields lists every field with what it compares.
package query

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
)

// maxTerms bounds the terms of an expression; each becomes a condition of one AND.
const maxTerms = 40

// maxLength bounds an expression, in bytes.
const maxLength = 2000

// term is one term of an expression: its field (empty for free text), operator and value, with
// the columns where it and its value start.
type term struct {
	not      bool
	field    string
	op       string
	value    string
	raw      string // the term as written, for free text
	col      int
	valueCol int
}

// Parse reads an expression into a filter. A mistake is a VALIDATION_FAILED error on field query
// whose message begins with the column (1-based, in characters) of the term at fault.
func Parse(expr string) (*models.AssetFilter, error) {
	if len(expr) > maxLength {
		return nil, access.Invalid("query", "the query is %d bytes long; at most %d are allowed", len(expr), maxLength)
	}
	terms, err := lex(expr)
	if err != nil {
		return nil, err
	}
	if len(terms) > maxTerms {
		return nil, bad(terms[maxTerms].col, "at most %d terms are allowed", maxTerms)
	}
	f := &models.AssetFilter{}
	var words []string
	for _, t := range terms {
		if t.field == "" {
			words = append(words, t.raw)
			continue
		}
		sub, err := t.filter()
		if err != nil {
			return nil, err
		}
		f.AND = append(f.AND, sub)
	}
	if len(words) > 0 {
		s := strings.Join(words, " ")
		f.Search = &s
	}
	return f, nil
}

func bad(col int, format string, args ...any) error {
	return access.Invalid("query", "column %d: %s", col, fmt.Sprintf(format, args...))
}

// lex splits an expression into terms.
func lex(expr string) ([]term, error) {
	var terms []term
	i := 0
	for {
		for i < len(expr) && isSpace(expr[i:]) {
			_, n := utf8.DecodeRuneInString(expr[i:])
			i += n
		}
		if i >= len(expr) {
			return terms, nil
		}
		t, next, err := lexTerm(expr, i)
		if err != nil {
			return nil, err
		}
		terms = append(terms, t)
		i = next
	}
}

func isSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// column is the 1-based column, in characters, of byte offset i.
func column(expr string, i int) int { return utf8.RuneCountInString(expr[:i]) + 1 }

// lexTerm reads the term starting at byte i, returning it and where the next one may start.
func lexTerm(expr string, i int) (term, int, error) {
	start := i
	t := term{col: column(expr, i)}
	if expr[i] == '-' {
		t.not = true
		i++
	}
	if i < len(expr) && expr[i] == '"' {
		_, end := quoted(expr, i)
		t.raw = expr[start:end]
		return t, end, nil
	}
	name := i
	for i < len(expr) && (expr[i] >= 'a' && expr[i] <= 'z' || expr[i] >= 'A' && expr[i] <= 'Z') {
		i++
	}
	op := operatorAt(expr[i:])
	if i == name || op == "" {
		end := wordEnd(expr, start)
		t.raw = expr[start:end]
		return t, end, nil
	}
	t.field, t.op = strings.ToLower(expr[name:i]), op
	i += len(op)
	t.valueCol = column(expr, i)
	if i < len(expr) && expr[i] == '"' {
		v, end := quoted(expr, i)
		t.value = v
		return t, end, nil
	}
	end := wordEnd(expr, i)
	if end == i {
		return t, end, bad(t.valueCol, "%s%s needs a value", t.field, op)
	}
	t.value = expr[i:end]
	return t, end, nil
}

// operatorAt is the comparison s begins with, if any.
func operatorAt(s string) string {
	for _, op := range []string{">=", "<=", ":", "=", ">", "<"} {
		if strings.HasPrefix(s, op) {
			return op
		}
	}
	return ""
}

// quoted reads the quoted text at byte i (an unclosed quote runs to the end).
func quoted(expr string, i int) (string, int) {
	end := strings.IndexByte(expr[i+1:], '"')
	if end < 0 {
		return expr[i+1:], len(expr)
	}
	return expr[i+1 : i+1+end], i + end + 2
}

func wordEnd(expr string, i int) int {
	for i < len(expr) && !isSpace(expr[i:]) {
		_, n := utf8.DecodeRuneInString(expr[i:])
		i += n
	}
	return i
}

// Apply adds the conditions of an expression to a filter (nil: none): both must hold. The
// expression's free text joins the filter's search, its field terms the filter's AND, so the
// filter's top-level fields (deleted) stay at the top.
func Apply(filter *models.AssetFilter, expr *string) (*models.AssetFilter, error) {
	if expr == nil {
		return filter, nil
	}
	parsed, err := Parse(*expr)
	if err != nil || filter == nil {
		return parsed, err
	}
	out := *filter
	out.AND = append(append([]*models.AssetFilter(nil), filter.AND...), parsed.AND...)
	if parsed.Search != nil {
		s := *parsed.Search
		if filter.Search != nil {
			s = *filter.Search + " " + s
		}
		out.Search = &s
	}
	return &out, nil
}
