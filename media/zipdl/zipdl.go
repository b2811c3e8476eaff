// Package zipdl is ZIP downloads: a selection of assets chosen by an editor, fixed behind a signed
// expiring URL, and streamed as a ZIP archive built on the fly from the store, in constant memory.
package zipdl

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/imageurl"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/storage"
)

// Issuers says whether the API token that made a download still stands.
type Issuers interface {
	Revoked(ctx context.Context, tokenID string) (bool, error)
}

// Service makes and streams ZIP downloads.
type Service struct {
	db             *models.DB
	store          storage.Store
	urls           *imageurl.Signer
	issuers        Issuers
	log            *slog.Logger
	maxFiles       int
	serveUnscanned bool
}

// New returns ZIP downloads of db's assets from store; urls signs the download URLs, issuers says
// whether the tokens that made them still stand, maxFiles bounds one archive.
func New(db *models.DB, store storage.Store, urls *imageurl.Signer, issuers Issuers, maxFiles int, serveUnscanned bool, log *slog.Logger) *Service {
	return &Service{db: db, store: store, urls: urls, issuers: issuers, log: log, maxFiles: maxFiles, serveUnscanned: serveUnscanned}
}

// ttl is how long a download URL opens: long enough to start a large download, short enough that a
// leaked link soon stops working. The check is made when the download starts, never in its middle.
const ttl = time.Hour

// pathPrefix is the route of downloads: /media/zip/{id}/{filename}.
const pathPrefix = "/media/zip/"

// Input chooses the assets of a download: the assets of IDs, and those of CollectionID (and the
// collections below it) that match Filter, or of Filter alone.
type Input struct {
	IDs             []string
	CollectionID    *string
	Filter          *models.AssetFilter
	IncludeVersions bool
}

// Download is a signed URL streaming a ZIP of FileCount files until ExpiresAt.
type Download struct {
	URL       string
	ExpiresAt time.Time
	FileCount int
}

// Create fixes the files of in behind a new signed URL. Trashed assets and bytes the gate would not
// deliver (quarantined, or unscanned when those are not served) are left out.
func (s *Service) Create(ctx context.Context, in Input) (*Download, error) {
	p, err := access.Authorize(ctx, access.Write)
	if err != nil {
		return nil, err
	}
	if len(in.IDs) == 0 && in.CollectionID == nil && in.Filter == nil {
		return nil, access.Invalid("input", "choose the assets: ids, collectionId or filter")
	}
	if len(in.IDs) > s.maxFiles {
		return nil, s.tooMany("input.ids", len(in.IDs))
	}
	assets, err := s.selectAssets(ctx, in, p.Visibility())
	if err != nil {
		return nil, err
	}
	entries, err := s.entries(ctx, assets, in.IncludeVersions)
	if err != nil {
		return nil, err
	}
	if len(entries) > s.maxFiles {
		return nil, s.tooMany("input", len(entries))
	}
	name, err := s.archiveName(ctx, in.CollectionID)
	if err != nil {
		return nil, err
	}
	return s.record(ctx, p, entries, name)
}

func (s *Service) tooMany(field string, n int) error {
	return &access.Error{Code: access.CodeTooManyFiles, Field: field,
		Message: fmt.Sprintf("a ZIP download holds at most %d files (MEDIAGRAPH_ZIP_MAX_FILES); this one would hold %d", s.maxFiles, n)}
}

// record stores the download and signs its URL.
func (s *Service) record(ctx context.Context, p *access.Principal, entries []models.ZipEntry, name string) (*Download, error) {
	now := models.Now()
	z := &models.ZipDownload{ID: models.NewID(models.ZipPrefix), Entries: models.JSONOf(entries),
		ExpiresAt: now.Add(ttl).Truncate(time.Second), CreatedAt: now}
	if p.TokenID != "" {
		z.IssuerID = &p.TokenID
	}
	if err := s.db.CreateZipDownload(ctx, z); err != nil {
		return nil, err
	}
	// The signature covers the download's id; the name after it only tells browsers what to save as.
	signed := s.urls.AssetURL(pathPrefix+z.ID, imageurl.ImageParams{}, imageurl.URLOptions{Expires: &z.ExpiresAt, Issuer: p.TokenID})
	base, query, _ := strings.Cut(signed, "?")
	u := base + "/" + url.PathEscape(name) + "?" + query
	return &Download{URL: u, ExpiresAt: z.ExpiresAt, FileCount: len(entries)}, nil
}

// archiveName is the name the browser saves the archive under: the collection's, or a generic one.
func (s *Service) archiveName(ctx context.Context, collectionID *string) (string, error) {
	if collectionID == nil {
		return "assets.zip", nil
	}
	c, err := s.db.CollectionByID(ctx, *collectionID)
	if err != nil {
		return "", err
	}
	return safeSegment(c.Name) + ".zip", nil
}

// selectAssets returns the live assets of in, each once, at most one more than the limit.
func (s *Service) selectAssets(ctx context.Context, in Input, vis models.Visibility) ([]*models.Asset, error) {
	var out []*models.Asset
	if len(in.IDs) > 0 {
		byID, err := s.db.AssetsOf(ctx, in.IDs)
		if err != nil {
			return nil, err
		}
		for i, id := range in.IDs {
			a := byID[id]
			if a == nil {
				return nil, &access.Error{Code: access.CodeNotFound, Field: fmt.Sprintf("input.ids[%d]", i), Message: "no asset " + id}
			}
			out = append(out, a)
		}
	}
	if in.CollectionID != nil || in.Filter != nil {
		f, err := s.query(ctx, in)
		if err != nil {
			return nil, err
		}
		found, err := s.db.SelectAssets(ctx, models.AssetQuery{Filter: f, Visibility: vis}, s.maxFiles+1)
		if err != nil {
			return nil, filterError(err)
		}
		out = append(out, found...)
	}
	return live(out), nil
}

// query is the filter of in: its own, within the collection and the collections below it.
func (s *Service) query(ctx context.Context, in Input) (*models.AssetFilter, error) {
	if in.CollectionID == nil {
		return in.Filter, nil
	}
	if _, err := s.db.CollectionByID(ctx, *in.CollectionID); errors.Is(err, models.ErrNotFound) {
		return nil, &access.Error{Code: access.CodeNotFound, Field: "input.collectionId", Message: "no collection " + *in.CollectionID}
	} else if err != nil {
		return nil, err
	}
	below := true
	within := &models.AssetFilter{Collection: &models.CollectionFilter{Eq: in.CollectionID, Descendants: &below}}
	if in.Filter == nil {
		return within, nil
	}
	return &models.AssetFilter{AND: []*models.AssetFilter{in.Filter, within}}, nil
}

// filterError maps the ways a filter can be wrong onto client errors, under the input's field.
func filterError(err error) error {
	var forbidden *models.FilterForbiddenError
	var fe *models.FilterError
	switch {
	case errors.As(err, &forbidden):
		return &access.Error{Code: access.CodeForbidden, Message: forbidden.Reason, Field: "input.filter." + forbidden.Field}
	case errors.As(err, &fe):
		return access.Invalid(strings.TrimSuffix("input.filter."+fe.Field, "."), "%s", fe.Reason)
	}
	return err
}

// live keeps each asset once, and none in the trash.
func live(assets []*models.Asset) []*models.Asset {
	seen := map[string]bool{}
	out := assets[:0]
	for _, a := range assets {
		if seen[a.ID] || a.DeletedAt != nil {
			continue
		}
		seen[a.ID] = true
		out = append(out, a)
	}
	return out
}
