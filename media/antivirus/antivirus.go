// Package antivirus scans the stored bytes of each new version with clamd, as a background job, and
// acts on the verdict: a clean version is marked CLEAN, an infected one INFECTED — its stored
// transforms deleted and its bytes moved out of every key the service serves — and one that cannot be
// scanned SKIPPED with the reason. The catalogue records each verdict, with its event.
package antivirus

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/media/catalogue"
	"github.com/mediagraph/mediagraph/media/clamd"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/storage"
)

// Scanner finds threats in a stream of bytes; *clamd.Client is one.
type Scanner interface {
	Scan(ctx context.Context, r io.Reader) (clamd.Verdict, error)
	Ping(ctx context.Context) error
}

// Service scans versions.
type Service struct {
	db       *models.DB
	registry *catalogue.Registry
	store    storage.Store
	scanner  Scanner // nil: none configured, every version is SKIPPED
	settings config.Library
	log      *slog.Logger
}

// New returns the scans of db's versions in store, by scanner (nil when none is configured).
func New(db *models.DB, registry *catalogue.Registry, store storage.Store, scanner Scanner, settings config.Library, log *slog.Logger) *Service {
	return &Service{db: db, registry: registry, store: store, scanner: scanner, settings: settings, log: log}
}

// Ping checks that the scanner answers; with none configured there is nothing to check.
func (s *Service) Ping(ctx context.Context) error {
	if s.scanner == nil {
		return nil
	}
	return s.scanner.Ping(ctx)
}

// Reasons given for a version not scanned, or not scanned yet; they are shown to editors.
const (
	reasonUnavailable = "the virus scanner did not answer"
	reasonUnreadable  = "the stored bytes could not be read"
	reasonTimedOut    = "the scan timed out"
)

// Scan scans target at attempt (from 1): one version, or with Number 0 every version of the asset
// still PENDING. A transient failure is recorded on the version and returned, for a retry, unless
// final: then the version is FAILED with it. It runs as a job, with no caller to authorize.
func (s *Service) Scan(ctx context.Context, target models.ScanTarget, attempt int, final bool) error {
	versions, err := s.versions(ctx, target)
	if err != nil {
		return err
	}
	var failed error
	for _, v := range versions {
		if err := s.scanVersion(ctx, v, attempt, final); err != nil {
			failed = err
		}
	}
	return failed
}

func (s *Service) versions(ctx context.Context, target models.ScanTarget) ([]*models.AssetVersion, error) {
	if target.Number == 0 {
		return s.db.VersionsToScan(ctx, target.AssetID)
	}
	v, err := s.db.VersionByNumber(ctx, target.AssetID, target.Number)
	if errors.Is(err, models.ErrNotFound) {
		return nil, nil // purged since it was queued
	}
	if err != nil {
		return nil, fmt.Errorf("load %s version %d to scan: %w", target.AssetID, target.Number, err)
	}
	return []*models.AssetVersion{v}, nil
}

func (s *Service) scanVersion(ctx context.Context, v *models.AssetVersion, attempt int, final bool) error {
	if v.Antivirus.Status == models.ScanInfected {
		return s.quarantine(ctx, v, nil) // a verdict stands; finish a move an earlier try left undone
	}
	av, transient := s.verdict(ctx, v)
	av.Attempts = attempt
	if transient != nil {
		s.log.Warn("scan failed", "asset", v.AssetID, "version", v.Number, "attempt", attempt, "final", final, "err", transient)
		av.Status = models.ScanPending
		if final {
			av.Status = models.ScanFailed
		}
	}
	now := models.Now()
	av.ScannedAt = &now
	derived, found, err := s.registry.RecordScan(ctx, v.AssetID, v.Number, av)
	if err != nil || !found {
		return err
	}
	if av.Status == models.ScanInfected {
		s.log.Warn("infected bytes quarantined", "asset", v.AssetID, "version", v.Number, "threat", *av.ThreatName)
		return s.quarantine(ctx, v, derived)
	}
	if av.Status == models.ScanPending {
		return fmt.Errorf("scan %s version %d: %w", v.AssetID, v.Number, transient)
	}
	return nil
}

// verdict scans v's stored bytes. A failure that may pass (clamd down or slow, the store unreachable)
// comes back as the error, with the reason to show already in the Antivirus.
func (s *Service) verdict(ctx context.Context, v *models.AssetVersion) (models.Antivirus, error) {
	switch {
	case s.scanner == nil:
		return skipped(catalogue.NoScanner), nil
	case v.Size > s.settings.ScanMaxBytes:
		return skipped(fmt.Sprintf("larger than MEDIAGRAPH_SCAN_MAX_BYTES (%d bytes)", s.settings.ScanMaxBytes)), nil
	}
	o, err := s.store.Open(ctx, v.ObjectKey)
	if err != nil {
		return failure(reasonUnreadable), fmt.Errorf("open %s: %w", v.ObjectKey, err)
	}
	defer o.Close()
	found, err := s.scanner.Scan(ctx, o)
	switch {
	case errors.Is(err, clamd.ErrTooLarge):
		return skipped("larger than the scanner's StreamMaxLength"), nil
	case errors.Is(err, clamd.ErrUnavailable):
		return failure(reasonUnavailable), err
	case errors.Is(err, context.DeadlineExceeded):
		return failure(reasonTimedOut), err
	case err != nil:
		return failure(reasonUnreadable), err
	case found.Infected:
		return models.Antivirus{Status: models.ScanInfected, ThreatName: &found.Threat}, nil
	}
	return models.Antivirus{Status: models.ScanClean}, nil
}

func skipped(reason string) models.Antivirus {
	return models.Antivirus{Status: models.ScanSkipped, Error: &reason}
}

func failure(reason string) models.Antivirus { return models.Antivirus{Error: &reason} }

// quarantine moves an infected version's bytes out of the served keys (a bucket URL no longer reaches
// them) and deletes its stored transforms. The status already keeps the gate from serving either.
func (s *Service) quarantine(ctx context.Context, v *models.AssetVersion, derived []string) error {
	storage.Discard(ctx, s.store, derived, s.log)
	if err := s.store.Move(ctx, v.ObjectKey, models.QuarantineKey(v.ObjectKey)); err != nil {
		return fmt.Errorf("quarantine %s version %d: %w", v.AssetID, v.Number, err)
	}
	return nil
}

// Targets resolves what `mediagraph scan` was asked for: every version, those of a status, or the
// current version of each listed asset, which must exist. INFECTED versions are never scanned again.
func (s *Service) Targets(ctx context.Context, all bool, status string, ids []string) ([]models.ScanTarget, error) {
	var want *models.ScanStatus
	if status != "" {
		st := models.ScanStatus(status)
		if !slices.Contains(models.ScanStatuses, st) || st == models.ScanInfected {
			return nil, fmt.Errorf("--status %s: want PENDING, CLEAN, SKIPPED or FAILED (an INFECTED verdict is final)", status)
		}
		want = &st
	}
	targets, missing, err := s.db.ScanTargets(ctx, all, want, ids)
	if err != nil {
		return nil, err
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("no such asset, or its current version is INFECTED: %s", strings.Join(missing, ", "))
	}
	return targets, nil
}

// Progress counts the targets scanned (or given up on) since, and those given up on (FAILED).
func (s *Service) Progress(ctx context.Context, targets []models.ScanTarget, since time.Time) (done, failed int, err error) {
	d, f, err := s.db.ScanProgress(ctx, targets, since)
	return int(d), int(f), err
}
