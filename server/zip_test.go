package server_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/storage"
)

const createZip = `mutation($in: ZipDownloadInput!) { createZipDownload(input: $in) { url expiresAt fileCount } }`

type zipDownload struct {
	URL       string
	FileCount int
}

func zipOf(t *testing.T, s *apptest.Server, token string, in map[string]any) zipDownload {
	t.Helper()
	var out struct{ CreateZipDownload zipDownload }
	s.Must(token, createZip, map[string]any{"in": in}, &out)
	return out.CreateZipDownload
}

func createCollection(t testing.TB, s *apptest.Server, token, name string, parent *string) string {
	t.Helper()
	var out struct{ CreateCollection struct{ ID string } }
	s.Must(token, `mutation($in: CreateCollectionInput!) { createCollection(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"name": name, "parentId": parent}}, &out)
	return out.CreateCollection.ID
}

// unzipped fetches a download URL with no token, as a browser would, checks the archive with Debian's
// unzip -t and returns its files with their bytes and methods.
func unzipped(t *testing.T, s *apptest.Server, u string) (map[string][]byte, map[string]uint16) {
	t.Helper()
	f := fetch(t, s, http.MethodGet, strings.TrimPrefix(u, s.URL), "", nil)
	if f.Status != http.StatusOK || f.Header.Get("Content-Type") != "application/zip" {
		t.Fatalf("GET the ZIP: HTTP %d %s %s", f.Status, f.Header.Get("Content-Type"), f.Body)
	}
	unzipTest(t, f.Body)
	zr, err := zip.NewReader(bytes.NewReader(f.Body), int64(len(f.Body)))
	if err != nil {
		t.Fatal(err)
	}
	files, methods := map[string][]byte{}, map[string]uint16{}
	for _, zf := range zr.File {
		r, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r) // checks the CRC-32 too
		if err != nil {
			t.Fatalf("%s: %v", zf.Name, err)
		}
		files[zf.Name], methods[zf.Name] = b, zf.Method
	}
	return files, methods
}

// unzipTest runs `unzip -t` on an archive.
func unzipTest(t *testing.T, archive []byte) {
	t.Helper()
	if _, err := exec.LookPath("unzip"); err != nil {
		t.Skip("unzip is not installed (apt-get install unzip)")
	}
	path := filepath.Join(t.TempDir(), "a.zip")
	if err := os.WriteFile(path, archive, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("unzip", "-t", path).CombinedOutput(); err != nil {
		t.Fatalf("unzip -t: %v\n%s", err, out)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// A ZIP of a folder and of chosen assets holds their exact bytes under the collection tree's folders,
// names made unique, images stored and documents deflated; trashed and quarantined assets are left
// out; the URL opens without a token, and not once tampered with or once its maker's token is revoked.
func TestZipDownload(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		editorSecret, editorID := tokenWithID(t, s, "EDITOR")
		shoot := createCollection(t, s, editorSecret, "Shoot", nil)
		day := createCollection(t, s, editorSecret, "Day 1", &shoot)
		inDay := map[string]any{"collectionId": day}
		upload(t, s, editorSecret, "alpha.png", inDay) // the first named alpha.png keeps the name
		other := upload(t, s, editorSecret, "focal-red-square.png", inDay)
		s.Must(editorSecret, `mutation($ids: [ID!]!) { updateAssets(ids: $ids, input: { filename: "alpha.png" }) { id } }`,
			map[string]any{"ids": []string{other}}, nil)
		upload(t, s, editorSecret, "cmyk.jpg", map[string]any{"collectionId": shoot})
		trashed := upload(t, s, editorSecret, "anim.gif", map[string]any{"collectionId": shoot})
		s.Must(editorSecret, `mutation($ids: [ID!]!) { deleteAssets(ids: $ids) }`, map[string]any{"ids": []string{trashed}}, nil)
		infected := upload(t, s, editorSecret, "photo.webp", map[string]any{"collectionId": shoot})
		err := s.App.DB.Gorm().Model(&models.AssetVersion{}).Where("asset_id = ?", infected).Update("antivirus_status", models.ScanInfected).Error
		if err != nil {
			t.Fatal(err)
		}
		pdf := upload(t, s, editorSecret, "document-3-pages.pdf", nil)

		dl := zipOf(t, s, editorSecret, map[string]any{"collectionId": shoot, "ids": []string{pdf, trashed}})
		want := map[string]string{
			"Shoot/Day 1/alpha.png": "alpha.png", "Shoot/Day 1/alpha (2).png": "focal-red-square.png",
			"Shoot/cmyk.jpg": "cmyk.jpg", "document-3-pages.pdf": "document-3-pages.pdf",
		}
		if dl.FileCount != len(want) {
			t.Fatalf("fileCount %d, want %d", dl.FileCount, len(want))
		}
		files, methods := unzipped(t, s, dl.URL)
		if got := sortedKeys(files); !slices.Equal(got, sortedKeys(want)) {
			t.Fatalf("the archive holds %q, want %q", got, sortedKeys(want))
		}
		for name, fixture := range want {
			if !bytes.Equal(files[name], fixtures.Read(t, fixture)) {
				t.Errorf("%s does not hold the bytes of %s", name, fixture)
			}
		}
		if methods["Shoot/cmyk.jpg"] != zip.Store || methods["document-3-pages.pdf"] != zip.Deflate {
			t.Errorf("methods: jpeg %d, pdf %d; want stored, deflated", methods["Shoot/cmyk.jpg"], methods["document-3-pages.pdf"])
		}

		tampered := strings.Replace(dl.URL, "/media/zip/", "/media/zip/"+"x", 1)
		wantGateError(t, "another id", fetch(t, s, http.MethodGet, strings.TrimPrefix(tampered, s.URL), "", nil), http.StatusForbidden, "FORBIDDEN")
		u, _ := url.Parse(dl.URL)
		wantGateError(t, "no signature", fetch(t, s, http.MethodGet, u.Path, "", nil), http.StatusForbidden, "FORBIDDEN")

		s.Must(s.Admin, `mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, map[string]any{"id": editorID}, nil)
		wantGateError(t, "its maker revoked", fetch(t, s, http.MethodGet, strings.TrimPrefix(dl.URL, s.URL), "", nil), http.StatusForbidden, "ASSET_ACCESS_DENIED")
	})
}

// tokenWithID creates a token of role and returns its secret and its id.
func tokenWithID(t *testing.T, s *apptest.Server, role string) (secret, id string) {
	t.Helper()
	var out struct {
		CreateAPIToken struct {
			Secret string
			Token  struct{ ID string }
		} `json:"createApiToken"`
	}
	s.Must(s.Admin, `mutation($in: CreateApiTokenInput!) { createApiToken(input: $in) { secret token { id } } }`,
		map[string]any{"in": map[string]any{"role": role, "name": "zip " + strings.ToLower(role)}}, &out)
	return out.CreateAPIToken.Secret, out.CreateAPIToken.Token.ID
}

// includeVersions puts older versions beside the current one; revoking an asset's signed URLs leaves
// it out of downloads made before.
func TestZipDownloadVersionsAndRevocation(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		editor := s.Token("EDITOR")
		id := upload(t, s, editor, "alpha.png", nil)
		replaceFile(s, editor, id, "focal-red-square.png", nil, fixtures.Read(t, "focal-red-square.png")).Decode(t, &struct{}{})
		kept := upload(t, s, editor, "cmyk.jpg", nil)

		dl := zipOf(t, s, editor, map[string]any{"ids": []string{id, kept}, "includeVersions": true})
		files, _ := unzipped(t, s, dl.URL)
		if dl.FileCount != 3 || !bytes.Equal(files["alpha.png"], fixtures.Read(t, "focal-red-square.png")) ||
			!bytes.Equal(files["alpha.v1.png"], fixtures.Read(t, "alpha.png")) {
			t.Fatalf("fileCount %d, files %q: want alpha.png (version 2), alpha.v1.png (version 1), cmyk.jpg", dl.FileCount, sortedKeys(files))
		}

		s.Must(editor, `mutation($ids: [ID!]!) { revokeSignedUrls(assetIds: $ids) { id } }`, map[string]any{"ids": []string{id}}, nil)
		if files, _ := unzipped(t, s, dl.URL); !slices.Equal(sortedKeys(files), []string{"cmyk.jpg"}) {
			t.Fatalf("after revokeSignedUrls the archive holds %q, want only cmyk.jpg", sortedKeys(files))
		}
	})
}

// Bad selections get coded errors with their field; a DELIVERY token may not make downloads.
func TestZipDownloadRefusals(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t), func(c *config.Config) { c.ZipMaxFiles = 2 })
	editor := s.Token("EDITOR")
	ids := []string{upload(t, s, editor, "alpha.png", nil), upload(t, s, editor, "cmyk.jpg", nil), upload(t, s, editor, "photo.webp", nil)}
	for name, c := range map[string]struct {
		token string
		in    map[string]any
		code  string
		field string
	}{
		"nothing chosen":     {editor, map[string]any{}, "VALIDATION_FAILED", "input"},
		"too many":           {editor, map[string]any{"ids": ids}, "TOO_MANY_FILES", "input.ids"},
		"too many by filter": {editor, map[string]any{"filter": map[string]any{}}, "TOO_MANY_FILES", "input"},
		"unknown id":         {editor, map[string]any{"ids": []string{ids[0], models.NewID("ast")}}, "NOT_FOUND", "input.ids[1]"},
		"unknown collection": {editor, map[string]any{"collectionId": models.NewID("col")}, "NOT_FOUND", "input.collectionId"},
		"delivery token":     {s.Token("DELIVERY"), map[string]any{"ids": ids[:1]}, "FORBIDDEN", "Mutation.createZipDownload"},
	} {
		res := s.Query(c.token, createZip, map[string]any{"in": c.in})
		field := ""
		if len(res.Errors) > 0 {
			field, _ = res.Errors[0].Extensions["field"].(string)
		}
		if res.Code() != c.code || field != c.field {
			t.Errorf("%s: %s (field %q), want %s (field %q): %+v", name, res.Code(), field, c.code, c.field, res.Errors)
		}
	}
}

// A stored file whose bytes no longer match their sha256 cuts the archive off: the client never gets
// a ZIP that unzips with the wrong bytes in it.
func TestZipDownloadDamagedBytes(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		editor := s.Token("EDITOR")
		good := upload(t, s, editor, "cmyk.jpg", nil)
		bad := upload(t, s, editor, "alpha.png", nil)
		var v models.AssetVersion
		if err := s.App.DB.Gorm().Where("asset_id = ?", bad).Take(&v).Error; err != nil {
			t.Fatal(err)
		}
		damaged := bytes.Clone(fixtures.Read(t, "alpha.png"))
		damaged[len(damaged)/2] ^= 0xff
		if _, err := s.App.Store().Put(context.Background(), v.ObjectKey, bytes.NewReader(damaged), storage.PutOptions{}); err != nil {
			t.Fatal(err)
		}
		dl := zipOf(t, s, editor, map[string]any{"ids": []string{good, bad}})
		res, err := http.Get(dl.URL)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/zip" {
			t.Fatalf("HTTP %d %s: the archive should start before the damage is found", res.StatusCode, res.Header.Get("Content-Type"))
		}
		body, err := io.ReadAll(res.Body)
		if !bytes.HasPrefix(body, []byte("PK")) {
			t.Fatalf("the stream does not start as a ZIP: %q", body[:min(len(body), 64)])
		}
		if err == nil {
			if _, zerr := zip.NewReader(bytes.NewReader(body), int64(len(body))); zerr == nil {
				t.Fatal("a damaged file gave a complete archive")
			}
		}
	})
}
