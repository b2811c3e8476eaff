// Package schema_test holds the GraphQL schema to the public contract: the argument shapes API.md
// promises, which scripts are written against.
package schema_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// returnDeviations are return types that differ from API.md's, each for a reason the contract cannot
// satisfy: API.md names both the multipart file scalar and the signed-upload ticket `Upload`, and
// GraphQL has one namespace for types. The scalar keeps the name (clients write it in their variable
// types); the ticket is SignedUpload.
var returnDeviations = map[string]string{"createUploads": "[SignedUpload!]!"}

func loadSchema(t *testing.T) *ast.Schema {
	files, err := filepath.Glob("*.graphqls")
	if err != nil || len(files) == 0 {
		t.Fatalf("schema files: %v", err)
	}
	var sources []*ast.Source
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, &ast.Source{Name: f, Input: string(b)})
	}
	s, gerr := gqlparser.LoadSchema(sources...)
	if gerr != nil {
		t.Fatal(gerr)
	}
	return s
}

func TestMutationShapesMatchAPIContract(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "shared", "API.md"))
	if err != nil {
		t.Fatalf("the contract ../shared/API.md: %v", err)
	}
	_, rest, ok := strings.Cut(string(doc), "## Argument shapes that must hold")
	if !ok {
		t.Fatal("API.md has no argument-shapes section")
	}
	_, block, _ := strings.Cut(rest, "```graphql\n")
	block, _, _ = strings.Cut(block, "```")
	schema := loadSchema(t)
	line := regexp.MustCompile(`^(\w+)\((.*)\):\s*(\S+)`)
	checked := 0
	for _, l := range strings.Split(block, "\n") {
		l, _, _ = strings.Cut(l, "#")
		m := line.FindStringSubmatch(strings.TrimSpace(l))
		if m == nil {
			continue
		}
		name, args, ret := m[1], m[2], m[3]
		field := schema.Mutation.Fields.ForName(name)
		if field == nil {
			t.Errorf("mutation %s of the contract is missing", name)
			continue
		}
		checked++
		if dev, ok := returnDeviations[name]; ok {
			ret = dev
		}
		if got := field.Type.String(); got != ret {
			t.Errorf("%s returns %s, the contract says %s", name, got, ret)
		}
		var want []string
		for _, a := range strings.Split(args, ",") {
			want = append(want, strings.Join(strings.Fields(a), " "))
		}
		var got []string
		for _, a := range field.Arguments {
			got = append(got, a.Name+": "+a.Type.String())
		}
		if strings.Join(got, ", ") != strings.Join(want, ", ") {
			t.Errorf("%s(%s), the contract says %s(%s)", name, strings.Join(got, ", "), name, strings.Join(want, ", "))
		}
	}
	t.Logf("%d mutations match the contract", checked)
	if checked < 13 {
		t.Errorf("only %d mutations checked: is the contract block parsed?", checked)
	}
}

// Every type, field, argument, enum value and input field carries a description.
func TestEverythingIsDescribed(t *testing.T) {
	for name, def := range loadSchema(t).Types {
		if def.BuiltIn || strings.HasPrefix(name, "__") {
			continue
		}
		if strings.TrimSpace(def.Description) == "" {
			t.Errorf("type %s has no description", name)
		}
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			if strings.TrimSpace(f.Description) == "" {
				t.Errorf("%s.%s has no description", name, f.Name)
			}
			for _, a := range f.Arguments {
				if strings.TrimSpace(a.Description) == "" {
					t.Errorf("argument %s.%s(%s) has no description", name, f.Name, a.Name)
				}
			}
		}
		for _, v := range def.EnumValues {
			if strings.TrimSpace(v.Description) == "" {
				t.Errorf("enum value %s.%s has no description", name, v.Name)
			}
		}
	}
}
