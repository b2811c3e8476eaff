// Package intake is every way bytes come into the library — uploads, signed uploads, a remote URL, a
// replacement, a new analysis — as the same named steps: sniff the type from the first bytes, hash
// and store them, analyze what was stored (package probe), and register the result with the
// catalogue, which writes the rows.
package intake

import (
	"log/slog"
	"net/netip"
	"time"

	"github.com/mediagraph/mediagraph/media/catalogue"
	"github.com/mediagraph/mediagraph/media/membudget"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/remote"
	"github.com/mediagraph/mediagraph/storage"
)

// Settings are the rules of intake, set by configuration.
type Settings struct {
	// MaxUploadBytes caps the size of one uploaded file.
	MaxUploadBytes int64
	// MaxFilesPerUpload caps the files of one upload call.
	MaxFilesPerUpload int
	// FetchAllow lists private networks that createAssetFromUrl may reach nonetheless.
	FetchAllow []netip.Prefix
	// Signed uploads (createUploads): the types they may carry ("image/*" names a family), the largest
	// file one PUT may carry (larger ones go in parts), the largest file, and how long a ticket lasts.
	UploadTypes          []string
	MaxSinglePutBytes    int64
	MaxSignedUploadBytes int64
	UploadTicketTTL      time.Duration
	// MaxImagePixels refuses images whose frames hold more pixels, before they are decoded.
	MaxImagePixels int64
}

// Service takes bytes in.
type Service struct {
	db       *models.DB
	store    storage.Store
	settings Settings
	log      *slog.Logger
	fetcher  *remote.Fetcher
	analysis analysis
	assets   *catalogue.Assets
	registry *catalogue.Registry
}

// New returns intake into the catalogue c; memory bounds the files held in memory for analysis.
func New(db *models.DB, store storage.Store, settings Settings, c *catalogue.Catalogue, memory *membudget.Budget, log *slog.Logger) *Service {
	return &Service{
		db: db, store: store, settings: settings, log: log,
		fetcher: remote.New(settings.FetchAllow), analysis: newAnalysis(memory),
		assets: c.Assets, registry: c.Registry,
	}
}
