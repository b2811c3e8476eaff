// Package catalogue is what the library knows about its assets: their versions, descriptions, tags,
// collections and usages, and the pages and cursors that list them. It is the only writer of those
// rows; intake records what it stored through Registry.
package catalogue

import (
	"context"
	"log/slog"
	"slices"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/storage"
)

// core is what every part of the catalogue shares.
type core struct {
	db       *models.DB
	store    storage.Store
	settings config.Library
	cursors  models.Cursors
	log      *slog.Logger
}

// Assets are the assets, their versions and descriptions.
type Assets struct{ *core }

// Tags are the tags and what carries them.
type Tags struct{ *core }

// Collections are the tree of collections assets are filed in.
type Collections struct{ *core }

// Usages are the entries of the CMS that reference assets.
type Usages struct {
	*core
	assets *Assets
}

// Registry records what intake stored: new assets, new versions, new analyses.
type Registry struct{ *core }

// Catalogue is every part of the catalogue over one database.
type Catalogue struct {
	Assets      *Assets
	Tags        *Tags
	Collections *Collections
	Usages      *Usages
	Registry    *Registry
}

// New returns the catalogue of a migrated database; store holds the bytes that purging removes.
func New(ctx context.Context, db *models.DB, store storage.Store, settings config.Library, log *slog.Logger) (*Catalogue, error) {
	key, err := db.Secret(ctx, "cursor_key")
	if err != nil {
		return nil, err
	}
	c := &core{db: db, store: store, settings: settings, cursors: models.NewCursors(key), log: log}
	assets := &Assets{c}
	return &Catalogue{Assets: assets, Tags: &Tags{c}, Collections: &Collections{c}, Usages: &Usages{c, assets}, Registry: &Registry{c}}, nil
}

// LocaleChain is the order in which a localized value is looked for: the locale asked for (the
// default when nil), its fallbacks, then the default locale.
func (s *Assets) LocaleChain(locale *string) ([]string, error) {
	def := s.settings.DefaultLocale()
	if locale == nil || *locale == def {
		return []string{def}, nil
	}
	if err := s.checkLocale("locale", *locale); err != nil {
		return nil, err
	}
	chain := []string{*locale}
	for _, l := range append(slices.Clone(s.settings.LocaleFallbacks[*locale]), def) {
		if !slices.Contains(chain, l) {
			chain = append(chain, l)
		}
	}
	return chain, nil
}

func (s *core) checkLocale(field, locale string) error {
	if !slices.Contains(s.settings.Locales, locale) {
		return access.Invalid(field, "unknown locale %q; this library's locales are %v", locale, s.settings.Locales)
	}
	return nil
}
