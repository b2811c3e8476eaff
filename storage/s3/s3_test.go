package s3_test

import (
	"bytes"
	"context"
	"crypto/md5"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/internal/testenv"
	"github.com/mediagraph/mediagraph/internal/tests3"
	"github.com/mediagraph/mediagraph/storage"
	"github.com/mediagraph/mediagraph/storage/s3"
	"github.com/mediagraph/mediagraph/storage/storetest"
)

func TestMain(m *testing.M) { testenv.Main(m) }

func newStore(t *testing.T) *s3.Store {
	s, err := s3.New(context.Background(), tests3.Bucket(t))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storage.Store { return newStore(t) })
}

// send makes a presigned request with plain net/http, as a browser would.
func send(t *testing.T, req *storage.SignedRequest, body []byte, edit func(*http.Request)) int {
	t.Helper()
	r, err := http.NewRequest(req.Method, req.URL, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range req.Headers {
		if !strings.EqualFold(k, "Host") {
			r.Header[k] = v
		}
	}
	if edit != nil {
		edit(r)
	}
	res, err := http.DefaultClient.Do(r)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	io.Copy(io.Discard, res.Body)
	return res.StatusCode
}

// A presigned PUT uploads exactly the object it was made for; any change to it is refused and
// writes nothing.
func TestPresignedPut(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	body := []byte("the picture's bytes")
	ticket := func(key string, ttl time.Duration) *storage.SignedRequest {
		req, err := s.PresignPut(ctx, key, storage.PresignPutOptions{ContentType: "image/png", Size: int64(len(body)), TTL: ttl})
		if err != nil {
			t.Fatal(err)
		}
		return req
	}
	for name, c := range map[string]struct {
		req  *storage.SignedRequest
		body []byte
		edit func(*http.Request)
	}{
		"wrong size": {ticket("size", time.Minute), append(body, '!'), nil},
		"wrong type": {ticket("type", time.Minute), body, func(r *http.Request) { r.Header.Set("Content-Type", "text/html") }},
		"expired":    {ticket("expired", time.Second), body, func(*http.Request) { time.Sleep(2 * time.Second) }},
		"edited key": {ticket("key", time.Minute), body, func(r *http.Request) { r.URL.Path = strings.Replace(r.URL.Path, "/key", "/other", 1) }},
		"forged":     {ticket("forged", time.Minute), body, func(r *http.Request) { r.URL.RawQuery = tamper(r.URL.Query()) }},
	} {
		if status := send(t, c.req, c.body, c.edit); status < 400 {
			t.Errorf("%s: HTTP %d, want a refusal", name, status)
		}
	}
	for _, key := range []string{"size", "type", "expired", "key", "other", "forged"} {
		if _, err := s.Head(ctx, key); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("a refused upload wrote %s (%v)", key, err)
		}
	}
	if status := send(t, ticket("ok", time.Minute), body, nil); status != http.StatusOK {
		t.Fatalf("a valid presigned PUT: HTTP %d", status)
	}
	get, err := s.PresignGet(ctx, "ok", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.Get(get.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if got, _ := io.ReadAll(res.Body); !bytes.Equal(got, body) {
		t.Errorf("presigned GET: %q", got)
	}
}

// tamper changes one hex digit of the signature.
func tamper(q url.Values) string {
	sig := []byte(q.Get("X-Amz-Signature"))
	if sig[0] == '0' {
		sig[0] = '1'
	} else {
		sig[0] = '0'
	}
	q.Set("X-Amz-Signature", string(sig))
	return q.Encode()
}

// Browsers upload large files in parts with presigned part URLs; completing assembles them in order.
func TestPresignedMultipart(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	id, err := s.CreateMultipart(ctx, "big.mp4", "video/mp4")
	if err != nil {
		t.Fatal(err)
	}
	const part = 5 << 20 // the smallest part S3 accepts
	parts := [][]byte{bytes.Repeat([]byte("a"), part), bytes.Repeat([]byte("b"), part), []byte("tail")}
	var done []storage.CompletedPart
	for i := len(parts) - 1; i >= 0; i-- { // out of order on purpose
		req, err := s.PresignPart(ctx, "big.mp4", id, i+1, int64(len(parts[i])), time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		if status := send(t, req, parts[i], nil); status != http.StatusOK {
			t.Fatalf("part %d: HTTP %d", i+1, status)
		}
		sum := md5.Sum(parts[i])
		done = append(done, storage.CompletedPart{Number: i + 1, ETag: `"` + hex.EncodeToString(sum[:]) + `"`})
	}
	info, err := s.CompleteMultipart(ctx, "big.mp4", id, done)
	if err != nil {
		t.Fatal(err)
	}
	if want := bytes.Join(parts, nil); info.Size != int64(len(want)) {
		t.Errorf("assembled %d bytes, want %d", info.Size, len(want))
	} else {
		o, err := s.Open(ctx, "big.mp4")
		if err != nil {
			t.Fatal(err)
		}
		defer o.Close()
		if got, _ := io.ReadAll(o); !bytes.Equal(got, want) {
			t.Error("the parts were not assembled in order")
		}
	}
}

// Put sends objects larger than one part in parts, transparently.
func TestPutLargeObject(t *testing.T) {
	if testing.Short() {
		t.Skip("uploads 70 MB")
	}
	s := newStore(t)
	want := make([]byte, 70<<20) // random: a part in the wrong place would show
	rand.Read(want)
	info, err := s.Put(context.Background(), "large", bytes.NewReader(want), storage.PutOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if info.Size != int64(len(want)) {
		t.Errorf("size %d, want %d", info.Size, len(want))
	}
	o, err := s.Open(context.Background(), "large")
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	// Read across several of the store's read windows, from an offset inside a part.
	if _, err := o.Seek(1000, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(o)
	if err != nil || !bytes.Equal(got, want[1000:]) {
		t.Errorf("read back %d bytes (%v), want the %d written after offset 1000", len(got), err, len(want)-1000)
	}
}
