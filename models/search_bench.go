package models

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// ExplainOptions say what ExplainAssets explains and how.
type ExplainOptions struct {
	// Count explains the list's count instead of a page.
	Count bool
	// NoSeqScan forbids sequential scans where the planner has a choice (PostgreSQL), so that a test
	// on a few rows sees whether an index could serve the query, as it would on a million.
	NoSeqScan bool
	// Analyze runs the query and reports the time and rows of each step (PostgreSQL).
	Analyze bool
}

// ExplainAssets is the database's plan for a page of a list, or for its count.
func (db *DB) ExplainAssets(ctx context.Context, q AssetQuery, page PageRequest, cursors Cursors, opt ExplainOptions) (string, error) {
	var stmt *gorm.Statement
	if opt.Count {
		g, err := db.assetScope(ctx, q, false)
		if err != nil {
			return "", err
		}
		var n int64
		stmt = g.Session(&gorm.Session{DryRun: true}).Count(&n).Statement
	} else {
		g, _, _, err := db.pageQuery(ctx, q, page, cursors, false)
		if err != nil {
			return "", err
		}
		stmt = g.Session(&gorm.Session{DryRun: true}).Select(assetColumns()).Find(&[]assetRow{}).Statement
	}
	sqlDB, err := db.gorm.DB()
	if err != nil {
		return "", err
	}
	conn, err := sqlDB.Conn(ctx)
	if err != nil {
		return "", fmt.Errorf("explain: %w", err)
	}
	defer conn.Close()
	explain := "EXPLAIN QUERY PLAN "
	if db.dialect == Postgres {
		explain = "EXPLAIN "
		if opt.Analyze {
			explain = "EXPLAIN (ANALYZE, BUFFERS) "
		}
		if opt.NoSeqScan {
			if _, err := conn.ExecContext(ctx, "SET enable_seqscan = off"); err != nil {
				return "", fmt.Errorf("explain: %w", err)
			}
			defer conn.ExecContext(context.WithoutCancel(ctx), "RESET enable_seqscan") //nolint:errcheck // the connection is closed right after
		}
	}
	rows, err := conn.QueryContext(ctx, explain+stmt.SQL.String(), stmt.Vars...)
	if err != nil {
		return "", fmt.Errorf("explain: %w", err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return "", err
	}
	var plan []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return "", err
		}
		plan = append(plan, fmt.Sprint(vals[len(vals)-1]))
	}
	return strings.Join(plan, "\n"), rows.Err()
}

// CursorAtOffset is the cursor of the row at offset in the list's order, to start a page deep in
// the list without paging through it (benchmarks of keyset pagination).
func (db *DB) CursorAtOffset(ctx context.Context, q AssetQuery, offset int, cursors Cursors) (string, error) {
	one := 1
	g, spec, _, err := db.pageQuery(ctx, q, PageRequest{First: &one}, cursors, true)
	if err != nil {
		return "", err
	}
	assets, scores, err := findScoredAssets(g.Limit(1).Offset(offset), q.Order == OrderRelevance, spec.expr)
	if err != nil {
		return "", fmt.Errorf("cursor at %d: %w", offset, err)
	}
	if len(assets) == 0 {
		return "", fmt.Errorf("the list has no row at offset %d", offset)
	}
	if q.Order == OrderRelevance {
		return cursors.encode(string(q.Order), scores[0], assets[0].ID)
	}
	return cursors.encode(string(q.Order), spec.sortValue(assets[0], q.Order), assets[0].ID)
}

// ScaleQuery is one of the list queries the scale benchmark measures and whose plans a test checks.
type ScaleQuery struct {
	Name  string
	Query AssetQuery
	Page  PageRequest
	// Count measures the list's count (totalCount) instead of a page.
	Count bool
	// Offset, when set, starts the page at the cursor of the row at this offset.
	Offset int
}

// ScaleQueries are the benchmark's queries over a library of n assets that SeedSynthetic wrote,
// root being its first root collection: a filtered page of 50 (kind, tag, collection with what is
// below it, size range), a searched page by relevance, the first page and page 10,000 (or the
// middle of a smaller library) through a cursor, and the counts of the filter and of the search.
func ScaleQueries(root string, n int) []ScaleQuery {
	fifty, image, below := 50, KindImage, true
	small, large := int64(100_000), int64(5_000_000)
	filtered := &AssetFilter{
		Kind:       &KindFilter{Eq: &image},
		Tags:       &TagsFilter{AnyIn: []string{SeedCommonTag}},
		Collection: &CollectionFilter{Eq: &root, Descendants: &below},
		Size:       &Int64Filter{Gte: &small, Lte: &large},
	}
	word := SeedRareWord
	searched := &AssetFilter{Search: &word}
	page := PageRequest{First: &fifty}
	deep := min(9_999*50, n/2)
	return []ScaleQuery{
		{Name: "filtered page of 50", Query: AssetQuery{Filter: filtered, Order: OrderCreatedAtDesc}, Page: page},
		{Name: "search page of 50 (RELEVANCE)", Query: AssetQuery{Filter: searched, Order: OrderRelevance}, Page: page},
		{Name: "search page of 50 (newest)", Query: AssetQuery{Filter: searched, Order: OrderCreatedAtDesc}, Page: page},
		{Name: "page 1 of 50", Query: AssetQuery{Order: OrderCreatedAtDesc}, Page: page},
		{Name: fmt.Sprintf("page %d of 50 (cursor)", deep/50+1), Query: AssetQuery{Order: OrderCreatedAtDesc}, Page: page, Offset: deep},
		{Name: "totalCount of the filter", Query: AssetQuery{Filter: filtered}, Count: true},
		{Name: "totalCount of the search", Query: AssetQuery{Filter: searched}, Count: true},
		{Name: "totalCount of everything", Query: AssetQuery{}, Count: true},
	}
}

// RunScaleQuery runs one query once (its cursor, for a deep page, found beforehand by Prepare).
func (db *DB) RunScaleQuery(ctx context.Context, q ScaleQuery, cursors Cursors) error {
	if q.Count {
		_, err := db.CountAssets(ctx, q.Query)
		return err
	}
	_, err := db.ListAssets(ctx, q.Query, q.Page, cursors)
	return err
}

// PrepareScaleQuery turns a query's offset into the cursor its page starts after.
func (db *DB) PrepareScaleQuery(ctx context.Context, q *ScaleQuery, cursors Cursors) error {
	if q.Offset == 0 {
		return nil
	}
	c, err := db.CursorAtOffset(ctx, q.Query, q.Offset-1, cursors)
	if err != nil {
		return err
	}
	q.Page.After = &c
	return nil
}

// idsFirst reads a page in two steps: the ids of its rows, which indexes holding the filtered and
// sorted columns answer without reading the rows they skip, then those rows whole. In one step
// the database reads every candidate row whole before it sorts them, which over a large
// collection costs most of the query.
func (db *DB) idsFirst(ctx context.Context, page *gorm.DB, order clause.OrderBy) *gorm.DB {
	return db.with(ctx).Model(&Asset{}).Joins(currentVersionJoin).
		Where("assets.id IN (?)", page.Select("assets.id")).Order(order)
}
