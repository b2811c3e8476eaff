package models

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/internal/testdb"
)

// Versions stored before scanning existed are SKIPPED with that reason and their assets APPROVED;
// versions stored after start PENDING; the antivirus filter finds them by status.
func TestMigrationAntivirusAndModeration(t *testing.T) {
	testdb.Each(t, func(t *testing.T, url string) {
		ctx := context.Background()
		db, err := Open(url)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.migrateTo(ctx, "0005_delivery"); err != nil {
			t.Fatal(err)
		}
		seedBeforeVersionsOwnBytes(t, db, Now().Add(-time.Hour))
		if err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		old, err := db.VersionByNumber(ctx, "ast_img", 1)
		if err != nil {
			t.Fatal(err)
		}
		if av := old.Antivirus; av.Status != ScanSkipped || av.Error == nil || *av.Error != "stored before scanning existed" {
			t.Errorf("a version from before scanning: %+v", av)
		}
		now := Now()
		a := &Asset{ID: "ast_new", Status: StatusPrivate, Filename: "n.png", Basename: "n", Version: 1, CreatedAt: now, UpdatedAt: now}
		v := &AssetVersion{ID: "ver_new", AssetID: "ast_new", Number: 1, ObjectKey: "assets/ast_new/ver_new/n.png", Filename: "n.png",
			Kind: KindImage, Format: "png", MimeType: "image/png", Size: 10, MD5: "m", SHA256: "s", CreatedAt: now}
		a.AssetVersion = v
		if err := db.Transaction(ctx, func(tx *DB) error { return tx.CreateAsset(ctx, a, v, nil) }); err != nil {
			t.Fatal(err)
		}
		found, err := db.AssetsByID(ctx, []string{"ast_img", "ast_new"}, Visibility{})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range found {
			want := map[string]ScanStatus{"ast_img": ScanSkipped, "ast_new": ScanPending}[f.ID]
			if f.Antivirus.Status != want || f.Moderation.Status != ModerationApproved {
				t.Errorf("%s: antivirus %s (want %s), moderation %s (want APPROVED)", f.ID, f.Antivirus.Status, want, f.Moderation.Status)
			}
		}
		pending := ScanPending
		n, err := db.CountAssets(ctx, AssetQuery{Filter: &AssetFilter{Antivirus: &AntivirusFilter{Status: &ScanStatusFilter{Eq: &pending}}}})
		if err != nil || n != 1 {
			t.Errorf("antivirus filter: %d, %v", n, err)
		}
		_, err = db.CountAssets(ctx, AssetQuery{Visibility: Visibility{PublicOnly: true},
			Filter: &AssetFilter{AND: []*AssetFilter{{Antivirus: &AntivirusFilter{Status: &ScanStatusFilter{Eq: &pending}}}}}})
		if fe, ok := err.(*FilterForbiddenError); !ok || fe.Field != "AND[0].antivirus.status" {
			t.Errorf("a public-only reader's antivirus filter: %v", err)
		}

		// Quarantined bytes are left out of a full reanalysis; the verdict is final.
		if _, err := db.SaveAntivirus(ctx, "ast_new", 1, Antivirus{Status: ScanInfected}); err != nil {
			t.Fatal(err)
		}
		if wrote, err := db.SaveAntivirus(ctx, "ast_new", 1, Antivirus{Status: ScanClean}); err != nil || wrote {
			t.Errorf("an INFECTED verdict overwritten: %v, %v", wrote, err)
		}
		if ids, err := db.AssetIDs(ctx); err != nil || len(ids) != 2 || slices.Contains(ids, "ast_new") {
			t.Errorf("asset ids to reprocess: %v, %v", ids, err)
		}
	})
}
