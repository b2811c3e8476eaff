package server_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/models"
)

type namedTag struct {
	ID         string
	Name       string
	AssetCount int64
}

// tagNames lists the names of the tags an asset carries, in the order served (by name).
func tagNames(t *testing.T, s *apptest.Server, token, assetID string) []string {
	t.Helper()
	var out struct {
		Asset *struct{ Tags []namedTag }
	}
	s.Must(token, `query($id: ID!) { asset(id: $id) { tags { id name } } }`, map[string]any{"id": assetID}, &out)
	if out.Asset == nil {
		t.Fatalf("asset %s not found", assetID)
	}
	names := []string{}
	for _, tag := range out.Asset.Tags {
		names = append(names, tag.Name)
	}
	return names
}

// allTags lists every tag by name.
func allTags(t *testing.T, s *apptest.Server, token string) map[string]namedTag {
	t.Helper()
	var out struct {
		Tags struct {
			TotalCount int
			Nodes      []namedTag
		}
	}
	s.Must(token, `{ tags(first: 500) { totalCount nodes { id name assetCount } } }`, nil, &out)
	if out.Tags.TotalCount != len(out.Tags.Nodes) {
		t.Errorf("tags: totalCount %d, %d listed", out.Tags.TotalCount, len(out.Tags.Nodes))
	}
	byName := map[string]namedTag{}
	for _, tag := range out.Tags.Nodes {
		byName[tag.Name] = tag
	}
	return byName
}

// taggedWith lists the assets carrying any of the tag names.
func taggedWith(t *testing.T, s *apptest.Server, token string, names ...string) []string {
	t.Helper()
	var out struct{ Assets struct{ Nodes []idOnly } }
	s.Must(token, `query($t: [String!]) { assets(first: 500, filter: { tags: { anyIn: $t } }) { nodes { id } } }`,
		map[string]any{"t": names}, &out)
	return ids(out.Assets.Nodes)
}

func updatedAt(t *testing.T, s *apptest.Server, token, assetID string) time.Time {
	t.Helper()
	var out struct{ Asset struct{ UpdatedAt time.Time } }
	s.Must(token, `query($id: ID!) { asset(id: $id) { updatedAt } }`, map[string]any{"id": assetID}, &out)
	return out.Asset.UpdatedAt
}

func TestTagsRenameMergeDelete(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		editor := s.Token("EDITOR")
		up := s.MustUpload(editor, nil, apptest.Fixture(t, "alpha.png"), apptest.Fixture(t, "focal-red-square.png"), apptest.Fixture(t, "anim.gif"))
		a, b, c := up[0].ID, up[1].ID, up[2].ID
		tag := func(names []string, assets ...string) {
			t.Helper()
			s.Must(editor, `mutation($ids: [ID!]!, $t: [String!]!) { tagAssets(ids: $ids, tags: $t) { id } }`,
				map[string]any{"ids": assets, "t": names}, nil)
		}
		tag([]string{"red"}, a, b)
		tag([]string{"crimson"}, b, c)
		tag([]string{"blue"}, c)
		tags := allTags(t, s, editor)
		red, crimson, blue := tags["red"], tags["crimson"], tags["blue"]
		if len(tags) != 3 || red.AssetCount != 2 || crimson.AssetCount != 2 || blue.AssetCount != 1 {
			t.Fatalf("tags after tagging: %+v", tags)
		}

		// renameTag keeps the id and the assets; the old name no longer matches.
		var renamed struct{ RenameTag namedTag }
		s.Must(editor, `mutation($id: ID!) { renameTag(id: $id, name: "Scarlet") { id name assetCount } }`, map[string]any{"id": red.ID}, &renamed)
		if renamed.RenameTag.ID != red.ID || renamed.RenameTag.Name != "Scarlet" || renamed.RenameTag.AssetCount != 2 {
			t.Errorf("renameTag: %+v, want %s called Scarlet on 2 assets", renamed.RenameTag, red.ID)
		}
		if got := taggedWith(t, s, editor, "scarlet"); !sameSet(got, []string{a, b}) {
			t.Errorf("assets tagged scarlet: %v, want [%s %s]", got, a, b)
		}
		if got := taggedWith(t, s, editor, "red"); len(got) != 0 {
			t.Errorf("the old name still matches %v", got)
		}
		if got := tagNames(t, s, editor, a); !slices.Equal(got, []string{"Scarlet"}) {
			t.Errorf("tags of a after rename: %v", got)
		}
		// Renaming to the tag's own name in another case is not a conflict with itself.
		s.Must(editor, `mutation($id: ID!) { renameTag(id: $id, name: "scarlet") { id } }`, map[string]any{"id": red.ID}, nil)
		s.Must(editor, `mutation($id: ID!) { renameTag(id: $id, name: "Scarlet") { id } }`, map[string]any{"id": red.ID}, nil)
		wantCode(t, "rename onto another tag", s.Query(editor, `mutation($id: ID!) { renameTag(id: $id, name: "BLUE") { id } }`,
			map[string]any{"id": red.ID}), "CONFLICT", "name")
		wantCode(t, "rename a missing tag", s.Query(editor, `mutation($id: ID!) { renameTag(id: $id, name: "x") { id } }`,
			map[string]any{"id": models.NewID("tag")}), "NOT_FOUND", "")

		// mergeTags: the source's assets end up on the target (b had both: no duplicate), the source is gone.
		before := updatedAt(t, s, editor, c)
		var merged struct{ MergeTags namedTag }
		s.Must(editor, `mutation($src: [ID!]!, $dst: ID!) { mergeTags(sourceIds: $src, targetId: $dst) { id name assetCount } }`,
			map[string]any{"src": []string{crimson.ID}, "dst": red.ID}, &merged)
		if merged.MergeTags.ID != red.ID || merged.MergeTags.AssetCount != 3 {
			t.Errorf("mergeTags: %+v, want %s on 3 assets", merged.MergeTags, red.ID)
		}
		if got := taggedWith(t, s, editor, "Scarlet"); !sameSet(got, []string{a, b, c}) {
			t.Errorf("assets tagged Scarlet after the merge: %v", got)
		}
		if got := taggedWith(t, s, editor, "crimson"); len(got) != 0 {
			t.Errorf("assets still tagged crimson: %v", got)
		}
		if got := tagNames(t, s, editor, b); !slices.Equal(got, []string{"Scarlet"}) {
			t.Errorf("tags of b after the merge: %v, want [Scarlet]", got)
		}
		if got := tagNames(t, s, editor, c); !slices.Equal(got, []string{"blue", "Scarlet"}) {
			t.Errorf("tags of c after the merge: %v, want [blue Scarlet]", got)
		}
		tags = allTags(t, s, editor)
		if _, ok := tags["crimson"]; ok || len(tags) != 2 {
			t.Errorf("tags after the merge: %+v, want blue and Scarlet", tags)
		}
		var gone struct{ Node *idOnly }
		s.Must(editor, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": crimson.ID}, &gone)
		if gone.Node != nil {
			t.Errorf("the merged-away tag is still a node: %+v", gone.Node)
		}
		if after := updatedAt(t, s, editor, c); !after.After(before) {
			t.Errorf("merging tags left c's updatedAt at %v (was %v)", after, before)
		}
		wantCode(t, "merge into a source", s.Query(editor, `mutation($id: ID!) { mergeTags(sourceIds: [$id], targetId: $id) { id } }`,
			map[string]any{"id": blue.ID}), "VALIDATION_FAILED", "sourceIds")
		wantCode(t, "merge a missing tag", s.Query(editor, `mutation($src: ID!, $dst: ID!) { mergeTags(sourceIds: [$src], targetId: $dst) { id } }`,
			map[string]any{"src": crimson.ID, "dst": red.ID}), "NOT_FOUND", "")

		// Several sources at once, both on the same asset: that asset gets the target once.
		tag([]string{"dup1", "dup2"}, a)
		tag([]string{"dup2"}, c)
		tag([]string{"green"}, b)
		tags = allTags(t, s, editor)
		s.Must(editor, `mutation($src: [ID!]!, $dst: ID!) { mergeTags(sourceIds: $src, targetId: $dst) { id name assetCount } }`,
			map[string]any{"src": []string{tags["dup1"].ID, tags["dup2"].ID}, "dst": tags["green"].ID}, &merged)
		if merged.MergeTags.Name != "green" || merged.MergeTags.AssetCount != 3 {
			t.Errorf("merging two tags into green: %+v, want green on 3 assets", merged.MergeTags)
		}
		if got := tagNames(t, s, editor, a); !slices.Equal(got, []string{"green", "Scarlet"}) {
			t.Errorf("tags of a after merging two tags: %v, want [green Scarlet]", got)
		}
		if n := s.Rows("tags"); n != 3 {
			t.Errorf("%d tags after merging two tags, want 3 (blue, green, Scarlet)", n)
		}

		// deleteTag takes the tag off every asset.
		var deleted struct{ DeleteTag string }
		s.Must(editor, `mutation($id: ID!) { deleteTag(id: $id) }`, map[string]any{"id": blue.ID}, &deleted)
		if deleted.DeleteTag != blue.ID {
			t.Errorf("deleteTag answered %q, want %s", deleted.DeleteTag, blue.ID)
		}
		if got := tagNames(t, s, editor, c); !slices.Equal(got, []string{"green", "Scarlet"}) {
			t.Errorf("tags of c after deleting blue: %v, want [green Scarlet]", got)
		}
		if got := taggedWith(t, s, editor, "blue"); len(got) != 0 {
			t.Errorf("assets still tagged blue: %v", got)
		}
		if n := s.Rows("asset_tags"); n != 6 {
			t.Errorf("%d tag assignments left, want 6 (green and Scarlet on a, b, c)", n)
		}
		if n := s.Rows("tags"); n != 2 {
			t.Errorf("%d tags left, want 2", n)
		}
		// The name is free again: tagging with it makes a new tag.
		tag([]string{"blue"}, a)
		if nb := allTags(t, s, editor)["blue"]; nb.ID == "" || nb.ID == blue.ID || nb.AssetCount != 1 {
			t.Errorf("re-created blue: %+v", nb)
		}

		delivery := s.Token("DELIVERY")
		wantCode(t, "DELIVERY renames", s.Query(delivery, `mutation($id: ID!) { renameTag(id: $id, name: "x") { id } }`,
			map[string]any{"id": red.ID}), "FORBIDDEN", "")
		wantCode(t, "DELIVERY deletes", s.Query(delivery, `mutation($id: ID!) { deleteTag(id: $id) }`,
			map[string]any{"id": red.ID}), "FORBIDDEN", "")
	})
}

type treeNode struct {
	ID         string
	Name       string
	UpdatedAt  time.Time
	Parent     *struct{ Name string }
	Ancestors  []struct{ Name string }
	Children   []struct{ Name string }
	AssetCount int64
}

func names(list []struct{ Name string }) []string {
	out := []string{}
	for _, n := range list {
		out = append(out, n.Name)
	}
	return out
}

func TestCollectionTree(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		editor := s.Token("EDITOR")
		create := func(name string, parent *string) string {
			t.Helper()
			var out struct{ CreateCollection idOnly }
			s.Must(editor, `mutation($n: String!, $p: ID) { createCollection(input: { name: $n, parentId: $p }) { id } }`,
				map[string]any{"n": name, "p": parent}, &out)
			return out.CreateCollection.ID
		}
		collection := func(id string) treeNode {
			t.Helper()
			var out struct{ Collection *treeNode }
			s.Must(editor, `query($id: ID!) { collection(id: $id) {
				id name updatedAt parent { name } ancestors { name } children { name } assetCount } }`, map[string]any{"id": id}, &out)
			if out.Collection == nil {
				t.Fatalf("collection %s not found", id)
			}
			return *out.Collection
		}
		under := func(id string) []string {
			t.Helper()
			var out struct{ Assets struct{ Nodes []idOnly } }
			s.Must(editor, `query($c: ID!) { assets(filter: { collection: { eq: $c, descendants: true } }) { nodes { id } } }`,
				map[string]any{"c": id}, &out)
			return ids(out.Assets.Nodes)
		}

		media := create("media", nil)
		photos := create("photos", &media)
		year := create("2024", &photos)
		archive := create("archive", nil)
		up := s.MustUpload(editor, map[string]any{"collectionId": year}, apptest.Fixture(t, "alpha.png"))
		inYear := up[0].ID
		inPhotos := s.MustUpload(editor, map[string]any{"collectionId": photos}, apptest.Fixture(t, "anim.gif"))[0].ID
		inMedia := s.MustUpload(editor, map[string]any{"collectionId": media}, apptest.Fixture(t, "focal-red-square.png"))[0].ID

		y := collection(year)
		if !slices.Equal(names(y.Ancestors), []string{"media", "photos"}) || y.Parent == nil || y.Parent.Name != "photos" ||
			len(y.Children) != 0 || y.AssetCount != 1 {
			t.Errorf("2024 before the move: %+v", y)
		}
		m := collection(media)
		if !slices.Equal(names(m.Children), []string{"photos"}) || len(m.Ancestors) != 0 || m.Parent != nil || m.AssetCount != 1 {
			t.Errorf("media before the move: %+v", m)
		}
		if got := under(media); !sameSet(got, []string{inYear, inPhotos, inMedia}) {
			t.Errorf("under media: %v", got)
		}
		if got := under(archive); len(got) != 0 {
			t.Errorf("under archive: %v", got)
		}

		// Move photos (with 2024 inside it) under archive: the descendants filter follows the move.
		beforeMove := collection(photos).UpdatedAt
		var moved struct{ MoveCollection treeNode }
		s.Must(editor, `mutation($id: ID!, $p: ID) { moveCollection(id: $id, parentId: $p) {
			id name updatedAt parent { name } ancestors { name } children { name } assetCount } }`,
			map[string]any{"id": photos, "p": archive}, &moved)
		if stored := collection(photos).UpdatedAt; !moved.MoveCollection.UpdatedAt.After(beforeMove) || !moved.MoveCollection.UpdatedAt.Equal(stored) {
			t.Errorf("moveCollection answered updatedAt %v; before the move %v, stored after it %v", moved.MoveCollection.UpdatedAt, beforeMove, stored)
		}
		if mc := moved.MoveCollection; mc.Parent == nil || mc.Parent.Name != "archive" || !slices.Equal(names(mc.Ancestors), []string{"archive"}) ||
			!slices.Equal(names(mc.Children), []string{"2024"}) || mc.AssetCount != 1 {
			t.Errorf("moveCollection answered %+v", mc)
		}
		if got := under(archive); !sameSet(got, []string{inYear, inPhotos}) {
			t.Errorf("under archive after the move: %v, want [%s %s]", got, inYear, inPhotos)
		}
		if got := under(media); !slices.Equal(got, []string{inMedia}) {
			t.Errorf("under media after the move: %v, want [%s]", got, inMedia)
		}
		if got := under(photos); !sameSet(got, []string{inYear, inPhotos}) {
			t.Errorf("under photos after the move: %v", got)
		}
		y = collection(year)
		if !slices.Equal(names(y.Ancestors), []string{"archive", "photos"}) {
			t.Errorf("2024 ancestors after the move: %v, want [archive photos]", names(y.Ancestors))
		}
		if m = collection(media); len(m.Children) != 0 {
			t.Errorf("media children after the move: %v", names(m.Children))
		}
		if a := collection(archive); !slices.Equal(names(a.Children), []string{"photos"}) || a.AssetCount != 0 {
			t.Errorf("archive after the move: %+v", a)
		}
		var roots struct{ Collections []struct{ Name string } }
		s.Must(editor, `{ collections { name } }`, nil, &roots)
		if !slices.Equal(names(roots.Collections), []string{"archive", "media"}) {
			t.Errorf("root collections: %v", names(roots.Collections))
		}
		// Moving 2024 to the root makes it a root with no ancestors; its asset stays in it.
		s.Must(editor, `mutation($id: ID!) { moveCollection(id: $id, parentId: null) { id } }`, map[string]any{"id": year}, nil)
		if y = collection(year); len(y.Ancestors) != 0 || y.Parent != nil || y.AssetCount != 1 {
			t.Errorf("2024 at the root: %+v", y)
		}
		if got := under(archive); !slices.Equal(got, []string{inPhotos}) {
			t.Errorf("under archive once 2024 left: %v", got)
		}
		if got := under(year); !slices.Equal(got, []string{inYear}) {
			t.Errorf("under 2024 at the root: %v", got)
		}

		// Sibling names are unique regardless of case, at the root too; elsewhere a name is free.
		conflict := func(what string, r apptest.Response) {
			t.Helper()
			wantCode(t, what, r, "CONFLICT", "name")
		}
		unchanged(t, s, "sibling conflicts", func() {
			conflict("create a sibling", s.Query(editor, `mutation($p: ID) { createCollection(input: { name: "PHOTOS", parentId: $p }) { id } }`,
				map[string]any{"p": archive}))
			conflict("create a root sibling", s.Query(editor, `mutation { createCollection(input: { name: "Media" }) { id } }`, nil))
			conflict("rename onto a sibling", s.Query(editor, `mutation($id: ID!) { updateCollection(id: $id, input: { name: "archive" }) { id } }`,
				map[string]any{"id": media}))
		})
		other := create("photos", &media)
		conflict("move onto a sibling's name", s.Query(editor, `mutation($id: ID!, $p: ID) { moveCollection(id: $id, parentId: $p) { id } }`,
			map[string]any{"id": photos, "p": media}))
		if p := collection(photos); p.Parent == nil || p.Parent.Name != "archive" {
			t.Errorf("a refused move moved photos: %+v", p)
		}
		if got := under(media); !sameSet(got, []string{inMedia}) {
			t.Errorf("under media after a refused move: %v", got)
		}
		if o := collection(other); !slices.Equal(names(o.Ancestors), []string{"media"}) {
			t.Errorf("the second photos: %+v", o)
		}
	})
}

type localized struct {
	Locale     string
	Alt        *string
	Title      *string
	FocalPoint *struct{ X, Y float64 }
	CustomData map[string]any
}

func TestLocalizedMetadata(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		editor := s.Token("EDITOR")
		id := s.MustUpload(editor, map[string]any{"defaultFieldMetadata": []map[string]any{
			{"locale": "en", "alt": "Alpha", "title": "Title en"},
			{"locale": "it", "alt": "Alfa"},
		}}, apptest.Fixture(t, "alpha.png"))[0].ID

		type view struct {
			DefaultFieldMetadata []localized
			En                   *string `json:"en"`
			It                   *string `json:"it"`
			De                   *string `json:"de"`
			TitleDe              *string `json:"titleDe"`
		}
		read := func() view {
			t.Helper()
			var out struct{ Asset view }
			s.Must(editor, `query($id: ID!) { asset(id: $id) {
				defaultFieldMetadata { locale alt title focalPoint { x y } customData }
				en: alt(locale: "en") it: alt(locale: "it") de: alt(locale: "de") titleDe: title(locale: "de")
			} }`, map[string]any{"id": id}, &out)
			return out.Asset
		}
		locales := func(v view) []string {
			out := []string{}
			for _, m := range v.DefaultFieldMetadata {
				out = append(out, m.Locale)
			}
			slices.Sort(out)
			return out
		}
		of := func(v view, locale string) *localized {
			for i := range v.DefaultFieldMetadata {
				if v.DefaultFieldMetadata[i].Locale == locale {
					return &v.DefaultFieldMetadata[i]
				}
			}
			return nil
		}
		update := func(input map[string]any) {
			t.Helper()
			s.Must(editor, `mutation($id: ID!, $in: UpdateAssetInput!) { updateAsset(id: $id, input: $in) { id } }`,
				map[string]any{"id": id, "in": input}, nil)
		}

		v := read()
		if !slices.Equal(locales(v), []string{"en", "it"}) {
			t.Fatalf("locales after upload: %v, want [en it]", locales(v))
		}
		if deref(v.En) != "Alpha" || deref(v.It) != "Alfa" || deref(v.De) != "Alpha" || deref(v.TitleDe) != "Title en" {
			t.Errorf("alt en %q it %q de %q, title de %q", deref(v.En), deref(v.It), deref(v.De), deref(v.TitleDe))
		}
		if it := of(v, "it"); it.Title != nil || it.FocalPoint != nil || len(it.CustomData) != 0 {
			t.Errorf("Italian has values it was not given: %+v", it)
		}

		// A new locale appears once it has a value; omitted fields of other locales stay.
		update(map[string]any{"defaultFieldMetadata": []map[string]any{{"locale": "de", "title": "Titel", "customData": map[string]any{"k": "v"}}}})
		v = read()
		if !slices.Equal(locales(v), []string{"de", "en", "it"}) {
			t.Fatalf("locales after setting German: %v", locales(v))
		}
		if de := of(v, "de"); deref(de.Title) != "Titel" || de.Alt != nil || de.CustomData["k"] != "v" {
			t.Errorf("German: %+v", de)
		}
		if deref(v.TitleDe) != "Titel" || deref(v.De) != "Alpha" || deref(v.It) != "Alfa" {
			t.Errorf("after setting German: title de %q, alt de %q, alt it %q", deref(v.TitleDe), deref(v.De), deref(v.It))
		}

		// null clears a value; a locale left without any value disappears; the fallback takes over.
		update(map[string]any{"defaultFieldMetadata": []map[string]any{{"locale": "it", "alt": nil}}})
		v = read()
		if !slices.Equal(locales(v), []string{"de", "en"}) {
			t.Errorf("locales after clearing Italian: %v, want [de en]", locales(v))
		}
		if deref(v.It) != "Alpha" {
			t.Errorf("Italian alt after clearing: %q, want the English fallback", deref(v.It))
		}
		update(map[string]any{"defaultFieldMetadata": []map[string]any{{"locale": "en", "title": nil}}})
		v = read()
		if en := of(v, "en"); en == nil || en.Title != nil || deref(en.Alt) != "Alpha" {
			t.Errorf("English after clearing its title: %+v", en)
		}
		if v.TitleDe == nil || *v.TitleDe != "Titel" {
			t.Errorf("German title changed: %v", v.TitleDe)
		}

		// The top-level focal point is the default locale's; null clears it.
		update(map[string]any{"focalPoint": map[string]any{"x": 0.5, "y": 0.25}})
		v = read()
		if en := of(v, "en"); en == nil || en.FocalPoint == nil || en.FocalPoint.X != 0.5 || en.FocalPoint.Y != 0.25 || deref(en.Alt) != "Alpha" {
			t.Errorf("English after setting the focal point: %+v", en)
		}
		update(map[string]any{"focalPoint": nil})
		if en := of(read(), "en"); en == nil || en.FocalPoint != nil {
			t.Errorf("English after clearing the focal point: %+v", en)
		}

		update(map[string]any{"defaultFieldMetadata": []map[string]any{
			{"locale": "de", "title": nil, "customData": nil},
			{"locale": "en", "alt": ""},
		}})
		v = read()
		if len(v.DefaultFieldMetadata) != 0 {
			t.Errorf("metadata after clearing everything: %+v", v.DefaultFieldMetadata)
		}
		if v.En != nil || v.De != nil || v.It != nil {
			t.Errorf("alt after clearing everything: en %v de %v it %v", v.En, v.De, v.It)
		}
		if n := s.Rows("asset_metadata"); n != 0 {
			t.Errorf("%d metadata rows left", n)
		}
		wantCode(t, "unknown locale", s.Query(editor, `mutation($id: ID!) { updateAsset(id: $id, input: { defaultFieldMetadata: [{ locale: "fr", alt: "x" }] }) { id } }`,
			map[string]any{"id": id}), "VALIDATION_FAILED", "defaultFieldMetadata[0].locale")
	})
}

func TestNodeAndSettings(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		editor := s.Token("EDITOR")
		asset := s.MustUpload(editor, map[string]any{"tags": []string{"node-tag"}}, apptest.Fixture(t, "alpha.png"))[0]
		var col struct{ CreateCollection idOnly }
		s.Must(editor, `mutation { createCollection(input: { name: "node collection" }) { id } }`, nil, &col)
		tagID := allTags(t, s, editor)["node-tag"].ID

		var out struct {
			A, T, C          *struct{ Typename, ID, Filename, Name string }
			Missing, Garbage *idOnly
		}
		s.Must(editor, `query($a: ID!, $t: ID!, $c: ID!, $m: ID!) {
			a: node(id: $a) { typename: __typename id ... on Asset { filename } }
			t: node(id: $t) { typename: __typename id ... on Tag { name } }
			c: node(id: $c) { typename: __typename id ... on Collection { name } }
			missing: node(id: $m) { id }
			garbage: node(id: "nonsense") { id }
		}`, map[string]any{"a": asset.ID, "t": tagID, "c": col.CreateCollection.ID, "m": models.NewID("ast")}, &out)
		if out.A == nil || out.A.Typename != "Asset" || out.A.ID != asset.ID || out.A.Filename != "alpha.png" {
			t.Errorf("node(asset): %+v", out.A)
		}
		if out.T == nil || out.T.Typename != "Tag" || out.T.ID != tagID || out.T.Name != "node-tag" {
			t.Errorf("node(tag): %+v", out.T)
		}
		if out.C == nil || out.C.Typename != "Collection" || out.C.ID != col.CreateCollection.ID || out.C.Name != "node collection" {
			t.Errorf("node(collection): %+v", out.C)
		}
		if out.Missing != nil || out.Garbage != nil {
			t.Errorf("node of missing ids: %+v %+v", out.Missing, out.Garbage)
		}

		type settings struct {
			MediaSettings struct {
				Locales         []string
				DefaultLocale   string
				LocaleFallbacks []struct {
					Locale    string
					Fallbacks []string
				}
				MaxUploadBytes    int64
				MaxFilesPerUpload int
				MaxPageSize       int
			}
		}
		q := `{ mediaSettings { locales defaultLocale localeFallbacks { locale fallbacks } maxUploadBytes maxFilesPerUpload maxPageSize } }`
		for _, token := range []string{editor, s.Token("DELIVERY")} {
			var got settings
			s.Must(token, q, nil, &got)
			ms := got.MediaSettings
			if !slices.Equal(ms.Locales, []string{"en", "it", "de"}) || ms.DefaultLocale != "en" {
				t.Errorf("locales %v, default %q", ms.Locales, ms.DefaultLocale)
			}
			if len(ms.LocaleFallbacks) != 2 || ms.LocaleFallbacks[0].Locale != "it" || !slices.Equal(ms.LocaleFallbacks[0].Fallbacks, []string{"en"}) ||
				ms.LocaleFallbacks[1].Locale != "de" || !slices.Equal(ms.LocaleFallbacks[1].Fallbacks, []string{"en"}) {
				t.Errorf("fallbacks %+v, want it→en, de→en", ms.LocaleFallbacks)
			}
			if ms.MaxUploadBytes != s.App.Config.MaxUploadBytes || ms.MaxFilesPerUpload != s.App.Config.MaxFilesPerUpload || ms.MaxPageSize != 500 {
				t.Errorf("limits: %+v", ms)
			}
		}
		wantCode(t, "mediaSettings without a token", s.Query("", q, nil), "UNAUTHENTICATED", "")
	})
}

// TestDeliveryTokenSeesNoPrivateUsage: usages and entry references never reveal a PRIVATE asset to a
// DELIVERY token, not even its existence.
func TestDeliveryTokenSeesNoPrivateUsage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		editor := s.Token("EDITOR")
		delivery := s.Token("DELIVERY")
		pub := s.MustUpload(editor, map[string]any{"status": "PUBLIC", "tags": []string{"shared"}}, apptest.Fixture(t, "alpha.png"))[0].ID
		priv := s.MustUpload(editor, map[string]any{"tags": []string{"shared", "secret-tag"}}, apptest.Fixture(t, "anim.gif"))[0].ID

		// A draft (not live) entry referencing both keeps the private one PRIVATE.
		var sync struct {
			SyncEntryReferences []struct {
				ID    string
				Asset struct{ ID, Status string }
			}
		}
		s.Must(editor, `mutation($ids: [ID!]!) {
			syncEntryReferences(entry: { type: "article", id: "7", field: "gallery" }, assetIds: $ids, live: false) { id asset { id status } }
		}`, map[string]any{"ids": []string{priv, pub}}, &sync)
		usageOf := map[string]string{}
		for _, u := range sync.SyncEntryReferences {
			usageOf[u.Asset.ID] = u.ID
			if u.Asset.ID == priv && u.Asset.Status != "PRIVATE" {
				t.Errorf("a draft reference changed the status to %s", u.Asset.Status)
			}
		}
		if len(usageOf) != 2 {
			t.Fatalf("usages: %+v", sync.SyncEntryReferences)
		}

		entry := `query { entryAssets(entry: { type: "article", id: "7" }) { id } }`
		var ed, dl struct{ EntryAssets []idOnly }
		s.Must(editor, entry, nil, &ed)
		if got := ids(ed.EntryAssets); !slices.Equal(got, []string{priv, pub}) {
			t.Errorf("EDITOR entryAssets: %v, want [%s %s] in reference order", got, priv, pub)
		}
		s.Must(delivery, entry, nil, &dl)
		if got := ids(dl.EntryAssets); len(got) != 0 {
			t.Errorf("DELIVERY entryAssets of a draft entry: %v, want none", got)
		}

		usages := `query($id: ID!) { assetUsages(assetId: $id) { id entry { type id field } asset { id } } }`
		r := s.Query(delivery, usages, map[string]any{"id": priv})
		if r.Code() != "NOT_FOUND" || strings.Contains(string(r.Data), "usg_") {
			t.Errorf("DELIVERY assetUsages of a PRIVATE asset: data %s, errors %+v; want NOT_FOUND", r.Data, r.Errors)
		}
		if r := s.Query(editor, usages, map[string]any{"id": priv}); r.Code() != "" || !strings.Contains(string(r.Data), usageOf[priv]) {
			t.Errorf("EDITOR assetUsages of the PRIVATE asset: %s %+v", r.Data, r.Errors)
		}
		var pubUsages struct {
			AssetUsages []struct {
				ID    string
				Entry struct{ Type, ID, Field string }
				Asset idOnly
			}
		}
		s.Must(editor, usages, map[string]any{"id": pub}, &pubUsages)
		if u := pubUsages.AssetUsages; len(u) != 1 || u[0].ID != usageOf[pub] || u[0].Asset.ID != pub ||
			u[0].Entry != (struct{ Type, ID, Field string }{"article", "7", "gallery"}) {
			t.Errorf("EDITOR assetUsages of the PUBLIC asset: %+v", u)
		}
		s.Must(delivery, usages, map[string]any{"id": pub}, &pubUsages)
		if u := pubUsages.AssetUsages; len(u) != 0 {
			t.Errorf("DELIVERY assetUsages of the PUBLIC asset lists draft references: %+v", u)
		}

		var nodes struct {
			U, A *idOnly
			P    *struct {
				ID     string
				Usages []idOnly
			}
		}
		s.Must(delivery, `query($u: ID!, $a: ID!, $p: ID!) {
			u: node(id: $u) { id }
			a: node(id: $a) { id }
			p: asset(id: $p) { id usages { id } }
		}`, map[string]any{"u": usageOf[priv], "a": priv, "p": pub}, &nodes)
		if nodes.U != nil || nodes.A != nil {
			t.Errorf("DELIVERY reads the PRIVATE asset or its usage by node: %+v %+v", nodes.U, nodes.A)
		}
		if nodes.P == nil || len(nodes.P.Usages) != 0 {
			t.Errorf("DELIVERY usages of the PUBLIC asset: %+v, want no draft references", nodes.P)
		}

		// Tags only the PRIVATE asset carries are not listed; counts count only PUBLIC assets.
		tags := allTags(t, s, delivery)
		if _, ok := tags["secret-tag"]; ok {
			t.Errorf("DELIVERY lists a tag only a PRIVATE asset carries")
		}
		if tags["shared"].AssetCount != 1 {
			t.Errorf("DELIVERY counts %d assets tagged shared, want 1", tags["shared"].AssetCount)
		}
	})
}

func TestAPITokenAdministration(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		editor := s.Token("EDITOR")
		create := `mutation($n: String!, $r: Role!) { createApiToken(input: { name: $n, role: $r }) { secret token { id name role revokedAt } } }`

		tokensBefore := s.Rows("api_tokens")
		r := s.Query(editor, create, map[string]any{"n": "sneaky", "r": "ADMIN"})
		wantCode(t, "EDITOR creates a token", r, "FORBIDDEN", "")
		if strings.Contains(string(r.Data), "mg_") {
			t.Errorf("a refused createApiToken answered a secret: %s", r.Data)
		}
		if n := s.Rows("api_tokens"); n != tokensBefore {
			t.Errorf("a refused createApiToken wrote a token: %d rows, was %d", n, tokensBefore)
		}
		wantCode(t, "EDITOR lists tokens", s.Query(editor, `{ apiTokens { id } }`, nil), "FORBIDDEN", "")

		var created struct {
			CreateAPIToken struct {
				Secret string
				Token  struct {
					ID, Name, Role string
					RevokedAt      *time.Time
				}
			} `json:"createApiToken"`
		}
		s.Must(s.Admin, create, map[string]any{"n": "site build", "r": "DELIVERY"}, &created)
		secret, tok := created.CreateAPIToken.Secret, created.CreateAPIToken.Token
		if !strings.HasPrefix(secret, "mg_") || !strings.HasPrefix(tok.ID, "tok_") || tok.Name != "site build" || tok.Role != "DELIVERY" || tok.RevokedAt != nil {
			t.Fatalf("createApiToken: %+v", created.CreateAPIToken)
		}
		if strings.Contains(secret, tok.ID) {
			t.Errorf("the secret contains the token id")
		}
		wantCode(t, "EDITOR revokes a token", s.Query(editor, `mutation($id: ID!) { revokeApiToken(id: $id) { id } }`,
			map[string]any{"id": tok.ID}), "FORBIDDEN", "")

		probe := `{ assets { totalCount } }`
		if r := s.Query(secret, probe, nil); r.Code() != "" || r.Status != http.StatusOK {
			t.Fatalf("the new token does not work: %d %+v", r.Status, r.Errors)
		}
		wantCode(t, "a DELIVERY token creates a token", s.Query(secret, create, map[string]any{"n": "x", "r": "ADMIN"}), "FORBIDDEN", "")

		var revoked struct {
			RevokeAPIToken struct {
				ID        string
				RevokedAt *time.Time
			} `json:"revokeApiToken"`
		}
		s.Must(s.Admin, `mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`, map[string]any{"id": tok.ID}, &revoked)
		if revoked.RevokeAPIToken.ID != tok.ID || revoked.RevokeAPIToken.RevokedAt == nil {
			t.Errorf("revokeApiToken: %+v", revoked.RevokeAPIToken)
		}
		r = s.Query(secret, probe, nil)
		wantCode(t, "a revoked token", r, "UNAUTHENTICATED", "")
		if r.Status != http.StatusUnauthorized {
			t.Errorf("a revoked token: HTTP %d, want 401", r.Status)
		}
		if len(r.Data) != 0 && string(r.Data) != "null" {
			t.Errorf("a revoked token got data: %s", r.Data)
		}

		// Revoking again keeps the first revocation; an unknown id is NOT_FOUND.
		var again struct {
			RevokeAPIToken struct{ RevokedAt *time.Time } `json:"revokeApiToken"`
		}
		s.Must(s.Admin, `mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, map[string]any{"id": tok.ID}, &again)
		if again.RevokeAPIToken.RevokedAt == nil || !again.RevokeAPIToken.RevokedAt.Equal(*revoked.RevokeAPIToken.RevokedAt) {
			t.Errorf("revoking twice: revokedAt %v, first %v", again.RevokeAPIToken.RevokedAt, revoked.RevokeAPIToken.RevokedAt)
		}
		wantCode(t, "revoke an unknown token", s.Query(s.Admin, `mutation($id: ID!) { revokeApiToken(id: $id) { id } }`,
			map[string]any{"id": models.NewID("tok")}), "NOT_FOUND", "")

		var list struct {
			APITokens []struct {
				ID, Role  string
				RevokedAt *time.Time
			} `json:"apiTokens"`
		}
		s.Must(s.Admin, `{ apiTokens { id role revokedAt } }`, nil, &list)
		found := false
		for _, at := range list.APITokens {
			if at.ID == tok.ID {
				found = true
				if at.RevokedAt == nil || at.Role != "DELIVERY" {
					t.Errorf("apiTokens lists the revoked token as %+v", at)
				}
			} else if at.RevokedAt != nil {
				t.Errorf("apiTokens: %s revoked too", at.ID)
			}
		}
		if !found || len(list.APITokens) != 3 {
			t.Errorf("apiTokens: %+v, want the admin, the editor and the revoked token", list.APITokens)
		}
		// Other tokens keep working.
		if r := s.Query(editor, probe, nil); r.Code() != "" {
			t.Errorf("the editor token after another was revoked: %+v", r.Errors)
		}
	})
}

// Collections nest at most 20 deep, and a move of a whole subtree counts the subtree's own depth.
func TestCollectionDepthLimit(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		editor := s.Token("EDITOR")
		chain := func(prefix string, n int) []string {
			var ids []string
			var parent *string
			for i := range n {
				var out struct{ CreateCollection idOnly }
				s.Must(editor, `mutation($n: String!, $p: ID) { createCollection(input: { name: $n, parentId: $p }) { id } }`,
					map[string]any{"n": fmt.Sprintf("%s%d", prefix, i), "p": parent}, &out)
				ids = append(ids, out.CreateCollection.ID)
				parent = &ids[len(ids)-1]
			}
			return ids
		}
		deep, tall := chain("deep", 15), chain("tall", 10)
		move := func(id, parent string) apptest.Response {
			return s.Query(editor, `mutation($id: ID!, $p: ID) { moveCollection(id: $id, parentId: $p) { id } }`,
				map[string]any{"id": id, "p": parent})
		}
		// Under level 15, a 10-level subtree would reach level 25.
		wantCode(t, "move a tall subtree deep", move(tall[0], deep[14]), "VALIDATION_FAILED", "parentId")
		// Its lower half (5 levels) fits exactly: 15 + 5 = 20.
		if r := move(tall[5], deep[14]); len(r.Errors) > 0 {
			t.Errorf("a move to exactly 20 levels: %+v", r.Errors)
		}
		wantCode(t, "create below level 20", s.Query(editor, `mutation($p: ID) { createCollection(input: { name: "x", parentId: $p }) { id } }`,
			map[string]any{"p": tall[9]}), "VALIDATION_FAILED", "parentId")
	})
}

// node answers null, not an error, for a token the caller's role may not read; an ADMIN gets it.
func TestNodeHidesTokensFromNonAdmins(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	var created struct {
		CreateAPIToken struct{ Token idOnly } `json:"createApiToken"`
	}
	s.Must(s.Admin, `mutation { createApiToken(input: { name: "site", role: DELIVERY }) { token { id } } }`, nil, &created)
	id := created.CreateAPIToken.Token.ID
	query := `query($id: ID!) { node(id: $id) { id } }`
	for role, token := range map[string]string{"EDITOR": s.Token("EDITOR"), "DELIVERY": s.Token("DELIVERY")} {
		var out struct{ Node *idOnly }
		s.Must(token, query, map[string]any{"id": id}, &out)
		if out.Node != nil {
			t.Errorf("%s reads token %s through node", role, id)
		}
	}
	var out struct{ Node *idOnly }
	s.Must(s.Admin, query, map[string]any{"id": id}, &out)
	if out.Node == nil || out.Node.ID != id {
		t.Errorf("ADMIN node(%s) = %+v", id, out.Node)
	}
}

// Each mutation of a request answers with what it left, not with what an earlier one loaded.
func TestMutationsInOneRequestSeeEachOther(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		editor := s.Token("EDITOR")
		id := s.MustUpload(editor, nil, apptest.Fixture(t, "alpha.png"))[0].ID
		var out struct {
			A, B []struct{ Tags []struct{ Name string } }
		}
		s.Must(editor, `mutation($id: ID!) {
			a: tagAssets(ids: [$id], tags: ["one"]) { tags { name } }
			b: tagAssets(ids: [$id], tags: ["two"]) { tags { name } }
		}`, map[string]any{"id": id}, &out)
		if len(out.B) != 1 || len(out.B[0].Tags) != 2 {
			t.Errorf("the second mutation answered %+v, want tags one and two", out.B)
		}
	})
}

// What draft entries reference is the editors' business: delivery sees only live references.
func TestDeliveryTokenSeesOnlyLiveUsages(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		editor, delivery := s.Token("EDITOR"), s.Token("DELIVERY")
		id := s.MustUpload(editor, map[string]any{"status": "PUBLIC"}, apptest.Fixture(t, "alpha.png"))[0].ID
		var synced struct{ SyncEntryReferences []idOnly }
		s.Must(editor, `mutation($ids: [ID!]!) { syncEntryReferences(entry: { type: "post", id: "draft-1" }, assetIds: $ids, live: false) { id } }`,
			map[string]any{"ids": []string{id}}, &synced)
		const q = `query($id: ID!, $u: ID!) {
			assetUsages(assetId: $id) { id }
			asset(id: $id) { inUse usages { id } }
			entryAssets(entry: { type: "post", id: "draft-1" }) { id }
			node(id: $u) { id }
		}`
		type answer struct {
			AssetUsages []idOnly
			Asset       struct {
				InUse  bool
				Usages []idOnly
			}
			EntryAssets []idOnly
			Node        *idOnly
		}
		vars := map[string]any{"id": id, "u": synced.SyncEntryReferences[0].ID}
		var seen answer
		s.Must(delivery, q, vars, &seen)
		if len(seen.AssetUsages) != 0 || seen.Asset.InUse || len(seen.Asset.Usages) != 0 || len(seen.EntryAssets) != 0 || seen.Node != nil {
			t.Errorf("DELIVERY sees a draft reference: %+v", seen)
		}
		var edited answer
		s.Must(editor, q, vars, &edited)
		if len(edited.AssetUsages) != 1 || !edited.Asset.InUse || len(edited.EntryAssets) != 1 || edited.Node == nil {
			t.Errorf("EDITOR misses the draft reference: %+v", edited)
		}
	})
}
