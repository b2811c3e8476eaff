package models

import (
	"context"
	"fmt"
)

// ReferencedKeys returns which of keys some row points to: a version of an asset (current or not), a
// signed upload whose bytes may still arrive or are yet to be swept (pending, failed), or a recorded
// transform. One query, whatever the number of keys.
func (db *DB) ReferencedKeys(ctx context.Context, keys []string) (map[string]bool, error) {
	if len(keys) == 0 {
		return map[string]bool{}, nil
	}
	in := inList("object_key", len(keys))
	args := toAny(keys)
	var found []string
	err := db.with(ctx).Raw(`SELECT object_key FROM asset_versions WHERE `+in+`
		UNION SELECT object_key FROM uploads WHERE status IN (?, ?) AND `+in+`
		UNION SELECT object_key FROM derivatives WHERE `+in,
		concat(args, []any{UploadPending, UploadFailed}, args, args)...).Scan(&found).Error
	if err != nil {
		return nil, fmt.Errorf("find referenced object keys: %w", err)
	}
	return setOf(found), nil
}

// KnownMultiparts returns which of the multipart upload ids a signed upload not yet swept holds.
func (db *DB) KnownMultiparts(ctx context.Context, ids []string) (map[string]bool, error) {
	if len(ids) == 0 {
		return map[string]bool{}, nil
	}
	var found []string
	err := db.with(ctx).Model(&Upload{}).Where("status IN (?, ?) AND "+inList("multipart_id", len(ids)),
		concat([]any{UploadPending, UploadFailed}, toAny(ids))...).Pluck("multipart_id", &found).Error
	if err != nil {
		return nil, fmt.Errorf("find known multipart uploads: %w", err)
	}
	return setOf(found), nil
}

func concat(lists ...[]any) []any {
	var out []any
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

func setOf(list []string) map[string]bool {
	out := make(map[string]bool, len(list))
	for _, s := range list {
		out[s] = true
	}
	return out
}
