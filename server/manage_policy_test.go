package server_test

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
)

// policyFile is one file the upload policy judges, with the type a client would declare for it.
type policyFile struct {
	name, mime string
	data       []byte
}

func policyFiles(t *testing.T) map[string]policyFile {
	eicar, err := base64.StdEncoding.DecodeString(string(fixtures.Read(t, "eicar.com.txt.b64")))
	if err != nil {
		t.Fatal(err)
	}
	plainSVG := `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10" fill="#3366cc"/></svg>`
	return map[string]policyFile{
		"png":        {"alpha.png", "image/png", fixtures.Read(t, "alpha.png")},
		"pdf":        {"doc.pdf", "application/pdf", fixtures.Read(t, "document-3-pages.pdf")},
		"plain svg":  {"plain.svg", "image/svg+xml", []byte(plainSVG)},
		"html":       {"page.html", "text/html", []byte("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>")},
		"eicar":      {"eicar.txt", "text/plain", eicar},
		"svg script": {"script.svg", "image/svg+xml", fixtures.Read(t, "script.svg")},
		"over size":  {"photo.jpg", "image/jpeg", fixtures.Read(t, "photo-12mp.jpg")},
		"pixel bomb": {"bomb.png", "image/png", fixtures.Read(t, "bomb-30000x30000.png")},
		"executable": {"run.exe", "application/vnd.microsoft.portable-executable", append([]byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"), bytes.Repeat([]byte{0}, 200)...)},
		"javascript": {"app.js", "text/javascript", []byte("#!/usr/bin/env node\nconsole.log(1)\n")},
	}
}

// policyWay sends one file in by one way and answers with the first error met, or none.
type policyWay func(t *testing.T, s *apptest.Server, token string, f policyFile) apptest.Response

// servedFiles serves every policy file at /<name> on 127.0.0.3, which the policy servers may fetch.
func servedFiles(t *testing.T, files map[string]policyFile) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.3:0")
	if err != nil {
		t.Fatalf("listen on 127.0.0.3: %v", err)
	}
	mux := http.NewServeMux()
	for _, f := range files {
		mux.HandleFunc("/"+f.name, func(w http.ResponseWriter, r *http.Request) { w.Write(f.data) })
	}
	srv := &httptest.Server{Listener: l, Config: &http.Server{Handler: mux}}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv.URL
}

// policyWays are the four ways in; replaceAsset replaces the bytes of the asset target.
func policyWays(remote, target string) map[string]policyWay {
	return map[string]policyWay{
		"uploadAssets": func(t *testing.T, s *apptest.Server, token string, f policyFile) apptest.Response {
			return s.Upload(token, nil, apptest.File{Name: f.name, Content: bytes.NewReader(f.data)})
		},
		"createUploads": func(t *testing.T, s *apptest.Server, token string, f policyFile) apptest.Response {
			r := s.Query(token, createUploads, map[string]any{"in": []map[string]any{{"filename": f.name, "mimeType": f.mime, "size": len(f.data)}}})
			if len(r.Errors) > 0 {
				return r
			}
			var out struct{ CreateUploads []ticket }
			r.Decode(t, &out)
			tk := out.CreateUploads[0]
			if status, _ := put(t, tk.URL, tk.Headers, f.data, nil); status != http.StatusOK {
				t.Fatalf("PUT %s: HTTP %d", f.name, status)
			}
			return s.Query(token, completeUploads, map[string]any{"ids": []string{tk.ID}})
		},
		"createAssetFromUrl": func(t *testing.T, s *apptest.Server, token string, f policyFile) apptest.Response {
			return s.Query(token, `mutation($in: CreateAssetFromUrlInput!) { createAssetFromUrl(input: $in) { id } }`,
				map[string]any{"in": map[string]any{"url": remote + "/" + f.name}})
		},
		"replaceAsset": func(t *testing.T, s *apptest.Server, token string, f policyFile) apptest.Response {
			return s.Multipart(token, `mutation($id: ID!, $file: Upload!) { replaceAsset(id: $id, file: $file) { id } }`,
				map[string]any{"id": target, "file": nil}, []string{"variables.file"}, apptest.File{Name: f.name, Content: bytes.NewReader(f.data)})
		},
	}
}

// TestOneUploadPolicy drives the four ways in with the same files: each way takes in what the
// policy admits and refuses, with the same code, what it does not — by default and when an
// operator lists the active types explicitly.
func TestOneUploadPolicy(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		files := policyFiles(t)
		remote := servedFiles(t, files)
		limits := func(c *config.Config) {
			c.MaxUploadBytes, c.MaxSignedUploadBytes = 1_000_000, 1_000_000
			c.FetchAllow = []netip.Prefix{netip.MustParsePrefix("127.0.0.3/32")}
		}
		servers := []struct {
			name   string
			config func(*config.Config)
			want   map[string]string // file → code ("" admitted)
		}{
			{"default types", func(*config.Config) {}, map[string]string{
				"png": "", "pdf": "", "plain svg": "",
				"html": "MIME_TYPE_NOT_ALLOWED", "eicar": "MIME_TYPE_NOT_ALLOWED", "svg script": "MIME_TYPE_NOT_ALLOWED",
				"executable": "MIME_TYPE_NOT_ALLOWED", "javascript": "MIME_TYPE_NOT_ALLOWED",
				"over size": "FILE_TOO_LARGE", "pixel bomb": "VALIDATION_FAILED",
			}},
			{"every family", func(c *config.Config) { c.UploadTypes = []string{"*/*"} }, map[string]string{
				"png": "", "eicar": "",
				"html": "MIME_TYPE_NOT_ALLOWED", "svg script": "MIME_TYPE_NOT_ALLOWED",
				"executable": "MIME_TYPE_NOT_ALLOWED", "javascript": "MIME_TYPE_NOT_ALLOWED",
			}},
			{"listed explicitly", func(c *config.Config) {
				c.UploadTypes = []string{"image/*", "text/html", "image/svg+xml", "text/javascript", "application/vnd.microsoft.portable-executable"}
			}, map[string]string{"html": "", "svg script": "", "executable": "", "javascript": "", "png": "", "pdf": "MIME_TYPE_NOT_ALLOWED"}},
		}
		for _, srv := range servers {
			s := start(t, limits, srv.config)
			editor := s.Token("EDITOR")
			target := s.MustUpload(editor, nil, apptest.Fixture(t, "focal-red-square.png"))[0].ID
			for wayName, way := range policyWays(remote, target) {
				for fileName, code := range srv.want {
					what := fmt.Sprintf("%s: %s by %s", srv.name, fileName, wayName)
					keys := storedKeys(t, s)
					r := way(t, s, editor, files[fileName])
					if code != "" {
						sameKeys(t, what, keys, storedKeys(t, s))
					}
					if r.Code() != code {
						t.Errorf("%s: got %+v, want %q", what, r.Errors, code)
					}
					if code != "" && len(r.Errors) > 0 && r.Errors[0].Extensions["field"] == nil {
						t.Errorf("%s: no extensions.field in %+v", what, r.Errors[0])
					}
					if code == "MIME_TYPE_NOT_ALLOWED" && len(r.Errors) > 0 && strings.Contains(r.Errors[0].Message, "interface") {
						t.Errorf("%s: message %q", what, r.Errors[0].Message)
					}
				}
			}
		}
	})
}

// Both ways that take several files in one call count them by the same limit.
func TestUploadPolicyCountsFiles(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t, func(c *config.Config) { c.MaxFilesPerUpload = 2 })
		editor := s.Token("EDITOR")
		png := fixtures.Read(t, "alpha.png")
		var three []apptest.File
		var tickets []map[string]any
		for i := range 3 {
			three = append(three, apptest.File{Name: fmt.Sprintf("a%d.png", i), Content: bytes.NewReader(png)})
			tickets = append(tickets, map[string]any{"filename": "a.png", "mimeType": "image/png", "size": len(png)})
		}
		unchanged(t, s, "three files by uploadAssets", func() {
			wantCode(t, "three files by uploadAssets", s.Upload(editor, nil, three...), "TOO_MANY_FILES", "files")
		})
		unchanged(t, s, "three files by createUploads", func() {
			wantCode(t, "three files by createUploads", s.Query(editor, createUploads, map[string]any{"in": tickets}), "TOO_MANY_FILES", "input")
		})
	})
}
