package gqlhttp

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// inputField is the input path of an error raised while reading a field's arguments, in GraphQL
// terms ("input.defaultFieldMetadata[0].customData"): gqlgen puts it after the field's own path. A
// variable's error, raised before execution, is under "variable" ("variables.in.tags[1]"). It is
// "" for any other error.
func inputField(ctx context.Context, e *gqlerror.Error) string {
	path := e.Path
	if len(path) > 0 && path[0] == ast.PathName("variable") {
		return "variables." + formatPath(path[1:])
	}
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return ""
	}
	own := fc.Path()
	if len(path) <= len(own) || !samePath(own, path[:len(own)]) {
		return ""
	}
	return formatPath(path[len(own):])
}

func samePath(a, b ast.Path) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func formatPath(p ast.Path) string {
	var b strings.Builder
	for _, el := range p {
		switch el := el.(type) {
		case ast.PathIndex:
			fmt.Fprintf(&b, "[%d]", int(el))
		case ast.PathName:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(string(el))
		}
	}
	return b.String()
}

// coercion is how the GraphQL validator refuses a variable of the wrong kind ("cannot use map as
// ID"), in Go's names for JSON's kinds.
var coercion = regexp.MustCompile(`^cannot use (\S+) as (\S+)$`)

var jsonKinds = map[string]string{
	"map": "an object", "[]interface": "a list", "bool": "true or false", "float64": "a number",
	"json.Number": "a number", "string": "a string", "int": "a number", "int64": "a number",
}

// plainCoercion words a refused variable's kind as JSON names it.
func plainCoercion(msg string) string {
	m := coercion.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	kind, ok := jsonKinds[m[1]]
	if !ok {
		kind = "a value of another kind"
	}
	return fmt.Sprintf("%s is not a valid %s", kind, m[2])
}
