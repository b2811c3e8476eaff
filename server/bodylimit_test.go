package server_test

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// TestBodyCapFollowsTheMediaType: the JSON body cap and the upload transport read Content-Type
// alike. A type that only starts like multipart is capped; multipart in any case is an upload, for
// which the cap of JSON bodies (1 MiB) does not hold.
func TestBodyCapFollowsTheMediaType(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	t.Run("not multipart", func(t *testing.T) {
		body := `{"query":"{ __typename }","variables":{"x":"` + strings.Repeat("x", 2<<20) + `"}}`
		req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", strings.NewReader(body))
		req.Header.Set("Content-Type", "multipart/form-dataX; boundary=x")
		res := s.Do("", req)
		if res.Status != http.StatusRequestEntityTooLarge {
			t.Errorf("HTTP %d, want 413", res.Status)
		}
		wantCode(t, "multipart/form-dataX", res, "FILE_TOO_LARGE", "body")
	})
	t.Run("multipart spelt in capitals", func(t *testing.T) {
		photo, err := os.ReadFile(fixtures.Path("photo-12mp.jpg"))
		if err != nil {
			t.Fatal(err)
		}
		if len(photo) <= 1<<20 {
			t.Fatalf("the fixture has %d bytes: the test needs one over the JSON cap", len(photo))
		}
		body, boundary := uploadForm(t, "photo-12mp.jpg", photo)
		req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", body)
		req.Header.Set("Content-Type", "Multipart/Form-Data; boundary="+boundary)
		var out struct{ UploadAssets []apptest.UploadedAsset }
		s.Do(s.Admin, req).Decode(t, &out)
		if len(out.UploadAssets) != 1 || out.UploadAssets[0].Kind != "IMAGE" {
			t.Errorf("uploaded %+v, want one image", out.UploadAssets)
		}
	})
}

// uploadForm is an uploadAssets request of one file, and its boundary.
func uploadForm(t *testing.T, name string, content []byte) (io.Reader, string) {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	ops, _ := json.Marshal(map[string]any{
		"query":     `mutation($files: [Upload!]!) { uploadAssets(files: $files) { id kind } }`,
		"variables": map[string]any{"files": []any{nil}},
	})
	w.WriteField("operations", string(ops))
	w.WriteField("map", `{"0":["variables.files.0"]}`)
	part, err := w.CreateFormFile("0", name)
	if err != nil {
		t.Fatal(err)
	}
	part.Write(content)
	w.Close()
	return &body, w.Boundary()
}
