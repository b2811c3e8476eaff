package models

import (
	"context"
	"fmt"
	"reflect"
	"strings"
)

// Facet is a property of assets whose values a list can be counted by.
type Facet string

const (
	FacetKind        Facet = "KIND"
	FacetFormat      Facet = "FORMAT"
	FacetTag         Facet = "TAG"
	FacetSmartTag    Facet = "SMART_TAG"
	FacetCollection  Facet = "COLLECTION"
	FacetOrientation Facet = "ORIENTATION"
	FacetResolution  Facet = "RESOLUTION"
	FacetStatus      Facet = "STATUS"
	FacetYear        Facet = "YEAR"
	FacetColorFamily Facet = "COLOR_FAMILY"
	FacetAntivirus   Facet = "ANTIVIRUS"
	FacetModeration  Facet = "MODERATION"
)

// MaxFacetValues bounds the values one facet answers with.
const MaxFacetValues = 100

// FacetValue is one value of a facet and how many assets have it.
type FacetValue struct {
	Value string
	Count int64
}

// A facetRow is a facet told as data: the filter field whose values it counts and whose own
// condition it ignores. Everything else (the column, the rows it lives in, the version join, whether
// only management may read it) comes from that field's row in assetFilterFields, so a filterable
// field becomes a facet by one more line here.
type facetRow struct {
	facet Facet
	field string
	// value, when set, is what is counted instead of the field's expr (a tag's name rather than its
	// fold key, so that the value reads as the editor wrote it and filters back through tags.anyIn).
	value string
	// year counts the year of the field's instant; the SQL differs by dialect.
	year bool
	// repeats says an asset may have the value in several of its rows (two dominant colors of one
	// family), so the count must be of distinct assets: dearer, and needless elsewhere.
	repeats bool

	ff *filterField
}

var facetRows = indexFacets([]facetRow{
	{facet: FacetKind, field: "kind"},
	{facet: FacetFormat, field: "format"},
	{facet: FacetTag, field: "tags", value: "t.name"},
	{facet: FacetSmartTag, field: "smartTags"},
	{facet: FacetCollection, field: "collection"},
	{facet: FacetOrientation, field: "orientation"},
	{facet: FacetResolution, field: "resolution"},
	{facet: FacetStatus, field: "status"},
	{facet: FacetYear, field: "createdAt", year: true},
	{facet: FacetColorFamily, field: "colorFamily", repeats: true},
	{facet: FacetAntivirus, field: "antivirus.status"},
	{facet: FacetModeration, field: "moderation.status"},
})

// indexFacets ties each facet to its filter field; it panics on a facet naming no field, or on one
// with nothing to count, which any test catches.
func indexFacets(rows []facetRow) map[Facet]*facetRow {
	out := map[Facet]*facetRow{}
	for i := range rows {
		r := &rows[i]
		for j := range assetFilterFields {
			if assetFilterFields[j].name == r.field {
				r.ff = &assetFilterFields[j]
			}
		}
		if r.ff == nil || r.ff.expr == "" {
			panic("models: facet " + string(r.facet) + " has no filter field with a column to count")
		}
		out[r.facet] = r
	}
	return out
}

// FacetIsManagement says whether only readers who see PRIVATE assets may count the facet.
func FacetIsManagement(f Facet) bool { r, ok := facetRows[f]; return ok && r.ff.management }

// Facets lists every facet, for documentation and tests.
func Facets() []Facet {
	out := make([]Facet, 0, len(facetRows))
	for f := range facetRows {
		out = append(out, f)
	}
	return out
}

// FacetQuery counts one facet over the assets a query selects, ignoring the query's own condition on
// the facet's field at the top level (a condition inside AND or OR still holds).
type FacetQuery struct {
	Filter     *AssetFilter
	Facet      Facet
	Limit      int
	Visibility Visibility
}

// CountFacet returns the most frequent values of a facet, most frequent first, ties by value.
// Assets without a value are not counted.
func (db *DB) CountFacet(ctx context.Context, q FacetQuery) ([]*FacetValue, error) {
	row, ok := facetRows[q.Facet]
	if !ok {
		return nil, &FilterError{"facets", fmt.Sprintf("unknown facet %q", q.Facet)}
	}
	if q.Limit < 1 || q.Limit > MaxFacetValues {
		return nil, &FilterError{"limit", fmt.Sprintf("between 1 and %d values per facet", MaxFacetValues)}
	}
	if q.Visibility.PublicOnly && row.ff.management {
		return nil, &FilterForbiddenError{FilterError{"facets", "only EDITOR and ADMIN tokens may count " + string(q.Facet)}}
	}
	g, err := db.assetScope(ctx, AssetQuery{Filter: withoutField(q.Filter, row.ff), Visibility: q.Visibility}, row.ff.version)
	if err != nil {
		return nil, err
	}
	if r := row.ff.of; r != nil {
		g = g.Joins("JOIN " + r.table + " ON " + r.owner + " = assets.id " + r.join)
	}
	value, count := row.valueSQL(db.dialect), "COUNT(*)"
	if row.repeats {
		count = "COUNT(DISTINCT assets.id)"
	}
	var out []*FacetValue
	err = g.Select(value + " AS value, " + count + " AS count").
		Where(value + " IS NOT NULL").Group(value).
		Order("count DESC, value").Limit(q.Limit).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("count facet %s: %w", q.Facet, err)
	}
	return out, nil
}

// valueSQL is the SQL of the value the facet counts.
func (r *facetRow) valueSQL(d Dialect) string {
	switch {
	case r.year && d == Postgres:
		return "CAST(CAST(EXTRACT(YEAR FROM " + r.ff.expr + " AT TIME ZONE 'UTC') AS INTEGER) AS TEXT)"
	case r.year:
		return "strftime('%Y', " + r.ff.expr + ")"
	case r.value != "":
		return r.value
	}
	return r.ff.expr
}

// withoutField is a shallow copy of f without its top-level condition on ff.
func withoutField(f *AssetFilter, ff *filterField) *AssetFilter {
	if f == nil {
		return nil
	}
	out := *f
	reflect.ValueOf(&out).Elem().FieldByIndex(ff.index[0]).SetZero()
	return &out
}

// ColorFamily is a named band of hue, or a neutral (black, gray, white), that a dominant color falls in.
type ColorFamily string

const (
	ColorRed    ColorFamily = "RED"
	ColorOrange ColorFamily = "ORANGE"
	ColorYellow ColorFamily = "YELLOW"
	ColorGreen  ColorFamily = "GREEN"
	ColorCyan   ColorFamily = "CYAN"
	ColorBlue   ColorFamily = "BLUE"
	ColorPurple ColorFamily = "PURPLE"
	ColorPink   ColorFamily = "PINK"
	ColorBlack  ColorFamily = "BLACK"
	ColorGray   ColorFamily = "GRAY"
	ColorWhite  ColorFamily = "WHITE"
)

// ColorFamilyFilter matches assets by the families of their dominant colors.
type ColorFamilyFilter struct {
	AnyIn []ColorFamily
}

// colorFamilySQL is the family of a row of asset_colors (c). Hue bands are decided in integers
// (hue = 60·Δ/chroma compared by cross-multiplying), so both dialects agree to the last color: red
// below 15°, orange below 45°, yellow below 70°, green below 170°, cyan below 200°, blue below 260°,
// purple below 300°, pink below 345°. Dark colors are black; low-chroma ones gray or white.
var colorFamilySQL = func() string {
	const r, g, b = "c.red", "c.green", "c.blue"
	maxOf := fmt.Sprintf("(CASE WHEN %[1]s >= %[2]s AND %[1]s >= %[3]s THEN %[1]s WHEN %[2]s >= %[3]s THEN %[2]s ELSE %[3]s END)", r, g, b)
	minOf := fmt.Sprintf("(CASE WHEN %[1]s <= %[2]s AND %[1]s <= %[3]s THEN %[1]s WHEN %[2]s <= %[3]s THEN %[2]s ELSE %[3]s END)", r, g, b)
	k := "(" + maxOf + " - " + minOf + ")"
	when := func(cond string, f ColorFamily) string { return " WHEN " + cond + " THEN '" + string(f) + "'" }
	var s strings.Builder
	s.WriteString("(CASE")
	s.WriteString(when(maxOf+" < 48", ColorBlack))
	s.WriteString(when(k+" < 24 AND "+maxOf+" > 210", ColorWhite))
	s.WriteString(when(k+" < 24", ColorGray))
	// Red is the largest channel: hue = 60·(g−b)/k, from −60° (pink) to 60° (yellow).
	redMax := fmt.Sprintf("%[1]s >= %[2]s AND %[1]s >= %[3]s AND ", r, g, b)
	s.WriteString(when(redMax+"4 * ("+g+" - "+b+") < -"+k, ColorPink))
	s.WriteString(when(redMax+"4 * ("+g+" - "+b+") < "+k, ColorRed))
	s.WriteString(when(redMax+"4 * ("+g+" - "+b+") < 3 * "+k, ColorOrange))
	s.WriteString(when(redMax+"1 = 1", ColorYellow))
	// Green: hue = 120° + 60·(b−r)/k.
	greenMax := g + " >= " + b + " AND "
	s.WriteString(when(greenMax+"6 * ("+b+" - "+r+") < -5 * "+k, ColorYellow))
	s.WriteString(when(greenMax+"6 * ("+b+" - "+r+") < 5 * "+k, ColorGreen))
	s.WriteString(when(greenMax+"1 = 1", ColorCyan))
	// Blue: hue = 240° + 60·(r−g)/k.
	s.WriteString(when("3 * ("+r+" - "+g+") < -2 * "+k, ColorCyan))
	s.WriteString(when("3 * ("+r+" - "+g+") < "+k, ColorBlue))
	s.WriteString(" ELSE '" + string(ColorPurple) + "' END)")
	return s.String()
}()
