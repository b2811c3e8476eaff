package models

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/oklog/ulid/v2"
	"gorm.io/gorm"
)

// SeedOptions shape the synthetic library SeedSynthetic writes.
type SeedOptions struct {
	Assets int
	// Progress, when set, is told how many assets are written so far after each batch.
	Progress func(done int)
}

// The synthetic library's fixed parts: benchmarks filter by these names.
const (
	SeedCommonTag  = "brand"     // on about one asset in twenty
	SeedRareWord   = "cathedral" // in about one title in two hundred
	seedRoots      = 10          // root collections, each with seedChildren below it
	seedChildren   = 10
	seedTags       = 300
	seedStartYear  = 2023
	seedBatchSizes = 5000
)

// SeedSynthetic writes a synthetic library in bulk, for benchmarks: collections two levels deep,
// tags, and assets with a current version, titles in two locales, notes, tags, smart tags, camera
// data and their search documents. It writes rows directly, without events: nothing subscribes
// to a benchmark's library. The same options write the same library.
func (db *DB) SeedSynthetic(ctx context.Context, opt SeedOptions) error {
	r := rand.New(rand.NewPCG(1, 2))
	s := &seeder{db: db, r: r, words: seedVocabulary(r)}
	if err := s.folders(ctx); err != nil {
		return err
	}
	if err := s.tagRows(ctx); err != nil {
		return err
	}
	start := time.Date(seedStartYear, 1, 1, 0, 0, 0, 0, time.UTC)
	step := 3 * 365 * 24 * time.Hour / time.Duration(max(opt.Assets, 1))
	batch := seedBatchSizes
	if db.dialect == SQLite {
		batch = 500 // SQLite's 32766 variables a statement
	}
	return db.withoutIndexes(ctx, func() error {
		for done := 0; done < opt.Assets; {
			n := min(batch, opt.Assets-done)
			if err := s.assets(ctx, n, start.Add(time.Duration(done)*step), step); err != nil {
				return err
			}
			done += n
			if opt.Progress != nil {
				opt.Progress(done)
			}
		}
		return nil
	})
}

// seedRowsPerInsert keeps a multi-row INSERT under the dialect's limit of bound values (PostgreSQL
// 65535, SQLite 32766) at the widest seeded row, asset_versions' few dozen columns.
func seedRowsPerInsert(d Dialect) int {
	if d == Postgres {
		return 1000
	}
	return 500
}

type seeder struct {
	db      *DB
	r       *rand.Rand
	words   []string
	leaves  []*Collection
	tags    []Tag
	entropy *ulid.MonotonicEntropy
}

// seedVocabulary is made-up words of three syllables, plus a few real ones benchmarks look for.
func seedVocabulary(r *rand.Rand) []string {
	syllables := strings.Fields("ka lo mi ra ten vo su pe ni da ro lu ve ma ti no ba che gra fio")
	words := []string{"harbour", "duomo", "mountain", "portrait", "summer", "winter", "street", "studio"}
	seen := map[string]bool{}
	for len(words) < 2000 {
		w := syllables[r.IntN(len(syllables))] + syllables[r.IntN(len(syllables))] + syllables[r.IntN(len(syllables))]
		if !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	return words
}

// word picks a word, the first ones far more often, as in real text.
func (s *seeder) word() string {
	f := s.r.Float64()
	return s.words[int(f*f*f*float64(len(s.words)))]
}

func (s *seeder) phrase(n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = s.word()
	}
	return strings.Join(w, " ")
}

func (s *seeder) folders(ctx context.Context) error {
	now := Now()
	var all []*Collection
	for i := range seedRoots {
		root := &Collection{ID: NewID(CollectionPrefix), Name: fmt.Sprintf("Campaign %d", i), CreatedAt: now, UpdatedAt: now}
		root.NameKey, root.Path = FoldKey(root.Name), "/"+root.ID+"/"
		all = append(all, root)
		for j := range seedChildren {
			c := &Collection{ID: NewID(CollectionPrefix), Name: fmt.Sprintf("Shoot %d-%d %s", i, j, s.word()), ParentID: &root.ID, CreatedAt: now, UpdatedAt: now}
			c.NameKey, c.Path = FoldKey(c.Name), root.Path+c.ID+"/"
			all = append(all, c)
			s.leaves = append(s.leaves, c)
		}
	}
	if err := s.db.with(ctx).Create(all).Error; err != nil {
		return fmt.Errorf("seed collections: %w", err)
	}
	return nil
}

// SeedRootCollection is the id of the first root collection SeedSynthetic wrote.
func (db *DB) SeedRootCollection(ctx context.Context) (string, error) {
	var id string
	err := db.with(ctx).Model(&Collection{}).Where("parent_id IS NULL AND name = ?", "Campaign 0").Limit(1).Pluck("id", &id).Error
	if err != nil || id == "" {
		return "", fmt.Errorf("no seeded collection (run bench seed first): %w", err)
	}
	return id, nil
}

func (s *seeder) tagRows(ctx context.Context) error {
	now := Now()
	s.tags = make([]Tag, seedTags)
	for i := range s.tags {
		name := fmt.Sprintf("%s-%d", s.words[i%len(s.words)], i)
		if i == 0 {
			name = SeedCommonTag
		}
		s.tags[i] = Tag{ID: NewID(TagPrefix), Name: name, NameKey: FoldKey(name), CreatedAt: now}
	}
	if err := s.db.with(ctx).Create(&s.tags).Error; err != nil {
		return fmt.Errorf("seed tags: %w", err)
	}
	return nil
}

// seedKinds are the kinds of the synthetic assets with their share in percent.
var seedKinds = []struct {
	kind          AssetKind
	share         int
	format, mime  string
	duration, dim bool
}{
	{KindImage, 70, "jpg", "image/jpeg", false, true},
	{KindVideo, 15, "mp4", "video/mp4", true, true},
	{KindDocument, 10, "pdf", "application/pdf", false, false},
	{KindAudio, 5, "mp3", "audio/mpeg", true, false},
}

// seededAsset is one synthetic asset with its rows.
type seededAsset struct {
	asset   Asset
	version AssetVersion
	meta    []AssetMetadata
	tags    []AssetTag
	smart   []AssetSmartTag
	doc     searchDoc
}

func (s *seeder) assets(ctx context.Context, n int, from time.Time, step time.Duration) error {
	rows := make([]seededAsset, n)
	for i := range rows {
		s.fill(&rows[i], from.Add(time.Duration(i)*step))
	}
	return s.db.gorm.WithContext(ctx).Transaction(func(g *gorm.DB) error {
		tx := &DB{gorm: g.Session(&gorm.Session{SkipHooks: true}), dialect: s.db.dialect}
		var (
			assets   = make([]Asset, n)
			versions = make([]AssetVersion, n)
			meta     []AssetMetadata
			tags     []AssetTag
			smart    []AssetSmartTag
			docs     = make([]searchDoc, n)
		)
		for i := range rows {
			assets[i], versions[i], docs[i] = rows[i].asset, rows[i].version, rows[i].doc
			meta, tags, smart = append(meta, rows[i].meta...), append(tags, rows[i].tags...), append(smart, rows[i].smart...)
		}
		for _, list := range []any{&assets, &versions, &meta, &tags, &smart} {
			if err := tx.gorm.CreateInBatches(list, seedRowsPerInsert(s.db.dialect)).Error; err != nil {
				return fmt.Errorf("seed assets: %w", err)
			}
		}
		return tx.writeSearchDocs(ctx, docs)
	})
}

func (s *seeder) fill(sa *seededAsset, at time.Time) {
	r := s.r
	if s.entropy == nil {
		s.entropy = ulid.Monotonic(rand.NewChaCha8([32]byte{1}), 0)
	}
	id := AssetPrefix + "_" + strings.ToLower(ulid.MustNew(ulid.Timestamp(at), s.entropy).String())
	pick := r.IntN(100)
	k := seedKinds[0]
	for _, c := range seedKinds {
		if pick < c.share {
			k = c
			break
		}
		pick -= c.share
	}
	base := strings.ReplaceAll(s.phrase(2), " ", "-")
	a := Asset{ID: id, Status: StatusPublic, Filename: base + "." + k.format, Basename: base, Version: 1,
		CreatedAt: at, UpdatedAt: at, Moderation: Moderation{Status: ModerationApproved}}
	if r.IntN(5) == 0 {
		a.Status = StatusPrivate
	}
	author := "Photographer " + s.word()
	a.Author = &author
	if r.IntN(5) == 0 {
		notes := s.phrase(6)
		a.Notes = &notes
	}
	folder := s.leaves[r.IntN(len(s.leaves))]
	if r.IntN(10) > 0 {
		a.CollectionID = &folder.ID
	}
	v := AssetVersion{ID: NewID(VersionPrefix), AssetID: id, Number: 1, ObjectKey: "seed/" + id, Filename: a.Filename,
		OriginalFilename: "IMG_" + fmt.Sprint(r.IntN(10000)) + "." + k.format, Kind: k.kind, Format: k.format, MimeType: k.mime,
		Size: 10_000 + r.Int64N(20_000_000), MD5: fmt.Sprintf("%032x", r.Uint64()), SHA256: fmt.Sprintf("%064x", r.Uint64()),
		CreatedAt: at, Antivirus: Antivirus{Status: ScanClean}}
	an := Analysis{}
	if k.dim {
		w, h := 320+r.IntN(7000), 240+r.IntN(5000)
		v.Width, v.Height = &w, &h
	}
	if k.duration {
		d := 1 + r.Float64()*600
		v.Duration = &d
	}
	if k.kind == KindImage {
		maker, model := "Canon", "EOS R"+fmt.Sprint(r.IntN(10))
		taken := at.AddDate(0, 0, -r.IntN(400))
		an.Exif = &Exif{Make: &maker, Model: &model, DateTaken: &taken}
		for range r.IntN(4) {
			an.SmartTags = append(an.SmartTags, s.word())
		}
	}
	v.Analysis = JSONOf(an)
	title := s.phrase(3)
	if r.IntN(200) == 0 {
		title = SeedRareWord + " " + title
	}
	sa.meta = []AssetMetadata{{AssetID: id, Locale: "en", Title: &title, UpdatedAt: at}}
	if r.IntN(2) == 0 {
		it := s.phrase(3)
		sa.meta = append(sa.meta, AssetMetadata{AssetID: id, Locale: "it", Title: &it, UpdatedAt: at})
	}
	names := []string{}
	if a.CollectionID != nil {
		names = append(names, folder.Name)
	}
	seen := map[int]bool{}
	if r.IntN(20) == 0 {
		seen[0] = true
	}
	for range 1 + r.IntN(3) {
		seen[1+int(float64(seedTags-1)*r.Float64()*r.Float64())] = true
	}
	for i := range seen {
		sa.tags = append(sa.tags, AssetTag{AssetID: id, TagID: s.tags[i].ID, CreatedAt: at})
		names = append(names, s.tags[i].Name)
	}
	for _, st := range an.SmartTags {
		sa.smart = append(sa.smart, AssetSmartTag{AssetID: id, NameKey: FoldKey(st)})
	}
	sa.smart = uniqueSmartTags(sa.smart)
	full := a
	full.AssetVersion = &v
	sa.asset, sa.version = a, v
	sa.doc = buildSearchDoc(&full, an, metaPtrs(sa.meta), names)
}

func uniqueSmartTags(list []AssetSmartTag) []AssetSmartTag {
	seen := map[string]bool{}
	out := list[:0]
	for _, st := range list {
		if !seen[st.NameKey] {
			seen[st.NameKey] = true
			out = append(out, st)
		}
	}
	return out
}

func metaPtrs(list []AssetMetadata) []*AssetMetadata {
	out := make([]*AssetMetadata, len(list))
	for i := range list {
		out[i] = &list[i]
	}
	return out
}
