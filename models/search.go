package models

import (
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"strings"

	"gorm.io/gorm"
)

// Full-text search keeps one document per asset in search_docs, rebuilt in the transaction of every
// change that records an event about the asset (see Transaction), so a change is searchable as soon
// as it commits.
//
// The text is normalized in Go (searchWords) on both databases. Its parts carry weights, highest
// first: A titles and alt texts; B filename, tags, smart tags, author and collection; C copyright
// and camera; D what only management may search by (notes, the original filename).
//
// PostgreSQL: search_docs.doc is a tsvector of the `simple` configuration (no stemming: Italian and
// German words match as written) with the parts as weights, under a GIN index; public readers'
// queries are restricted to weights A-C. SQLite: two FTS4 tables (FTS4 ships in the default build of
// the driver, FTS5 would need a build tag on every go command): search_public holds parts A-C,
// search_all all four, each row's docid the id of its search_docs row.

// OrderRelevance orders a searched list by how well each asset matches, best first, then by id.
const OrderRelevance AssetOrder = "RELEVANCE"

// searchDoc is the indexed text of one asset.
type searchDoc struct {
	assetID   string
	parts     [4]string // weights A, B, C, D
	takenYear *int
}

// compileScope is what compiling a filter depends on besides the filter: whether the reader is
// public, and the database's search syntax.
type compileScope struct {
	public  bool
	dialect Dialect
}

// compileSearch requires every term of the search without - and none of those with it.
func compileSearch(cs *conds, search, field string, sc compileScope) error {
	terms, err := parseSearch(search, field)
	if err != nil {
		return err
	}
	if len(terms) == 0 && strings.TrimSpace(search) != "" {
		// Only punctuation: nothing holds such a word.
		cs.add("1 = 0")
		return nil
	}
	with, without := splitTerms(terms)
	if len(with) > 0 {
		cs.add("assets.id IN ("+sc.matchSQL()+")", sc.query(with, " AND "))
	}
	if len(without) > 0 {
		cs.add("assets.id NOT IN ("+sc.matchSQL()+")", sc.query(without, " OR "))
	}
	return nil
}

// matchSQL selects the ids of the assets whose document matches the query in its one argument.
func (sc compileScope) matchSQL() string {
	if sc.dialect == Postgres {
		return "SELECT sd.asset_id FROM search_docs sd WHERE sd.doc @@ to_tsquery('simple', ?)"
	}
	t := sc.ftsTable()
	return "SELECT sd.asset_id FROM search_docs sd WHERE sd.id IN (SELECT docid FROM " + t + " WHERE " + t + " MATCH ?)"
}

func (sc compileScope) ftsTable() string {
	if sc.public {
		return "search_public"
	}
	return "search_all"
}

// query writes terms in the database's query syntax, joined by AND or OR. Words are only ever
// [a-z0-9]+ (searchWords), so nothing a client types can be read as an operator.
func (sc compileScope) query(terms []searchTerm, join string) string {
	parts := make([]string, len(terms))
	for i, t := range terms {
		if sc.dialect == Postgres {
			parts[i] = sc.tsTerm(t)
		} else {
			parts[i] = ftsTerm(t)
		}
	}
	if sc.dialect == Postgres {
		join = map[string]string{" AND ": " & ", " OR ": " | "}[join]
	}
	return strings.Join(parts, join)
}

// tsTerm is a term in tsquery syntax: words adjacent (<->), the last one a prefix unless quoted,
// each restricted to the public weights for public readers.
func (sc compileScope) tsTerm(t searchTerm) string {
	lexemes := make([]string, len(t.words))
	for i, w := range t.words {
		label := ""
		if t.prefix() && i == len(t.words)-1 {
			label = "*"
		}
		if sc.public {
			label += "ABC"
		}
		if label != "" {
			w += ":" + label
		}
		lexemes[i] = w
	}
	return "(" + strings.Join(lexemes, " <-> ") + ")"
}

// ftsTerm is a term in FTS4 syntax: one word, or a phrase in quotes; the last word a prefix (*)
// unless quoted.
func ftsTerm(t searchTerm) string {
	s := strings.Join(t.words, " ")
	if t.prefix() {
		s += "*"
	}
	if len(t.words) > 1 {
		s = `"` + s + `"`
	}
	return s
}

// relevanceJoin joins each matching asset's score as rel.score, for OrderRelevance; a search with
// nothing to match (only exclusions) scores every asset 0.
func relevanceJoin(g *gorm.DB, f *AssetFilter, sc compileScope) (*gorm.DB, string, error) {
	var terms []searchTerm
	if f != nil && f.Search != nil {
		var err error
		if terms, err = parseSearch(*f.Search, "search"); err != nil {
			return nil, "", err
		}
	}
	with, _ := splitTerms(terms)
	if len(with) == 0 {
		return g, "0", nil
	}
	q := sc.query(with, " AND ")
	if sc.dialect == Postgres {
		return g.Joins("JOIN (SELECT sd.asset_id, CAST(ts_rank('{0.1, 0.2, 0.4, 1.0}', sd.doc, to_tsquery('simple', ?)) * 1000000 AS BIGINT) AS score"+
			" FROM search_docs sd WHERE sd.doc @@ to_tsquery('simple', ?)) rel ON rel.asset_id = assets.id", q, q), "rel.score", nil
	}
	t := sc.ftsTable()
	return g.Joins("JOIN (SELECT sd.asset_id, mg_search_rank(matchinfo("+t+", 'pcy')) AS score FROM "+t+
		" JOIN search_docs sd ON sd.id = "+t+".docid WHERE "+t+" MATCH ?) rel ON rel.asset_id = assets.id", q), "rel.score", nil
}

// ftsWeights weigh the columns of the FTS tables (parts A to D) in searchRank.
var ftsWeights = []float64{8, 4, 2, 1}

// searchRank scores an FTS4 match from matchinfo(t, 'pcy'): for each phrase and column, the
// column's weight times the (dampened) hits of the phrase in this row. It is SQLite's
// mg_search_rank; the score is an integer so that cursors compare it exactly. (The hits in all rows
// that an idf needs, matchinfo's x, cost a pass over every match of a prefix for every row.)
func searchRank(info []byte) int64 {
	v := make([]uint32, len(info)/4)
	for i := range v {
		v[i] = binary.NativeEndian.Uint32(info[4*i:])
	}
	if len(v) < 2 {
		return 0
	}
	p, c := int(v[0]), int(v[1])
	if len(v) < 2+p*c {
		return 0
	}
	score := 0.0
	for i := range p {
		for j := range min(c, len(ftsWeights)) {
			if hits := float64(v[2+i*c+j]); hits > 0 {
				score += ftsWeights[j] * (1 + math.Log(hits))
			}
		}
	}
	return int64(score * 1e6)
}

// searchDocs builds the documents of the listed assets that exist (trashed ones too: the trash is
// searched like the library).
func (db *DB) searchDocs(ctx context.Context, ids []string) ([]searchDoc, error) {
	g := db.with(ctx)
	assets, err := findAssets(g.Model(&Asset{}).Joins(currentVersionJoin).Where(inList("assets.id", len(ids)), toAny(ids)...))
	if err != nil {
		return nil, fmt.Errorf("read assets to index: %w", err)
	}
	meta, err := db.MetadataForAssets(ctx, ids)
	if err != nil {
		return nil, err
	}
	type named struct{ AssetID, Name string }
	var tags, folders []named
	err = g.Raw("SELECT at.asset_id, t.name FROM asset_tags at JOIN tags t ON t.id = at.tag_id WHERE "+
		inList("at.asset_id", len(ids))+" ORDER BY t.name", toAny(ids)...).Scan(&tags).Error
	if err != nil {
		return nil, fmt.Errorf("read tags to index: %w", err)
	}
	err = g.Raw("SELECT a.id AS asset_id, c.name FROM assets a JOIN collections c ON c.id = a.collection_id WHERE "+
		inList("a.id", len(ids)), toAny(ids)...).Scan(&folders).Error
	if err != nil {
		return nil, fmt.Errorf("read collections to index: %w", err)
	}
	extra := map[string][]string{}
	for _, n := range append(tags, folders...) {
		extra[n.AssetID] = append(extra[n.AssetID], n.Name)
	}
	docs := make([]searchDoc, 0, len(assets))
	for _, a := range assets {
		an, err := a.Analysis.Get()
		if err != nil {
			return nil, fmt.Errorf("index %s: %w", a.ID, err)
		}
		docs = append(docs, buildSearchDoc(a, an, meta[a.ID], extra[a.ID]))
	}
	return docs, nil
}

// buildSearchDoc is the document of an asset: names lists its tags and collection.
func buildSearchDoc(a *Asset, an Analysis, meta []*AssetMetadata, names []string) searchDoc {
	var localized, camera []string
	for _, m := range meta {
		localized = append(localized, deref(m.Title), deref(m.Alt))
	}
	var year *int
	if x := an.Exif; x != nil {
		camera = append(camera, deref(x.Make), deref(x.Model), deref(x.LensModel))
		if x.DateTaken != nil {
			y := x.DateTaken.Year()
			year = &y
		}
	}
	b := append([]string{a.Filename, deref(a.Author)}, names...)
	b = append(b, an.SmartTags...)
	original := ""
	if a.AssetVersion != nil {
		original = a.OriginalFilename
	}
	return searchDoc{assetID: a.ID, takenYear: year, parts: [4]string{
		searchText(localized...),
		searchText(b...),
		searchText(append(camera, deref(a.Copyright))...),
		searchText(deref(a.Notes), original),
	}}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// reindexSearch rebuilds the documents of the listed assets; an asset that no longer exists loses
// its document.
func (db *DB) reindexSearch(ctx context.Context, ids []string) error {
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), maxFilterList)]
		ids = ids[len(chunk):]
		docs, err := db.searchDocs(ctx, chunk)
		if err != nil {
			return err
		}
		if err := db.removeSearchDocs(ctx, chunk); err != nil {
			return err
		}
		if err := db.writeSearchDocs(ctx, docs); err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) removeSearchDocs(ctx context.Context, ids []string) error {
	g := db.with(ctx)
	if db.dialect == SQLite {
		for _, t := range []string{"search_public", "search_all"} {
			err := g.Exec("DELETE FROM "+t+" WHERE docid IN (SELECT id FROM search_docs WHERE "+inList("asset_id", len(ids))+")", toAny(ids)...).Error
			if err != nil {
				return fmt.Errorf("remove search documents: %w", err)
			}
		}
	}
	if err := g.Exec("DELETE FROM search_docs WHERE "+inList("asset_id", len(ids)), toAny(ids)...).Error; err != nil {
		return fmt.Errorf("remove search documents: %w", err)
	}
	return nil
}

// writeSearchDocs inserts documents of assets that have none.
func (db *DB) writeSearchDocs(ctx context.Context, docs []searchDoc) error {
	g := db.with(ctx)
	if db.dialect == Postgres {
		const batch = 500
		for len(docs) > 0 {
			chunk := docs[:min(len(docs), batch)]
			docs = docs[len(chunk):]
			rows := make([]string, len(chunk))
			args := make([]any, 0, 6*len(chunk))
			for i, d := range chunk {
				rows[i] = "(?, ?, setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'B')" +
					" || setweight(to_tsvector('simple', ?), 'C') || setweight(to_tsvector('simple', ?), 'D'))"
				args = append(args, d.assetID, d.takenYear, d.parts[0], d.parts[1], d.parts[2], d.parts[3])
			}
			if err := g.Exec("INSERT INTO search_docs (asset_id, taken_year, doc) VALUES "+strings.Join(rows, ", "), args...).Error; err != nil {
				return fmt.Errorf("write search documents: %w", err)
			}
		}
		return nil
	}
	// A statement per table for a batch, not per document: a bulk edit of 500 assets reindexes them
	// all in its transaction. RETURNING's order is unspecified, so ids are matched by asset.
	const batch = 500
	for len(docs) > 0 {
		chunk := docs[:min(len(docs), batch)]
		docs = docs[len(chunk):]
		args := make([]any, 0, 2*len(chunk))
		for _, d := range chunk {
			args = append(args, d.assetID, d.takenYear)
		}
		var rows []struct {
			ID      int64
			AssetID string
		}
		err := g.Raw("INSERT INTO search_docs (asset_id, taken_year) VALUES "+valueRows(len(chunk), 2)+" RETURNING id, asset_id", args...).Scan(&rows).Error
		if err != nil {
			return fmt.Errorf("write search documents: %w", err)
		}
		ids := make(map[string]int64, len(rows))
		for _, r := range rows {
			ids[r.AssetID] = r.ID
		}
		public, all := make([]any, 0, 4*len(chunk)), make([]any, 0, 5*len(chunk))
		for _, d := range chunk {
			p := d.parts
			public = append(public, ids[d.assetID], p[0], p[1], p[2])
			all = append(all, ids[d.assetID], p[0], p[1], p[2], p[3])
		}
		if err := g.Exec("INSERT INTO search_public (docid, a, b, c) VALUES "+valueRows(len(chunk), 4), public...).Error; err != nil {
			return fmt.Errorf("write public search documents: %w", err)
		}
		if err := g.Exec("INSERT INTO search_all (docid, a, b, c, d) VALUES "+valueRows(len(chunk), 5), all...).Error; err != nil {
			return fmt.Errorf("write search documents: %w", err)
		}
	}
	return nil
}

// valueRows is the VALUES list of n rows of width placeholders each.
func valueRows(n, width int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", width), ", ") + ")"
	return strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
}

// indexUnsearched gives a document to every asset without one: assets stored before search
// existed, or written in bulk.
func (db *DB) indexUnsearched(ctx context.Context) error {
	for {
		var ids []string
		err := db.with(ctx).Raw("SELECT id FROM assets WHERE NOT EXISTS (SELECT 1 FROM search_docs sd WHERE sd.asset_id = assets.id) LIMIT ?",
			maxFilterList).Scan(&ids).Error
		if err != nil {
			return fmt.Errorf("find assets to index: %w", err)
		}
		if len(ids) == 0 {
			return nil
		}
		if err := db.reindexSearch(ctx, ids); err != nil {
			return err
		}
	}
}

// searchChanges collects what a transaction's events ask to reindex.
type searchChanges struct {
	assets      map[string]bool
	collections map[string]bool
}

func (s *searchChanges) note(events []*Event) {
	if s.assets == nil {
		s.assets, s.collections = map[string]bool{}, map[string]bool{}
	}
	for _, e := range events {
		for _, id := range e.AssetIDs {
			s.assets[id] = true
		}
		// A collection's name is in the documents of the assets filed in it.
		if e.Kind == EventCollectionUpdated {
			for _, id := range e.CollectionIDs {
				s.collections[id] = true
			}
		}
	}
}

// refreshSearch reindexes what the transaction's events touched, before it commits.
func (db *DB) refreshSearch(ctx context.Context, s *searchChanges) error {
	if len(s.assets) == 0 && len(s.collections) == 0 {
		return nil
	}
	if len(s.collections) > 0 {
		cols := make([]string, 0, len(s.collections))
		for id := range s.collections {
			cols = append(cols, id)
		}
		var filed []string
		if err := db.with(ctx).Model(&Asset{}).Where(inList("collection_id", len(cols)), toAny(cols)...).Pluck("id", &filed).Error; err != nil {
			return fmt.Errorf("find assets of renamed collections: %w", err)
		}
		for _, id := range filed {
			s.assets[id] = true
		}
	}
	ids := make([]string, 0, len(s.assets))
	for id := range s.assets {
		ids = append(ids, id)
	}
	return db.reindexSearch(ctx, ids)
}

func (db *DB) compileScope(vis Visibility) compileScope {
	return compileScope{public: vis.PublicOnly, dialect: db.dialect}
}

// findScoredAssets is findAssets that also reads each row's relevance (score, an SQL expression)
// when scored; otherwise every score is 0.
func findScoredAssets(g *gorm.DB, scored bool, score string) ([]*Asset, []int64, error) {
	if !scored {
		assets, err := findAssets(g)
		return assets, make([]int64, len(assets)), err
	}
	var rows []struct {
		Asset
		Current  AssetVersion `gorm:"embedded;embeddedPrefix:cv_"`
		RelScore int64
	}
	if err := g.Select(assetColumns() + ", " + score + " AS rel_score").Find(&rows).Error; err != nil {
		return nil, nil, err
	}
	out, scores := make([]*Asset, len(rows)), make([]int64, len(rows))
	for i := range rows {
		out[i] = &rows[i].Asset
		out[i].AssetVersion = &rows[i].Current
		scores[i] = rows[i].RelScore
	}
	return out, scores, nil
}
