package models

import (
	"context"
	"reflect"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm/schema"

	"github.com/mediagraph/mediagraph/internal/testdb"
)

// The column scanner reads the very structs GORM's Find reads, on each database: an asset whose every
// column holds a value, one whose nullable columns are all NULL, and their tags.
func TestScanRowsReadsAsGORM(t *testing.T) {
	testdb.Each(t, func(t *testing.T, url string) {
		ctx := context.Background()
		db, err := Open(url)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		full := seedScanRows(t, db)

		var byGORM []assetRow
		g := db.with(ctx).Model(&Asset{}).Joins(currentVersionJoin).Order("assets.id")
		if err := g.Select(assetColumns()).Find(&byGORM).Error; err != nil {
			t.Fatal(err)
		}
		byScanner, err := assetRows().find(db.with(ctx).Model(&Asset{}).Joins(currentVersionJoin).Order("assets.id").Select(assetColumns()))
		if err != nil {
			t.Fatal(err)
		}
		if len(byGORM) != 2 {
			t.Fatalf("GORM read %d assets, want 2", len(byGORM))
		}
		if !reflect.DeepEqual(byScanner, byGORM) {
			t.Errorf("the scanner read\n%+v\nGORM read\n%+v", byScanner, byGORM)
		}
		// The comparison proves something only if every column of the full asset was set.
		for _, name := range zeroColumns(t, byGORM[1]) { // ast_full sorts after ast_bare
			t.Errorf("%s of %s is empty: the comparison does not cover it", name, full)
		}

		tags, err := db.TagsForAssets(ctx, []string{"ast_full", "ast_bare"})
		if err != nil {
			t.Fatal(err)
		}
		var tagsByGORM []assetTagRow
		if err := db.with(ctx).Table("asset_tags").Select("asset_tags.asset_id, tags.id, tags.name, tags.name_key, tags.created_at").
			Joins("JOIN tags ON tags.id = asset_tags.tag_id").Order("tags.name_key").Scan(&tagsByGORM).Error; err != nil {
			t.Fatal(err)
		}
		if len(tagsByGORM) != 2 || len(tags["ast_full"]) != 2 || len(tags["ast_bare"]) != 0 {
			t.Fatalf("tags: GORM %+v, TagsForAssets %+v", tagsByGORM, tags)
		}
		for i, tg := range tags["ast_full"] {
			if !reflect.DeepEqual(*tg, tagsByGORM[i].Tag) {
				t.Errorf("tag %d: scanner %+v, GORM %+v", i, *tg, tagsByGORM[i].Tag)
			}
		}
	})
}

// seedScanRows writes ast_full, every column set, and ast_bare, every nullable column NULL.
func seedScanRows(t *testing.T, db *DB) string {
	t.Helper()
	g := db.Gorm()
	now := Now().Truncate(time.Microsecond)
	at := func(d time.Duration) *time.Time { x := now.Add(d); return &x }
	s := func(v string) *string { return &v }
	w, h, dur := 640, 480, 1.5
	tok := &APIToken{ID: "tok_scan", Name: "scan", Role: RoleEditor, LookupKey: "lk", SecretHash: []byte{1}, CreatedAt: now}
	col := &Collection{ID: "col_scan", Name: "c", NameKey: "c", Path: "/col_scan/", CreatedAt: now, UpdatedAt: now}
	bare := &Asset{ID: "ast_bare", Status: StatusPrivate, Filename: "b.png", Basename: "b", Version: 1, CreatedAt: now, UpdatedAt: now,
		Moderation: Moderation{Status: ModerationApproved}}
	full := &Asset{ID: "ast_full", Status: StatusPublic, Filename: "f.jpg", Basename: "f", Version: 1,
		Author: s("ann"), Copyright: s("(c)"), Notes: s("n"), CollectionID: &col.ID, CreatedByID: &tok.ID, UpdatedByID: &tok.ID,
		CreatedAt: now, UpdatedAt: now.Add(time.Second), DeletedAt: at(2 * time.Second),
		AvailableFrom: at(-time.Hour), AvailableUntil: at(time.Hour), GrantEpoch: 3, VariantOfID: &bare.ID,
		Moderation: Moderation{Status: ModerationRejected, Note: s("no"), ByID: &tok.ID, At: at(3 * time.Second)}}
	versions := []*AssetVersion{
		{ID: "ver_bare", AssetID: bare.ID, Number: 1, ObjectKey: "k/b", Filename: "b.png", OriginalFilename: "b.png", Kind: KindImage,
			Format: "png", MimeType: "image/png", Size: 1, MD5: "m", SHA256: "s", CreatedAt: now, Antivirus: Antivirus{Status: ScanPending}},
		{ID: "ver_full", AssetID: full.ID, Number: 1, ObjectKey: "k/f", Filename: "f.jpg", OriginalFilename: "F.JPG", Kind: KindImage,
			Format: "jpg", MimeType: "image/jpeg", Size: 1234, Width: &w, Height: &h, MD5: "m5", SHA256: "s256", CreatedByID: &tok.ID,
			CreatedAt: now, Duration: &dur, Blurhash: s("bh"), Thumbhash: s("th"), LQIP: s("data:"),
			Analysis: JSONOf(Analysis{}), EmbeddedMetadata: JSONOf(JSONObject{"k": "v"}), ProcessingError: s("e"), AnalyzedAt: at(4 * time.Second),
			Antivirus: Antivirus{Status: ScanInfected, ScannedAt: at(5 * time.Second), ThreatName: s("eicar"), Attempts: 2, Error: s("x")}},
	}
	tags := []*Tag{{ID: "tag_a", Name: "a", NameKey: "a", CreatedAt: now}, {ID: "tag_b", Name: "b", NameKey: "b", CreatedAt: now}}
	links := []*AssetTag{{AssetID: full.ID, TagID: "tag_a", CreatedAt: now}, {AssetID: full.ID, TagID: "tag_b", CreatedAt: now}}
	for _, rows := range []any{tok, col, bare, full, versions, tags, links} {
		if err := g.Create(rows).Error; err != nil {
			t.Fatalf("seed %T: %v", rows, err)
		}
	}
	return full.ID
}

// zeroColumns names the columns of row that hold their type's zero value.
func zeroColumns(t *testing.T, row assetRow) []string {
	t.Helper()
	s, err := schema.Parse(&assetRow{}, &sync.Map{}, schema.NamingStrategy{})
	if err != nil {
		t.Fatal(err)
	}
	v := reflect.ValueOf(row)
	var out []string
	for _, f := range s.Fields {
		if f.DBName != "" && v.FieldByIndex(f.StructField.Index).IsZero() {
			out = append(out, f.DBName)
		}
	}
	return out
}
