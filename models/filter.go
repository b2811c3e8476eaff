package models

import (
	"fmt"
	"gorm.io/gorm"
	"strings"
	"time"
)

// The filter inputs below are bound directly to the GraphQL input types of the same names, so the
// filter a client writes is the filter this package compiles: there is no second copy to keep in step.

// IDFilter matches asset ids.
type IDFilter struct {
	In    []string
	NotIn []string
}

// KindFilter matches asset kinds.
type KindFilter struct {
	Eq *AssetKind
	In []AssetKind
}

// StatusFilter matches asset statuses.
type StatusFilter struct {
	Eq *AssetStatus
	In []AssetStatus
}

// StringFilter matches a value exactly.
type StringFilter struct {
	Eq *string
	In []string
}

// MimeTypeFilter matches MIME types exactly or by substring.
type MimeTypeFilter struct {
	Eq      *string
	In      []string
	Matches *string
}

// Int64Filter compares a 64-bit number.
type Int64Filter struct {
	Eq  *int64
	Gt  *int64
	Gte *int64
	Lt  *int64
	Lte *int64
}

// IntFilter compares a number; it also matches on presence (non-images have no width).
type IntFilter struct {
	Eq     *int
	Gt     *int
	Gte    *int
	Lt     *int
	Lte    *int
	Exists *bool
}

// TimeFilter compares a timestamp.
type TimeFilter struct {
	Gt  *time.Time
	Gte *time.Time
	Lt  *time.Time
	Lte *time.Time
}

// TextFilter matches text case-insensitively by substring, or by presence.
type TextFilter struct {
	Matches *string
	Exists  *bool
}

// TagsFilter matches assets by the names of their tags (case-insensitively).
type TagsFilter struct {
	AnyIn  []string
	AllIn  []string
	NotIn  []string
	Exists *bool
}

// CollectionFilter matches assets by collection.
type CollectionFilter struct {
	Eq          *string
	Descendants *bool
	Exists      *bool
}

// FloatFilter compares a fractional number.
type FloatFilter struct {
	Eq  *float64
	Gt  *float64
	Gte *float64
	Lt  *float64
	Lte *float64
}

// OrientationFilter matches assets by their shape as displayed.
type OrientationFilter struct {
	Eq *Orientation
	In []Orientation
}

// Resolution is a coarse class of pixel count: SMALL below 1 MP, MEDIUM below 8 MP, LARGE above.
type Resolution string

const (
	ResolutionSmall  Resolution = "SMALL"
	ResolutionMedium Resolution = "MEDIUM"
	ResolutionLarge  Resolution = "LARGE"
)

// ResolutionFilter matches assets by resolution class.
type ResolutionFilter struct {
	Eq *Resolution
	In []Resolution
}

// ColorsFilter matches assets by their dominant colors.
type ColorsFilter struct {
	AnyIn []string
}

// AssetFilter is every condition a list of assets can be narrowed by; all set fields must hold.
type AssetFilter struct {
	IDs         *IDFilter
	Kind        *KindFilter
	Status      *StatusFilter
	Format      *StringFilter
	MimeType    *MimeTypeFilter
	Size        *Int64Filter
	Width       *IntFilter
	Height      *IntFilter
	AspectRatio *FloatFilter
	Orientation *OrientationFilter
	Resolution  *ResolutionFilter
	Tags        *TagsFilter
	SmartTags   *TagsFilter
	Colors      *ColorsFilter
	Collection  *CollectionFilter
	InUse       *bool
	CreatedAt   *TimeFilter
	UpdatedAt   *TimeFilter
	Filename    *TextFilter
	Alt         *TextFilter
	Title       *TextFilter
	Author      *TextFilter
	Copyright   *TextFilter
	Notes       *TextFilter
	MD5         *StringFilter
	Deleted     *bool
	Search      *string
	AND         []*AssetFilter
	OR          []*AssetFilter
}

// FilterError explains why a filter cannot be run; Field is its path in the filter.
type FilterError struct {
	Field  string
	Reason string
}

func (e *FilterError) Error() string { return fmt.Sprintf("filter %s: %s", e.Field, e.Reason) }

// maxFilterList bounds every list inside a filter, so one request cannot build an enormous statement.
const maxFilterList = 500

// cond is a fragment of a WHERE clause with its arguments, written with ? placeholders.
type cond struct {
	sql  string
	args []any
}

type conds []cond

// where adds the condition to a query in brackets of its own, so that none of its ORs can ever loosen
// the conditions beside it (GORM brackets raw conditions only when it spots an OR or AND).
func (c cond) where(g *gorm.DB) *gorm.DB {
	if c.sql == "" {
		return g
	}
	return g.Where("("+c.sql+")", c.args...)
}

// addressesVersion says whether the condition reads the current version's columns (cv), which only
// a query joining it can run.
func (c cond) addressesVersion() bool { return strings.Contains(c.sql, "cv.") }

func (cs *conds) add(sql string, args ...any) { *cs = append(*cs, cond{sql, args}) }

func (cs conds) join(op string) cond {
	switch len(cs) {
	case 0:
		return cond{}
	case 1:
		return cs[0]
	}
	parts := make([]string, len(cs))
	var args []any
	for i, c := range cs {
		parts[i] = "(" + c.sql + ")"
		args = append(args, c.args...)
	}
	return cond{strings.Join(parts, " "+op+" "), args}
}

// likePattern turns user text into a LIKE pattern matching it anywhere, case-folded, with LIKE's own
// wildcards escaped so that "50%" means the characters 5, 0 and %.
func likePattern(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(strings.ToLower(s)) + "%"
}

// containsFolded is the SQL of a case-insensitive substring match on expr.
func containsFolded(expr, needle string) cond {
	return cond{"lower(" + expr + ") LIKE ? ESCAPE '\\'", []any{likePattern(needle)}}
}

// FoldKey is the case-insensitive identity of a name (tags, collections): two names with the same key
// are the same name.
func FoldKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

func checkList[T any](field string, list []T) error {
	if len(list) > maxFilterList {
		return &FilterError{field, fmt.Sprintf("at most %d values", maxFilterList)}
	}
	return nil
}

// Bounds of a filter's size, so that no filter makes a statement the database refuses or chokes on.
const (
	maxFilterNesting  = 5    // AND/OR levels
	maxFilterBranches = 50   // filters in one AND or OR
	maxFilterParams   = 2000 // values in the whole filter
)

// compileAssetFilter turns a filter into a WHERE fragment over the assets table and its current
// version (cv).
func compileAssetFilter(f *AssetFilter) (cond, error) {
	c, err := compileFilter(f, "", 0)
	if err == nil && len(c.args) > maxFilterParams {
		err = &FilterError{"", fmt.Sprintf("the filter holds %d values; at most %d are allowed", len(c.args), maxFilterParams)}
	}
	return c, err
}

func compileFilter(f *AssetFilter, path string, nesting int) (cond, error) {
	var cs conds
	if f == nil {
		return cond{}, nil
	}
	if nesting > maxFilterNesting {
		return cond{}, &FilterError{path, fmt.Sprintf("AND and OR nest at most %d levels deep", maxFilterNesting)}
	}
	if len(f.AND) > maxFilterBranches || len(f.OR) > maxFilterBranches {
		return cond{}, &FilterError{path, fmt.Sprintf("at most %d filters in one AND or OR", maxFilterBranches)}
	}
	field := func(name string) string {
		if path == "" {
			return name
		}
		return path + "." + name
	}
	if f.IDs != nil {
		if err := checkList(field("ids.in"), f.IDs.In); err != nil {
			return cond{}, err
		}
		if err := checkList(field("ids.notIn"), f.IDs.NotIn); err != nil {
			return cond{}, err
		}
		if f.IDs.In != nil {
			cs.add(inList("assets.id", len(f.IDs.In)), toAny(f.IDs.In)...)
		}
		if len(f.IDs.NotIn) > 0 {
			cs.add("NOT ("+inList("assets.id", len(f.IDs.NotIn))+")", toAny(f.IDs.NotIn)...)
		}
	}
	if f.Kind != nil {
		addEnum(&cs, "cv.kind", f.Kind.Eq, f.Kind.In)
	}
	if f.Status != nil {
		addEnum(&cs, "assets.status", f.Status.Eq, f.Status.In)
	}
	if f.Format != nil {
		addEnum(&cs, "cv.format", lowerPtr(f.Format.Eq), lowerAll(f.Format.In))
	}
	if f.MimeType != nil {
		addEnum(&cs, "cv.mime_type", lowerPtr(f.MimeType.Eq), lowerAll(f.MimeType.In))
		if f.MimeType.Matches != nil {
			cs = append(cs, containsFolded("cv.mime_type", *f.MimeType.Matches))
		}
	}
	if f.MD5 != nil {
		addEnum(&cs, "cv.md5", lowerPtr(f.MD5.Eq), lowerAll(f.MD5.In))
	}
	if f.Size != nil {
		addCompare(&cs, "cv.size", f.Size.Eq, f.Size.Gt, f.Size.Gte, f.Size.Lt, f.Size.Lte)
	}
	// Columns are visited in a fixed order so that equal filters compile to equal SQL, which the
	// prepared-statement cache relies on.
	for _, nf := range []struct {
		col string
		f   *IntFilter
	}{{"cv.width", f.Width}, {"cv.height", f.Height}} {
		if nf.f != nil {
			addCompare(&cs, nf.col, nf.f.Eq, nf.f.Gt, nf.f.Gte, nf.f.Lt, nf.f.Lte)
			addExists(&cs, nf.col+" IS NOT NULL", nf.f.Exists)
		}
	}
	for _, tf := range []struct {
		col string
		f   *TimeFilter
	}{{"assets.created_at", f.CreatedAt}, {"assets.updated_at", f.UpdatedAt}} {
		if tf.f != nil {
			addCompare[time.Time](&cs, tf.col, nil, tf.f.Gt, tf.f.Gte, tf.f.Lt, tf.f.Lte)
		}
	}
	inAsset := func(c cond) cond { return c }
	inMetadata := func(c cond) cond {
		return cond{"EXISTS (SELECT 1 FROM asset_metadata m WHERE m.asset_id = assets.id AND " + c.sql + ")", c.args}
	}
	for _, tf := range []struct {
		col  string
		f    *TextFilter
		wrap func(cond) cond
	}{
		{"assets.filename", f.Filename, inAsset},
		{"assets.author", f.Author, inAsset},
		{"assets.copyright", f.Copyright, inAsset},
		{"assets.notes", f.Notes, inAsset},
		{"m.alt", f.Alt, inMetadata},
		{"m.title", f.Title, inMetadata},
	} {
		addText(&cs, tf.col, tf.f, tf.wrap)
	}
	if f.AspectRatio != nil {
		r := f.AspectRatio
		addCompare(&cs, aspectRatioSQL, r.Eq, r.Gt, r.Gte, r.Lt, r.Lte)
	}
	if f.Orientation != nil {
		addEnum(&cs, orientationSQL, f.Orientation.Eq, f.Orientation.In)
	}
	if f.Resolution != nil {
		addEnum(&cs, resolutionSQL, f.Resolution.Eq, f.Resolution.In)
	}
	if f.Tags != nil {
		if err := compileTags(&cs, f.Tags, field("tags"), editorTags); err != nil {
			return cond{}, err
		}
	}
	if f.SmartTags != nil {
		if err := compileTags(&cs, f.SmartTags, field("smartTags"), smartTags); err != nil {
			return cond{}, err
		}
	}
	if f.Colors != nil {
		if err := compileColors(&cs, f.Colors, field("colors.anyIn")); err != nil {
			return cond{}, err
		}
	}
	if f.Collection != nil {
		compileCollection(&cs, f.Collection)
	}
	if f.InUse != nil {
		addExists(&cs, "EXISTS (SELECT 1 FROM usages u WHERE u.asset_id = assets.id)", f.InUse)
	}
	if f.Search != nil {
		if err := compileSearch(&cs, *f.Search, field("search")); err != nil {
			return cond{}, err
		}
	}
	for i, sub := range f.AND {
		c, err := compileFilter(sub, fmt.Sprintf("%s[%d]", field("AND"), i), nesting+1)
		if err != nil {
			return cond{}, err
		}
		if c.sql != "" {
			cs = append(cs, c)
		}
	}
	if len(f.OR) > 0 {
		var ors conds
		for i, sub := range f.OR {
			c, err := compileFilter(sub, fmt.Sprintf("%s[%d]", field("OR"), i), nesting+1)
			if err != nil {
				return cond{}, err
			}
			if c.sql == "" {
				c = cond{sql: "1 = 1"}
			}
			ors = append(ors, c)
		}
		cs = append(cs, ors.join("OR"))
	}
	return cs.join("AND"), nil
}

// A tagIndex is where a kind of tag is kept: has opens an EXISTS over the asset's tags that the
// caller completes with a condition on key; any is an EXISTS of any tag at all.
type tagIndex struct{ has, key, any string }

var (
	editorTags = tagIndex{
		has: "EXISTS (SELECT 1 FROM asset_tags at JOIN tags t ON t.id = at.tag_id WHERE at.asset_id = assets.id AND ",
		key: "t.name_key",
		any: "EXISTS (SELECT 1 FROM asset_tags at WHERE at.asset_id = assets.id)",
	}
	smartTags = tagIndex{
		has: "EXISTS (SELECT 1 FROM asset_smart_tags st WHERE st.asset_id = assets.id AND ",
		key: "st.name_key",
		any: "EXISTS (SELECT 1 FROM asset_smart_tags st WHERE st.asset_id = assets.id)",
	}
)

func compileTags(cs *conds, tf *TagsFilter, path string, ix tagIndex) error {
	for _, l := range []struct {
		name string
		list []string
	}{{".anyIn", tf.AnyIn}, {".allIn", tf.AllIn}, {".notIn", tf.NotIn}} {
		if err := checkList(path+l.name, l.list); err != nil {
			return err
		}
	}
	if tf.AnyIn != nil {
		cs.add(ix.has+inList(ix.key, len(tf.AnyIn))+")", toAny(foldAll(tf.AnyIn))...)
	}
	for _, name := range tf.AllIn {
		cs.add(ix.has+ix.key+" = ?)", FoldKey(name))
	}
	if len(tf.NotIn) > 0 {
		cs.add("NOT "+ix.has+inList(ix.key, len(tf.NotIn))+")", toAny(foldAll(tf.NotIn))...)
	}
	addExists(cs, ix.any, tf.Exists)
	return nil
}

// The SQL forms of Asset.AspectRatio and Asset.Orientation, and of the resolution classes.
const (
	aspectRatioSQL = "(CASE WHEN cv.height > 0 THEN CAST(cv.width AS DOUBLE PRECISION) / cv.height END)"
	orientationSQL = "(CASE WHEN cv.width > cv.height THEN 'LANDSCAPE' WHEN cv.width < cv.height THEN 'PORTRAIT'" +
		" WHEN cv.width = cv.height THEN 'SQUARE' END)"
	resolutionSQL = "(CASE WHEN CAST(cv.width AS BIGINT) * cv.height < 1000000 THEN 'SMALL'" +
		" WHEN CAST(cv.width AS BIGINT) * cv.height < 8000000 THEN 'MEDIUM'" +
		" WHEN cv.width IS NOT NULL AND cv.height IS NOT NULL THEN 'LARGE' END)"
)

// colorMatchDistance is how far (Euclidean, in 8-bit RGB) a dominant color may be from a color asked
// for and still match it: nobody filters by an exact shade.
const colorMatchDistance = 60

func compileColors(cs *conds, cf *ColorsFilter, path string) error {
	if err := checkList(path, cf.AnyIn); err != nil {
		return err
	}
	if cf.AnyIn == nil {
		return nil
	}
	var near conds
	for i, hex := range cf.AnyIn {
		c, ok := ParseHexColor(hex)
		if !ok {
			return &FilterError{fmt.Sprintf("%s[%d]", path, i), fmt.Sprintf("%q is not a color; write it as #rrggbb", hex)}
		}
		near.add("(c.red - ?) * (c.red - ?) + (c.green - ?) * (c.green - ?) + (c.blue - ?) * (c.blue - ?) <= ?",
			c.Red, c.Red, c.Green, c.Green, c.Blue, c.Blue, colorMatchDistance*colorMatchDistance)
	}
	if len(near) == 0 {
		cs.add("1 = 0")
		return nil
	}
	match := near.join("OR")
	cs.add("EXISTS (SELECT 1 FROM asset_colors c WHERE c.asset_id = assets.id AND ("+match.sql+"))", match.args...)
	return nil
}

func compileCollection(cs *conds, cf *CollectionFilter) {
	if cf.Eq != nil {
		if cf.Descendants != nil && *cf.Descendants {
			cs.add(`assets.collection_id IN (SELECT c.id FROM collections c, collections root
				WHERE root.id = ? AND SUBSTR(c.path, 1, LENGTH(root.path)) = root.path)`, *cf.Eq)
		} else {
			cs.add("assets.collection_id = ?", *cf.Eq)
		}
	}
	addExists(cs, "assets.collection_id IS NOT NULL", cf.Exists)
}

// maxSearchTerms bounds the words of a search, each of which adds a clause.
const maxSearchTerms = 10

// compileSearch requires every word of the search to appear in the filename, title, alt, notes or a
// tag name.
func compileSearch(cs *conds, search, field string) error {
	terms := strings.Fields(search)
	if len(terms) > maxSearchTerms {
		return &FilterError{field, fmt.Sprintf("at most %d words", maxSearchTerms)}
	}
	for _, term := range terms {
		p := likePattern(term)
		cs.add(`lower(assets.filename) LIKE ? ESCAPE '\'
			OR lower(assets.notes) LIKE ? ESCAPE '\'
			OR EXISTS (SELECT 1 FROM asset_metadata m WHERE m.asset_id = assets.id
				AND (lower(m.alt) LIKE ? ESCAPE '\' OR lower(m.title) LIKE ? ESCAPE '\'))
			OR EXISTS (SELECT 1 FROM asset_tags at JOIN tags t ON t.id = at.tag_id
				WHERE at.asset_id = assets.id AND t.name_key LIKE ? ESCAPE '\')`, p, p, p, p, p)
	}
	return nil
}

func addText(cs *conds, col string, tf *TextFilter, wrap func(cond) cond) {
	if tf == nil {
		return
	}
	if tf.Matches != nil {
		*cs = append(*cs, wrap(containsFolded(col, *tf.Matches)))
	}
	if tf.Exists != nil {
		present := wrap(cond{sql: col + " IS NOT NULL AND " + col + " <> ''"})
		if *tf.Exists {
			*cs = append(*cs, present)
		} else {
			*cs = append(*cs, cond{"NOT (" + present.sql + ")", present.args})
		}
	}
}

func addExists(cs *conds, sql string, want *bool) {
	if want == nil {
		return
	}
	if *want {
		cs.add(sql)
	} else {
		cs.add("NOT (" + sql + ")")
	}
}

// addEnum matches a column against one value or a list; lists are bounded by the filter's total.
func addEnum[T any](cs *conds, col string, eq *T, in []T) {
	if eq != nil {
		cs.add(col+" = ?", *eq)
	}
	if in != nil {
		cs.add(inList(col, len(in)), toAny(in)...)
	}
}

func addCompare[T any](cs *conds, col string, eq, gt, gte, lt, lte *T) {
	for _, c := range []struct {
		op string
		v  *T
	}{{"=", eq}, {">", gt}, {">=", gte}, {"<", lt}, {"<=", lte}} {
		if c.v != nil {
			cs.add(col+" "+c.op+" ?", *c.v)
		}
	}
}

// inList is "col IN (?, ?, …)"; an empty list matches nothing, as an empty set should.
func inList(col string, n int) string {
	if n == 0 {
		return "1 = 0"
	}
	return col + " IN (" + strings.TrimSuffix(strings.Repeat("?, ", n), ", ") + ")"
}

func toAny[T any](list []T) []any {
	out := make([]any, len(list))
	for i, v := range list {
		out[i] = v
	}
	return out
}

func foldAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = FoldKey(n)
	}
	return out
}

func lowerPtr(s *string) *string {
	if s == nil {
		return nil
	}
	l := strings.ToLower(*s)
	return &l
}

func lowerAll(list []string) []string {
	if list == nil {
		return nil
	}
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = strings.ToLower(s)
	}
	return out
}
