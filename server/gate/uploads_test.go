package gate

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/server/httperr"
	"github.com/mediagraph/mediagraph/storage"
	"github.com/mediagraph/mediagraph/storage/disk"
)

// brokenStore grants every request five bytes and then fails to store them.
type brokenStore struct{}

func (*brokenStore) Verify(method, key string, _ url.Values, _ time.Time) (disk.Grant, error) {
	return disk.Grant{Method: method, Key: key, Size: 5}, nil
}

func (*brokenStore) PutPart(context.Context, string, string, int, io.Reader) (string, error) {
	return "", errors.New("disk on fire at /var/secret")
}

func (*brokenStore) Put(context.Context, string, io.Reader, storage.PutOptions) (storage.ObjectInfo, error) {
	return storage.ObjectInfo{}, errors.New("disk on fire at /var/secret")
}

func (*brokenStore) Head(context.Context, string) (storage.ObjectInfo, error) {
	return storage.ObjectInfo{}, storage.ErrNotFound
}

func (*brokenStore) Delete(context.Context, string) error { return nil }

// TestSignedUploadStoreFailure: a store that fails answers INTERNAL with a request id, and what it
// said stays in the log.
func TestSignedUploadStoreFailure(t *testing.T) {
	h := SignedUploads{Store: &brokenStore{}, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	mux := http.NewServeMux()
	mux.Handle("PUT /up/{key...}", h)
	req := httptest.NewRequest(http.MethodPut, "/up/a/b.jpg", strings.NewReader("hello"))
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, req)
	if rec.Code != http.StatusInternalServerError || rec.Header().Get(httperr.CodeHeader) != "INTERNAL" || !strings.Contains(rec.Body.String(), "<Code>InternalError</Code>") {
		t.Errorf("HTTP %d: %s", rec.Code, rec.Body)
	}
	if strings.Contains(rec.Body.String(), "secret") {
		t.Errorf("the answer leaks the store's error: %s", rec.Body)
	}
}

// signedServer serves a local-disk store's signed PUTs as the service does.
func signedServer(t *testing.T) *disk.Store {
	t.Helper()
	var h http.Handler
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { h.ServeHTTP(w, r) }))
	t.Cleanup(srv.Close)
	store, err := disk.New(t.TempDir(), srv.URL, []byte("test key"))
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("PUT "+disk.UploadPath+"{key...}", SignedUploads{Store: store, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	h = mux
	return store
}

type s3Answer struct {
	status         int
	etag, mgCode   string
	s3Code, s3Body string
}

// s3Put sends body with the signed request's headers, edited, and reads the answer as an S3 client would.
func s3Put(t *testing.T, sr *storage.SignedRequest, body string, edit func(*http.Request)) s3Answer {
	t.Helper()
	req, err := http.NewRequest(http.MethodPut, sr.URL, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for name := range sr.Headers {
		req.Header.Set(name, sr.Headers.Get(name))
	}
	if edit != nil {
		edit(req)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	a := s3Answer{status: res.StatusCode, etag: res.Header.Get("ETag"), mgCode: res.Header.Get(httperr.CodeHeader), s3Body: string(raw)}
	if res.StatusCode != http.StatusOK {
		var e struct {
			XMLName   xml.Name `xml:"Error"`
			Code      string
			Message   string
			RequestID string `xml:"RequestId"`
		}
		if err := xml.Unmarshal(raw, &e); err != nil || e.Message == "" || res.Header.Get("Content-Type") != "application/xml" {
			t.Errorf("HTTP %d: not an S3 error document (%v): %s", res.StatusCode, err, raw)
		}
		a.s3Code = e.Code
	}
	return a
}

func md5ETag(s string) string {
	sum := md5.Sum([]byte(s))
	return `"` + hex.EncodeToString(sum[:]) + `"`
}

// The local store's signed PUT answers as S3's PutObject and UploadPart: the MD5 of the bytes as ETag on
// every PUT, S3's error codes and statuses in S3's XML, and Mediagraph's code in a header.
func TestSignedUploadsAnswerAsS3(t *testing.T) {
	store := signedServer(t)
	ctx := context.Background()
	presign := func(key string, ttl time.Duration) *storage.SignedRequest {
		sr, err := store.PresignPut(ctx, key, storage.PresignPutOptions{ContentType: "image/png", Size: 5, TTL: ttl})
		if err != nil {
			t.Fatal(err)
		}
		return sr
	}
	part := func(key string) (*storage.SignedRequest, string) {
		id, err := store.CreateMultipart(ctx, key, "image/png")
		if err != nil {
			t.Fatal(err)
		}
		sr, err := store.PresignPart(ctx, key, id, 1, 5, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		return sr, id
	}

	whole := presign("assets/a/whole.png", time.Minute)
	if a := s3Put(t, whole, "hello", nil); a.status != http.StatusOK || a.etag != md5ETag("hello") {
		t.Errorf("a whole file: %+v, want 200 and ETag %s", a, md5ETag("hello"))
	}
	p1, _ := part("assets/a/parts.png")
	if a := s3Put(t, p1, "world", nil); a.status != http.StatusOK || a.etag != md5ETag("world") {
		t.Errorf("a part: %+v, want 200 and ETag %s", a, md5ETag("world"))
	}
	gone, id := part("assets/a/aborted.png")
	if err := store.AbortMultipart(ctx, "assets/a/aborted.png", id); err != nil {
		t.Fatal(err)
	}

	for name, c := range map[string]struct {
		sr             *storage.SignedRequest
		body           string
		edit           func(*http.Request)
		status         int
		s3Code, mgCode string
	}{
		"used ticket":    {whole, "hello", nil, http.StatusConflict, "ConditionalRequestConflict", "CONFLICT"},
		"forged":         {presign("assets/a/f.png", time.Minute), "hello", forge, http.StatusForbidden, "SignatureDoesNotMatch", "FORBIDDEN"},
		"other type":     {presign("assets/a/t.png", time.Minute), "hello", func(r *http.Request) { r.Header.Set("Content-Type", "image/gif") }, http.StatusForbidden, "SignatureDoesNotMatch", "FORBIDDEN"},
		"other size":     {presign("assets/a/s.png", time.Minute), "hello!", nil, http.StatusForbidden, "SignatureDoesNotMatch", "FORBIDDEN"},
		"expired":        {presign("assets/a/e.png", -2*time.Second), "hello", nil, http.StatusForbidden, "AccessDenied", "UPLOAD_EXPIRED"},
		"aborted upload": {gone, "hello", nil, http.StatusNotFound, "NoSuchUpload", "NOT_FOUND"},
	} {
		a := s3Put(t, c.sr, c.body, c.edit)
		if a.status != c.status || a.s3Code != c.s3Code || a.mgCode != c.mgCode || a.etag != "" {
			t.Errorf("%s: HTTP %d, S3 code %q, %s %q, ETag %q; want %d %s %s", name, a.status, a.s3Code, httperr.CodeHeader, a.mgCode, a.etag, c.status, c.s3Code, c.mgCode)
		}
	}
}

// forge changes one digit of the signature.
func forge(r *http.Request) {
	q := r.URL.Query()
	sig := []byte(q.Get("signature"))
	sig[0] = map[bool]byte{true: '1', false: '0'}[sig[0] == '0']
	q.Set("signature", string(sig))
	r.URL.RawQuery = q.Encode()
}
