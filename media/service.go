package media

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/netip"
	"regexp"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/remote"
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

// Service is the media library.
type Service struct {
	db         *models.DB
	store      storage.Store
	settings   Settings
	cursors    models.Cursors
	log        *slog.Logger
	fetcher    *remote.Fetcher
	analysis   analysis
	transforms *transforms
	background *background
	// tokenTouched remembers when each token's use was last written (token id → time.Time).
	tokenTouched sync.Map
}

// Limits of uncached transforms: how many one client may have in flight (running or waiting), and how
// long one waits for a free core before the client is told to retry.
const (
	transformsPerClient   = 8
	transformQueueTimeout = 10 * time.Second
	// pendingStores bounds the transforms being stored after their response went out.
	pendingStores = 32
)

// New returns the library over a migrated database and a store.
func New(ctx context.Context, db *models.DB, store storage.Store, settings Settings, log *slog.Logger) (*Service, error) {
	if err := settings.Validate(); err != nil {
		return nil, err
	}
	key, err := db.Secret(ctx, "cursor_key")
	if err != nil {
		return nil, err
	}
	return &Service{
		db: db, store: store, settings: settings, cursors: models.NewCursors(key), log: log,
		fetcher: remote.New(settings.FetchAllow), analysis: newAnalysis(),
		transforms: newTransforms(runtime.GOMAXPROCS(0), transformsPerClient, transformQueueTimeout),
		background: newBackground(pendingStores),
	}, nil
}

// Generation is the number of catalogue changes committed so far, for caches of what readers saw.
func (s *Service) Generation(ctx context.Context) (int64, error) { return s.db.Generation(ctx) }

// Settings returns the library's rules.
func (s *Service) Settings() Settings { return s.settings }

// VisibleSettings returns the library's rules to any authenticated caller.
func (s *Service) VisibleSettings(ctx context.Context) (Settings, error) {
	if _, err := authorize(ctx, readAccess); err != nil {
		return Settings{}, err
	}
	return s.settings, nil
}

// Ready checks that the database and the store answer.
func (s *Service) Ready(ctx context.Context) error {
	if err := s.db.Ping(ctx); err != nil {
		return fmt.Errorf("database: %w", err)
	}
	if err := s.store.Ping(ctx); err != nil {
		return fmt.Errorf("object store: %w", err)
	}
	return nil
}

// LocaleChain is the order in which a localized value is looked for: the locale asked for (the
// default when nil), its fallbacks, then the default locale.
func (s *Service) LocaleChain(locale *string) ([]string, error) {
	def := s.settings.DefaultLocale()
	if locale == nil || *locale == def {
		return []string{def}, nil
	}
	if err := s.checkLocale("locale", *locale); err != nil {
		return nil, err
	}
	chain := []string{*locale}
	for _, l := range append(slices.Clone(s.settings.Fallbacks[*locale]), def) {
		if !slices.Contains(chain, l) {
			chain = append(chain, l)
		}
	}
	return chain, nil
}

func (s *Service) checkLocale(field, locale string) error {
	if !slices.Contains(s.settings.Locales, locale) {
		return invalid(field, "unknown locale %q; this library's locales are %v", locale, s.settings.Locales)
	}
	return nil
}
