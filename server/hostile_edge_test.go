package server_test

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/storage/disk"
)

// TestHostileMultipartMaps: a map naming an index the variables do not have answers 400
// VALIDATION_FAILED naming map (it made the transport panic: a 500), and writes nothing.
func TestHostileMultipartMaps(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		editor := s.Token("EDITOR")
		ops := `{"query":"mutation($f:[Upload!]!){uploadAssets(files:$f){id}}","variables":{"f":[null]}}`
		for _, path := range []string{"variables.f.99999999999", "variables.f.-1", "variables.f.0.deeper", "variables.nope"} {
			unchanged(t, s, path, func() {
				m, _ := json.Marshal(map[string][]string{"0": {path}})
				req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", strings.NewReader(multipartBody(ops, string(m))))
				req.Header.Set("Content-Type", "multipart/form-data; boundary=b")
				r := s.Do(editor, req)
				wantCode(t, path, r, "VALIDATION_FAILED", "map")
				if r.Status != http.StatusBadRequest {
					t.Errorf("%s: HTTP %d, want 400", path, r.Status)
				}
			})
		}
	})
}

// signedPut signs a PUT of body to key as the disk store does, whatever the key, as only someone
// holding the signing key could.
func signedPut(t *testing.T, s *apptest.Server, signingKey, key, contentType string, body []byte) fetched {
	t.Helper()
	expires := strconv.FormatInt(time.Now().Add(time.Minute).Unix(), 10)
	size := strconv.Itoa(len(body))
	mac := hmac.New(sha256.New, []byte(signingKey))
	mac.Write([]byte(strings.Join([]string{http.MethodPut, key, expires, size, contentType, "", "0"}, "\n")))
	q := url.Values{"expires": {expires}, "size": {size}, "type": {contentType}, "signature": {hex.EncodeToString(mac.Sum(nil))}}
	req, err := http.NewRequest(http.MethodPut, s.URL+disk.UploadPath+url.PathEscape(key)+"?"+q.Encode(), bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	return send(t, req, "")
}

// TestSignedPutWithInvalidKey: a validly signed PUT whose key the store refuses is the client's
// fault, 400 naming key (it was a 500); a good key signed the same way is stored, which shows the
// signature was valid.
func TestSignedPutWithInvalidKey(t *testing.T) {
	const signingKey = "hostile-edge-signing-key"
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL, func(c *config.Config) { c.SigningKey = signingKey })
		for _, key := range []string{`.tmp/put-planted`, `a\b`, "nul\x00byte"} {
			f := signedPut(t, s, signingKey, key, "image/png", []byte("bytes"))
			// S3's error document, with Mediagraph's code in a header.
			var body struct{ Code, ArgumentName, Message string }
			xml.Unmarshal(f.Body, &body)
			if f.Status != http.StatusBadRequest || f.Header.Get("Mediagraph-Error-Code") != "VALIDATION_FAILED" || body.Code != "InvalidArgument" || body.ArgumentName != "key" {
				t.Errorf("key %q: HTTP %d %s, want 400 VALIDATION_FAILED of key", key, f.Status, f.Body)
			}
		}
		if f := signedPut(t, s, signingKey, "uploads/good", "image/png", []byte("bytes")); f.Status != http.StatusOK {
			t.Errorf("a good key signed the same way: HTTP %d %s", f.Status, f.Body)
		}
	})
}

// feedTypes are the types the XML files of TestActiveTypesAreSandboxed sniff as.
var feedTypes = map[string]string{
	"feed.rss": "application/rss+xml", "feed.atom": "application/atom+xml",
	"map.kml": "application/vnd.google-earth.kml+xml", "run.gpx": "application/gpx+xml",
}

// TestActiveTypesAreSandboxed: feeds, maps and tracks (XML a browser renders, with XSLT) and SVG
// are served with the sandbox CSP, whatever their XML type is called; images are not.
func TestActiveTypesAreSandboxed(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t), apptest.AnyType)
	editor := s.Token("EDITOR")
	decl := `<?xml version="1.0" encoding="UTF-8"?>` + "\n"
	files := map[string]string{
		"feed.rss":  decl + `<rss version="2.0"><channel><title>t</title></channel></rss>`,
		"feed.atom": decl + `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>`,
		"map.kml":   decl + `<kml xmlns="http://www.opengis.net/kml/2.2"><Document></Document></kml>`,
		"run.gpx":   decl + `<gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1"></gpx>`,
	}
	var uploads []apptest.File
	for name, content := range files {
		uploads = append(uploads, apptest.File{Name: name, Content: strings.NewReader(content)})
	}
	uploads = append(uploads, apptest.Fixture(t, "script.svg"), apptest.Fixture(t, "alpha.png"))
	seen := 0
	for _, up := range s.MustUpload(editor, map[string]any{"status": "PUBLIC"}, uploads...) {
		var out struct {
			Asset struct{ Path, MimeType string }
		}
		s.Must(editor, `query($id: ID!) { asset(id: $id) { path mimeType } }`, map[string]any{"id": up.ID}, &out)
		f := fetch(t, s, http.MethodGet, out.Asset.Path, "", nil)
		csp := f.Header.Get("Content-Security-Policy")
		sandboxed := strings.Contains(csp, "sandbox") && strings.Contains(csp, "default-src 'none'")
		if want, ok := feedTypes[up.Filename]; ok {
			seen++
			if out.Asset.MimeType != want {
				t.Errorf("%s sniffed as %s, want %s", up.Filename, out.Asset.MimeType, want)
			}
		}
		if f.Status != http.StatusOK || sandboxed != (out.Asset.MimeType != "image/png") {
			t.Errorf("%s (%s): HTTP %d, Content-Security-Policy %q", up.Filename, out.Asset.MimeType, f.Status, csp)
		}
	}
	if seen != len(feedTypes) {
		t.Errorf("%d of the %d XML files kept their names", seen, len(feedTypes))
	}
}
