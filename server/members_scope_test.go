package server_test

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"slices"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// upload sends uploadAssets with the cookie, as the web UI does, and returns the new asset's id.
func (b *signedBrowser) upload(fixture string) string {
	b.t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	ops, _ := json.Marshal(map[string]any{"query": `mutation($files: [Upload!]!) { uploadAssets(files: $files) { id } }`,
		"variables": map[string]any{"files": []any{nil}}})
	w.WriteField("operations", string(ops))
	w.WriteField("map", `{"0":["variables.files.0"]}`)
	part, _ := w.CreateFormFile("0", fixture)
	io.Copy(part, apptest.Fixture(b.t, fixture).Content)
	w.Close()
	req, _ := http.NewRequest(http.MethodPost, b.s.URL+"/graphql", &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Origin", b.origin)
	req.Header.Set("X-Mediagraph-CSRF", "1")
	req.AddCookie(b.cookie)
	var out struct{ UploadAssets []struct{ ID string } }
	b.s.Do("", req).Decode(b.t, &out)
	return out.UploadAssets[0].ID
}

// ownRole creates a role that reads, writes and deletes only its own media.
func ownRole(t testing.TB, s *apptest.Server, name string) string {
	t.Helper()
	var out struct{ CreateRole struct{ ID string } }
	s.Must(s.Admin, `mutation($name: String!) { createRole(input: { name: $name, permissions: { readMedia: OWN, writeMedia: OWN, deleteMedia: OWN, manageTags: true } }) { id } }`,
		map[string]any{"name": name}, &out)
	return out.CreateRole.ID
}

type scopeView struct {
	Assets struct {
		TotalCount int
		Nodes      []struct{ ID string }
	}
	Tags struct {
		TotalCount int
		Nodes      []struct {
			Name       string
			AssetCount int
		}
	}
	Collection *struct{ AssetCount int }
}

func (v scopeView) ids() []string {
	var ids []string
	for _, n := range v.Assets.Nodes {
		ids = append(ids, n.ID)
	}
	slices.Sort(ids)
	return ids
}

const scopeQuery = `query($col: ID!) { assets(first: 50) { totalCount nodes { id } } tags(first: 50) { totalCount nodes { name assetCount } }
	collection(id: $col) { assetCount } }`

// TestOwnScope: a member whose role reads OWN sees exactly the assets of members of their role —
// in lists, counts, tags, collection counts, node and asset lookups and at the gate — and changes
// only those; changing the creator in bulk moves assets from one role's scope to the other's.
func TestOwnScope(t *testing.T) {
	testdb.Each(t, func(t *testing.T, url string) {
		s := apptest.Start(t, url)
		photo, video := ownRole(t, s, "Photographers"), ownRole(t, s, "Video team")
		pia, pid := signedIn(t, s, "pia@example.com", photo)
		pat, _ := signedIn(t, s, "pat@example.com", photo)
		vic, vid := signedIn(t, s, "vic@example.com", video)

		var col struct{ CreateCollection struct{ ID string } }
		s.Must(s.Admin, `mutation { createCollection(input: { name: "Shared" }) { id } }`, nil, &col)
		colID := col.CreateCollection.ID
		piaAsset, patAsset := pia.upload("alpha.png"), pat.upload("anim.gif")
		vicAsset := vic.upload("focal-red-square.png")
		adminAsset := s.MustUpload(s.Admin, nil, apptest.Fixture(t, "alpha.png"))[0].ID
		// An API token may hold a role too: what it uploads is the role's, and it reads the role's.
		var tok struct {
			CreateAPIToken struct {
				Secret string
				Token  struct{ AccessRole struct{ ID string } }
			} `json:"createApiToken"`
		}
		s.Must(s.Admin, `mutation($r: ID!) { createApiToken(input: { name: "photo script", role: EDITOR, roleId: $r }) { secret token { accessRole { id } } } }`,
			map[string]any{"r": photo}, &tok)
		if tok.CreateAPIToken.Token.AccessRole.ID != photo {
			t.Errorf("token's role %+v, want %s", tok.CreateAPIToken.Token.AccessRole, photo)
		}
		script := tok.CreateAPIToken.Secret
		scriptAsset := s.MustUpload(script, nil, apptest.Fixture(t, "focal-red-square.png"))[0].ID
		s.Must(s.Admin, `mutation($ids: [ID!]!, $col: ID!) { tagAssets(ids: $ids, tags: ["shared"]) { id } moveAssets(ids: $ids, collectionId: $col) { id } }`,
			map[string]any{"ids": []string{piaAsset, patAsset, vicAsset, adminAsset, scriptAsset}, "col": colID}, nil)
		s.Must(s.Admin, `mutation($ids: [ID!]!) { tagAssets(ids: $ids, tags: ["video-only"]) { id } }`, map[string]any{"ids": []string{vicAsset}}, nil)

		var created struct {
			Asset struct{ CreatedBy struct{ ID, Name string } }
		}
		s.Must(s.Admin, `query($id: ID!) { asset(id: $id) { createdBy { id name } } }`, map[string]any{"id": piaAsset}, &created)
		if created.Asset.CreatedBy.ID != pid {
			t.Errorf("createdBy of pia's upload: %+v, want %s", created.Asset.CreatedBy, pid)
		}

		check := func(who string, b *signedBrowser, want []string) {
			t.Helper()
			var v scopeView
			b.gql(scopeQuery, map[string]any{"col": colID}).Decode(t, &v)
			slices.Sort(want)
			if got := v.ids(); !slices.Equal(got, want) || v.Assets.TotalCount != len(want) {
				t.Errorf("%s sees %v (count %d), want %v", who, got, v.Assets.TotalCount, want)
			}
			if v.Collection == nil || v.Collection.AssetCount != len(want) {
				t.Errorf("%s: collection %+v, want %d assets", who, v.Collection, len(want))
			}
			for _, tag := range v.Tags.Nodes {
				if tag.Name == "video-only" && who != "vic" {
					t.Errorf("%s sees the tag of vic's asset alone", who)
				}
				if tag.Name == "shared" && tag.AssetCount != len(want) {
					t.Errorf("%s: tag shared counts %d, want %d", who, tag.AssetCount, len(want))
				}
			}
		}
		check("pia", pia, []string{piaAsset, patAsset, scriptAsset})
		check("vic", vic, []string{vicAsset})
		var scripted struct{ Assets struct{ TotalCount int } }
		s.Must(script, `{ assets { totalCount } }`, nil, &scripted)
		if scripted.Assets.TotalCount != 3 {
			t.Errorf("the role's token sees %d assets, want the role's 3", scripted.Assets.TotalCount)
		}

		// Lookups of others' assets find nothing; the gate refuses their PRIVATE bytes.
		var look struct {
			Asset *struct{ ID string }
			Node  *struct{ ID string }
		}
		pia.gql(`query($id: ID!) { asset(id: $id) { id } node(id: $id) { id } }`, map[string]any{"id": vicAsset}).Decode(t, &look)
		if look.Asset != nil || look.Node != nil {
			t.Errorf("pia looks up vic's asset: %+v", look)
		}
		if st := pia.get("/media/asset/" + vicAsset); st != http.StatusForbidden {
			t.Errorf("pia at the gate of vic's PRIVATE asset: %d, want 403", st)
		}
		if st := pia.get("/media/asset/" + patAsset); st != http.StatusOK {
			t.Errorf("pia at the gate of pat's asset: %d, want 200", st)
		}
		if r := pia.gql(`mutation($id: ID!) { updateAsset(id: $id, input: { author: "Pia" }) { id } }`, map[string]any{"id": vicAsset}); r.Code() != "FORBIDDEN" {
			t.Errorf("pia changes vic's asset: %s %+v, want FORBIDDEN", r.Data, r.Errors)
		}
		if r := pia.gql(`mutation($id: ID!) { updateAsset(id: $id, input: { author: "Pia" }) { id } }`, map[string]any{"id": patAsset}); len(r.Errors) > 0 {
			t.Errorf("pia changes pat's asset: %+v", r.Errors)
		}
		if r := pia.gql(`mutation($ids: [ID!]!, $to: ID!) { updateAssets(ids: $ids, input: { creatorId: $to }) { id } }`,
			map[string]any{"ids": []string{patAsset}, "to": pid}); r.Code() != "FORBIDDEN" {
			t.Errorf("a member changes the creator: %+v, want FORBIDDEN", r.Errors)
		}

		// The creator changes in bulk: pat's asset and the admin's go to vic, in one call.
		s.Must(s.Admin, `mutation($ids: [ID!]!, $to: ID!) { updateAssets(ids: $ids, input: { creatorId: $to }) { id createdBy { id } } }`,
			map[string]any{"ids": []string{patAsset, adminAsset}, "to": vid}, nil)
		check("pia", pia, []string{piaAsset, scriptAsset})
		check("vic", vic, []string{vicAsset, patAsset, adminAsset})
		if st := vic.get("/media/asset/" + patAsset); st != http.StatusOK {
			t.Errorf("vic at the gate of the asset now theirs: %d, want 200", st)
		}
		if r := s.Query(s.Admin, `mutation($ids: [ID!]!) { updateAssets(ids: $ids, input: { creatorId: "mem_01hzzzzzzzzzzzzzzzzzzzzzzz" }) { id } }`,
			map[string]any{"ids": []string{piaAsset}}); r.Code() != "VALIDATION_FAILED" {
			t.Errorf("creator that does not exist: %+v", r.Errors)
		}
	})
}
