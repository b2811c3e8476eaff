// Package media wires the media library: access (who may do what), the catalogue (what the library
// knows), intake (bytes in) and deliver (bytes out) over one database and one store. Resolvers and
// HTTP handlers receive its Library; the packages below it call models (the database) and storage
// (the bytes).
package media

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/antivirus"
	"github.com/mediagraph/mediagraph/media/av"
	"github.com/mediagraph/mediagraph/media/catalogue"
	"github.com/mediagraph/mediagraph/media/clamd"
	"github.com/mediagraph/mediagraph/media/deliver"
	"github.com/mediagraph/mediagraph/media/imageurl"
	"github.com/mediagraph/mediagraph/media/intake"
	"github.com/mediagraph/mediagraph/media/membudget"
	"github.com/mediagraph/mediagraph/media/notify"
	"github.com/mediagraph/mediagraph/media/observe"
	"github.com/mediagraph/mediagraph/media/vision"
	"github.com/mediagraph/mediagraph/media/zipdl"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/remote"
	"github.com/mediagraph/mediagraph/storage"
)

// Runtime is what the library needs besides its settings, none of it set by the user directly.
type Runtime struct {
	// URLSigningKey signs delivery URLs: the configured key, else the one kept in the database.
	// SignTransforms requires (and puts) a signature on every transform URL, imgix-style: it is set
	// when the key was configured.
	URLSigningKey  []byte
	SignTransforms bool
	// SpoolDir holds the files of uploads in transit.
	SpoolDir string
	// Observer hears of transforms, uploads and analyses (metrics); nil: nobody.
	Observer observe.Observer
	// Memory hears of the bytes the memory budget holds (Go's soft memory limit); nil: nobody.
	Memory *membudget.Tracker
}

// Library is the media library: the services the resolvers and the HTTP edge call, wired over one
// database and one store.
type Library struct {
	Tokens      *access.Tokens
	Members     *access.Members
	Assets      *catalogue.Assets
	Tags        *catalogue.Tags
	Collections *catalogue.Collections
	Usages      *catalogue.Usages
	Intake      *intake.Service
	Deliver     *deliver.Service
	Antivirus   *antivirus.Service
	Webhooks    *notify.Webhooks
	// Subscriptions streams events to GraphQL subscriptions.
	Subscriptions *notify.Hub
	Audit         *notify.Audit
	Vision        *vision.Service // looks at images' pixels (faces, text, tags) in a background job
	// Zip makes and streams ZIP downloads.
	Zip *zipdl.Service
	// AV makes the posters, pages, waveforms and HLS streams of videos, documents and sounds.
	AV       *av.Service
	db       *models.DB
	store    storage.Store
	settings config.Library
	spoolDir string
	memory   *membudget.Budget
}

// memoryBudget bounds the bytes of all files that analysis and transforms hold in memory at once:
// two of the largest analyzed.
const memoryBudget = 512 << 20

// New returns the library over a migrated database and a store, with the settings that config.Load
// parsed and checked (nothing checks them again here); every part reads them from the same value.
func New(ctx context.Context, db *models.DB, store storage.Store, settings config.Library, rt Runtime, log *slog.Logger) (*Library, error) {
	if len(rt.URLSigningKey) == 0 {
		return nil, errors.New("a URL signing key is required")
	}
	cat, err := catalogue.New(ctx, db, store, settings, log)
	if err != nil {
		return nil, err
	}
	scanner, err := newScanner(settings)
	if err != nil {
		return nil, err
	}
	memory := membudget.New(memoryBudget, rt.Memory)
	urls := &imageurl.Signer{PublicURL: settings.PublicURL, URLSigningKey: rt.URLSigningKey, SignTransforms: rt.SignTransforms,
		Unsigned: imageurl.UnsignedList{Widths: settings.UnsignedWidths, Qualities: settings.UnsignedQualities}}
	tokens := access.NewTokens(db, log)
	lib := &Library{
		Tokens: tokens,
		Members: access.NewMembers(db, access.MemberSettings{PublicURL: settings.PublicURL, MaxFailures: settings.LoginMaxFailures,
			Backoff: settings.LoginBackoff, SessionTTL: settings.SessionTTL}, log),
		Assets: cat.Assets, Tags: cat.Tags, Collections: cat.Collections, Usages: cat.Usages,
		Intake:    intake.New(db, store, settings, cat, memory, log),
		Deliver:   deliver.New(db, cat.Registry, store, settings, urls, tokens, memory, log),
		Antivirus: antivirus.New(db, cat.Registry, store, scanner, settings, log),
		Webhooks: notify.NewWebhooks(db, cat.Assets, remote.New(settings.FetchAllow), notify.Settings{
			RetryBase: settings.WebhookRetryBase, Timeout: settings.WebhookTimeout, LogRetention: settings.WebhookLogRetention,
		}, log),
		Subscriptions: notify.NewHub(db, cat.Assets, settings.SubscriptionPoll, log),
		Audit:         notify.NewAudit(db, settings.AuditRetention),
		db:            db, store: store, settings: settings, spoolDir: rt.SpoolDir, memory: memory,
	}
	lib.Vision = vision.New(db, store, memory, settings, log)
	lib.Zip = zipdl.New(db, store, urls, tokens, settings.ZipMaxFiles, settings.ServeUnscanned, log)
	lib.AV = av.New(db, store, settings, rt.SpoolDir, log)
	lib.Deliver.UseStills(lib.AV)
	lib.Deliver.AnalyzeWith(lib.Intake.Analyzed)
	lib.Vision.AnalyzeWith(lib.Intake.Analyzed)
	lib.Intake.Observe(rt.Observer)
	lib.Deliver.Observe(rt.Observer)
	return lib, nil
}

// newScanner is the clamd of the settings, or none (nil) when none is configured.
func newScanner(settings config.Library) (antivirus.Scanner, error) {
	if settings.ClamdAddr == "" {
		return nil, nil
	}
	c, err := clamd.New(settings.ClamdAddr, settings.ClamdConnectTimeout, settings.ClamdReadTimeout)
	if err != nil {
		return nil, fmt.Errorf("MEDIAGRAPH_CLAMD_ADDR: %w", err)
	}
	return c, nil
}

// Generation is the number of catalogue changes committed so far, for caches of what readers saw.
func (s *Library) Generation(ctx context.Context) (int64, error) { return s.db.Generation(ctx) }

// NextAvailabilityChange is the earliest availableFrom or availableUntil of any asset after t (zero if
// none): when what delivery readers see changes with no write, for caches of what they saw.
func (s *Library) NextAvailabilityChange(ctx context.Context, t time.Time) (time.Time, error) {
	return s.db.NextAvailabilityChange(ctx, t)
}

// Settings returns the library's rules.
func (s *Library) Settings() config.Library { return s.settings }

// VisibleSettings returns the library's rules to any authenticated caller.
func (s *Library) VisibleSettings(ctx context.Context) (config.Library, error) {
	if _, err := access.Authorize(ctx, access.Read); err != nil {
		return config.Library{}, err
	}
	return s.settings, nil
}

// Ready checks that the database and the store answer.
func (s *Library) Ready(ctx context.Context) error {
	if err := s.db.Ping(ctx); err != nil {
		return fmt.Errorf("database: %w", err)
	}
	if err := s.store.Ping(ctx); err != nil {
		return fmt.Errorf("object store: %w", err)
	}
	return nil
}
