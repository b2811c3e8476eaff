package server_test

import (
	"bytes"
	"net/http"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/models"
)

type moderated struct {
	ID, Status, URL string
	Moderation      struct {
		Status      string
		Note        *string
		ModeratedBy *struct{ ID string }
		ModeratedAt *time.Time
	}
	Usages []struct{ ID string }
}

const moderatedQuery = `query($id: ID!) { asset(id: $id) { id status url usages { id }
	moderation { status note moderatedBy { id } moderatedAt } } }`

func moderationOf(t *testing.T, s *apptest.Server, token, id string) moderated {
	t.Helper()
	var out struct{ Asset moderated }
	s.Must(token, moderatedQuery, map[string]any{"id": id}, &out)
	return out.Asset
}

// With MEDIAGRAPH_MODERATION=manual, new bytes wait for a moderator: they may not be published, a
// moderator's decision is recorded with its event, a replacement is reviewed again, and a rejected
// asset is delivered to editors only.
func TestModeration(t *testing.T) {
	testdb.Each(t, func(t *testing.T, url string) {
		s := apptest.Start(t, url, func(c *config.Config) { c.Moderation = "manual" })
		editor := s.Token("EDITOR")
		var mod struct {
			CreateAPIToken struct {
				Secret string
				Token  struct {
					ID        string
					Moderator bool
				}
			} `json:"createApiToken"`
		}
		s.Must(s.Admin, `mutation { createApiToken(input: { name: "reviewer", role: EDITOR, moderator: true }) { secret token { id moderator } } }`, nil, &mod)
		moderator := mod.CreateAPIToken.Secret
		if !mod.CreateAPIToken.Token.Moderator {
			t.Fatalf("moderator token: %+v", mod.CreateAPIToken.Token)
		}
		wantCode(t, "a moderator ADMIN token", s.Query(s.Admin, `mutation { createApiToken(input: { name: "x", role: ADMIN, moderator: true }) { secret } }`, nil),
			"VALIDATION_FAILED", "moderator")

		id := s.MustUpload(editor, nil, apptest.Fixture(t, "rotated-orientation-6.jpg"))[0].ID
		if a := moderationOf(t, s, editor, id); a.Moderation.Status != "PENDING" || a.Moderation.ModeratedBy != nil {
			t.Fatalf("new asset: %+v", a.Moderation)
		}
		setStatus := `mutation($ids: [ID!]!) { setAssetStatus(ids: $ids, status: PUBLIC) { id status } }`
		wantCode(t, "publish a PENDING asset", s.Query(editor, setStatus, map[string]any{"ids": []string{id}}), "ASSET_NOT_APPROVED", "")
		sync := `mutation($ids: [ID!]!) { syncEntryReferences(entry: { type: "article", id: "1" }, assetIds: $ids, live: true) { id } }`
		wantCode(t, "a live entry with a PENDING asset", s.Query(editor, sync, map[string]any{"ids": []string{id}}), "ASSET_NOT_APPROVED", "")
		if a := moderationOf(t, s, editor, id); a.Status != "PRIVATE" || len(a.Usages) != 1 {
			t.Errorf("after the refused publication: status %s, %d usages (want PRIVATE, the usage recorded)", a.Status, len(a.Usages))
		}

		moderate := `mutation($ids: [ID!]!, $status: ModerationStatus!, $note: String) { moderateAssets(ids: $ids, status: $status, note: $note) { id } }`
		approve := map[string]any{"ids": []string{id}, "status": "APPROVED", "note": "fine"}
		wantCode(t, "an EDITOR without the flag moderates", s.Query(editor, moderate, approve), "FORBIDDEN", "")
		wantCode(t, "a moderator decides PENDING", s.Query(moderator, moderate, map[string]any{"ids": []string{id}, "status": "PENDING"}), "VALIDATION_FAILED", "status")
		s.Must(moderator, moderate, approve, nil)
		a := moderationOf(t, s, editor, id)
		if m := a.Moderation; m.Status != "APPROVED" || m.Note == nil || *m.Note != "fine" || m.ModeratedBy == nil ||
			m.ModeratedBy.ID != mod.CreateAPIToken.Token.ID || m.ModeratedAt == nil {
			t.Errorf("approved: %+v", m)
		}
		s.Must(editor, setStatus, map[string]any{"ids": []string{id}}, nil)
		if status, _ := gateGet(t, a.URL, ""); status != http.StatusOK {
			t.Errorf("an approved PUBLIC asset: HTTP %d", status)
		}
		delivery := s.Token("DELIVERY")
		wantCode(t, "Asset.moderation for delivery", s.Query(delivery, `{ assets { nodes { id moderation { status } } } }`, nil), "FORBIDDEN", "Asset.moderation")

		// New bytes are reviewed again: meanwhile the public gets nothing, editors see them.
		s.Multipart(editor, `mutation($id: ID!, $file: Upload!) { replaceAsset(id: $id, file: $file) { id } }`,
			map[string]any{"id": id, "file": nil}, []string{"variables.file"},
			apptest.File{Name: "new.jpg", Content: bytes.NewReader(fixtures.Read(t, "cmyk.jpg"))}).Decode(t, nil)
		if a := moderationOf(t, s, editor, id); a.Moderation.Status != "PENDING" {
			t.Errorf("replaced: %+v", a.Moderation)
		}
		if status, code := gateGet(t, a.URL, ""); status != http.StatusConflict || code != "ASSET_NOT_APPROVED" {
			t.Errorf("new bytes waiting for review, anonymous: HTTP %d %s", status, code)
		}
		if status, _ := gateGet(t, a.URL, editor); status != http.StatusOK {
			t.Errorf("new bytes waiting for review, editor: HTTP %d", status)
		}
		s.Must(s.Admin, moderate, map[string]any{"ids": []string{id}, "status": "REJECTED", "note": "not ours"}, nil)
		if status, code := gateGet(t, a.URL, ""); status != http.StatusForbidden || code != "ASSET_ACCESS_DENIED" {
			t.Errorf("rejected, anonymous: HTTP %d %s", status, code)
		}

		// The review queue is a filter, for management only.
		var list struct {
			Assets struct{ Nodes []struct{ ID string } }
		}
		filter := `query($f: AssetFilter) { assets(filter: $f) { nodes { id } } }`
		rejected := map[string]any{"moderation": map[string]any{"status": map[string]any{"eq": "REJECTED"}}}
		s.Must(editor, filter, map[string]any{"f": rejected}, &list)
		if len(list.Assets.Nodes) != 1 || list.Assets.Nodes[0].ID != id {
			t.Errorf("REJECTED filter: %+v", list.Assets.Nodes)
		}
		wantCode(t, "moderation filter for delivery", s.Query(delivery, filter, map[string]any{"f": rejected}), "FORBIDDEN", "filter.moderation.status")
		var seen struct {
			Assets struct{ Nodes []struct{ ID string } }
			Asset  *struct{ ID string }
		}
		s.Must(delivery, `query($id: ID!) { assets { nodes { id } } asset(id: $id) { id } }`, map[string]any{"id": id}, &seen)
		if len(seen.Assets.Nodes) != 0 || seen.Asset != nil {
			t.Errorf("a REJECTED PUBLIC asset, for delivery: %+v", seen)
		}

		var changes int64
		s.App.DB.Gorm().Model(&models.Event{}).Where("kind = ?", models.EventAssetModerationChanged).Count(&changes)
		if changes != 3 {
			t.Errorf("%d asset.moderation_changed events, want 3 (approved, replaced, rejected)", changes)
		}

		// Without moderation, everything is APPROVED and published as before.
		off := apptest.Start(t, testdb.SQLite(t))
		editor = off.Token("EDITOR")
		id = off.MustUpload(editor, nil, apptest.Fixture(t, "rotated-orientation-6.jpg"))[0].ID
		off.Must(editor, setStatus, map[string]any{"ids": []string{id}}, nil)
		if a := moderationOf(t, off, editor, id); a.Moderation.Status != "APPROVED" || a.Status != "PUBLIC" {
			t.Errorf("moderation off: %+v", a)
		}
	})
}
