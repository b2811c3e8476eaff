package models

import (
	"context"
	"fmt"
	"time"
)

// ScanStatus is where the antivirus scan of a version's bytes stands.
type ScanStatus string

const (
	// ScanPending: not scanned yet (or being scanned again); a scan job is on its way.
	ScanPending ScanStatus = "PENDING"
	// ScanClean: the scanner found nothing.
	ScanClean ScanStatus = "CLEAN"
	// ScanInfected: the scanner found a threat; the bytes are quarantined and never delivered.
	ScanInfected ScanStatus = "INFECTED"
	// ScanSkipped: not scanned, for the reason in Error (too large, no scanner configured).
	ScanSkipped ScanStatus = "SKIPPED"
	// ScanFailed: every attempt failed; Error is the last failure.
	ScanFailed ScanStatus = "FAILED"
)

// ScanStatuses lists every status, for checks of input.
var ScanStatuses = []ScanStatus{ScanPending, ScanClean, ScanInfected, ScanSkipped, ScanFailed}

// Antivirus is what the antivirus scan of a version found. Every new version starts PENDING.
type Antivirus struct {
	Status     ScanStatus `gorm:"size:16;not null;default:PENDING"`
	ScannedAt  *time.Time
	ThreatName *string
	Attempts   int `gorm:"not null;default:0"`
	Error      *string
}

// Delivers reports whether bytes of this status may be served: never INFECTED ones, and only scanned
// or deliberately skipped ones unless unscanned bytes are served too.
func (a Antivirus) Delivers(serveUnscanned bool) bool {
	switch a.Status {
	case ScanClean, ScanSkipped:
		return true
	case ScanInfected:
		return false
	}
	return serveUnscanned
}

// quarantinePrefix is where quarantined bytes go: outside every key the service serves or sweeps.
const quarantinePrefix = "quarantine/"

// QuarantineKey is where the bytes of a version stored under key are kept once found infected.
func QuarantineKey(key string) string { return quarantinePrefix + key }

// ScanTarget is one version to scan.
type ScanTarget struct {
	AssetID string
	Number  int
}

// VersionsToScan returns the versions of the asset whose scan is PENDING, oldest first.
func (db *DB) VersionsToScan(ctx context.Context, assetID string) ([]*AssetVersion, error) {
	var vs []*AssetVersion
	err := db.with(ctx).Where("asset_id = ? AND antivirus_status = ?", assetID, ScanPending).Order("number").Find(&vs).Error
	if err != nil {
		return nil, fmt.Errorf("list versions to scan of %s: %w", assetID, err)
	}
	return vs, nil
}

// SaveAntivirus records the scan state of version number of an asset, unless it is INFECTED already:
// a verdict of infection is final for those bytes. It says whether it wrote.
func (db *DB) SaveAntivirus(ctx context.Context, assetID string, number int, a Antivirus) (bool, error) {
	res := db.with(ctx).Model(&AssetVersion{}).
		Where("asset_id = ? AND number = ? AND antivirus_status <> ?", assetID, number, ScanInfected).
		Updates(map[string]any{
			"antivirus_status": a.Status, "antivirus_scanned_at": a.ScannedAt, "antivirus_threat_name": a.ThreatName,
			"antivirus_attempts": a.Attempts, "antivirus_error": a.Error,
		})
	if res.Error != nil {
		return false, fmt.Errorf("record the scan of %s version %d: %w", assetID, number, res.Error)
	}
	return res.RowsAffected > 0, nil
}

// TakeVersionDerivatives deletes the records of the stored transforms of one version, returning
// their object keys.
func (db *DB) TakeVersionDerivatives(ctx context.Context, assetID string, number int) ([]string, error) {
	var keys []string
	g := db.with(ctx).Model(&Derivative{}).Where("asset_id = ? AND version = ?", assetID, number)
	if err := g.Pluck("object_key", &keys).Error; err != nil {
		return nil, fmt.Errorf("list transforms of %s version %d: %w", assetID, number, err)
	}
	if err := db.with(ctx).Where("asset_id = ? AND version = ?", assetID, number).Delete(&Derivative{}).Error; err != nil {
		return nil, fmt.Errorf("delete transforms of %s version %d: %w", assetID, number, err)
	}
	return keys, nil
}

// ScanTargets lists versions to scan again, INFECTED ones aside: every version (all), those of a
// status, or the current version of each listed asset (the ids not found are returned apart).
func (db *DB) ScanTargets(ctx context.Context, all bool, status *ScanStatus, ids []string) ([]ScanTarget, []string, error) {
	var out []ScanTarget
	// An INFECTED verdict is final: those bytes are in quarantine, and no rescan can clear them.
	g := db.with(ctx).Model(&AssetVersion{}).Select("asset_id, number").Order("asset_id, number").
		Where("antivirus_status <> ?", ScanInfected)
	switch {
	case all:
	case status != nil:
		g = g.Where("antivirus_status = ?", *status)
	default:
		g = g.Joins("JOIN assets a ON a.id = asset_versions.asset_id AND a.version = asset_versions.number").
			Where(inList("asset_versions.asset_id", len(ids)), toAny(ids)...)
	}
	if err := g.Scan(&out).Error; err != nil {
		return nil, nil, fmt.Errorf("list versions to scan: %w", err)
	}
	found := map[string]bool{}
	for _, t := range out {
		found[t.AssetID] = true
	}
	var missing []string
	for _, id := range ids {
		if !found[id] {
			missing = append(missing, id)
		}
	}
	return out, missing, nil
}

// ScanProgress counts the targets whose version was scanned (or gave up) at or after since, and
// among them those that gave up (FAILED).
func (db *DB) ScanProgress(ctx context.Context, targets []ScanTarget, since time.Time) (done, failed int64, err error) {
	const chunk = 300 // two parameters a target
	for start := 0; start < len(targets); start += chunk {
		part := targets[start:min(start+chunk, len(targets))]
		where, args := "", []any{}
		for i, t := range part {
			if i > 0 {
				where += " OR "
			}
			where += "(asset_id = ? AND number = ?)"
			args = append(args, t.AssetID, t.Number)
		}
		var counts struct{ Done, Failed int64 }
		err := db.with(ctx).Model(&AssetVersion{}).
			Select("COUNT(*) AS done, COALESCE(SUM(CASE WHEN antivirus_status = ? THEN 1 ELSE 0 END), 0) AS failed", ScanFailed).
			Where("("+where+")", args...).
			Where("antivirus_status <> ? AND antivirus_scanned_at >= ?", ScanPending, since).Scan(&counts).Error
		if err != nil {
			return 0, 0, fmt.Errorf("count scanned versions: %w", err)
		}
		done, failed = done+counts.Done, failed+counts.Failed
	}
	return done, failed, nil
}
