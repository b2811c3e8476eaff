package server_test

import (
	"bytes"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/browser"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// crossOriginPage queries Mediagraph with GET, then uploads /file.png of its own origin in signed
// parts with fetch and completes the upload, reading each part's ETag as an S3 library would; it
// also tries a forged part URL (its error code readable) and a method no route takes.
const crossOriginPage = `<!doctype html><meta charset="utf-8"><title>cross-origin upload</title>
<script type="module">
const cfg = %s;
const result = {};
const gql = async (token, query, variables) => {
  const res = await fetch(cfg.api + '/graphql', {
    method: 'POST', headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
};
try {
  const got = await fetch(cfg.api + '/graphql?query=' + encodeURIComponent('{ assets(first: 1) { totalCount } }'),
    { headers: { Authorization: 'Bearer ' + cfg.delivery } });
  result.get = { status: got.status, body: await got.json() };
  const file = await (await fetch('/file.png')).blob();
  const created = await gql(cfg.editor, cfg.createUploads, { in: [{ filename: 'browser.png', mimeType: 'image/png', size: file.size }] });
  const tk = created.data.createUploads[0];
  result.parts = [];
  for (const p of tk.parts) {
    const from = (p.number - 1) * tk.partSize;
    const res = await fetch(p.url, { method: 'PUT', headers: Object.fromEntries(p.headers.map((h) => [h.name, h.value])), body: file.slice(from, from + p.size) });
    result.parts.push({ number: p.number, status: res.status, etag: res.headers.get('ETag') });
  }
  const forged = new URL(tk.parts[0].url);
  const sig = forged.searchParams.get('signature');
  forged.searchParams.set('signature', (sig[0] === '0' ? '1' : '0') + sig.slice(1));
  const bad = await fetch(forged, { method: 'PUT', body: file.slice(0, tk.parts[0].size) });
  result.forged = { status: bad.status, code: bad.headers.get('Mediagraph-Error-Code') };
  const parts = result.parts.map(({ number, etag }) => ({ number, etag }));
  result.done = await gql(cfg.editor, cfg.completeUploads, { ids: [tk.id], parts: [{ uploadId: tk.id, parts }] });
  result.deleteRefused = await fetch(cfg.api + '/graphql', { method: 'DELETE' }).then(() => false, () => true);
} catch (e) {
  result.error = String(e.stack || e);
}
window.mediagraphResult = result;
</script>`

// deniedPage is served from an origin not in the list: the browser keeps Mediagraph's answer from it.
const deniedPage = `<!doctype html><meta charset="utf-8"><title>another origin</title>
<script type="module">
const api = %q;
window.mediagraphResult = await fetch(api + '/graphql?query=%%7B__typename%%7D').then(() => ({ refused: false }), (e) => ({ refused: true, error: String(e) }));
</script>`

// A page on another origin (a second loopback port) queries /graphql and completes a signed multipart
// upload through /storage/upload with fetch, in Chromium; a page on an origin not listed cannot read an
// answer, and a method no route takes is refused at its preflight.
func TestBrowserCrossOriginUpload(t *testing.T) {
	png := fixtures.Read(t, "alpha.png")
	file := append(bytes.Clone(png), bytes.Repeat([]byte{7}, 9<<20)...)
	var page []byte
	// The site's address is Mediagraph's CORS origin, and Mediagraph's is in the page: listen first, serve
	// once the page is written.
	site := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/file.png" {
			w.Header().Set("Content-Type", "image/png")
			w.Write(file)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}))
	defer site.Close()
	origin := "http://" + site.Listener.Addr().String()
	s := apptest.Start(t, testdb.SQLite(t), func(c *config.Config) { c.CORSOrigins = []string{origin} })
	cfg, err := json.Marshal(map[string]string{
		"api": s.URL, "editor": s.Token("EDITOR"), "delivery": s.Token("DELIVERY"),
		"createUploads": createUploads, "completeUploads": completeUploads,
	})
	if err != nil {
		t.Fatal(err)
	}
	page = fmt.Appendf(nil, crossOriginPage, cfg)
	site.Start()

	var got struct {
		Error string
		Get   struct {
			Status int
			Body   struct {
				Data struct{ Assets struct{ TotalCount *int } }
			}
		}
		Parts []struct {
			Number, Status int
			ETag           string
		}
		Forged struct {
			Status int
			Code   string
		}
		Done struct {
			Data   completed
			Errors []apptest.Error
		}
		DeleteRefused bool
	}
	browser.Visit(t, site.URL+"/", &got)
	if got.Error != "" {
		t.Fatalf("the page failed: %s", got.Error)
	}
	if got.Get.Status != http.StatusOK || got.Get.Body.Data.Assets.TotalCount == nil {
		t.Errorf("GET /graphql: %+v", got.Get)
	}
	if len(got.Parts) != 2 {
		t.Fatalf("parts: %+v", got.Parts)
	}
	for _, p := range got.Parts {
		from := (p.Number - 1) * 8 << 20
		sum := md5.Sum(file[from:min(from+8<<20, len(file))])
		if p.Status != http.StatusOK || p.ETag != `"`+hex.EncodeToString(sum[:])+`"` {
			t.Errorf("part %d: HTTP %d, ETag %q (readable: ETag is exposed), want the part's MD5", p.Number, p.Status, p.ETag)
		}
	}
	if got.Forged.Status != http.StatusForbidden || got.Forged.Code != "FORBIDDEN" {
		t.Errorf("a forged part URL: %+v", got.Forged)
	}
	sum := sha256.Sum256(file)
	if len(got.Done.Errors) > 0 || len(got.Done.Data.CompleteUploads) != 1 || got.Done.Data.CompleteUploads[0].Sha256 != hex.EncodeToString(sum[:]) {
		t.Errorf("completeUploads: %+v", got.Done)
	}
	if !got.DeleteRefused {
		t.Error("DELETE /graphql was not refused at its preflight")
	}

	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, deniedPage, s.URL)
	}))
	defer other.Close()
	var denied struct {
		Refused bool
		Error   string
	}
	browser.Visit(t, other.URL+"/", &denied)
	if !denied.Refused {
		t.Error("a page on an origin not listed read the answer of /graphql")
	}
}
