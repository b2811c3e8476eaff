package models

import (
	"strings"

	"github.com/oklog/ulid/v2"
)

// ID prefixes: public ids are prefixed, sortable and opaque.
const (
	AssetPrefix      = "ast"
	VersionPrefix    = "ver"
	TagPrefix        = "tag"
	CollectionPrefix = "col"
	UsagePrefix      = "usg"
	TokenPrefix      = "tok"
	UploadPrefix     = "upl"
	EventPrefix      = "evt"
)

// NewID returns a new id with the given prefix and a lower-case ULID body.
func NewID(prefix string) string {
	return prefix + "_" + strings.ToLower(ulid.Make().String())
}

// IDPrefix returns the prefix of an id ("ast" for "ast_01…"), or "" when it has none.
func IDPrefix(id string) string {
	prefix, body, ok := strings.Cut(id, "_")
	if !ok || len(body) != ulid.EncodedSize {
		return ""
	}
	if _, err := ulid.ParseStrict(body); err != nil {
		return ""
	}
	return prefix
}
