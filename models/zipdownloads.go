package models

import (
	"context"
	"fmt"
	"time"
)

// ZipPrefix is the prefix of ZIP download ids.
const ZipPrefix = "zip"

// ZipEntry is one file of a ZIP download: a version's bytes under a path of the archive. Epoch is the
// asset's grant epoch when the download was made: revoking the asset's signed URLs leaves it out.
type ZipEntry struct {
	AssetID string `json:"a"`
	Number  int    `json:"v"`
	Path    string `json:"p"`
	Epoch   int    `json:"e"`
}

// ZipDownload is the selection a signed ZIP download URL streams, fixed when the URL was made.
type ZipDownload struct {
	ID        string  `gorm:"primaryKey;size:40"`
	IssuerID  *string `gorm:"size:40"`
	Entries   JSON[[]ZipEntry]
	ExpiresAt time.Time
	CreatedAt time.Time
}

// CreateZipDownload stores a ZIP download, and deletes the expired ones: no URL opens them any more.
func (db *DB) CreateZipDownload(ctx context.Context, z *ZipDownload) error {
	g := db.with(ctx)
	if err := g.Where("expires_at < ?", Now()).Delete(&ZipDownload{}).Error; err != nil {
		return fmt.Errorf("delete expired zip downloads: %w", err)
	}
	if err := g.Create(z).Error; err != nil {
		return fmt.Errorf("insert zip download: %w", translate(err))
	}
	return nil
}

// ZipDownloadByID returns a stored ZIP download.
func (db *DB) ZipDownloadByID(ctx context.Context, id string) (*ZipDownload, error) {
	var z ZipDownload
	if err := db.with(ctx).Where("id = ?", id).Take(&z).Error; err != nil {
		return nil, translate(err)
	}
	return &z, nil
}

// SelectAssets returns up to limit assets of q in id order, with their current versions: a selection
// too large to page through a list.
func (db *DB) SelectAssets(ctx context.Context, q AssetQuery, limit int) ([]*Asset, error) {
	g, err := db.assetScope(ctx, q, true)
	if err != nil {
		return nil, err
	}
	assets, err := findAssets(g.Order("assets.id").Limit(limit))
	if err != nil {
		return nil, fmt.Errorf("select assets: %w", err)
	}
	return assets, nil
}

// idBatch bounds the ids of one IN list, well within both dialects' limits of bound parameters.
const idBatch = 1000

// VersionsOf returns every version of the assets of ids, by asset id and number, in batches.
func (db *DB) VersionsOf(ctx context.Context, ids []string) (map[string]map[int]*AssetVersion, error) {
	out := make(map[string]map[int]*AssetVersion, len(ids))
	for start := 0; start < len(ids); start += idBatch {
		batch, err := db.VersionsForAssets(ctx, ids[start:min(start+idBatch, len(ids))])
		if err != nil {
			return nil, err
		}
		for id, vs := range batch {
			out[id] = make(map[int]*AssetVersion, len(vs))
			for _, v := range vs {
				out[id][v.Number] = v
			}
		}
	}
	return out, nil
}

// AssetsOf returns the assets of ids, trashed ones included, by id, in batches.
func (db *DB) AssetsOf(ctx context.Context, ids []string) (map[string]*Asset, error) {
	out := make(map[string]*Asset, len(ids))
	for start := 0; start < len(ids); start += idBatch {
		batch, err := db.AssetsByID(ctx, ids[start:min(start+idBatch, len(ids))], Visibility{})
		if err != nil {
			return nil, err
		}
		for _, a := range batch {
			out[a.ID] = a
		}
	}
	return out, nil
}
