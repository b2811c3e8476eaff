package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
)

// settingsOf are the flags that point a command at the library s serves.
func settingsOf(s *apptest.Server) []string {
	c := s.App.Config
	args := []string{"--data-dir", c.DataDir, "--database-url", c.DatabaseURL, "--locales", strings.Join(c.Locales, ",")}
	if c.S3.Bucket != "" {
		args = append(args, "--s3-bucket", c.S3.Bucket, "--s3-region", c.S3.Region, "--s3-endpoint", c.S3.Endpoint, fmt.Sprintf("--s3-force-path-style=%t", c.S3.ForcePathStyle))
	}
	return args
}

// catalogue is everything the round trip must keep, as a client reads it.
const catalogueQuery = `{
  collections { id name children { id name children { id name } } }
  assets(first: 100, orderBy: FILENAME_ASC) { totalCount nodes {
    id filename status kind mimeType size sha256 width height author copyright notes availableFrom availableUntil
    tags { name } collection { id name }
    defaultFieldMetadata { locale alt title focalPoint { x y } customData }
    usages { entry { type id field locale } live }
  } }
}`

// An export imported into an empty library gives the same catalogue, ids included, and the same bytes.
func TestExportImportRoundTrip(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		a := start(t)
		seedCatalogue(t, a)
		dir := t.TempDir()
		log := slog.New(slog.NewTextHandler(&bytes.Buffer{}, nil))
		var out bytes.Buffer
		if err := export(context.Background(), append(settingsOf(a), "--versions", dir), &out, log); err != nil {
			t.Fatalf("export: %v", err)
		}
		if !strings.Contains(out.String(), "exported 4 assets in 3 collections") {
			t.Errorf("export said %q", out.String())
		}
		if _, err := os.Stat(filepath.Join(dir, "brand", "logos", "alpha.png.json")); err != nil {
			t.Errorf("no sidecar in the collection's folder: %v", err)
		}
		checkEarlierVersion(t, dir, filepath.Join(dir, "brand", "photo.jpg.json"), "photo.webp")

		b := start(t)
		for run := range 2 { // the second run finds everything there and skips it
			out.Reset()
			if err := importCmd(context.Background(), append(settingsOf(b), "--manifest", dir), &out, &bytes.Buffer{}, log); err != nil {
				t.Fatalf("import --manifest (run %d): %v\n%s", run, err, out.String())
			}
		}
		if !strings.Contains(out.String(), "imported 0, skipped 4") {
			t.Errorf("second restore: %s", out.String())
		}
		var want, got json.RawMessage
		a.Must(a.Admin, catalogueQuery, nil, &want)
		b.Must(b.Admin, catalogueQuery, nil, &got)
		if !bytes.Equal(want, got) {
			t.Errorf("the catalogues differ:\nexported %s\nimported %s", want, got)
		}
		if !strings.Contains(string(got), `"entry":{"type":"article","id":"42","field":"cover","locale":null},"live":true`) {
			t.Errorf("the usages are not there: %s", got)
		}
	})
}

// seedCatalogue fills a library with what an export must carry: nested collections, assets in them
// and at the root, tags, metadata in two locales, a focal point, custom data, credits, an availability
// window, PUBLIC and PRIVATE assets, and usages of a live and a draft entry.
func seedCatalogue(t *testing.T, s *apptest.Server) {
	t.Helper()
	editor := s.Token("EDITOR")
	var brand, logos, empty struct{ CreateCollection struct{ ID string } }
	s.Must(editor, `mutation { createCollection(input: {name: "brand"}) { id } }`, nil, &brand)
	s.Must(editor, `mutation($p: ID) { createCollection(input: {name: "logos", parentId: $p}) { id } }`, map[string]any{"p": brand.CreateCollection.ID}, &logos)
	s.Must(editor, `mutation { createCollection(input: {name: "empty"}) { id } }`, nil, &empty)
	logo := s.MustUpload(editor, map[string]any{
		"collectionId": logos.CreateCollection.ID, "tags": []string{"logo", "brand"}, "status": "PUBLIC",
		"author": "Studio", "copyright": "© 2026", "notes": "the small one",
		"defaultFieldMetadata": []map[string]any{
			{"locale": "en", "alt": "Our logo", "title": "Logo", "focalPoint": map[string]any{"x": 0.25, "y": 0.75}, "customData": map[string]any{"k": "v"}},
			{"locale": "it", "alt": "Il nostro logo"},
		},
	}, apptest.Fixture(t, "alpha.png"))[0]
	photo := s.MustUpload(editor, map[string]any{"collectionId": brand.CreateCollection.ID}, apptest.Fixture(t, "photo.webp"))[0]
	s.MustUpload(editor, map[string]any{"tags": []string{"sound"}}, apptest.Fixture(t, "tone.mp3"))
	// Another file of the same name in the same folder: the export keeps both.
	s.MustUpload(editor, map[string]any{"collectionId": logos.CreateCollection.ID}, apptest.File{Name: "alpha.png", Content: mustOpen(t, "focal-red-square.png")})
	s.Must(editor, `mutation($id: ID!) { updateAsset(id: $id, input: {availableUntil: "2031-01-01T00:00:00Z"}) { id } }`, map[string]any{"id": photo.ID}, nil)
	// The photo's first version is the WebP; its current one a JPEG (photo.jpg).
	s.Multipart(editor, `mutation($id: ID!, $f: Upload!) { replaceAsset(id: $id, file: $f) { id } }`, map[string]any{"id": photo.ID, "f": nil},
		[]string{"variables.f"}, apptest.Fixture(t, "cmyk.jpg")).Decode(t, nil)
	s.Must(editor, `mutation($ids: [ID!]!) { syncEntryReferences(entry: {type: "article", id: "42", field: "cover"}, assetIds: $ids, live: true) { id } }`,
		map[string]any{"ids": []string{logo.ID}}, nil)
	s.Must(editor, `mutation($ids: [ID!]!) { syncEntryReferences(entry: {type: "page", id: "home"}, assetIds: $ids, live: false) { id } }`,
		map[string]any{"ids": []string{logo.ID, photo.ID}}, nil)
}

func mustOpen(t *testing.T, name string) *os.File {
	t.Helper()
	return apptest.Fixture(t, name).Content.(*os.File)
}

// checkEarlierVersion checks that the sidecar lists the asset's first version, named name, and that
// its file holds that version's bytes.
func checkEarlierVersion(t *testing.T, dir, sidecarPath, name string) {
	t.Helper()
	var sc sidecar
	if err := readJSON(sidecarPath, &sc); err != nil {
		t.Fatal(err)
	}
	if len(sc.Versions) != 1 || sc.Versions[0].Number != 1 || sc.Versions[0].Filename != name {
		t.Fatalf("versions of %s: %+v", sc.ID, sc.Versions)
	}
	sum, err := fileSHA256(filepath.Join(dir, sc.Versions[0].File))
	if err != nil || sum != sc.Versions[0].SHA256 {
		t.Errorf("version 1's file: %v, sha256 %s, want %s", err, sum, sc.Versions[0].SHA256)
	}
	want, _ := fileSHA256(fixtures.Path(name))
	if sum != want {
		t.Errorf("version 1's file is not the first upload's bytes")
	}
}
