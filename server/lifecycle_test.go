package server_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/internal/testclamd"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/storage"
)

const versionsQuery = `query($id: ID!) { asset(id: $id) { version sha256 versions {
  number size mimeType width height sha256 createdAt createdBy { id } url transformUrl(params: { w: 16 }) antivirus { status } } } }`

type listedVersion struct {
	Number           int
	Size             int64
	MimeType, SHA256 string
	Width, Height    *int
	CreatedAt        time.Time
	CreatedBy        *struct{ ID string }
	URL              string
	TransformURL     *string
	Antivirus        struct{ Status string }
}

type versionedAsset struct {
	Version  int
	SHA256   string
	Versions []listedVersion
}

func assetVersions(t *testing.T, s *apptest.Server, token, id string) versionedAsset {
	t.Helper()
	var out struct{ Asset versionedAsset }
	s.Must(token, versionsQuery, map[string]any{"id": id}, &out)
	return out.Asset
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// gotSHA256 fetches an absolute URL of the server and returns the SHA-256 of its body.
func gotSHA256(t *testing.T, s *apptest.Server, url, token string) string {
	t.Helper()
	f := fetch(t, s, http.MethodGet, strings.TrimPrefix(url, s.URL), token, nil)
	if f.Status != http.StatusOK {
		t.Fatalf("GET %s: HTTP %d %s", url, f.Status, f.Body)
	}
	return sha256Hex(f.Body)
}

const (
	restoreVersion = `mutation($id: ID!, $v: Int!) { restoreAssetVersion(id: $id, version: $v) { version sha256 filename } }`
	deleteVersion  = `mutation($id: ID!, $v: Int!) { deleteAssetVersion(id: $id, version: $v) { version } }`
)

// restoreAssetVersion brings back version 1's exact bytes as version 3, in an object of its own, and
// the gate serves them at the asset's URL and at the version's; the current version is neither
// restored again nor deleted; a deleted earlier version's object is gone from the store.
func TestRestoreAndDeleteAssetVersion(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		editor := s.Token("EDITOR")
		png := fixtures.Read(t, "alpha.png")
		id := upload(t, s, editor, "alpha.png", map[string]any{"status": "PUBLIC"})
		var replaced replacedAsset
		replaceFile(s, editor, id, "cmyk.jpg", nil, fixtures.Read(t, "cmyk.jpg")).Decode(t, &replaced)
		if replaced.ReplaceAsset.Version != 2 {
			t.Fatalf("replaced to version %d, want 2", replaced.ReplaceAsset.Version)
		}

		var out struct {
			RestoreAssetVersion struct {
				Version          int
				SHA256, Filename string
			}
		}
		s.Must(editor, restoreVersion, map[string]any{"id": id, "v": 1}, &out)
		if r := out.RestoreAssetVersion; r.Version != 3 || r.SHA256 != sha256Hex(png) || r.Filename != "alpha.png" {
			t.Fatalf("restored: %+v, want version 3 with the PNG's SHA-256 %s as alpha.png", r, sha256Hex(png))
		}
		a := assetVersions(t, s, editor, id)
		if len(a.Versions) != 3 {
			t.Fatalf("versions: %+v", a.Versions)
		}
		v1, v3 := a.Versions[0], a.Versions[2]
		if v3.Number != 3 || v3.SHA256 != v1.SHA256 || v3.Size != v1.Size || v3.MimeType != "image/png" ||
			v3.Width == nil || v1.Width == nil || *v3.Width != *v1.Width || v3.CreatedBy == nil {
			t.Errorf("version 3 %+v, version 1 %+v", v3, v1)
		}
		unchanged(t, s, "restoring the current version", func() {
			wantCode(t, "restoring the current version", s.Query(editor, restoreVersion, map[string]any{"id": id, "v": 3}), "VALIDATION_FAILED", "version")
		})
		wantCode(t, "restoring a version that never was", s.Query(editor, restoreVersion, map[string]any{"id": id, "v": 9}), "NOT_FOUND", "version")
		unchanged(t, s, "deleting the current version", func() {
			wantCode(t, "deleting the current version", s.Query(editor, deleteVersion, map[string]any{"id": id, "v": 3}), "VALIDATION_FAILED", "version")
		})
		delivery := s.Token("DELIVERY")
		r := s.Query(delivery, `query($id: ID!) { asset(id: $id) { id versions { url } } }`, map[string]any{"id": id})
		if r.Code() != "FORBIDDEN" || !strings.Contains(string(r.Data), `"versions":null`) {
			t.Errorf("a DELIVERY token reading versions: data %s, errors %+v; want null and FORBIDDEN", r.Data, r.Errors)
		}
		wantCode(t, "a DELIVERY token restoring", s.Query(delivery, restoreVersion, map[string]any{"id": id, "v": 1}), "FORBIDDEN", "")

		for name, url := range map[string]string{"the gate": s.URL + "/media/asset/" + id, "version 3's url": v3.URL, "version 1's url": v1.URL} {
			if got := gotSHA256(t, s, url, ""); got != sha256Hex(png) {
				t.Errorf("%s serves SHA-256 %s, want version 1's %s", name, got, sha256Hex(png))
			}
		}
		if got := gotSHA256(t, s, a.Versions[1].URL, ""); got != a.Versions[1].SHA256 {
			t.Errorf("version 2's url serves SHA-256 %s, want %s", got, a.Versions[1].SHA256)
		}
		if v3.TransformURL == nil || !strings.Contains(*v3.TransformURL, "/media/v/"+id+"/3/") {
			t.Fatalf("version 3's transformUrl: %v", v3.TransformURL)
		}
		if img, _ := decoded(t, s, strings.TrimPrefix(*v3.TransformURL, s.URL), nil); img.Bounds().Dx() != 16 {
			t.Errorf("version 3 at w=16: %v", img.Bounds())
		}
		k1, k3 := versionKey(t, s, id, 1), versionKey(t, s, id, 3)
		if k1 == k3 {
			t.Errorf("version 3 shares version 1's object %s", k1)
		}

		k2 := versionKey(t, s, id, 2)
		s.Must(editor, deleteVersion, map[string]any{"id": id, "v": 2}, nil)
		if _, err := s.App.Store().Head(t.Context(), k2); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("deleted version 2's object %s: Head says %v, want not found", k2, err)
		}
		for _, k := range []string{k1, k3} {
			if _, err := s.App.Store().Head(t.Context(), k); err != nil {
				t.Errorf("object %s of a kept version: %v", k, err)
			}
		}
		a = assetVersions(t, s, editor, id)
		if len(a.Versions) != 2 || a.Versions[0].Number != 1 || a.Versions[1].Number != 3 || a.Version != 3 {
			t.Errorf("after deleting version 2: version %d, versions %+v", a.Version, a.Versions)
		}
		if f := fetch(t, s, http.MethodGet, "/media/v/"+id+"/2/alpha.jpg", editor, nil); f.Status != http.StatusNotFound {
			t.Errorf("deleted version 2 at the gate: HTTP %d", f.Status)
		}
		if got := gotSHA256(t, s, s.URL+"/media/asset/"+id, ""); got != sha256Hex(png) {
			t.Errorf("after deleting version 2 the gate serves %s", got)
		}
	})
}

// wantGone checks that nothing of the asset of id is left: no object of the store names it, no row
// points to it, and an asset.purged event says so.
func wantGone(t *testing.T, s *apptest.Server, id string) {
	t.Helper()
	for _, k := range storedKeys(t, s) {
		if strings.Contains(k, id) {
			t.Errorf("purged asset %s: object %s is left", id, k)
		}
	}
	for _, table := range []string{"assets", "asset_versions", "derivatives", "asset_metadata", "usages"} {
		col := "asset_id"
		if table == "assets" {
			col = "id"
		}
		var n int64
		if err := s.App.DB.Gorm().Table(table).Where(col+" = ?", id).Count(&n).Error; err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("purged asset %s: %d rows left in %s", id, n, table)
		}
	}
	var events []models.Event
	if err := s.App.DB.Gorm().Where("kind = ?", models.EventAssetPurged).Find(&events).Error; err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(events, func(e models.Event) bool { return slices.Contains(e.AssetIDs, id) }) {
		t.Errorf("purged asset %s: no asset.purged event names it", id)
	}
}

// With the retention shortened, the periodic purge removes a trashed asset for good — every version's
// object, its stored transforms, its rows — and leaves the live one alone.
func TestTrashRetentionPurges(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t, func(c *config.Config) {
			c.TrashRetention = time.Millisecond
			c.UploadSweepInterval = 200 * time.Millisecond
		})
		editor := s.Token("EDITOR")
		trashed := upload(t, s, editor, "alpha.png", map[string]any{"status": "PUBLIC"})
		replaceFile(s, editor, trashed, "cmyk.jpg", nil, fixtures.Read(t, "cmyk.jpg")).Decode(t, &replacedAsset{})
		kept := upload(t, s, editor, "focal-red-square.png", map[string]any{"status": "PUBLIC"})
		for _, id := range []string{trashed, kept} {
			if f := fetch(t, s, http.MethodGet, transformURL(t, s, editor, id, map[string]any{"w": 20}), "", nil); f.Status != http.StatusOK {
				t.Fatalf("transform of %s: HTTP %d", id, f.Status)
			}
		}
		if n := len(storedTransforms(t, s, trashed)); n == 0 {
			t.Fatalf("no stored transform of %s to purge", trashed)
		}
		s.Must(editor, `mutation($ids: [ID!]!) { deleteAssets(ids: $ids) }`, map[string]any{"ids": []string{trashed}}, nil)

		// The rows go first and the objects right after their commit: wait for both.
		left := func() bool {
			return s.Rows("assets") != 1 || slices.ContainsFunc(storedKeys(t, s), func(k string) bool { return strings.Contains(k, trashed) })
		}
		for deadline := time.Now().Add(30 * time.Second); left(); time.Sleep(50 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("the trashed asset was not purged: %d assets, objects %v", s.Rows("assets"), storedKeys(t, s))
			}
		}
		wantGone(t, s, trashed)
		if n := s.Rows("asset_versions"); n != 1 {
			t.Errorf("%d versions left, want the kept asset's 1", n)
		}
		for _, k := range storedKeys(t, s) {
			if !strings.Contains(k, kept) {
				t.Errorf("object %s left, which is not the kept asset's", k)
			}
		}
		if f := fetch(t, s, http.MethodGet, "/media/asset/"+kept, "", nil); f.Status != http.StatusOK {
			t.Errorf("the kept asset: HTTP %d", f.Status)
		}
	})
}

// deleteAllAssets trashes every asset but the one a live entry uses, counting it; a draft's reference
// keeps nothing. emptyTrash then purges what it trashed. Both are ADMIN's, and a wrong confirmation
// changes nothing.
func TestDeleteAllAssetsAndEmptyTrash(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		editor := s.Token("EDITOR")
		used := upload(t, s, editor, "alpha.png", nil)
		drafted := upload(t, s, editor, "focal-red-square.png", nil)
		plain := upload(t, s, editor, "cmyk.jpg", nil)
		sync := `mutation($ids: [ID!]!, $live: Boolean!) { syncEntryReferences(entry: { type: "post", id: "1" }, assetIds: $ids, live: $live) { id } }`
		s.Must(editor, sync, map[string]any{"ids": []string{used}, "live": true}, nil)
		s.Must(editor, strings.Replace(sync, `id: "1"`, `id: "2"`, 1), map[string]any{"ids": []string{drafted}, "live": false}, nil)

		deleteAll := `mutation($c: String!) { deleteAllAssets(confirm: $c) { trashed skippedInUse } }`
		unchanged(t, s, "a wrong confirmation", func() {
			wantCode(t, "a wrong confirmation", s.Query(s.Admin, deleteAll, map[string]any{"c": "delete all"}), "VALIDATION_FAILED", "confirm")
			wantCode(t, "an EDITOR deleting all", s.Query(editor, deleteAll, map[string]any{"c": "DELETE ALL"}), "FORBIDDEN", "")
			wantCode(t, "an EDITOR emptying the trash", s.Query(editor, `mutation { emptyTrash }`, nil), "FORBIDDEN", "")
		})
		var out struct {
			DeleteAllAssets struct{ Trashed, SkippedInUse int }
		}
		s.Must(s.Admin, deleteAll, map[string]any{"c": "DELETE ALL"}, &out)
		if r := out.DeleteAllAssets; r.Trashed != 2 || r.SkippedInUse != 1 {
			t.Errorf("deleteAllAssets: %+v, want 2 trashed and 1 skipped", r)
		}
		var list struct {
			Assets struct{ Nodes []struct{ ID string } }
		}
		s.Must(editor, `{ assets { nodes { id } } }`, nil, &list)
		if n := list.Assets.Nodes; len(n) != 1 || n[0].ID != used {
			t.Errorf("assets left out of the trash: %+v, want only %s", n, used)
		}

		var emptied struct{ EmptyTrash int }
		s.Must(s.Admin, `mutation { emptyTrash }`, nil, &emptied)
		if emptied.EmptyTrash != 2 {
			t.Errorf("emptyTrash purged %d, want 2", emptied.EmptyTrash)
		}
		wantGone(t, s, drafted)
		wantGone(t, s, plain)
		if n := s.Rows("assets"); n != 1 {
			t.Errorf("%d assets left, want the used one", n)
		}
		s.Must(s.Admin, `mutation { emptyTrash }`, nil, &emptied)
		if emptied.EmptyTrash != 0 {
			t.Errorf("emptying an empty trash purged %d", emptied.EmptyTrash)
		}
	})
}

// A restored version is scanned as a replacement is (its scan job comes from the asset.replaced
// event), a quarantined version cannot be restored, and deleting one removes its quarantined bytes.
func TestRestoreIsScannedAndRefusesQuarantined(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		d := testclamd.Start(t, testclamd.Options{StreamMaxLength: "100K"})
		s := start(t, clamdConfig(d.TCP))
		editor := s.Token("EDITOR")
		jpeg := fixtures.Read(t, "rotated-orientation-6.jpg")
		id := upload(t, s, editor, "rotated-orientation-6.jpg", map[string]any{"status": "PUBLIC"})
		if a := waitScan(t, s, editor, id, scanned); a.Antivirus.Status != "CLEAN" {
			t.Fatalf("version 1: %+v", a.Antivirus)
		}
		replaceFile(s, editor, id, "tainted.jpg", nil, append(bytes.Clone(jpeg), testclamd.EICAR(t)...)).Decode(t, &replacedAsset{})
		if a := waitScan(t, s, editor, id, scanned); a.Antivirus.Status != "INFECTED" {
			t.Fatalf("version 2: %+v", a.Antivirus)
		}
		quarantined := models.QuarantineKey(versionKey(t, s, id, 2))
		replaceFile(s, editor, id, "clean.jpg", nil, jpeg).Decode(t, &replacedAsset{})
		waitScan(t, s, editor, id, scanned)

		unchanged(t, s, "restoring a quarantined version", func() {
			wantCode(t, "restoring a quarantined version", s.Query(editor, restoreVersion, map[string]any{"id": id, "v": 2}), "ASSET_QUARANTINED", "")
		})
		s.Must(editor, restoreVersion, map[string]any{"id": id, "v": 1}, nil)
		a := waitScan(t, s, editor, id, scanned)
		if a.Version != 4 || a.Antivirus.Status != "CLEAN" {
			t.Errorf("restored version 1 as version %d, scanned %+v; want version 4, CLEAN", a.Version, a.Antivirus)
		}

		// The verdict commits before the bytes move: wait for them in quarantine.
		for deadline := time.Now().Add(time.Minute); ; time.Sleep(20 * time.Millisecond) {
			if _, err := s.App.Store().Head(t.Context(), quarantined); err == nil {
				break
			} else if time.Now().After(deadline) {
				t.Fatalf("version 2 not in quarantine at %s: %v", quarantined, err)
			}
		}
		s.Must(editor, deleteVersion, map[string]any{"id": id, "v": 2}, nil)
		if _, err := s.App.Store().Head(t.Context(), quarantined); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("deleted quarantined version 2: %s says %v, want not found", quarantined, err)
		}
	})
}

// A version of another kind is not restored over an asset a live entry uses, as replaceAsset refuses
// such bytes; a PRIVATE asset's version opens anonymously only by its signed url.
func TestRestoreKeepsTheKindAndSignsPrivateVersions(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		editor := s.Token("EDITOR")
		id := upload(t, s, editor, "alpha.png", nil)
		replaceFile(s, editor, id, "clip.mp4", nil, fixtures.Read(t, "clip.mp4")).Decode(t, &replacedAsset{})
		s.Must(editor, `mutation($ids: [ID!]!) { syncEntryReferences(entry: { type: "post", id: "1" }, assetIds: $ids, live: true) { id } }`,
			map[string]any{"ids": []string{id}}, nil)
		unchanged(t, s, "an image restored over a video in use", func() {
			wantCode(t, "an image restored over a video in use", s.Query(editor, restoreVersion, map[string]any{"id": id, "v": 1}), "ASSET_IN_USE", "version")
		})

		private := upload(t, s, editor, "focal-red-square.png", nil)
		var out struct {
			Asset struct {
				Status   string
				Versions []struct{ URL, Signed string }
			}
		}
		s.Must(editor, `query($id: ID!) { asset(id: $id) { status versions { url signed: url(signed: true, expiresIn: 60) } } }`,
			map[string]any{"id": private}, &out)
		if out.Asset.Status != "PRIVATE" || len(out.Asset.Versions) != 1 {
			t.Fatalf("asset %+v", out.Asset)
		}
		v := out.Asset.Versions[0]
		if status, _ := gateGet(t, v.URL, ""); status != http.StatusForbidden {
			t.Errorf("a PRIVATE asset's version url, anonymously: HTTP %d, want 403", status)
		}
		if got := gotSHA256(t, s, v.Signed, ""); got != sha256Hex(fixtures.Read(t, "focal-red-square.png")) {
			t.Errorf("a PRIVATE asset's signed version url serves %s", got)
		}
	})
}
