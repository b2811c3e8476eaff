package models

import (
	"context"
	"fmt"
	"strings"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

// Migrations are written as SQL that both dialects run identically; the few type names that differ are
// written as placeholders and filled in per dialect.
var dialectTypes = map[Dialect]*strings.Replacer{
	SQLite:   strings.NewReplacer("{time}", "DATETIME", "{bytes}", "BLOB", "{float}", "REAL", "{serial}", "INTEGER PRIMARY KEY AUTOINCREMENT"),
	Postgres: strings.NewReplacer("{time}", "TIMESTAMPTZ", "{bytes}", "BYTEA", "{float}", "DOUBLE PRECISION", "{serial}", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"),
}

type sqlMigration struct {
	id         string
	statements []string
	// dialect, when set, is the only one that runs the statements; the other records the id alone.
	dialect Dialect
}

var migrations = []sqlMigration{
	{id: "0001_catalogue", statements: []string{
		`CREATE TABLE api_tokens (
			id VARCHAR(40) PRIMARY KEY,
			name TEXT NOT NULL,
			role VARCHAR(16) NOT NULL,
			lookup_key VARCHAR(32) NOT NULL UNIQUE,
			secret_hash {bytes} NOT NULL,
			created_at {time} NOT NULL,
			last_used_at {time},
			revoked_at {time})`,
		`CREATE TABLE settings (key VARCHAR(100) PRIMARY KEY, value TEXT NOT NULL)`,
		`CREATE TABLE collections (
			id VARCHAR(40) PRIMARY KEY,
			name TEXT NOT NULL,
			name_key TEXT NOT NULL,
			parent_id VARCHAR(40) REFERENCES collections(id),
			path TEXT NOT NULL,
			created_at {time} NOT NULL,
			updated_at {time} NOT NULL)`,
		`CREATE UNIQUE INDEX collections_sibling_name ON collections (COALESCE(parent_id, ''), name_key)`,
		`CREATE INDEX collections_parent ON collections (parent_id)`,
		`CREATE INDEX collections_path ON collections (path)`,
		`CREATE TABLE assets (
			id VARCHAR(40) PRIMARY KEY,
			kind VARCHAR(16) NOT NULL,
			status VARCHAR(16) NOT NULL,
			filename TEXT NOT NULL,
			basename TEXT NOT NULL,
			format VARCHAR(32) NOT NULL,
			mime_type TEXT NOT NULL,
			size BIGINT NOT NULL,
			width INTEGER,
			height INTEGER,
			md5 VARCHAR(32) NOT NULL,
			sha256 VARCHAR(64) NOT NULL,
			object_key TEXT NOT NULL,
			version INTEGER NOT NULL,
			author TEXT,
			copyright TEXT,
			notes TEXT,
			collection_id VARCHAR(40) REFERENCES collections(id),
			created_by_id VARCHAR(40) REFERENCES api_tokens(id),
			created_at {time} NOT NULL,
			updated_at {time} NOT NULL,
			deleted_at {time})`,
		`CREATE INDEX assets_created ON assets (created_at, id)`,
		`CREATE INDEX assets_updated ON assets (updated_at, id)`,
		`CREATE INDEX assets_filename ON assets (filename, id)`,
		`CREATE INDEX assets_size ON assets (size, id)`,
		`CREATE INDEX assets_collection ON assets (collection_id)`,
		`CREATE INDEX assets_sha256 ON assets (sha256)`,
		`CREATE INDEX assets_md5 ON assets (md5)`,
		`CREATE INDEX assets_status ON assets (status, created_at, id)`,
		`CREATE TABLE asset_versions (
			id VARCHAR(40) PRIMARY KEY,
			asset_id VARCHAR(40) NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
			number INTEGER NOT NULL,
			object_key TEXT NOT NULL,
			filename TEXT NOT NULL,
			mime_type TEXT NOT NULL,
			size BIGINT NOT NULL,
			width INTEGER,
			height INTEGER,
			md5 VARCHAR(32) NOT NULL,
			sha256 VARCHAR(64) NOT NULL,
			created_by_id VARCHAR(40) REFERENCES api_tokens(id),
			created_at {time} NOT NULL,
			UNIQUE (asset_id, number))`,
		`CREATE TABLE asset_metadata (
			asset_id VARCHAR(40) NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
			locale VARCHAR(35) NOT NULL,
			alt TEXT,
			title TEXT,
			focal_x {float},
			focal_y {float},
			custom_data TEXT,
			updated_at {time} NOT NULL,
			PRIMARY KEY (asset_id, locale))`,
		`CREATE TABLE tags (
			id VARCHAR(40) PRIMARY KEY,
			name TEXT NOT NULL,
			name_key TEXT NOT NULL UNIQUE,
			created_at {time} NOT NULL)`,
		`CREATE TABLE asset_tags (
			asset_id VARCHAR(40) NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
			tag_id VARCHAR(40) NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
			created_at {time} NOT NULL,
			PRIMARY KEY (asset_id, tag_id))`,
		`CREATE INDEX asset_tags_tag ON asset_tags (tag_id, asset_id)`,
		`CREATE TABLE usages (
			id VARCHAR(40) PRIMARY KEY,
			asset_id VARCHAR(40) NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
			entry_type TEXT NOT NULL,
			entry_id TEXT NOT NULL,
			field TEXT NOT NULL,
			locale VARCHAR(35) NOT NULL,
			live BOOLEAN NOT NULL,
			created_at {time} NOT NULL,
			updated_at {time} NOT NULL,
			UNIQUE (asset_id, entry_type, entry_id, field, locale))`,
		`CREATE INDEX usages_entry ON usages (entry_type, entry_id, field, locale)`,
	}},
	// The catalogue's generation counts committed write transactions, so that caches of what readers
	// saw can tell, with one indexed read, whether anything changed since — across instances too.
	{id: "0002_catalogue_generation", statements: []string{
		`CREATE TABLE catalogue_state (id INTEGER PRIMARY KEY, generation BIGINT NOT NULL)`,
		`INSERT INTO catalogue_state (id, generation) VALUES (1, 0)`,
	}},
	{id: "0003_uploads", statements: []string{
		`CREATE TABLE uploads (
			id VARCHAR(40) PRIMARY KEY,
			status VARCHAR(16) NOT NULL,
			asset_id VARCHAR(40) NOT NULL,
			version_id VARCHAR(40) NOT NULL,
			object_key TEXT NOT NULL,
			filename TEXT NOT NULL,
			mime_type TEXT NOT NULL,
			size BIGINT NOT NULL,
			sha256 VARCHAR(64),
			skip_if_exists BOOLEAN NOT NULL,
			options TEXT,
			multipart_id TEXT,
			part_size BIGINT,
			error TEXT,
			result_asset_id VARCHAR(40) REFERENCES assets(id) ON DELETE SET NULL,
			created_by_id VARCHAR(40) REFERENCES api_tokens(id),
			expires_at {time} NOT NULL,
			created_at {time} NOT NULL,
			updated_at {time} NOT NULL)`,
		`CREATE INDEX uploads_pending ON uploads (status, expires_at)`,
	}},
	// What the analysis learns from the bytes. Colors and smart tags are also kept as rows so that filters
	// can reach them with an index; the row of the asset holds them for display.
	{id: "0004_analysis", statements: []string{
		`ALTER TABLE assets ADD COLUMN duration {float}`,
		`ALTER TABLE assets ADD COLUMN blurhash TEXT`,
		`ALTER TABLE assets ADD COLUMN thumbhash TEXT`,
		`ALTER TABLE assets ADD COLUMN lqip TEXT`,
		`ALTER TABLE assets ADD COLUMN analysis TEXT`,
		`ALTER TABLE assets ADD COLUMN embedded_metadata TEXT`,
		`ALTER TABLE assets ADD COLUMN processing_error TEXT`,
		`ALTER TABLE assets ADD COLUMN analyzed_at {time}`,
		`CREATE TABLE asset_colors (
			asset_id VARCHAR(40) NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
			position INTEGER NOT NULL,
			red INTEGER NOT NULL,
			green INTEGER NOT NULL,
			blue INTEGER NOT NULL,
			PRIMARY KEY (asset_id, position))`,
		`CREATE TABLE asset_smart_tags (
			asset_id VARCHAR(40) NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
			name_key TEXT NOT NULL,
			PRIMARY KEY (asset_id, name_key))`,
		`CREATE INDEX asset_smart_tags_name ON asset_smart_tags (name_key)`,
	}},
	// Delivery: when an asset may be delivered, and the transforms stored for each version (so that
	// purging an asset can find them).
	{id: "0005_delivery", statements: []string{
		`ALTER TABLE assets ADD COLUMN available_from {time}`,
		`ALTER TABLE assets ADD COLUMN available_until {time}`,
		`CREATE TABLE derivatives (
			object_key VARCHAR(512) PRIMARY KEY,
			asset_id VARCHAR(40) NOT NULL,
			version INTEGER NOT NULL,
			size BIGINT NOT NULL,
			created_at {time} NOT NULL)`,
		`CREATE INDEX derivatives_asset ON derivatives (asset_id)`,
	}},
	// The event outbox: each catalogue transaction writes what it changed here, and a job delivers the
	// rows in seq order and marks them. Delivered rows stay, for subscribers (audit) to come.
	{id: "0006_events", statements: []string{
		`CREATE TABLE events (
			seq {serial},
			id VARCHAR(40) NOT NULL UNIQUE,
			kind VARCHAR(40) NOT NULL,
			asset_ids TEXT,
			tag_ids TEXT,
			collection_ids TEXT,
			upload_id VARCHAR(40),
			token_id VARCHAR(40),
			created_at {time} NOT NULL,
			delivered_at {time})`,
		`CREATE INDEX events_pending ON events (seq) WHERE delivered_at IS NULL`,
	}},
	// Each version owns the facts of its bytes; the asset keeps its number as the pointer to the current
	// one (the unique (asset_id, number) finds it). The current version's row takes the facts the asset
	// held; older rows keep what they had, get their kind and format as delivery derived them (from the
	// type and the file's extension), and no analysis: `mediagraph reprocess` fills it.
	{id: "0007_versions_own_bytes", statements: []string{
		`ALTER TABLE asset_versions ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'OTHER'`,
		`ALTER TABLE asset_versions ADD COLUMN format VARCHAR(32) NOT NULL DEFAULT ''`,
		`ALTER TABLE asset_versions ADD COLUMN duration {float}`,
		`ALTER TABLE asset_versions ADD COLUMN blurhash TEXT`,
		`ALTER TABLE asset_versions ADD COLUMN thumbhash TEXT`,
		`ALTER TABLE asset_versions ADD COLUMN lqip TEXT`,
		`ALTER TABLE asset_versions ADD COLUMN analysis TEXT`,
		`ALTER TABLE asset_versions ADD COLUMN embedded_metadata TEXT`,
		`ALTER TABLE asset_versions ADD COLUMN processing_error TEXT`,
		`ALTER TABLE asset_versions ADD COLUMN analyzed_at {time}`,
		`UPDATE asset_versions SET kind = a.kind, format = a.format, mime_type = a.mime_type, size = a.size,
			width = a.width, height = a.height, md5 = a.md5, sha256 = a.sha256, object_key = a.object_key,
			duration = a.duration, blurhash = a.blurhash, thumbhash = a.thumbhash, lqip = a.lqip,
			analysis = a.analysis, embedded_metadata = a.embedded_metadata,
			processing_error = a.processing_error, analyzed_at = a.analyzed_at
			FROM assets a WHERE a.id = asset_versions.asset_id AND a.version = asset_versions.number`,
		// rtrim(name, every character but '.') leaves "name." up to the last dot: the rest is the extension.
		`UPDATE asset_versions SET
			format = CASE WHEN filename LIKE '%.%'
				THEN SUBSTR(lower(REPLACE(filename, RTRIM(filename, REPLACE(filename, '.', '')), '')), 1, 32) ELSE '' END,
			kind = COALESCE((SELECT a.kind FROM assets a WHERE a.mime_type = asset_versions.mime_type LIMIT 1),
				CASE WHEN mime_type LIKE 'image/%' THEN 'IMAGE' WHEN mime_type LIKE 'video/%' THEN 'VIDEO'
					WHEN mime_type LIKE 'audio/%' THEN 'AUDIO' WHEN mime_type LIKE 'text/%' THEN 'DOCUMENT'
					WHEN mime_type = 'application/pdf' THEN 'DOCUMENT' ELSE 'OTHER' END)
			WHERE NOT EXISTS (SELECT 1 FROM assets a WHERE a.id = asset_versions.asset_id AND a.version = asset_versions.number)`,
		`DROP INDEX assets_size`,
		`DROP INDEX assets_sha256`,
		`DROP INDEX assets_md5`,
		`ALTER TABLE assets DROP COLUMN kind`,
		`ALTER TABLE assets DROP COLUMN format`,
		`ALTER TABLE assets DROP COLUMN mime_type`,
		`ALTER TABLE assets DROP COLUMN size`,
		`ALTER TABLE assets DROP COLUMN width`,
		`ALTER TABLE assets DROP COLUMN height`,
		`ALTER TABLE assets DROP COLUMN md5`,
		`ALTER TABLE assets DROP COLUMN sha256`,
		`ALTER TABLE assets DROP COLUMN object_key`,
		`ALTER TABLE assets DROP COLUMN duration`,
		`ALTER TABLE assets DROP COLUMN blurhash`,
		`ALTER TABLE assets DROP COLUMN thumbhash`,
		`ALTER TABLE assets DROP COLUMN lqip`,
		`ALTER TABLE assets DROP COLUMN analysis`,
		`ALTER TABLE assets DROP COLUMN embedded_metadata`,
		`ALTER TABLE assets DROP COLUMN processing_error`,
		`ALTER TABLE assets DROP COLUMN analyzed_at`,
		// Filters and orders reach the current version through (asset_id, number); these serve the
		// conditions that start from the version's side.
		`CREATE INDEX asset_versions_size ON asset_versions (size, asset_id)`,
		`CREATE INDEX asset_versions_sha256 ON asset_versions (sha256)`,
		`CREATE INDEX asset_versions_md5 ON asset_versions (md5)`,
		`CREATE INDEX asset_versions_type ON asset_versions (kind, mime_type)`,
		`CREATE INDEX asset_versions_format ON asset_versions (format)`,
		`CREATE INDEX asset_versions_dimensions ON asset_versions (width, height)`,
	}},
	// Delivery caches keep a response until the next availability boundary of any asset: one lookup
	// on each of these finds it. Most assets have no window, so only those that do are indexed.
	{id: "0008_availability_boundaries", statements: []string{
		`CREATE INDEX assets_available_from ON assets (available_from) WHERE available_from IS NOT NULL`,
		`CREATE INDEX assets_available_until ON assets (available_until) WHERE available_until IS NOT NULL`,
	}},
	// Management: each version keeps the name its file was uploaded under; each asset numbers the
	// generation of its signed links (revokeSignedUrls advances it); a signed upload may declare an MD5.
	{id: "0009_management", statements: []string{
		`ALTER TABLE asset_versions ADD COLUMN original_filename TEXT NOT NULL DEFAULT ''`,
		`UPDATE asset_versions SET original_filename = filename`,
		`ALTER TABLE assets ADD COLUMN grant_epoch INTEGER NOT NULL DEFAULT 0`,
		`ALTER TABLE uploads ADD COLUMN original_filename TEXT NOT NULL DEFAULT ''`,
		`UPDATE uploads SET original_filename = filename`,
		`ALTER TABLE uploads ADD COLUMN md5 VARCHAR(32)`,
	}},
	// Webhooks, their deliveries (the log, swept after a retention) and the claim of each event by each
	// webhook, which keeps an outbox batch seen twice from being delivered twice. Events keep what an
	// update changed, for the audit log.
	{id: "0010_webhooks", statements: []string{
		`CREATE TABLE webhooks (
			id VARCHAR(40) PRIMARY KEY,
			name TEXT NOT NULL,
			url TEXT NOT NULL,
			events TEXT,
			filter TEXT,
			headers TEXT,
			enabled BOOLEAN NOT NULL,
			batch BOOLEAN NOT NULL,
			include_management_fields BOOLEAN NOT NULL,
			secret TEXT NOT NULL,
			previous_secret TEXT,
			previous_secret_until {time},
			failure_count INTEGER NOT NULL DEFAULT 0,
			disabled_reason TEXT,
			created_at {time} NOT NULL,
			updated_at {time} NOT NULL)`,
		`CREATE TABLE webhook_deliveries (
			id VARCHAR(40) PRIMARY KEY,
			webhook_id VARCHAR(40) NOT NULL,
			event VARCHAR(60) NOT NULL,
			event_ids TEXT,
			status VARCHAR(16) NOT NULL,
			attempts INTEGER NOT NULL DEFAULT 0,
			request_headers TEXT,
			request_body TEXT NOT NULL,
			response_status INTEGER,
			response_body TEXT,
			duration_ms INTEGER,
			error TEXT,
			created_at {time} NOT NULL,
			updated_at {time} NOT NULL)`,
		`CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, id)`,
		`CREATE INDEX webhook_deliveries_updated ON webhook_deliveries (updated_at)`,
		`CREATE TABLE webhook_events (
			webhook_id VARCHAR(40) NOT NULL,
			event_id VARCHAR(100) NOT NULL,
			delivery_id VARCHAR(40) NOT NULL,
			PRIMARY KEY (webhook_id, event_id))`,
		`CREATE INDEX webhook_events_delivery ON webhook_events (delivery_id)`,
		`CREATE INDEX webhook_events_event ON webhook_events (event_id)`,
		`ALTER TABLE events ADD COLUMN changes TEXT`,
		`ALTER TABLE assets ADD COLUMN updated_by_id VARCHAR(40)`,
		`CREATE INDEX events_created ON events (created_at)`,
	}},
	// Each version's antivirus scan. Versions stored before scanning existed were never scanned: they
	// are SKIPPED with that reason (`mediagraph scan --all` scans them); new ones start PENDING.
	{id: "0011_antivirus", statements: []string{
		`ALTER TABLE asset_versions ADD COLUMN antivirus_status VARCHAR(16) NOT NULL DEFAULT 'PENDING'`,
		`ALTER TABLE asset_versions ADD COLUMN antivirus_scanned_at {time}`,
		`ALTER TABLE asset_versions ADD COLUMN antivirus_threat_name TEXT`,
		`ALTER TABLE asset_versions ADD COLUMN antivirus_attempts INTEGER NOT NULL DEFAULT 0`,
		`ALTER TABLE asset_versions ADD COLUMN antivirus_error TEXT`,
		`UPDATE asset_versions SET antivirus_status = 'SKIPPED', antivirus_error = 'stored before scanning existed'`,
		`CREATE INDEX asset_versions_antivirus ON asset_versions (antivirus_status)`,
	}},
	// The review of each asset, when the library moderates; what was there before is APPROVED, as
	// everything is while moderation is off. EDITOR tokens may be moderators.
	{id: "0011_moderation", statements: []string{
		`ALTER TABLE assets ADD COLUMN moderation_status VARCHAR(16) NOT NULL DEFAULT 'APPROVED'`,
		`ALTER TABLE assets ADD COLUMN moderation_note TEXT`,
		`ALTER TABLE assets ADD COLUMN moderation_by_id VARCHAR(40)`,
		`ALTER TABLE assets ADD COLUMN moderation_at {time}`,
		`CREATE INDEX assets_moderation ON assets (moderation_status)`,
		`ALTER TABLE api_tokens ADD COLUMN moderator BOOLEAN NOT NULL DEFAULT FALSE`,
	}},
	// Named transforms, which the gate applies unsigned, and the defaults and limits of named uploads.
	{id: "0013_presets", statements: []string{
		`CREATE TABLE transform_presets (
			id VARCHAR(40) PRIMARY KEY,
			name VARCHAR(64) NOT NULL UNIQUE,
			params TEXT NOT NULL,
			eager BOOLEAN NOT NULL DEFAULT FALSE,
			created_at {time} NOT NULL,
			updated_at {time} NOT NULL)`,
		`CREATE TABLE upload_presets (
			id VARCHAR(40) PRIMARY KEY,
			name VARCHAR(64) NOT NULL UNIQUE,
			settings TEXT NOT NULL,
			created_at {time} NOT NULL,
			updated_at {time} NOT NULL)`,
	}},
	// Variants: an asset may be a variant of another, whose visibility it follows.
	{id: "0013_variants", statements: []string{
		// No foreign key: purging an original must not wait for its variants, which then stay hidden
		// from public readers (their original is not deliverable) until an editor deals with them.
		`ALTER TABLE assets ADD COLUMN variant_of_id VARCHAR(40)`,
		`CREATE INDEX assets_variant_of ON assets (variant_of_id)`,
	}},
	// Full-text search (models/search.go): one document per asset; the documents of assets stored
	// before are written by Migrate.
	{id: "0014_search_sqlite", dialect: SQLite, statements: []string{
		`CREATE TABLE search_docs (id INTEGER PRIMARY KEY AUTOINCREMENT, asset_id VARCHAR(40) NOT NULL UNIQUE, taken_year INTEGER)`,
		`CREATE INDEX search_docs_year ON search_docs (taken_year)`,
		`CREATE VIRTUAL TABLE search_public USING fts4(a, b, c)`,
		`CREATE VIRTUAL TABLE search_all USING fts4(a, b, c, d)`,
	}},
	{id: "0014_search_postgres", dialect: Postgres, statements: []string{
		`CREATE TABLE search_docs (asset_id VARCHAR(40) PRIMARY KEY, taken_year INTEGER, doc tsvector NOT NULL)`,
		`CREATE INDEX search_docs_doc ON search_docs USING GIN (doc)`,
		`CREATE INDEX search_docs_year ON search_docs (taken_year)`,
	}},
	// A collection's assets newest first, with what a list reads of them beside: the ids of a page
	// of a collection's subtree come from this index alone.
	{id: "0014_collection_listing", statements: []string{
		`CREATE INDEX assets_collection_listing ON assets (collection_id, created_at, id, version, deleted_at)`,
	}},
	// What looking at each version's pixels found (faces, text, tags); ocr_text is the column full-text
	// search indexes. No row: not analyzed yet.
	{id: "0018_vision", statements: []string{
		`CREATE TABLE asset_vision (
			asset_id VARCHAR(40) NOT NULL,
			number INTEGER NOT NULL,
			status VARCHAR(16) NOT NULL,
			faces TEXT,
			face_count INTEGER,
			faces_unavailable TEXT,
			ocr_text TEXT,
			ocr_unavailable TEXT,
			tags TEXT,
			error TEXT,
			analyzed_at {time} NOT NULL,
			PRIMARY KEY (asset_id, number),
			FOREIGN KEY (asset_id, number) REFERENCES asset_versions (asset_id, number) ON DELETE CASCADE)`,
		`CREATE INDEX asset_vision_faces ON asset_vision (face_count)`,
	}},
	membersMigration,
	// ZIP downloads: the files a signed download URL streams, chosen when the URL was made.
	{id: "0012_zip_downloads", statements: []string{
		`CREATE TABLE zip_downloads (
			id VARCHAR(40) PRIMARY KEY,
			issuer_id VARCHAR(40),
			entries TEXT NOT NULL,
			expires_at {time} NOT NULL,
			created_at {time} NOT NULL)`,
		`CREATE INDEX zip_downloads_expires ON zip_downloads (expires_at)`,
	}},
	// What each stored transform is, for the derivatives an editor sees, and when it was last served
	// (a day's precision), for pruning the ones nobody asks for. Those stored before are described
	// as unknown until made again.
	{id: "0012_derivatives", statements: []string{
		`ALTER TABLE derivatives ADD COLUMN params TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE derivatives ADD COLUMN format VARCHAR(16) NOT NULL DEFAULT ''`,
		`ALTER TABLE derivatives ADD COLUMN width INTEGER`,
		`ALTER TABLE derivatives ADD COLUMN height INTEGER`,
		`ALTER TABLE derivatives ADD COLUMN last_served_at {time}`,
	}},
	// Saved filters of the asset list: personal to the principal that saved them, or shared.
	{id: "0015_saved_filters", statements: []string{
		`CREATE TABLE saved_filters (
			id VARCHAR(40) PRIMARY KEY,
			name TEXT NOT NULL,
			owner_id VARCHAR(100) NOT NULL,
			shared BOOLEAN NOT NULL DEFAULT FALSE,
			filter TEXT NOT NULL,
			order_by VARCHAR(40),
			search TEXT,
			created_at {time} NOT NULL,
			updated_at {time} NOT NULL)`,
		`CREATE INDEX saved_filters_owner ON saved_filters (owner_id)`,
	}},
	// Structured metadata fields and their values, each value in the column of its type so that
	// filters compare numbers as numbers and dates as instants, on an index per column.
	{id: "0015_metadata_fields", statements: []string{
		`CREATE TABLE metadata_fields (
			id VARCHAR(40) PRIMARY KEY,
			key VARCHAR(64) NOT NULL UNIQUE,
			label TEXT,
			type VARCHAR(16) NOT NULL,
			options TEXT,
			required BOOLEAN NOT NULL DEFAULT FALSE,
			localized BOOLEAN NOT NULL DEFAULT FALSE,
			default_value TEXT,
			validation_min {float},
			validation_max {float},
			validation_pattern TEXT,
			created_at {time} NOT NULL,
			updated_at {time} NOT NULL)`,
		`CREATE TABLE asset_field_values (
			asset_id VARCHAR(40) NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
			field_id VARCHAR(40) NOT NULL REFERENCES metadata_fields(id) ON DELETE CASCADE,
			locale VARCHAR(35) NOT NULL,
			position INTEGER NOT NULL,
			text_value TEXT,
			number_value {float},
			date_value {time},
			bool_value BOOLEAN,
			PRIMARY KEY (asset_id, field_id, locale, position))`,
		`CREATE INDEX asset_field_values_text ON asset_field_values (field_id, text_value)`,
		`CREATE INDEX asset_field_values_number ON asset_field_values (field_id, number_value)`,
		`CREATE INDEX asset_field_values_date ON asset_field_values (field_id, date_value)`,
	}},
	// What is made of videos, sounds and documents besides their analysis: posters, waveforms and HLS
	// encodes, per version (a replacement starts afresh).
	{id: "0017_av_media", statements: []string{
		`CREATE TABLE av_media (
			asset_id VARCHAR(40) NOT NULL,
			version INTEGER NOT NULL,
			poster_key VARCHAR(512),
			poster_width INTEGER,
			poster_height INTEGER,
			poster_blurhash TEXT,
			poster_at {float},
			poster_error TEXT,
			waveform TEXT,
			waveform_error TEXT,
			hls_status VARCHAR(16) NOT NULL DEFAULT 'NONE',
			hls_progress {float} NOT NULL DEFAULT 0,
			hls_error TEXT,
			hls_renditions TEXT,
			updated_at {time} NOT NULL,
			PRIMARY KEY (asset_id, version))`,
	}},
}

// Migrate applies every migration not yet applied, each in its own transaction.
// Assets without a search document (stored before search existed) get one.
func (db *DB) Migrate(ctx context.Context) error {
	if err := db.migrateTo(ctx, ""); err != nil {
		return err
	}
	return db.indexUnsearched(ctx)
}

// migrateTo applies the migrations up to and including the one of id ("" for all of them).
func (db *DB) migrateTo(ctx context.Context, id string) error {
	replacer := dialectTypes[db.dialect]
	list := make([]*gormigrate.Migration, 0, len(migrations))
	for _, m := range migrations {
		list = append(list, &gormigrate.Migration{
			ID: m.id,
			Migrate: func(tx *gorm.DB) error {
				if m.dialect != "" && m.dialect != db.dialect {
					return nil
				}
				for _, stmt := range m.statements {
					if err := tx.Exec(replacer.Replace(stmt)).Error; err != nil {
						return fmt.Errorf("migration %s: %w", m.id, err)
					}
				}
				return nil
			},
		})
	}
	opts := *gormigrate.DefaultOptions
	opts.UseTransaction = true
	m := gormigrate.New(db.with(ctx), &opts, list)
	if id == "" {
		return m.Migrate()
	}
	return m.MigrateTo(id)
}
