// Package intake is every way bytes come into the library — uploads, signed uploads, a remote URL, a
// replacement, a new analysis — as the same named steps: sniff the type from the first bytes, hash
// and store them, analyze what was stored (package probe), and register the result with the
// catalogue, which writes the rows.
package intake

import (
	"log/slog"

	"golang.org/x/sync/singleflight"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/media/catalogue"
	"github.com/mediagraph/mediagraph/media/membudget"
	"github.com/mediagraph/mediagraph/media/observe"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/remote"
	"github.com/mediagraph/mediagraph/storage"
)

// Service takes bytes in.
type Service struct {
	db       *models.DB
	store    storage.Store
	settings config.Library
	log      *slog.Logger
	fetcher  *remote.Fetcher
	analysis analysis
	assets   *catalogue.Assets
	registry *catalogue.Registry
	observer observe.Observer
	// completing joins the callers of CompleteAnalysis for one asset.
	completing singleflight.Group
}

// New returns intake into the catalogue c; memory bounds the files held in memory for analysis.
func New(db *models.DB, store storage.Store, settings config.Library, c *catalogue.Catalogue, memory *membudget.Budget, log *slog.Logger) *Service {
	return &Service{
		db: db, store: store, settings: settings, log: log,
		fetcher: remote.New(settings.FetchAllow), analysis: newAnalysis(memory),
		assets: c.Assets, registry: c.Registry, observer: observe.Nop{},
	}
}

// Observe sends what intake does (files taken in, analyses run) to o.
func (s *Service) Observe(o observe.Observer) { s.observer = observe.OrNop(o) }
