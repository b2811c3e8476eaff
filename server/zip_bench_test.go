package server_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/storage"
)

// benchZipBytes is the size of the file the ZIP benchmark streams.
const benchZipBytes = 128 << 20

// BenchmarkZipDownload streams a ZIP of one 128 MiB file over HTTP, as a browser downloads it, and
// reports the throughput (MB/s): read from the store, checked against its sha256, stored as is (a
// video) or deflated (a type that is not compressed already).
//
//	go test ./server -run '^$' -bench ZipDownload -benchtime 5x
func BenchmarkZipDownload(b *testing.B) {
	for _, setup := range benchSetups {
		for _, method := range []struct{ name, mimeType string }{{"store", "video/mp4"}, {"deflate", "application/octet-stream"}} {
			b.Run(setup.name+"/"+method.name, func(b *testing.B) {
				s := setup.start(b, apptest.AnyType)
				editor := s.Token("EDITOR")
				id := s.MustUpload(editor, nil, apptest.File{Name: "big.bin", Content: bytes.NewReader([]byte("placeholder"))})[0].ID
				putGenerated(b, s, id, method.mimeType, benchZipBytes)
				var out struct{ CreateZipDownload struct{ URL string } }
				s.Must(editor, `mutation($ids: [ID!]!) { createZipDownload(input: { ids: $ids }) { url } }`, map[string]any{"ids": []string{id}}, &out)
				b.SetBytes(benchZipBytes)
				b.ResetTimer()
				for range b.N {
					res, err := http.Get(out.CreateZipDownload.URL)
					if err != nil {
						b.Fatal(err)
					}
					n, err := io.Copy(io.Discard, res.Body)
					res.Body.Close()
					if err != nil || res.StatusCode != http.StatusOK || n < benchZipBytes/2 {
						b.Fatalf("HTTP %d, %d bytes, %v", res.StatusCode, n, err)
					}
				}
			})
		}
	}
}

// putGenerated stores size bytes of noise as the current version of an asset, with its facts.
func putGenerated(tb testing.TB, s *apptest.Server, assetID, mimeType string, size int64) {
	tb.Helper()
	noise := make([]byte, 1<<20)
	rand.Read(noise)
	var v models.AssetVersion
	if err := s.App.DB.Gorm().Where("asset_id = ?", assetID).Take(&v).Error; err != nil {
		tb.Fatal(err)
	}
	h := sha256.New()
	r := io.TeeReader(io.LimitReader(repeat(noise), size), h)
	if _, err := s.App.Store().Put(context.Background(), v.ObjectKey, r, storage.PutOptions{ContentType: mimeType}); err != nil {
		tb.Fatal(err)
	}
	err := s.App.DB.Gorm().Model(&models.AssetVersion{}).Where("id = ?", v.ID).
		Updates(map[string]any{"size": size, "sha256": hex.EncodeToString(h.Sum(nil)), "mime_type": mimeType}).Error
	if err != nil {
		tb.Fatal(err)
	}
}

// repeat reads as b over and over.
func repeat(b []byte) io.Reader {
	return readerFunc(func(p []byte) (int, error) {
		n := 0
		for n < len(p) {
			n += copy(p[n:], b)
		}
		return n, nil
	})
}

type readerFunc func([]byte) (int, error)

func (f readerFunc) Read(p []byte) (int, error) { return f(p) }
