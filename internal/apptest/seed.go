package apptest

import (
	"context"
	"fmt"
	"time"

	"github.com/mediagraph/mediagraph/models"
	"gorm.io/gorm"
)

// Seed writes n PUBLIC image assets straight into the catalogue, for tests and benchmarks that need
// many rows rather than many files: each has two of ten tags, an English alt and title, one of five
// collections, and every third one a live usage. No bytes are stored.
func (s *Server) Seed(n int) {
	s.tb.Helper()
	ctx := context.Background()
	g := s.App.DB.Gorm().WithContext(ctx)
	now := models.Now()
	var collections []models.Collection
	for i := range 5 {
		id := models.NewID("col")
		name := fmt.Sprintf("seed collection %d", i)
		collections = append(collections, models.Collection{ID: id, Name: name, NameKey: models.FoldKey(name), Path: "/" + id + "/", CreatedAt: now, UpdatedAt: now})
	}
	var tags []models.Tag
	for i := range 10 {
		name := fmt.Sprintf("seed-tag-%d", i)
		tags = append(tags, models.Tag{ID: models.NewID("tag"), Name: name, NameKey: models.FoldKey(name), CreatedAt: now})
	}
	var (
		assets   []models.Asset
		versions []models.AssetVersion
		meta     []models.AssetMetadata
		assigned []models.AssetTag
		usages   []models.Usage
	)
	width, height := 1200, 800
	for i := range n {
		id, vid := models.NewID("ast"), models.NewID("ver")
		name := fmt.Sprintf("seed-%05d.jpg", i)
		created := now.Add(-time.Duration(i) * time.Second)
		hash := fmt.Sprintf("%064x", i)
		key := fmt.Sprintf("assets/%s/%s/%s", id, vid, name)
		assets = append(assets, models.Asset{
			ID: id, Status: models.StatusPublic, Filename: name, Basename: name[:len(name)-4],
			Version: 1, CollectionID: &collections[i%5].ID, CreatedAt: created, UpdatedAt: created,
		})
		versions = append(versions, models.AssetVersion{
			ID: vid, AssetID: id, Number: 1, ObjectKey: key, Filename: name, Kind: models.KindImage, Format: "jpg",
			MimeType: "image/jpeg", Size: int64(1000 + i), Width: &width, Height: &height, MD5: hash[:32], SHA256: hash,
			CreatedAt: created,
		})
		alt, title := "Seeded picture "+name, "Seed "+name
		meta = append(meta, models.AssetMetadata{AssetID: id, Locale: "en", Alt: &alt, Title: &title, UpdatedAt: now})
		assigned = append(assigned, models.AssetTag{AssetID: id, TagID: tags[i%10].ID, CreatedAt: now},
			models.AssetTag{AssetID: id, TagID: tags[(i+3)%10].ID, CreatedAt: now})
		if i%3 == 0 {
			usages = append(usages, models.Usage{
				ID: models.NewID("usg"), AssetID: id, EntryType: "article", EntryID: fmt.Sprint(i), Field: "cover",
				Live: true, CreatedAt: now, UpdatedAt: now,
			})
		}
	}
	err := g.Transaction(func(tx *gorm.DB) error {
		for _, rows := range []any{collections, tags, assets, versions, meta, assigned, usages} {
			if err := tx.CreateInBatches(rows, 200).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		s.tb.Fatalf("seed %d assets: %v", n, err)
	}
	// Planner statistics, as a database that grew over time has them.
	if err := g.Exec("ANALYZE").Error; err != nil {
		s.tb.Fatalf("analyze: %v", err)
	}
}
