package server_test

import (
	"slices"
	"sort"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testenv"
)

func TestMain(m *testing.M) { testenv.Main(m) }

type idOnly struct{ ID string }

// TestEditorialStory walks what an editor and a delivering site do on a first day, on both databases.
func TestEditorialStory(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) { editorialStory(t, start(t)) })
}

func editorialStory(t *testing.T, s *apptest.Server) {
	editor := s.Token("EDITOR")

	uploaded := s.MustUpload(editor, nil,
		apptest.Fixture(t, "photo-12mp.jpg"), apptest.Fixture(t, "alpha.png"), apptest.Fixture(t, "clip.mp4"))
	if len(uploaded) != 3 {
		t.Fatalf("uploaded %d assets, want 3", len(uploaded))
	}
	photo, alpha, clip := uploaded[0], uploaded[1], uploaded[2]
	if photo.Kind != "IMAGE" || photo.Width == nil || *photo.Width < 3000 || photo.Height == nil {
		t.Errorf("photo: %+v, want an IMAGE with its dimensions read", photo)
	}
	if alpha.Kind != "IMAGE" || clip.Kind != "VIDEO" {
		t.Errorf("kinds: alpha %s, clip %s", alpha.Kind, clip.Kind)
	}
	for _, a := range uploaded {
		if a.Status != "PRIVATE" {
			t.Errorf("%s uploaded %s, want PRIVATE", a.Filename, a.Status)
		}
	}

	// Tag two of them; tag names match regardless of case.
	s.Must(editor, `mutation($ids: [ID!]!) { tagAssets(ids: $ids, tags: ["Brand", "hero"]) { id } }`,
		map[string]any{"ids": []string{photo.ID, alpha.ID}}, nil)
	var tagged struct{ Assets struct{ Nodes []idOnly } }
	s.Must(editor, `{ assets(filter: { tags: { allIn: ["brand", "HERO"] } }, orderBy: FILENAME_ASC) { nodes { id } } }`, nil, &tagged)
	if got := ids(tagged.Assets.Nodes); !sameSet(got, []string{photo.ID, alpha.ID}) {
		t.Errorf("assets tagged brand and hero: %v", got)
	}

	// Collections brand and brand/logos; an asset in logos is found under brand with descendants.
	var brand, logos struct{ CreateCollection idOnly }
	s.Must(editor, `mutation { createCollection(input: { name: "brand" }) { id } }`, nil, &brand)
	s.Must(editor, `mutation($p: ID) { createCollection(input: { name: "logos", parentId: $p }) { id } }`,
		map[string]any{"p": brand.CreateCollection.ID}, &logos)
	s.Must(editor, `mutation($ids: [ID!]!, $c: ID) { moveAssets(ids: $ids, collectionId: $c) { id } }`,
		map[string]any{"ids": []string{alpha.ID}, "c": logos.CreateCollection.ID}, nil)
	var inBrand struct{ Direct, Deep struct{ Nodes []idOnly } }
	s.Must(editor, `query($c: ID!) {
		direct: assets(filter: { collection: { eq: $c } }) { nodes { id } }
		deep: assets(filter: { collection: { eq: $c, descendants: true } }) { nodes { id } }
	}`, map[string]any{"c": brand.CreateCollection.ID}, &inBrand)
	if len(inBrand.Direct.Nodes) != 0 {
		t.Errorf("brand holds %v directly, want nothing", ids(inBrand.Direct.Nodes))
	}
	if got := ids(inBrand.Deep.Nodes); !slices.Equal(got, []string{alpha.ID}) {
		t.Errorf("brand with descendants: %v, want [%s]", got, alpha.ID)
	}

	// Localized alt: Italian set, German falls back to English.
	s.Must(editor, `mutation($id: ID!) { updateAsset(id: $id, input: { defaultFieldMetadata: [
		{ locale: "en", alt: "A red square" }, { locale: "it", alt: "Un quadrato rosso" } ] }) { id } }`,
		map[string]any{"id": photo.ID}, nil)
	var alt struct {
		Asset struct{ It, De, En *string }
		Itq   struct{ Alt *string } `json:"itq"`
	}
	s.Must(editor, `query($id: ID!) {
		asset(id: $id) { it: alt(locale: "it") de: alt(locale: "de") en: alt }
		itq: asset(id: $id, locale: "it") { alt }
	}`, map[string]any{"id": photo.ID}, &alt)
	if deref(alt.Asset.It) != "Un quadrato rosso" || deref(alt.Itq.Alt) != "Un quadrato rosso" {
		t.Errorf("Italian alt: %q / %q", deref(alt.Asset.It), deref(alt.Itq.Alt))
	}
	if deref(alt.Asset.De) != "A red square" || deref(alt.Asset.En) != "A red square" {
		t.Errorf("German falls back to English: de %q, en %q", deref(alt.Asset.De), deref(alt.Asset.En))
	}

	// A live entry referencing a PRIVATE asset publishes it and pins it.
	var sync struct {
		SyncEntryReferences []struct {
			Live  bool
			Asset struct {
				ID     string
				Status string
				InUse  bool
			}
		}
	}
	s.Must(editor, `mutation($ids: [ID!]!) {
		syncEntryReferences(entry: { type: "article", id: "42", field: "cover" }, assetIds: $ids, live: true) {
			live asset { id status inUse }
		}
	}`, map[string]any{"ids": []string{clip.ID}}, &sync)
	if len(sync.SyncEntryReferences) != 1 {
		t.Fatalf("usages: %+v", sync.SyncEntryReferences)
	}
	if u := sync.SyncEntryReferences[0]; !u.Live || u.Asset.Status != "PUBLIC" || !u.Asset.InUse {
		t.Errorf("after a live reference: %+v, want PUBLIC and in use", u)
	}
	del := s.Query(editor, `mutation($ids: [ID!]!) { deleteAssets(ids: $ids) }`, map[string]any{"ids": []string{clip.ID}})
	if del.Code() != "ASSET_IN_USE" {
		t.Errorf("deleting a used asset: %+v, want ASSET_IN_USE", del.Errors)
	}

	// A DELIVERY token sees exactly the PUBLIC assets, everywhere.
	delivery := s.Token("DELIVERY")
	var seen struct {
		Assets struct {
			TotalCount int
			Nodes      []idOnly
		}
		Photo *idOnly `json:"photo"`
		Node  *idOnly `json:"node"`
	}
	s.Must(delivery, `query($p: ID!) {
		assets { totalCount nodes { id } }
		photo: asset(id: $p) { id }
		node(id: $p) { id }
	}`, map[string]any{"p": photo.ID}, &seen)
	if got := ids(seen.Assets.Nodes); !slices.Equal(got, []string{clip.ID}) || seen.Assets.TotalCount != 1 {
		t.Errorf("DELIVERY sees %v (total %d), want only [%s]", got, seen.Assets.TotalCount, clip.ID)
	}
	if seen.Photo != nil || seen.Node != nil {
		t.Errorf("DELIVERY reads a PRIVATE asset: %+v %+v", seen.Photo, seen.Node)
	}
	if r := s.Query(delivery, `mutation($ids: [ID!]!) { tagAssets(ids: $ids, tags: ["x"]) { id } }`,
		map[string]any{"ids": []string{clip.ID}}); r.Code() != "FORBIDDEN" {
		t.Errorf("DELIVERY writing: %+v, want FORBIDDEN", r.Errors)
	}

	// A collection with content is not deleted.
	if r := s.Query(editor, `mutation($id: ID!) { deleteCollection(id: $id) }`,
		map[string]any{"id": brand.CreateCollection.ID}); r.Code() != "FOLDER_HAS_CONTENT" {
		t.Errorf("deleting a non-empty collection: %+v, want FOLDER_HAS_CONTENT", r.Errors)
	}
	if r := s.Query("", `{ assets { totalCount } }`, nil); r.Code() != "UNAUTHENTICATED" {
		t.Errorf("no token: %+v, want UNAUTHENTICATED", r.Errors)
	}
}

func ids(list []idOnly) []string {
	out := make([]string, len(list))
	for i, a := range list {
		out[i] = a.ID
	}
	return out
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	sort.Strings(a)
	sort.Strings(b)
	return slices.Equal(a, b)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
