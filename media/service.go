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
	"net/netip"
	"regexp"
	"slices"
	"time"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/catalogue"
	"github.com/mediagraph/mediagraph/media/deliver"
	"github.com/mediagraph/mediagraph/media/imageurl"
	"github.com/mediagraph/mediagraph/media/intake"
	"github.com/mediagraph/mediagraph/media/membudget"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/storage"
)

// Settings are the rules of this library, set by configuration.
type Settings struct {
	// Locales lists the content locales; the first is the default.
	Locales []string
	// Fallbacks lists, per locale, where its missing values are looked for before the default locale.
	Fallbacks map[string][]string
	// MaxUploadBytes caps the size of one uploaded file.
	MaxUploadBytes int64
	// MaxFilesPerUpload caps the files of one upload call.
	MaxFilesPerUpload int
	// PublicURL is the address clients reach this service at; asset URLs start with it.
	PublicURL string
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
	// URLSigningKey signs delivery URLs; SignTransforms requires (and puts) a signature on every
	// transform URL, imgix-style.
	URLSigningKey  []byte
	SignTransforms bool
	// MaxTransformSide caps both sides of a transform's output.
	MaxTransformSide int
	// SpoolDir holds the files of uploads in transit; OrphanGrace is how old a leftover must be before
	// the sweep of crash leftovers deletes it (see SweepOrphans).
	SpoolDir    string
	OrphanGrace time.Duration
	// TransformTimeout is the deadline of one transform, from the moment it has a core.
	TransformTimeout time.Duration
}

var localePattern = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$`)

// Validate checks the settings are usable.
func (s Settings) Validate() error {
	if len(s.Locales) == 0 {
		return errors.New("at least one locale is required")
	}
	for _, l := range s.Locales {
		if !localePattern.MatchString(l) {
			return fmt.Errorf("locale %q is not a language tag such as en or pt-BR", l)
		}
	}
	for l, fbs := range s.Fallbacks {
		for _, x := range append([]string{l}, fbs...) {
			if !slices.Contains(s.Locales, x) {
				return fmt.Errorf("fallback names locale %q, which is not among the locales %v", x, s.Locales)
			}
		}
	}
	if s.MaxUploadBytes <= 0 || s.MaxFilesPerUpload <= 0 || s.MaxSinglePutBytes <= 0 || s.MaxSignedUploadBytes <= 0 || s.UploadTicketTTL <= 0 || s.MaxImagePixels <= 0 || s.MaxTransformSide <= 0 || s.TransformTimeout <= 0 {
		return errors.New("upload limits must be positive")
	}
	if len(s.URLSigningKey) == 0 {
		return errors.New("a URL signing key is required")
	}
	return nil
}

// DefaultLocale is the locale every fallback chain ends in.
func (s Settings) DefaultLocale() string { return s.Locales[0] }

// Library is the media library: the services the resolvers and the HTTP edge call, wired over one
// database and one store.
type Library struct {
	Tokens      *access.Tokens
	Assets      *catalogue.Assets
	Tags        *catalogue.Tags
	Collections *catalogue.Collections
	Usages      *catalogue.Usages
	Intake      *intake.Service
	Deliver     *deliver.Service
	db          *models.DB
	store       storage.Store
	settings    Settings
}

// memoryBudget bounds the bytes of all files that analysis and transforms hold in memory at once:
// two of the largest analyzed.
const memoryBudget = 512 << 20

// New returns the library over a migrated database and a store.
func New(ctx context.Context, db *models.DB, store storage.Store, settings Settings, log *slog.Logger) (*Library, error) {
	if err := settings.Validate(); err != nil {
		return nil, err
	}
	cat, err := catalogue.New(ctx, db, store, catalogue.Settings{Locales: settings.Locales, Fallbacks: settings.Fallbacks}, log)
	if err != nil {
		return nil, err
	}
	memory := membudget.New(memoryBudget)
	urls := &imageurl.Signer{PublicURL: settings.PublicURL, URLSigningKey: settings.URLSigningKey, SignTransforms: settings.SignTransforms}
	return &Library{
		Tokens: access.NewTokens(db, log),
		Assets: cat.Assets, Tags: cat.Tags, Collections: cat.Collections, Usages: cat.Usages,
		Intake: intake.New(db, store, intake.Settings{
			MaxUploadBytes: settings.MaxUploadBytes, MaxFilesPerUpload: settings.MaxFilesPerUpload, FetchAllow: settings.FetchAllow,
			UploadTypes: settings.UploadTypes, MaxSinglePutBytes: settings.MaxSinglePutBytes, MaxSignedUploadBytes: settings.MaxSignedUploadBytes,
			UploadTicketTTL: settings.UploadTicketTTL, MaxImagePixels: settings.MaxImagePixels,
		}, cat, memory, log),
		Deliver: deliver.New(db, store, deliver.Settings{
			DefaultLocale: settings.DefaultLocale(), MaxImagePixels: settings.MaxImagePixels, MaxTransformSide: settings.MaxTransformSide,
			TransformTimeout: settings.TransformTimeout,
		}, urls, memory, log),
		db: db, store: store, settings: settings,
	}, nil
}

// Generation is the number of catalogue changes committed so far, for caches of what readers saw.
func (s *Library) Generation(ctx context.Context) (int64, error) { return s.db.Generation(ctx) }

// Settings returns the library's rules.
func (s *Library) Settings() Settings { return s.settings }

// VisibleSettings returns the library's rules to any authenticated caller.
func (s *Library) VisibleSettings(ctx context.Context) (Settings, error) {
	if _, err := access.Authorize(ctx, access.Read); err != nil {
		return Settings{}, err
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
