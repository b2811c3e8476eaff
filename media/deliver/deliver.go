// Package deliver is bytes out: the gate's decision of who may have an asset's bytes (Deliver), the
// transforms that resize and re-encode images and the stored results that spare making them twice,
// and the responsive images and URLs the API hands out.
package deliver

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"time"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/media/catalogue"
	"github.com/mediagraph/mediagraph/media/imageurl"
	"github.com/mediagraph/mediagraph/media/membudget"
	"github.com/mediagraph/mediagraph/media/observe"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/storage"
)

// Service delivers bytes.
type Service struct {
	db         *models.DB
	registry   *catalogue.Registry
	store      storage.Store
	settings   config.Library
	urls       *imageurl.Signer
	issuers    Issuers
	log        *slog.Logger
	memory     *membudget.Budget
	transforms *transforms
	background *background
	observer   observe.Observer
	served     *servedLog
	// stills, when set, lets videos, sounds and documents be transformed (UseStills).
	stills Stills
	// analyzed, when set, returns an asset with its pending pixels analyzed (AnalyzeWith).
	analyzed func(ctx context.Context, a *models.Asset) (*models.Asset, error)
}

// Limits of uncached transforms: how many one client may have in flight (running or waiting), and how
// long one waits for a free core before the client is told to retry.
const (
	transformsPerClient   = 8
	transformQueueTimeout = 10 * time.Second
	// pendingStores bounds the transforms being stored after their response went out.
	pendingStores = 32
	// maxTransformedBytes bounds the images read into memory to be transformed.
	maxTransformedBytes = 256 << 20
	// sweepBatch bounds the transforms one sweep deletes; the next sweep takes the rest.
	sweepBatch = 500
)

// New returns delivery of db's assets from store; registry records what transforms learn of them,
// urls signs and checks URLs, issuers says whether the tokens that signed grants still stand,
// memory bounds the images held in memory for transforms.
func New(db *models.DB, registry *catalogue.Registry, store storage.Store, settings config.Library, urls *imageurl.Signer, issuers Issuers, memory *membudget.Budget, log *slog.Logger) *Service {
	return &Service{
		db: db, registry: registry, store: store, settings: settings, urls: urls, issuers: issuers, log: log, memory: memory,
		transforms: newTransforms(runtime.GOMAXPROCS(0), transformsPerClient, transformQueueTimeout),
		background: newBackground(pendingStores),
		observer:   observe.Nop{},
		served:     newServedLog(),
	}
}

// AnalyzeWith has transforms of an image whose pixels are still pending analysis complete it first
// with analyzed, the analysis its background job runs: no transform is then made from damaged pixels
// that a partial decode would have made up.
func (s *Service) AnalyzeWith(analyzed func(ctx context.Context, a *models.Asset) (*models.Asset, error)) {
	s.analyzed = analyzed
}

// pixelsKnown returns a with its current version's pixels analyzed (AnalyzeWith). An asset purged or
// replaced meanwhile is answered for as it was found.
func (s *Service) pixelsKnown(ctx context.Context, a *models.Asset) (*models.Asset, error) {
	if s.analyzed == nil {
		return a, nil
	}
	fresh, err := s.analyzed(ctx, a)
	if err != nil {
		return nil, fmt.Errorf("before transforming: %w", err)
	}
	if fresh == nil {
		return a, nil
	}
	return fresh, nil
}

// Observe sends what delivery does (transforms made, stored ones reused) to o.
func (s *Service) Observe(o observe.Observer) { s.observer = observe.OrNop(o) }

// TransformSlots says how many transforms run now (each holding a core) and how many wait for one.
func (s *Service) TransformSlots() (running, waiting int) {
	return len(s.transforms.slots), int(s.transforms.waiting.Load())
}

// SweepDerivatives deletes the stored transforms of versions that were replaced: no URL the service
// hands out reaches them any more. It returns how many it removed.
func (s *Service) SweepDerivatives(ctx context.Context) (int, error) {
	keys, err := s.db.TakeReplacedDerivatives(ctx, sweepBatch)
	if err != nil {
		return 0, fmt.Errorf("sweep replaced transforms: %w", err)
	}
	storage.Discard(ctx, s.store, keys, s.log)
	return len(keys), nil
}
