package zipdl

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/models"
)

func TestDedupeNamesEachEntryOnce(t *testing.T) {
	in := []models.ZipEntry{
		{AssetID: "ast_2", Path: "a/photo.jpg"}, {AssetID: "ast_1", Path: "a/photo.jpg"}, {AssetID: "ast_3", Path: "a/PHOTO.jpg"},
		{AssetID: "ast_4", Path: "a/photo (2).jpg"}, {AssetID: "ast_5", Path: "b/photo.jpg"}, {AssetID: "ast_6", Path: "README"},
		{AssetID: "ast_7", Path: "README"},
	}
	got := map[string]string{}
	for _, e := range dedupe(in) {
		got[e.AssetID] = e.Path
	}
	// In path order "a/PHOTO.jpg" comes first and keeps its name; case aside, the two photo.jpg
	// collide with it, and "photo (2).jpg" is taken by a name of its own.
	want := map[string]string{
		"ast_1": "a/photo (3).jpg", "ast_2": "a/photo (4).jpg", "ast_3": "a/PHOTO.jpg", "ast_4": "a/photo (2).jpg",
		"ast_5": "b/photo.jpg", "ast_6": "README", "ast_7": "README (2)",
	}
	for id, p := range want {
		if got[id] != p {
			t.Errorf("%s: %q, want %q", id, got[id], p)
		}
	}
}

func TestSafeSegmentNeverLeavesTheFolder(t *testing.T) {
	for in, want := range map[string]string{
		"..": "_..", ".": "_.", "": "_", "a/b": "a_b", `a\b`: "a_b", "x\x00y": "x_y", " Shoot ": "Shoot", "Día 1": "Día 1",
	} {
		if got := safeSegment(in); got != want {
			t.Errorf("safeSegment(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCompressedTypesAreStored(t *testing.T) {
	for mime, want := range map[string]bool{
		"image/jpeg": true, "image/png": true, "image/webp": true, "video/mp4": true, "audio/mpeg": true, "application/zip": true,
		"image/svg+xml": false, "image/tiff": false, "audio/wav": false, "application/pdf": false, "text/plain": false,
	} {
		if compressed(mime) != want {
			t.Errorf("compressed(%q) = %v", mime, !want)
		}
	}
}

// zeros reads as n zero bytes without holding them.
type zeros struct{ n int64 }

func (z *zeros) Read(p []byte) (int, error) {
	if z.n == 0 {
		return 0, io.EOF
	}
	n := int(min(int64(len(p)), z.n))
	clear(p[:n])
	z.n -= int64(n)
	return n, nil
}

func (z *zeros) Close() error { return nil }

var zeroBlock = make([]byte, copyBuffer)

// sparseFile writes runs of zeros as holes, so that a 4 GB archive of zeros costs no disk.
type sparseFile struct{ f *os.File }

func (s sparseFile) Write(b []byte) (int, error) {
	if len(b) >= 4096 && len(b) <= len(zeroBlock) && bytes.Equal(b, zeroBlock[:len(b)]) {
		_, err := s.f.Seek(int64(len(b)), io.SeekCurrent)
		return len(b), err
	}
	return s.f.Write(b)
}

func zeroSHA256(n int64) string {
	h := sha256.New()
	io.CopyBuffer(h, &zeros{n}, make([]byte, copyBuffer))
	return hex.EncodeToString(h.Sum(nil))
}

// An archive past 4 GB, with a file past 4 GB and one after it, is written as ZIP64 and unzips with
// archive/zip and with Debian's unzip.
func TestArchivePast4GBIsZip64(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 4 GB")
	}
	const big = 4<<30 + 1<<20
	small := []byte("after the big one\n")
	smallSum := sha256.Sum256(small)
	a := &Archive{
		files: []file{
			{path: "big.mp4", key: "big", size: big, sha256: zeroSHA256(big), mimeType: "video/mp4", modified: time.Now()},
			{path: "after.txt", key: "small", size: int64(len(small)), sha256: hex.EncodeToString(smallSum[:]), mimeType: "text/plain", modified: time.Now()},
		},
		open: func(_ context.Context, key string) (io.ReadCloser, error) {
			if key == "big" {
				return &zeros{big}, nil
			}
			return io.NopCloser(bytes.NewReader(small)), nil
		},
	}
	path := filepath.Join(t.TempDir(), "big.zip")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := a.WriteTo(context.Background(), sparseFile{f}); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	if len(zr.File) != 2 || zr.File[0].UncompressedSize64 != big || zr.File[0].Method != zip.Store {
		t.Fatalf("entries: %+v", zr.File)
	}
	for _, zf := range zr.File { // reading to the end checks the CRC-32
		r, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		w := io.Writer(&got)
		if zf.Name == "big.mp4" {
			w = io.Discard
		}
		if _, err := io.CopyBuffer(w, r, make([]byte, copyBuffer)); err != nil {
			t.Fatalf("%s: %v", zf.Name, err)
		}
		if zf.Name == "after.txt" && !bytes.Equal(got.Bytes(), small) {
			t.Fatalf("after.txt: %q", got.Bytes())
		}
	}
	if _, err := exec.LookPath("unzip"); err != nil {
		t.Skip("unzip is not installed (apt-get install unzip)")
	}
	// unzip reads the ZIP64 directory, and tests the file whose header lies past 4 GB; its byte-wise
	// CRC-32 over the 4 GB of the other would take minutes, and archive/zip checked it above.
	if out, err := exec.Command("unzip", "-t", path, "after.txt").CombinedOutput(); err != nil || !bytes.Contains(out, []byte("No errors detected")) {
		t.Fatalf("unzip -t: %v\n%s", err, out)
	}
	if out, err := exec.Command("unzip", "-l", path).CombinedOutput(); err != nil || !bytes.Contains(out, []byte("4296015872")) {
		t.Fatalf("unzip -l: %v\n%s", err, out)
	}
}

// A file whose bytes differ from their sha256 stops the archive before its directory is written.
func TestDamagedFileCutsTheArchiveOff(t *testing.T) {
	a := &Archive{
		files: []file{{path: "a.txt", key: "a", size: 3, sha256: zeroSHA256(3), mimeType: "text/plain"}},
		open: func(context.Context, string) (io.ReadCloser, error) {
			return io.NopCloser(bytes.NewReader([]byte("abc"))), nil
		},
	}
	var out bytes.Buffer
	if err := a.WriteTo(context.Background(), &out); !errors.Is(err, ErrDamaged) {
		t.Fatalf("err %v, want ErrDamaged", err)
	}
	if _, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len())); err == nil {
		t.Fatal("the cut-off archive reads as complete")
	}
}
