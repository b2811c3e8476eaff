// Package scalars reads the API's custom scalars — Time, JSON, Int64 and ID — as gqlgen would, but
// refuses a value that is not one with a message a person understands (what was expected, with an
// example, and what came instead). The input path at fault is added where errors are presented.
package scalars

import (
	"encoding/json"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"

	"github.com/mediagraph/mediagraph/media/access"
)

// MarshalTime writes a Time as RFC 3339 with nanoseconds, as gqlgen does.
func MarshalTime(t time.Time) graphql.Marshaler { return graphql.MarshalTime(t) }

// UnmarshalTime reads an RFC 3339 date and time.
func UnmarshalTime(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, invalid("a date and time is a string such as \"2024-06-01T10:15:30Z\" (RFC 3339), not %s", describe(v))
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, invalid("%s is not a date and time: write it as \"2024-06-01T10:15:30Z\" or \"2024-06-01T12:15:30+02:00\" (RFC 3339, with the time zone)", quote(s))
	}
	return t, nil
}

// MarshalJSON writes a JSON object.
func MarshalJSON(m map[string]any) graphql.Marshaler { return graphql.MarshalMap(m) }

// UnmarshalJSON reads a JSON object; anything else (a list, a number, a string) is refused.
func UnmarshalJSON(v any) (map[string]any, error) {
	if v == nil {
		return nil, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, invalid("this is a JSON object such as {\"key\": \"value\"}, not %s", describe(v))
	}
	return m, nil
}

// MarshalInt64 writes a 64-bit integer.
func MarshalInt64(n int64) graphql.Marshaler { return graphql.MarshalInt64(n) }

// UnmarshalInt64 reads a whole number, written as a number or as a string of digits.
func UnmarshalInt64(v any) (int64, error) {
	n, err := graphql.UnmarshalInt64(v)
	if err != nil {
		return 0, invalid("this is a whole number from -9223372036854775808 to 9223372036854775807, not %s", describe(v))
	}
	return n, nil
}

// MarshalID writes an id.
func MarshalID(s string) graphql.Marshaler { return graphql.MarshalID(s) }

// UnmarshalID reads an id: a string (or, as GraphQL allows, a whole number).
func UnmarshalID(v any) (string, error) {
	switch v.(type) {
	case string, json.Number, int, int32, int64:
		return graphql.UnmarshalID(v)
	}
	return "", invalid("this is an id, a string such as \"ast_01j0…\", not %s", describe(v))
}

func invalid(format string, args ...any) error {
	return &access.Error{Code: access.CodeValidationFailed, Message: fmt.Sprintf(format, args...)}
}

// describe names the kind of a JSON value, for saying what came instead of what was expected.
func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return "the string " + quote(x)
	case bool:
		return fmt.Sprintf("%t", x)
	case json.Number, float64, float32, int, int64, int32:
		return fmt.Sprintf("the number %v", x)
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return "a value of another kind"
}

// quote shows a string as given, cut short when long.
func quote(s string) string {
	const most = 40
	if utf8.RuneCountInString(s) > most {
		s = string([]rune(s)[:most]) + "…"
	}
	return fmt.Sprintf("%q", s)
}
