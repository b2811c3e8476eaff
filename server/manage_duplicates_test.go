package server_test

import (
	"bytes"
	"context"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/netip"
	"path/filepath"
	"slices"
	"testing"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/storage"
	"github.com/mediagraph/mediagraph/storage/disk"
	"github.com/mediagraph/mediagraph/storage/s3"
)

// storedKeys lists every object of the server's store — the disk or the bucket — and every pending
// multipart upload of a bucket, to measure that a request stored nothing.
func storedKeys(t *testing.T, s *apptest.Server) []string {
	t.Helper()
	ctx := context.Background()
	cfg := s.App.Config
	var store storage.Store
	var err error
	if cfg.S3.Bucket == "" {
		store, err = disk.New(filepath.Join(cfg.DataDir, "blobs"), cfg.PublicURL, nil)
	} else {
		store, err = s3.New(ctx, s3.Config{Bucket: cfg.S3.Bucket, Region: cfg.S3.Region, Endpoint: cfg.S3.Endpoint, ForcePathStyle: cfg.S3.ForcePathStyle, TempDir: t.TempDir()})
	}
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for after := ""; ; {
		page, next, err := store.List(ctx, "", after, 1000)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range page {
			keys = append(keys, o.Key)
		}
		if after = next; next == "" {
			break
		}
	}
	uploads, _, err := store.ListMultipart(ctx, "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range uploads {
		keys = append(keys, "multipart:"+u.Key)
	}
	slices.Sort(keys)
	return keys
}

func sameKeys(t *testing.T, what string, before, after []string) {
	t.Helper()
	if !slices.Equal(before, after) {
		t.Errorf("%s wrote to the store: %d objects before, %d after: %v", what, len(before), len(after), after)
	}
}

// A duplicate is caught before its bytes travel: createUploads with a known checksum and
// skipIfExists completes at once with the existing asset and nothing to send, and uploadAssets and
// createAssetFromUrl keep no second copy. Input metadata applies only to new assets; a trashed
// asset does not count as a duplicate.
func TestDuplicatesBeforeBytesTravel(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		files := policyFiles(t)
		remote := servedFiles(t, files)
		s := start(t, func(c *config.Config) { c.FetchAllow = []netip.Prefix{netip.MustParsePrefix("127.0.0.3/32")} })
		editor := s.Token("EDITOR")
		png := fixtures.Read(t, "alpha.png")
		shaSum, md5Sum := sha256.Sum256(png), md5.Sum(png)
		first := s.MustUpload(editor, map[string]any{"tags": []string{"first"}}, apptest.File{Name: "alpha.png", Content: bytes.NewReader(png)})[0]
		keys := storedKeys(t, s)

		// createUploads: by sha256 and by md5 alone.
		for what, sum := range map[string]map[string]any{
			"sha256": {"sha256": hex.EncodeToString(shaSum[:])},
			"md5":    {"md5": hex.EncodeToString(md5Sum[:])},
		} {
			in := map[string]any{"filename": "again.png", "mimeType": "image/png", "size": len(png), "skipIfExists": true, "tags": []string{"ignored"}}
			for k, v := range sum {
				in[k] = v
			}
			var out struct {
				CreateUploads []struct {
					ID, Status     string
					URL, Method    *string
					Headers, Parts []any
					Asset          *struct{ ID string }
				}
			}
			s.Must(editor, `mutation($in: [CreateUploadInput!]!) { createUploads(input: $in) { id status url method headers { name } parts { url } asset { id } } }`,
				map[string]any{"in": []any{in}}, &out)
			tk := out.CreateUploads[0]
			if tk.Status != "COMPLETED" || tk.Asset == nil || tk.Asset.ID != first.ID || tk.URL != nil || tk.Method != nil || tk.Headers != nil || tk.Parts != nil {
				t.Errorf("createUploads of known bytes by %s: %+v, want COMPLETED with asset %s and no request", what, tk, first.ID)
			}
			var done completed
			s.Must(editor, completeUploads, map[string]any{"ids": []string{tk.ID}}, &done)
			if done.CompleteUploads[0].ID != first.ID {
				t.Errorf("completing the skipped upload by %s: %+v", what, done.CompleteUploads)
			}
		}
		sameKeys(t, "createUploads of known bytes", keys, storedKeys(t, s))

		// A checksum nobody holds: a normal ticket.
		fresh := newTickets(t, s, editor, map[string]any{"filename": "new.png", "mimeType": "image/png", "size": 10, "skipIfExists": true,
			"sha256": "0000000000000000000000000000000000000000000000000000000000000000"})[0]
		if fresh.Status != "PENDING" || fresh.URL == "" {
			t.Errorf("skipIfExists with unknown bytes: %+v", fresh)
		}
		wantCode(t, "skipIfExists without a checksum", s.Query(editor, createUploads, map[string]any{"in": []any{
			map[string]any{"filename": "a.png", "mimeType": "image/png", "size": 10, "skipIfExists": true}}}), "VALIDATION_FAILED", "input[0].skipIfExists")
		wantCode(t, "a malformed md5", s.Query(editor, createUploads, map[string]any{"in": []any{
			map[string]any{"filename": "a.png", "mimeType": "image/png", "size": 10, "md5": "xyz"}}}), "VALIDATION_FAILED", "input[0].md5")

		// uploadAssets: the same bytes twice in one call and again in another, none kept.
		keys = storedKeys(t, s)
		assetsBefore := s.Rows("assets")
		var up struct {
			UploadAssets []struct {
				ID   string
				Tags []struct{ Name string }
			}
		}
		s.Multipart(editor, `mutation($f: [Upload!]!, $in: UploadAssetsInput) { uploadAssets(files: $f, input: $in) { id tags { name } } }`,
			map[string]any{"f": []any{nil, nil}, "in": map[string]any{"skipIfExists": true, "tags": []string{"ignored"}}},
			[]string{"variables.f.0", "variables.f.1"},
			apptest.File{Name: "copy1.png", Content: bytes.NewReader(png)}, apptest.File{Name: "copy2.png", Content: bytes.NewReader(png)}).Decode(t, &up)
		if len(up.UploadAssets) != 2 || up.UploadAssets[0].ID != first.ID || up.UploadAssets[1].ID != first.ID {
			t.Errorf("uploadAssets of known bytes: %+v, want %s twice", up.UploadAssets, first.ID)
		} else if tags := up.UploadAssets[0].Tags; len(tags) != 1 || tags[0].Name != "first" {
			t.Errorf("the duplicate's input was applied to the existing asset: tags %+v", tags)
		}

		// createAssetFromUrl, with its own skipIfExists.
		var fetched struct {
			CreateAssetFromURL struct{ ID string } `json:"createAssetFromUrl"`
		}
		s.Must(editor, `mutation($in: CreateAssetFromUrlInput!) { createAssetFromUrl(input: $in) { id } }`,
			map[string]any{"in": map[string]any{"url": remote + "/alpha.png", "skipIfExists": true}}, &fetched)
		if fetched.CreateAssetFromURL.ID != first.ID {
			t.Errorf("createAssetFromUrl of known bytes: %s, want %s", fetched.CreateAssetFromURL.ID, first.ID)
		}
		sameKeys(t, "uploadAssets and createAssetFromUrl of known bytes", keys, storedKeys(t, s))
		if n := s.Rows("assets"); n != assetsBefore {
			t.Errorf("duplicates made assets: %d, was %d", n, assetsBefore)
		}

		// Two new files that repeat each other in one call make one asset.
		pdf := files["pdf"].data
		s.Multipart(editor, `mutation($f: [Upload!]!, $in: UploadAssetsInput) { uploadAssets(files: $f, input: $in) { id tags { name } } }`,
			map[string]any{"f": []any{nil, nil}, "in": map[string]any{"skipIfExists": true}}, []string{"variables.f.0", "variables.f.1"},
			apptest.File{Name: "a.pdf", Content: bytes.NewReader(pdf)}, apptest.File{Name: "b.pdf", Content: bytes.NewReader(pdf)}).Decode(t, &up)
		if len(up.UploadAssets) != 2 || up.UploadAssets[0].ID != up.UploadAssets[1].ID || s.Rows("assets") != assetsBefore+1 {
			t.Errorf("one call with the same new file twice: %+v, %d assets (was %d)", up.UploadAssets, s.Rows("assets"), assetsBefore)
		}

		// Without skipIfExists a copy is a new asset, as before.
		if again := s.MustUpload(editor, nil, apptest.File{Name: "alpha.png", Content: bytes.NewReader(png)})[0]; again.ID == first.ID {
			t.Errorf("an upload without skipIfExists returned the existing asset")
		}

		// A trashed asset is no duplicate: its bytes make a new asset.
		trashed := s.MustUpload(editor, nil, apptest.File{Name: "tone.mp3", Content: bytes.NewReader(fixtures.Read(t, "tone.mp3"))})[0]
		s.Must(editor, `mutation($ids: [ID!]!) { deleteAssets(ids: $ids) }`, map[string]any{"ids": []string{trashed.ID}}, nil)
		s.Multipart(editor, `mutation($f: [Upload!]!, $in: UploadAssetsInput) { uploadAssets(files: $f, input: $in) { id tags { name } } }`,
			map[string]any{"f": []any{nil}, "in": map[string]any{"skipIfExists": true}}, []string{"variables.f.0"},
			apptest.File{Name: "tone.mp3", Content: bytes.NewReader(fixtures.Read(t, "tone.mp3"))}).Decode(t, &up)
		if len(up.UploadAssets) != 1 || up.UploadAssets[0].ID == trashed.ID {
			t.Errorf("skipIfExists returned a trashed asset: %+v", up.UploadAssets)
		}
		if f := fetch(t, s, http.MethodGet, "/media/asset/"+first.ID+"/alpha.png", editor, nil); f.Status != http.StatusOK || !bytes.Equal(f.Body, png) {
			t.Errorf("the existing asset's bytes after its duplicates were dropped: HTTP %d", f.Status)
		}
	})
}
