package server_test

import (
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

type auditPage struct {
	AuditLog struct {
		Nodes []struct {
			ID, Event string
			Actor     *struct{ ID, Name string }
			AssetIds  []string
			Changes   []struct{ AssetID, Field, Before, After string }
		}
		PageInfo struct {
			HasNextPage bool
			EndCursor   *string
		}
	}
}

const auditQuery = `query($f: AuditLogFilter, $first: Int, $after: String) { auditLog(filter: $f, first: $first, after: $after) {
	nodes { id event actor { id name } assetIds changes { assetId field before after } } pageInfo { hasNextPage endCursor } } }`

// TestAuditLog answers who changed what: the actor of each change, the fields an update changed with
// their values before and after, Asset.updatedBy, filters and pages; DELIVERY tokens may not read it.
func TestAuditLog(t *testing.T) {
	testdb.Each(t, func(t *testing.T, url string) {
		s := apptest.Start(t, url)
		ann, bob := s.Token("EDITOR"), s.Token("EDITOR")
		up := s.MustUpload(ann, map[string]any{"author": "Ann"}, apptest.Fixture(t, "alpha.png"), apptest.Fixture(t, "anim.gif"))
		a1 := up[0].ID
		s.Must(bob, `mutation($ids: [ID!]!) { updateAssets(ids: $ids, input: { author: "Bob", status: PUBLIC, notes: "n" }) { id } }`,
			map[string]any{"ids": []string{a1}}, nil)

		var p auditPage
		s.Must(ann, auditQuery, map[string]any{"f": map[string]any{"assetIds": []string{a1}, "events": []string{"asset.updated"}}}, &p)
		if len(p.AuditLog.Nodes) != 1 {
			t.Fatalf("updates of %s: %+v, want the one", a1, p.AuditLog.Nodes)
		}
		e := p.AuditLog.Nodes[0]
		got := map[string][2]string{}
		for _, c := range e.Changes {
			got[c.Field] = [2]string{c.Before, c.After}
		}
		want := map[string][2]string{"author": {`"Ann"`, `"Bob"`}, "status": {`"PRIVATE"`, `"PUBLIC"`}, "notes": {`null`, `"n"`}}
		for f, w := range want {
			if got[f] != w {
				t.Errorf("change of %s: %v, want %v (all: %+v)", f, got[f], w, e.Changes)
			}
		}
		if e.Actor == nil || e.Actor.ID == "" || len(got) != 3 {
			t.Errorf("entry %+v: want bob's token and three changes", e)
		}
		bobID := e.Actor.ID

		var who struct {
			Asset struct{ UpdatedBy, CreatedBy *struct{ ID string } }
		}
		s.Must(ann, `query($id: ID!) { asset(id: $id) { updatedBy { id } createdBy { id } } }`, map[string]any{"id": a1}, &who)
		if who.Asset.UpdatedBy == nil || who.Asset.UpdatedBy.ID != bobID || who.Asset.CreatedBy.ID == bobID {
			t.Errorf("updatedBy %+v createdBy %+v, want bob then ann", who.Asset.UpdatedBy, who.Asset.CreatedBy)
		}

		s.Must(ann, auditQuery, map[string]any{"f": map[string]any{"actor": bobID}}, &p)
		for _, n := range p.AuditLog.Nodes {
			if n.Actor.ID != bobID {
				t.Errorf("actor filter let through %+v", n)
			}
		}
		// Newest first, one a page: the update (recorded after the status flip it made), the flip, the upload.
		var seen []string
		var after any
		for range 10 {
			s.Must(s.Admin, auditQuery, map[string]any{"first": 1, "after": after, "f": map[string]any{ // scans finish in the background
				"events": []string{"asset.created", "asset.updated", "asset.published"}}}, &p)
			for _, n := range p.AuditLog.Nodes {
				seen = append(seen, n.Event)
			}
			if !p.AuditLog.PageInfo.HasNextPage {
				break
			}
			after = *p.AuditLog.PageInfo.EndCursor
		}
		if want := []string{"asset.updated", "asset.published", "asset.created"}; len(seen) != 3 || seen[0] != want[0] || seen[1] != want[1] || seen[2] != want[2] {
			t.Errorf("paged audit log: %v, want %v", seen, want)
		}

		r := s.Query(s.Token("DELIVERY"), auditQuery, nil)
		wantCode(t, "a DELIVERY token reads the audit log", r, "FORBIDDEN", "")
		r = s.Query(ann, auditQuery, map[string]any{"after": "nonsense"})
		wantCode(t, "a bad cursor", r, "VALIDATION_FAILED", "after")
	})
}
