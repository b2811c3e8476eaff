package media_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/internal/testenv"
	"github.com/mediagraph/mediagraph/internal/tests3"
	"github.com/mediagraph/mediagraph/media"
	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/intake"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/storage"
	"github.com/mediagraph/mediagraph/storage/disk"
	"github.com/mediagraph/mediagraph/storage/s3"
)

func TestMain(m *testing.M) { testenv.Main(m) }

// orphanSite is a library on one database and one store, with a sweep of each grace over it.
type orphanSite struct {
	db             *models.DB
	store          storage.Store
	spool          string
	young, noGrace *media.Library
}

func newOrphanSite(t *testing.T, postgres bool) *orphanSite {
	ctx := context.Background()
	url := testdb.SQLite(t)
	if postgres {
		url = testdb.Postgres(t)
	}
	db, err := models.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	s := &orphanSite{db: db, spool: t.TempDir()}
	if postgres {
		s.store, err = s3.New(ctx, tests3.Bucket(t))
	} else {
		s.store, err = disk.New(t.TempDir(), "http://localhost", []byte("key"))
	}
	if err != nil {
		t.Fatal(err)
	}
	service := func(grace time.Duration) *media.Library {
		settings := config.Defaults().Library
		settings.OrphanGrace = grace
		settings.UploadTypes = []string{"*/*"} // the files are made-up bytes
		m, err := media.New(ctx, db, s.store, settings, media.Runtime{URLSigningKey: []byte("key"), SpoolDir: s.spool}, slog.New(slog.NewTextHandler(io.Discard, nil)))
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	s.young, s.noGrace = service(time.Hour), service(0)
	return s
}

func (s *orphanSite) put(t *testing.T, key string) {
	t.Helper()
	if _, err := s.store.Put(context.Background(), key, bytes.NewReader([]byte("bytes of "+key)), storage.PutOptions{}); err != nil {
		t.Fatal(err)
	}
}

func (s *orphanSite) exists(key string) bool {
	_, err := s.store.Head(context.Background(), key)
	return err == nil
}

// TestSweepOrphans: the sweep deletes old objects no row points to, and never a young one or one a
// row (a version, a pending upload, a recorded transform) points to.
func TestSweepOrphans(t *testing.T) {
	for _, b := range []struct {
		name     string
		postgres bool
	}{{"sqlite+disk", false}, {"postgres+s3", true}} {
		t.Run(b.name, func(t *testing.T) {
			s := newOrphanSite(t, b.postgres)
			ctx := access.WithPrincipal(context.Background(), access.Operator)
			assets, err := s.young.Intake.UploadAssets(ctx, []intake.UploadFile{{Name: "a.bin", Size: -1, Body: bytes.NewReader(bytes.Repeat([]byte("x"), 2000))}}, intake.UploadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			a := assets[0]
			pending := &models.Upload{ID: models.NewID(models.UploadPrefix), Status: models.UploadPending, AssetID: models.NewID(models.AssetPrefix),
				VersionID: models.NewID(models.VersionPrefix), Filename: "p.bin", MimeType: "application/octet-stream", Size: 10, ExpiresAt: time.Now().Add(time.Hour)}
			pending.ObjectKey = "assets/" + pending.AssetID + "/" + pending.VersionID + "/p.bin"
			if err := s.db.CreateUploads(ctx, []*models.Upload{pending}); err != nil {
				t.Fatal(err)
			}
			s.put(t, pending.ObjectKey)
			derived := "derived/" + a.ID + "/1/recorded.webp"
			s.put(t, derived)
			if ok, err := s.db.RecordDerivative(ctx, &models.Derivative{ObjectKey: derived, AssetID: a.ID, Version: 1, Size: 10}); err != nil || !ok {
				t.Fatalf("record derivative: %v %v", ok, err)
			}
			referenced := []string{a.ObjectKey, pending.ObjectKey, derived}
			orphans := []string{"assets/ast_gone/ver_gone/lost.bin", "derived/ast_gone/1/lost.webp"}
			for _, k := range orphans {
				s.put(t, k)
			}
			s.put(t, "elsewhere/not-ours") // outside Mediagraph's prefixes: never looked at
			if err := os.WriteFile(filepath.Join(s.spool, "upload-123"), []byte("spooled"), 0o600); err != nil {
				t.Fatal(err)
			}
			if _, err := s.store.CreateMultipart(ctx, "assets/ast_gone/ver_gone/big.bin", ""); err != nil {
				t.Fatal(err)
			}

			// Young leftovers stay, whatever is asked.
			if r, err := s.young.SweepOrphans(ctx, true); err != nil || r.Total() != 0 {
				t.Errorf("sweep with a grace of an hour: %+v, %v; want nothing", r, err)
			}
			for _, k := range append(orphans, referenced...) {
				if !s.exists(k) {
					t.Errorf("%s deleted while younger than the grace", k)
				}
			}
			// A report deletes nothing.
			r, err := s.noGrace.SweepOrphans(ctx, false)
			want := media.OrphanReport{Spool: media.OrphanCount{Count: 1, Bytes: 7}, Objects: media.OrphanCount{Count: 2, Bytes: int64(len("bytes of ")*2 + len(orphans[0]) + len(orphans[1]))},
				Multipart: media.OrphanCount{Count: 1, Bytes: -1}}
			if err != nil || r != want {
				t.Errorf("report: %+v, %v; want %+v", r, err, want)
			}
			if !s.exists(orphans[0]) {
				t.Error("a report deleted an orphan")
			}
			if r, err := s.noGrace.SweepOrphans(ctx, true); err != nil || r != want {
				t.Errorf("repair: %+v, %v; want %+v", r, err, want)
			}
			for _, k := range orphans {
				if s.exists(k) {
					t.Errorf("orphan %s kept", k)
				}
			}
			for _, k := range append(referenced, "elsewhere/not-ours") {
				if !s.exists(k) {
					t.Errorf("%s deleted, though a row points to it or it is not Mediagraph's", k)
				}
			}
			if left, _ := os.ReadDir(s.spool); len(left) != 0 {
				t.Errorf("spool files left: %v", left)
			}
			if list, _, err := s.store.ListMultipart(ctx, "", 10); err != nil || len(list) != 0 {
				t.Errorf("multipart uploads left: %+v %v", list, err)
			}
			if r, err := s.noGrace.SweepOrphans(ctx, false); err != nil || r.Total() != 0 {
				t.Errorf("after the repair: %+v, %v", r, err)
			}
		})
	}
}
