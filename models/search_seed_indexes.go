package models

import (
	"context"
	"fmt"
)

// seededTables are the tables SeedSynthetic fills in bulk.
var seededTables = []any{"assets", "asset_versions", "asset_metadata", "asset_tags", "asset_smart_tags", "search_docs"}

type indexDef struct{ Name, Def string }

// withoutIndexes runs fill with the secondary indexes of the seeded tables dropped, and builds them
// again after: on PostgreSQL, building an index (the search documents' GIN above all) once over a
// million rows is many times faster than keeping it up to date row by row. Indexes backing a
// constraint (primary keys, unique keys) stay, since the rows' references rely on them.
func (db *DB) withoutIndexes(ctx context.Context, fill func() error) error {
	if db.dialect != Postgres {
		return fill()
	}
	var defs []indexDef
	err := db.with(ctx).Raw(`SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
		WHERE i.schemaname = current_schema() AND i.tablename IN ?
		AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`, seededTables).Scan(&defs).Error
	if err != nil {
		return fmt.Errorf("list indexes: %w", err)
	}
	for _, d := range defs {
		if err := db.with(ctx).Exec(`DROP INDEX "` + d.Name + `"`).Error; err != nil {
			return fmt.Errorf("drop index %s: %w", d.Name, err)
		}
	}
	fillErr := fill()
	for _, d := range defs {
		if err := db.with(ctx).Exec(d.Def).Error; err != nil {
			return fmt.Errorf("build index %s: %w", d.Name, err)
		}
	}
	return fillErr
}
