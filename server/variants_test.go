package server_test

import (
	"bytes"
	"fmt"
	"net/http"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
)

type variantsOut struct {
	Asset *struct {
		ID        string
		Variants  []struct{ ID string }
		VariantOf *struct{ ID string }
	}
}

const variantsQuery = `query($id: ID!) { asset(id: $id) { id variants { id } variantOf { id } } }`

// listIDs lists the ids of the assets a filter finds.
func listIDs(t *testing.T, s *apptest.Server, token string, filter map[string]any) []string {
	t.Helper()
	var out struct {
		Assets struct{ Nodes []struct{ ID string } }
	}
	s.Must(token, `query($f: AssetFilter) { assets(filter: $f, first: 50) { nodes { id } } }`, map[string]any{"f": filter}, &out)
	ids := make([]string, len(out.Assets.Nodes))
	for i, n := range out.Assets.Nodes {
		ids[i] = n.ID
	}
	return ids
}

// A variant is listed on its original and left out of lists unless asked for; the gate serves it for
// a request of the original with its exact format and width; it follows the original's visibility,
// so a DELIVERY token never sees the variant of a PRIVATE original.
func TestVariants(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		editor, delivery := s.Token("EDITOR"), s.Token("DELIVERY")
		pub := map[string]any{"status": "PUBLIC"}
		original := upload(t, s, editor, "alpha.png", pub)
		variant := upload(t, s, editor, "photo.webp", map[string]any{"status": "PUBLIC", "variantOf": original})

		var out variantsOut
		s.Must(delivery, variantsQuery, map[string]any{"id": original}, &out)
		if len(out.Asset.Variants) != 1 || out.Asset.Variants[0].ID != variant || out.Asset.VariantOf != nil {
			t.Errorf("the original: %+v", out.Asset)
		}
		s.Must(delivery, variantsQuery, map[string]any{"id": variant}, &out)
		if out.Asset.VariantOf == nil || out.Asset.VariantOf.ID != original {
			t.Errorf("the variant: %+v", out.Asset)
		}
		for what, c := range map[string]struct {
			filter map[string]any
			want   []string
		}{
			"no filter": {nil, []string{original}},
			"INCLUDE":   {map[string]any{"variants": "INCLUDE"}, []string{original, variant}},
			"ONLY":      {map[string]any{"variants": "ONLY"}, []string{variant}},
		} {
			if got := listIDs(t, s, delivery, c.filter); !sameSet(got, c.want) {
				t.Errorf("assets with %s: %v, want %v", what, got, c.want)
			}
		}
		wantCode(t, "variants nested in AND", s.Query(editor, `{ assets(filter: { AND: [{ variants: ONLY }] }) { totalCount } }`, nil), "VALIDATION_FAILED", "filter.AND[0].variants")

		// The gate: the exact format and width of the variant serve its bytes; any other is a transform.
		webp := fixtures.Read(t, "photo.webp")
		gate := fmt.Sprintf("/media/asset/%s/alpha.png?", original)
		if f := fetch(t, s, http.MethodGet, gate+"w=1024&fm=webp", "", nil); f.Status != http.StatusOK || !bytes.Equal(f.Body, webp) {
			t.Errorf("w=1024&fm=webp: HTTP %d, %d bytes; want the variant's %d bytes", f.Status, len(f.Body), len(webp))
		}
		if f := fetch(t, s, http.MethodGet, gate+"w=1024&format=webp", "", nil); !bytes.Equal(f.Body, webp) {
			t.Errorf("w=1024&format=webp: HTTP %d; want the variant", f.Status)
		}
		for _, q := range []string{"w=1000&fm=webp", "w=1024&fm=png", "w=1024&h=100&fm=webp"} {
			if f := fetch(t, s, http.MethodGet, gate+q, "", nil); f.Status != http.StatusOK || bytes.Equal(f.Body, webp) {
				t.Errorf("%s: HTTP %d, the variant's bytes %v; want a transform", q, f.Status, bytes.Equal(f.Body, webp))
			}
		}

		// The original goes PRIVATE: its variant is hidden from public readers wherever they look.
		s.Must(editor, `mutation($id: ID!) { updateAsset(id: $id, input: { status: PRIVATE }) { id } }`, map[string]any{"id": original}, nil)
		s.Must(delivery, variantsQuery, map[string]any{"id": variant}, &out)
		if out.Asset != nil {
			t.Errorf("a DELIVERY token sees the variant of a PRIVATE original: %+v", out.Asset)
		}
		if got := listIDs(t, s, delivery, map[string]any{"variants": "ONLY"}); len(got) != 0 {
			t.Errorf("a DELIVERY token lists the variant of a PRIVATE original: %v", got)
		}
		wantGateError(t, "the variant of a PRIVATE original", fetch(t, s, http.MethodGet, fmt.Sprintf("/media/asset/%s", variant), "", nil), http.StatusForbidden, "ASSET_ACCESS_DENIED")
		if f := fetch(t, s, http.MethodGet, fmt.Sprintf("/media/asset/%s", variant), editor, nil); f.Status != http.StatusOK {
			t.Errorf("an editor opens the variant: HTTP %d", f.Status)
		}
		s.Must(editor, variantsQuery, map[string]any{"id": original}, &out)
		if out.Asset == nil || len(out.Asset.Variants) != 1 {
			t.Errorf("an editor lists the variants: %+v", out.Asset)
		}

		// Purging the original leaves the variant to editors, hidden from everyone else.
		s.Must(editor, `mutation($ids: [ID!]!) { deleteAssets(ids: $ids) }`, map[string]any{"ids": []string{original}}, nil)
		s.Must(s.Admin, `mutation { emptyTrash }`, nil, nil)
		wantGateError(t, "the variant of a purged original", fetch(t, s, http.MethodGet, fmt.Sprintf("/media/asset/%s", variant), "", nil), http.StatusForbidden, "ASSET_ACCESS_DENIED")
		if f := fetch(t, s, http.MethodGet, fmt.Sprintf("/media/asset/%s", variant), editor, nil); f.Status != http.StatusOK {
			t.Errorf("an editor opens the variant of a purged original: HTTP %d", f.Status)
		}

		wantCode(t, "a variant of an unknown asset", s.Upload(editor, map[string]any{"variantOf": "ast_01hzzzzzzzzzzzzzzzzzzzzzzz"}, apptest.Fixture(t, "alpha.png")), "NOT_FOUND", "input.variantOf")
		wantCode(t, "a variant of a variant", s.Upload(editor, map[string]any{"variantOf": variant}, apptest.Fixture(t, "alpha.png")), "VALIDATION_FAILED", "input.variantOf")
	})
}
