package gate

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

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
	if rec.Code != http.StatusInternalServerError || !strings.Contains(rec.Body.String(), `"INTERNAL"`) {
		t.Errorf("HTTP %d: %s", rec.Code, rec.Body)
	}
	if strings.Contains(rec.Body.String(), "secret") {
		t.Errorf("the answer leaks the store's error: %s", rec.Body)
	}
}
