package models

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/internal/testdb"
)

// A catalogue written before versions owned their bytes: an image replaced once (an animated GIF,
// then a PNG with alpha, whose facts the asset row holds) and a video never replaced.
func seedBeforeVersionsOwnBytes(t *testing.T, db *DB, created time.Time) {
	t.Helper()
	g := db.with(context.Background())
	for _, stmt := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO assets (id, kind, status, filename, basename, format, mime_type, size, width, height, md5, sha256,
			object_key, version, created_at, updated_at, duration, blurhash, thumbhash, lqip, analysis, embedded_metadata,
			processing_error, analyzed_at) VALUES
			('ast_img', 'IMAGE', 'PUBLIC', 'logo.png', 'logo', 'png', 'image/png', 2000, 800, 600, 'md5png', 'sha256png',
			 'assets/ast_img/ver_2/logo.png', 2, ?, ?, NULL, 'LKO2', 'thumb', 'data:lqip', '{"hasAlpha":true,"colors":[{"r":1,"g":2,"b":3,"a":255}]}',
			 '{"Software":"test"}', NULL, ?),
			('ast_vid', 'VIDEO', 'PRIVATE', 'clip.mp4', 'clip', 'mp4', 'video/mp4', 9000, 640, 360, 'md5mp4', 'sha256mp4',
			 'assets/ast_vid/ver_v/clip.mp4', 1, ?, ?, 5.0, NULL, NULL, NULL, '{"frameRate":25,"videoCodec":"h264"}',
			 NULL, 'audio track unreadable', ?)`,
			[]any{created, created, created, created, created, created}},
		{`INSERT INTO asset_versions (id, asset_id, number, object_key, filename, mime_type, size, width, height, md5, sha256, created_at) VALUES
			('ver_1', 'ast_img', 1, 'assets/ast_img/ver_1/logo.gif', 'logo.gif', 'image/gif', 1000, 200, 200, 'md5gif', 'sha256gif', ?),
			('ver_2', 'ast_img', 2, 'assets/ast_img/ver_2/logo.png', 'logo.png', 'image/png', 2000, 800, 600, 'md5png', 'sha256png', ?),
			('ver_v', 'ast_vid', 1, 'assets/ast_vid/ver_v/clip.mp4', 'clip.mp4', 'video/mp4', 9000, 640, 360, 'md5mp4', 'sha256mp4', ?)`,
			[]any{created, created, created}},
		{`INSERT INTO asset_colors (asset_id, position, red, green, blue) VALUES ('ast_img', 0, 1, 2, 3)`, nil},
	} {
		if err := g.Exec(stmt.sql, stmt.args...).Error; err != nil {
			t.Fatalf("seed: %v", err)
		}
	}
}

// The migration that gives versions their bytes' facts moves them off a catalogue that holds rows
// from before it: the current versions take the asset's facts, older ones keep theirs, and every
// read, filter and order finds them on the version.
func TestMigrationVersionsOwnBytes(t *testing.T) {
	testdb.Each(t, func(t *testing.T, url string) {
		ctx := context.Background()
		db, err := Open(url)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.migrateTo(ctx, "0005_delivery"); err != nil {
			t.Fatalf("migrate to 0005: %v", err)
		}
		created := Now().Add(-time.Hour)
		seedBeforeVersionsOwnBytes(t, db, created)
		if err := db.Migrate(ctx); err != nil {
			t.Fatalf("migrate: %v", err)
		}

		for _, col := range []string{"size", "md5", "sha256", "mime_type", "format", "kind", "width", "analysis", "object_key", "analyzed_at"} {
			if db.gorm.Migrator().HasColumn(&Asset{}, col) {
				t.Errorf("assets.%s is still there", col)
			}
		}

		found, err := db.AssetsByID(ctx, []string{"ast_img", "ast_vid"}, Visibility{})
		if err != nil || len(found) != 2 {
			t.Fatalf("load assets: %v (%d found)", err, len(found))
		}
		byID := ByID(found)
		img, vid := byID["ast_img"], byID["ast_vid"]
		an, err := img.Analysis.Get()
		if err != nil {
			t.Fatal(err)
		}
		if img.AssetVersion.ID != "ver_2" || img.Kind != KindImage || img.Format != "png" || img.MimeType != "image/png" ||
			img.Size != 2000 || *img.Width != 800 || img.MD5 != "md5png" || img.SHA256 != "sha256png" ||
			img.ObjectKey != "assets/ast_img/ver_2/logo.png" || !an.HasAlpha || len(an.Colors) != 1 ||
			img.Blurhash == nil || *img.Blurhash != "LKO2" || img.LQIP == nil || img.AnalyzedAt == nil || img.Filename != "logo.png" {
			t.Errorf("current image version: %+v, analysis %+v", *img.AssetVersion, an)
		}
		meta, _ := img.EmbeddedMetadata.Get()
		if meta["Software"] != "test" {
			t.Errorf("embedded metadata: %v", meta)
		}
		if vid.Kind != KindVideo || vid.Duration == nil || *vid.Duration != 5 || vid.ProcessingError == nil ||
			*vid.ProcessingError != "audio track unreadable" {
			t.Errorf("video version: %+v", *vid.AssetVersion)
		}

		old, err := db.VersionByNumber(ctx, "ast_img", 1)
		if err != nil {
			t.Fatal(err)
		}
		oldAn, _ := old.Analysis.Get()
		if old.Kind != KindImage || old.Format != "gif" || old.MimeType != "image/gif" || old.Size != 1000 ||
			*old.Width != 200 || old.MD5 != "md5gif" || old.AnalyzedAt != nil || oldAn.HasAlpha || old.Blurhash != nil {
			t.Errorf("earlier version: %+v (analysis %+v); want its own facts and no analysis until reprocessed", *old, oldAn)
		}
		if past := img.AtVersion(old); past.Filename != "logo.gif" || past.Basename != "logo" || past.Size != 1000 {
			t.Errorf("asset at version 1: %s %s %d", past.Filename, past.Basename, past.Size)
		}

		checkVersionFilters(t, db)
	})
}

// checkVersionFilters runs filters and orders over the migrated rows: each must reach the current
// version and only it.
func checkVersionFilters(t *testing.T, db *DB) {
	ctx := context.Background()
	cursors := NewCursors([]byte("test"))
	first := 10
	list := func(f *AssetFilter, order AssetOrder) []string {
		t.Helper()
		page, err := db.ListAssets(ctx, AssetQuery{Filter: f, Order: order}, PageRequest{First: &first}, cursors)
		if err != nil {
			t.Fatalf("list: %v", err)
		}
		n, err := db.CountAssets(ctx, AssetQuery{Filter: f})
		if err != nil || n != int64(len(page.Assets)) {
			t.Fatalf("count: %d, %v; the page has %d", n, err, len(page.Assets))
		}
		var ids []string
		for _, a := range page.Assets {
			ids = append(ids, a.ID)
		}
		return ids
	}
	gif, smaller := "gif", int64(1500)
	for name, c := range map[string]struct {
		f     *AssetFilter
		order AssetOrder
		want  []string
	}{
		"everything by size":    {nil, OrderSizeDesc, []string{"ast_vid", "ast_img"}},
		"by width":              {nil, OrderWidthAsc, []string{"ast_vid", "ast_img"}},
		"old version's format":  {&AssetFilter{Format: &StringFilter{Eq: &gif}}, OrderCreatedAtAsc, nil},
		"old version's size":    {&AssetFilter{Size: &Int64Filter{Lt: &smaller}}, OrderCreatedAtAsc, nil},
		"kind":                  {&AssetFilter{Kind: &KindFilter{In: []AssetKind{KindVideo}}}, OrderCreatedAtAsc, []string{"ast_vid"}},
		"current md5":           {&AssetFilter{MD5: &StringFilter{In: []string{"md5png", "md5gif"}}}, OrderCreatedAtAsc, []string{"ast_img"}},
		"colors stay indexed":   {&AssetFilter{Colors: &ColorsFilter{AnyIn: []string{"#010203"}}}, OrderCreatedAtAsc, []string{"ast_img"}},
		"orientation from dims": {&AssetFilter{Orientation: &OrientationFilter{Eq: ptr(Landscape)}}, OrderFilenameAsc, []string{"ast_vid", "ast_img"}},
	} {
		if got := list(c.f, c.order); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", name, got, c.want)
		}
	}
	if a, err := db.AssetBySHA256(ctx, "sha256png"); err != nil || a.ID != "ast_img" {
		t.Errorf("by sha256 of the current version: %v, %v", a, err)
	}
	if _, err := db.AssetBySHA256(ctx, "sha256gif"); err != ErrNotFound {
		t.Errorf("by sha256 of a replaced version: %v, want not found", err)
	}
}

func ptr[T any](v T) *T { return &v }
