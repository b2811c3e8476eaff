package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/models"
)

type fetched struct {
	Status int
	Header http.Header
	Body   []byte
}

// fetch GETs (or HEADs) a path of the server with an optional bearer token and extra headers.
func fetch(t *testing.T, s *apptest.Server, method, path, token string, header map[string]string) fetched {
	t.Helper()
	req, err := http.NewRequest(method, s.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	return send(t, req, token)
}

// send sends a request with an optional bearer token and reads the whole answer.
func send(t *testing.T, req *http.Request, token string) fetched {
	t.Helper()
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return fetched{Status: res.StatusCode, Header: res.Header, Body: body}
}

// wantGateError checks the gate refused with a JSON error of code, with the status the code maps to,
// and revealed none of the asset.
func wantGateError(t *testing.T, what string, f fetched, status int, code string) {
	t.Helper()
	if f.Status != status {
		t.Errorf("%s: HTTP %d, want %d", what, f.Status, status)
	}
	if ct := f.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%s: Content-Type %q, want JSON", what, ct)
	}
	var e struct{ Code, Message string }
	if err := json.Unmarshal(f.Body, &e); err != nil {
		t.Errorf("%s: body %q is not JSON: %v", what, f.Body, err)
		return
	}
	if e.Code != code || e.Message == "" {
		t.Errorf("%s: %+v, want code %s with a message", what, e, code)
	}
	if f.Header.Get("ETag") != "" || f.Header.Get("Content-Disposition") != "" {
		t.Errorf("%s: an error carries ETag %q, Content-Disposition %q", what, f.Header.Get("ETag"), f.Header.Get("Content-Disposition"))
	}
	if cc := f.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("%s: Cache-Control %q, want no-store", what, cc)
	}
}

type servedAsset struct {
	ID, Path, URL, MimeType, Sha256, Filename string
	Size                                      int64
}

func TestDeliveryGate(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		editor := s.Token("EDITOR")
		delivery := s.Token("DELIVERY")
		png := fixtures.Read(t, "alpha.png")
		gif := fixtures.Read(t, "anim.gif")
		pubID := s.MustUpload(editor, map[string]any{"status": "PUBLIC"}, apptest.Fixture(t, "alpha.png"))[0].ID
		privID := s.MustUpload(editor, nil, apptest.Fixture(t, "anim.gif"))[0].ID
		describe := func(id string) servedAsset {
			t.Helper()
			var out struct{ Asset servedAsset }
			s.Must(editor, `query($id: ID!) { asset(id: $id) { id path url mimeType sha256 filename size } }`, map[string]any{"id": id}, &out)
			return out.Asset
		}
		pub, priv := describe(pubID), describe(privID)
		if pub.URL != s.URL+pub.Path || pub.Path != "/media/asset/"+pub.ID+"/alpha.png" {
			t.Errorf("PUBLIC asset: path %q, url %q (server at %s)", pub.Path, pub.URL, s.URL)
		}

		// A PUBLIC asset: anyone gets exactly the uploaded bytes, with its type and an ETag.
		for name, token := range map[string]string{"anonymous": "", "DELIVERY": delivery, "EDITOR": editor} {
			f := fetch(t, s, http.MethodGet, pub.Path, token, nil)
			if f.Status != http.StatusOK || !bytes.Equal(f.Body, png) {
				t.Fatalf("%s GET of the PUBLIC asset: HTTP %d, %d bytes (want %d, identical to the fixture)", name, f.Status, len(f.Body), len(png))
			}
			if ct := f.Header.Get("Content-Type"); ct != "image/png" || ct != pub.MimeType {
				t.Errorf("%s: Content-Type %q, want image/png (the asset says %s)", name, ct, pub.MimeType)
			}
			if etag := f.Header.Get("ETag"); etag != `"`+pub.Sha256+`"` {
				t.Errorf("%s: ETag %q, want the quoted sha256 %s", name, etag, pub.Sha256)
			}
			if cl := f.Header.Get("Content-Length"); cl != fmt.Sprint(len(png)) {
				t.Errorf("%s: Content-Length %q, want %d", name, cl, len(png))
			}
			if f.Header.Get("X-Content-Type-Options") != "nosniff" || f.Header.Get("Accept-Ranges") != "bytes" {
				t.Errorf("%s: headers %v", name, f.Header)
			}
			if cd := f.Header.Get("Content-Disposition"); cd != `inline; filename=alpha.png` && cd != `inline; filename="alpha.png"` {
				t.Errorf("%s: Content-Disposition %q", name, cd)
			}
		}
		if cc := fetch(t, s, http.MethodGet, pub.Path, "", nil).Header.Get("Cache-Control"); !strings.HasPrefix(cc, "public") {
			t.Errorf("anonymous: Cache-Control %q, want public", cc)
		}
		if cc := fetch(t, s, http.MethodGet, pub.Path, editor, nil).Header.Get("Cache-Control"); !strings.Contains(cc, "private") {
			t.Errorf("EDITOR: Cache-Control %q, want private (an editor could be sent private bytes)", cc)
		}
		// The id finds the asset: the filename in the path is only for humans.
		if f := fetch(t, s, http.MethodGet, "/media/asset/"+pub.ID, "", nil); f.Status != http.StatusOK || !bytes.Equal(f.Body, png) {
			t.Errorf("GET without a filename: HTTP %d, %d bytes", f.Status, len(f.Body))
		}
		if f := fetch(t, s, http.MethodGet, pub.Path+"?download", "", nil); !strings.HasPrefix(f.Header.Get("Content-Disposition"), "attachment") {
			t.Errorf("?download: Content-Disposition %q, want attachment", f.Header.Get("Content-Disposition"))
		}
		if f := fetch(t, s, http.MethodHead, pub.Path, "", nil); f.Status != http.StatusOK || len(f.Body) != 0 || f.Header.Get("Content-Length") != fmt.Sprint(len(png)) {
			t.Errorf("HEAD: HTTP %d, %d bytes of body, Content-Length %q", f.Status, len(f.Body), f.Header.Get("Content-Length"))
		}

		// Conditional requests: the ETag answers 304 without a body; another ETag gets the bytes.
		etag := `"` + pub.Sha256 + `"`
		for _, inm := range []string{etag, `W/` + etag, `"other", ` + etag, "*"} {
			f := fetch(t, s, http.MethodGet, pub.Path, "", map[string]string{"If-None-Match": inm})
			if f.Status != http.StatusNotModified || len(f.Body) != 0 {
				t.Errorf("If-None-Match %s: HTTP %d with %d bytes, want 304 and no body", inm, f.Status, len(f.Body))
			}
		}
		if f := fetch(t, s, http.MethodGet, pub.Path, "", map[string]string{"If-None-Match": `"` + strings.Repeat("0", 64) + `"`}); f.Status != http.StatusOK || !bytes.Equal(f.Body, png) {
			t.Errorf("If-None-Match with another ETag: HTTP %d, %d bytes", f.Status, len(f.Body))
		}

		// Ranges: 206 with exactly the bytes asked for.
		for _, c := range []struct {
			rng        string
			from, to   int // inclusive
			wantStatus int
		}{
			{"bytes=0-0", 0, 0, http.StatusPartialContent},
			{"bytes=10-19", 10, 19, http.StatusPartialContent},
			{"bytes=4000-", 4000, len(png) - 1, http.StatusPartialContent},
			{"bytes=-100", len(png) - 100, len(png) - 1, http.StatusPartialContent},
			{"bytes=4600-99999", 4600, len(png) - 1, http.StatusPartialContent},
		} {
			f := fetch(t, s, http.MethodGet, pub.Path, "", map[string]string{"Range": c.rng})
			if f.Status != c.wantStatus {
				t.Errorf("Range %s: HTTP %d, want %d", c.rng, f.Status, c.wantStatus)
				continue
			}
			if !bytes.Equal(f.Body, png[c.from:c.to+1]) {
				t.Errorf("Range %s: %d bytes, not bytes %d-%d of the file", c.rng, len(f.Body), c.from, c.to)
			}
			if cr, want := f.Header.Get("Content-Range"), fmt.Sprintf("bytes %d-%d/%d", c.from, c.to, len(png)); cr != want {
				t.Errorf("Range %s: Content-Range %q, want %q", c.rng, cr, want)
			}
		}
		if f := fetch(t, s, http.MethodGet, pub.Path, "", map[string]string{"Range": fmt.Sprintf("bytes=%d-", len(png)+10)}); f.Status != http.StatusRequestedRangeNotSatisfiable {
			t.Errorf("a range past the end: HTTP %d, want 416", f.Status)
		}
		// A range made stale by another ETag gets the whole file.
		// Many ranges in one request would cost a store read each: the whole file is served instead.
		if f := fetch(t, s, http.MethodGet, pub.Path, "", map[string]string{"Range": "bytes=0-0,2-2,4-4,6-6"}); f.Status != http.StatusOK || !bytes.Equal(f.Body, png) {
			t.Errorf("multi-range request: HTTP %d with %d bytes, want the whole file", f.Status, len(f.Body))
		}
		if f := fetch(t, s, http.MethodGet, pub.Path, "", map[string]string{"Range": "bytes=0-9", "If-Range": `"stale"`}); f.Status != http.StatusOK || !bytes.Equal(f.Body, png) {
			t.Errorf("If-Range with a stale ETag: HTTP %d, %d bytes; want the whole file", f.Status, len(f.Body))
		}
		if f := fetch(t, s, http.MethodGet, pub.Path, "", map[string]string{"Range": "bytes=0-9", "If-Range": etag}); f.Status != http.StatusPartialContent || !bytes.Equal(f.Body, png[:10]) {
			t.Errorf("If-Range with the current ETag: HTTP %d, %d bytes; want 206 with 10", f.Status, len(f.Body))
		}

		// A PRIVATE asset: refused to anonymous and DELIVERY callers, served to editors.
		wantGateError(t, "anonymous GET of a PRIVATE asset", fetch(t, s, http.MethodGet, priv.Path, "", nil), http.StatusForbidden, "ASSET_ACCESS_DENIED")
		wantGateError(t, "DELIVERY GET of a PRIVATE asset", fetch(t, s, http.MethodGet, priv.Path, delivery, nil), http.StatusForbidden, "ASSET_ACCESS_DENIED")
		wantGateError(t, "ranged anonymous GET of a PRIVATE asset", fetch(t, s, http.MethodGet, priv.Path, "", map[string]string{"Range": "bytes=0-9"}),
			http.StatusForbidden, "ASSET_ACCESS_DENIED")
		wantGateError(t, "conditional anonymous GET of a PRIVATE asset",
			fetch(t, s, http.MethodGet, priv.Path, "", map[string]string{"If-None-Match": `"` + priv.Sha256 + `"`}), http.StatusForbidden, "ASSET_ACCESS_DENIED")
		for name, token := range map[string]string{"EDITOR": editor, "ADMIN": s.Admin} {
			f := fetch(t, s, http.MethodGet, priv.Path, token, nil)
			if f.Status != http.StatusOK || !bytes.Equal(f.Body, gif) {
				t.Errorf("%s GET of the PRIVATE asset: HTTP %d, %d bytes (want %d identical to the fixture)", name, f.Status, len(f.Body), len(gif))
			}
			if ct := f.Header.Get("Content-Type"); ct != "image/gif" {
				t.Errorf("%s GET of the PRIVATE asset: Content-Type %q", name, ct)
			}
			if cc := f.Header.Get("Cache-Control"); !strings.Contains(cc, "private") || !strings.Contains(cc, "no-store") {
				t.Errorf("%s GET of the PRIVATE asset: Cache-Control %q, want private, no-store", name, cc)
			}
		}

		// Status changes take effect at once.
		s.Must(editor, `mutation($ids: [ID!]!) { setAssetStatus(ids: $ids, status: PUBLIC) { id } }`, map[string]any{"ids": []string{priv.ID}}, nil)
		if f := fetch(t, s, http.MethodGet, priv.Path, "", nil); f.Status != http.StatusOK || !bytes.Equal(f.Body, gif) {
			t.Errorf("anonymous GET once made PUBLIC: HTTP %d", f.Status)
		}
		s.Must(editor, `mutation($ids: [ID!]!) { setAssetStatus(ids: $ids, status: PRIVATE) { id } }`, map[string]any{"ids": []string{priv.ID}}, nil)
		wantGateError(t, "anonymous GET once PRIVATE again", fetch(t, s, http.MethodGet, priv.Path, "", nil), http.StatusForbidden, "ASSET_ACCESS_DENIED")

		// Unknown ids, trashed assets and bad tokens.
		wantGateError(t, "an unknown id", fetch(t, s, http.MethodGet, "/media/asset/"+models.NewID("ast")+"/x.png", "", nil), http.StatusNotFound, "NOT_FOUND")
		wantGateError(t, "an unknown id, as an editor", fetch(t, s, http.MethodGet, "/media/asset/"+models.NewID("ast")+"/x.png", editor, nil), http.StatusNotFound, "NOT_FOUND")
		wantGateError(t, "a malformed id", fetch(t, s, http.MethodGet, "/media/asset/nonsense/x.png", "", nil), http.StatusNotFound, "NOT_FOUND")
		wantGateError(t, "a bad token", fetch(t, s, http.MethodGet, pub.Path, "mg_AAAAAAAAAAAAAAAA_nope", nil), http.StatusUnauthorized, "UNAUTHENTICATED")
		s.Must(editor, `mutation($ids: [ID!]!) { deleteAssets(ids: $ids) }`, map[string]any{"ids": []string{pub.ID}}, nil)
		wantGateError(t, "a trashed PUBLIC asset", fetch(t, s, http.MethodGet, pub.Path, "", nil), http.StatusNotFound, "NOT_FOUND")
		wantGateError(t, "a trashed PUBLIC asset, as DELIVERY", fetch(t, s, http.MethodGet, pub.Path, delivery, nil), http.StatusNotFound, "NOT_FOUND")
	})
}

// TestDeliveryGateActiveContent: types a browser could run script in are served sandboxed.
func TestDeliveryGateActiveContent(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	editor := s.Token("EDITOR")
	pdf := fixtures.Read(t, "document-3-pages.pdf")
	up := s.MustUpload(editor, map[string]any{"status": "PUBLIC"}, apptest.Fixture(t, "document-3-pages.pdf"), apptest.Fixture(t, "alpha.png"))
	var out struct {
		A, B struct{ Path, MimeType string }
	}
	s.Must(editor, `query($a: ID!, $b: ID!) { a: asset(id: $a) { path mimeType } b: asset(id: $b) { path mimeType } }`,
		map[string]any{"a": up[0].ID, "b": up[1].ID}, &out)
	f := fetch(t, s, http.MethodGet, out.A.Path, "", nil)
	if f.Status != http.StatusOK || !bytes.Equal(f.Body, pdf) || f.Header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("PDF: HTTP %d, Content-Type %q, %d bytes", f.Status, f.Header.Get("Content-Type"), len(f.Body))
	}
	if csp := f.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "sandbox") || !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("PDF: Content-Security-Policy %q, want a sandbox", csp)
	}
	if csp := fetch(t, s, http.MethodGet, out.B.Path, "", nil).Header.Get("Content-Security-Policy"); csp != "" {
		t.Errorf("PNG: Content-Security-Policy %q, want none", csp)
	}
}
