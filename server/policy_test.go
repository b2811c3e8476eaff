package server_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/resolvers"
)

// introspected is the part of the introspected schema the policy tests walk.
type introspected struct {
	Schema struct {
		Types []introspectedType
	} `json:"__schema"`
}

type introspectedType struct {
	Name, Kind, Description string
	Fields                  []struct {
		Name, Description string
		Args              []struct {
			Name string
			Type typeRef
		}
		Type typeRef
	}
}

type typeRef struct {
	Kind   string
	Name   *string
	OfType *typeRef
}

// named is the type a reference wraps in lists and non-nulls.
func (t typeRef) named() (kind, name string) {
	for r := &t; r != nil; r = r.OfType {
		if r.Name != nil {
			return r.Kind, *r.Name
		}
	}
	return "", ""
}

const introspectionQuery = `{ __schema { types { name kind description fields {
	name description args { name type { kind name ofType { kind name ofType { kind name } } } }
	type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`

func introspect(t *testing.T, s *apptest.Server, token string) map[string]introspectedType {
	t.Helper()
	var out introspected
	s.Must(token, introspectionQuery, nil, &out)
	types := map[string]introspectedType{}
	for _, ty := range out.Schema.Types {
		types[ty.Name] = ty
	}
	return types
}

// TestDeliveryPolicyClassifiesEverySchemaField walks the introspected schema: a field the policy table
// does not classify, or a MANAGEMENT field that does not say so, fails here before it ships.
func TestDeliveryPolicyClassifiesEverySchemaField(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	types := introspect(t, s, s.Admin)
	checked := 0
	for name, ty := range types {
		if ty.Kind != "OBJECT" || strings.HasPrefix(name, "__") {
			continue
		}
		for _, f := range ty.Fields {
			checked++
			class, ok := resolvers.FieldClass(name, f.Name)
			switch {
			case !ok:
				t.Errorf("%s.%s is not in the delivery policy table (resolvers/policy.go)", name, f.Name)
			case class != resolvers.Management:
			case resolvers.ClassifiesWholeType(name):
				if !strings.Contains(strings.ToLower(ty.Description), "management only") {
					t.Errorf("type %s is management only but its description does not say so: %q", name, ty.Description)
				}
			case !strings.Contains(strings.ToLower(f.Description), "management only"):
				t.Errorf("%s.%s is management only but its description does not say so: %q", name, f.Name, f.Description)
			}
		}
	}
	if checked < 100 {
		t.Fatalf("only %d fields introspected", checked)
	}
}

// selection selects every field of type name without required arguments, objects down to depth
// levels (then only their __typename).
func selection(types map[string]introspectedType, name string, depth int) string {
	var parts []string
	for _, f := range types[name].Fields {
		if slices.ContainsFunc(f.Args, func(a struct {
			Name string
			Type typeRef
		}) bool {
			return a.Type.Kind == "NON_NULL"
		}) {
			continue
		}
		kind, of := f.Type.named()
		composite := kind == "OBJECT" || kind == "INTERFACE" // an interface (Principal) selects its own fields
		switch {
		case composite && depth == 0:
			parts = append(parts, f.Name+" { __typename }")
		case composite:
			parts = append(parts, f.Name+" { "+selection(types, of, depth-1)+" }")
		default:
			parts = append(parts, f.Name)
		}
	}
	return strings.Join(parts, " ")
}

// TestDeliveryProbeReadsNoManagementValue asks, with a DELIVERY token, for every field of Asset,
// Collection, Tag and Usage (as introspection lists them) and of the management roots, over an
// asset whose every management field holds something: the answer is HTTP 200 with nulls and
// FORBIDDEN errors naming each field, and none of the values.
func TestDeliveryProbeReadsNoManagementValue(t *testing.T) {
	testdb.Each(t, func(t *testing.T, url string) {
		s := apptest.Start(t, url)
		const note = "SECRET-NOTE-for-colleagues"
		var created struct{ CreateCollection struct{ ID string } }
		s.Must(s.Admin, `mutation { createCollection(input: { name: "Press" }) { id } }`, nil, &created)
		col := created.CreateCollection.ID
		a := s.MustUpload(s.Admin, map[string]any{"status": "PUBLIC", "notes": note, "tags": []string{"milan"}, "collectionId": col},
			apptest.Fixture(t, "photo-12mp.jpg"))[0]
		for _, ref := range []struct {
			id   string
			live bool
		}{{"draft-entry-secret", false}, {"live-entry", true}} {
			s.Must(s.Admin, `mutation($e: EntryRefInput!, $ids: [ID!]!, $live: Boolean!) { syncEntryReferences(entry: $e, assetIds: $ids, live: $live) { id } }`,
				map[string]any{"e": map[string]any{"type": "article", "id": ref.id}, "ids": []string{a.ID}, "live": ref.live}, nil)
		}
		delivery := s.Token("DELIVERY")
		types := introspect(t, s, delivery) // a site generating its types with its own token
		q := fmt.Sprintf(`query($id: ID!) {
			assets(first: 1) { nodes { %s } }
			asset(id: $id) { usages { %s } }
			assetUsages(assetId: $id) { %s }
			tags(first: 2) { nodes { %s } }
			collections { %s }
			apiTokens { id name }
			upload(id: "upl_01J0000000000000000000000") { id }
		}`, selection(types, "Asset", 2), selection(types, "Usage", 1), selection(types, "Usage", 1),
			selection(types, "Tag", 1), selection(types, "Collection", 1))
		r := s.Query(delivery, q, map[string]any{"id": a.ID})
		if r.Status != 200 {
			t.Fatalf("HTTP %d, want 200: %+v", r.Status, r.Errors)
		}
		data := string(r.Data)
		for _, leak := range []string{note, "draft-entry-secret", `":45.46`, `":9.19`, `"GPSLatitude`, "test delivery"} { // GPS as JSON numbers, not inside a time
			if strings.Contains(data, leak) {
				t.Errorf("the DELIVERY answer carries %q: %s", leak, data)
			}
		}
		for _, want := range []string{`"make":"Canon"`, `"live-entry"`, `"name":"milan"`, `"name":"Press"`} {
			if !strings.Contains(data, want) {
				t.Errorf("the DELIVERY answer lacks the delivery value %s: %s", want, data)
			}
		}
		forbidden := map[string]bool{}
		for _, e := range r.Errors {
			code, _ := e.Extensions["code"].(string)
			field, _ := e.Extensions["field"].(string)
			if code != "FORBIDDEN" || field == "" {
				t.Errorf("error %+v, want FORBIDDEN with extensions.field", e)
			}
			forbidden[field] = true
		}
		for _, f := range []string{"Asset.notes", "Asset.createdBy", "Asset.processingError", "Asset.deletedAt", "Asset.versions",
			"Exif.latitude", "Exif.longitude", "Exif.altitude", "Exif.raw", "Query.apiTokens", "Query.upload"} {
			if !forbidden[f] {
				t.Errorf("no FORBIDDEN error for %s; errors: %+v", f, r.Errors)
			}
		}

		// The same fields are an editor's to read.
		var editor struct {
			Asset struct {
				Notes string
				Exif  struct{ Latitude *float64 }
			}
		}
		s.Must(s.Token("EDITOR"), `query($id: ID!) { asset(id: $id) { notes exif { latitude } } }`, map[string]any{"id": a.ID}, &editor)
		if editor.Asset.Notes != note || editor.Asset.Exif.Latitude == nil {
			t.Errorf("an editor reads %+v, want the notes and the latitude", editor.Asset)
		}
	})
}
