package models

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"time"

	"gorm.io/gorm"
)

// MetadataFieldPrefix is the id prefix of structured metadata fields.
const MetadataFieldPrefix = "mdf"

// FieldType is the type of a structured metadata field's values.
type FieldType string

const (
	FieldText        FieldType = "TEXT"
	FieldNumber      FieldType = "NUMBER"
	FieldDate        FieldType = "DATE"
	FieldBoolean     FieldType = "BOOLEAN"
	FieldSelect      FieldType = "SELECT"
	FieldMultiSelect FieldType = "MULTI_SELECT"
)

// MetadataField is a structured metadata field that an ADMIN defines and editors fill on assets.
type MetadataField struct {
	ID  string `gorm:"primaryKey;size:40"`
	Key string `gorm:"size:64;not null"`
	// Label is the field's name per locale.
	Label     JSON[map[string]string]
	Type      FieldType `gorm:"size:16;not null"`
	Options   JSON[[]string]
	Required  bool `gorm:"not null"`
	Localized bool `gorm:"not null"`
	// DefaultValue is the value an asset without one shows, as JSON (null: none).
	DefaultValue      JSON[any]
	ValidationMin     *float64
	ValidationMax     *float64
	ValidationPattern *string
	CreatedAt         time.Time
	UpdatedAt         time.Time
}

// AssetFieldValue is one stored value of a field on an asset, in the column of its type, so that
// NUMBER and DATE values compare as numbers and instants and each column has its index. A
// MULTI_SELECT value is one row per option; Locale is "" for a field that is not localized.
type AssetFieldValue struct {
	AssetID     string `gorm:"primaryKey;size:40"`
	FieldID     string `gorm:"primaryKey;size:40"`
	Locale      string `gorm:"primaryKey;size:35"`
	Position    int    `gorm:"primaryKey"`
	TextValue   *string
	NumberValue *float64
	DateValue   *time.Time
	BoolValue   *bool
}

// MetadataFields lists every field, by key.
func (db *DB) MetadataFields(ctx context.Context) ([]*MetadataField, error) {
	var out []*MetadataField
	if err := db.with(ctx).Order("key").Find(&out).Error; err != nil {
		return nil, fmt.Errorf("list metadata fields: %w", err)
	}
	return out, nil
}

// MetadataFieldByID returns one field, or ErrNotFound.
func (db *DB) MetadataFieldByID(ctx context.Context, id string) (*MetadataField, error) {
	var f MetadataField
	err := db.with(ctx).Where("id = ?", id).Take(&f).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("load metadata field: %w", err)
	}
	return &f, nil
}

// SaveMetadataField inserts or replaces a field; a key taken by another field is ErrDuplicate.
func (db *DB) SaveMetadataField(ctx context.Context, f *MetadataField) error {
	if err := db.with(ctx).Save(f).Error; err != nil {
		return fmt.Errorf("save metadata field: %w", translate(err))
	}
	return nil
}

// DeleteMetadataField removes a field and every value of it.
func (db *DB) DeleteMetadataField(ctx context.Context, id string) error {
	if err := db.with(ctx).Where("field_id = ?", id).Delete(&AssetFieldValue{}).Error; err != nil {
		return fmt.Errorf("delete metadata values: %w", err)
	}
	if err := db.with(ctx).Where("id = ?", id).Delete(&MetadataField{}).Error; err != nil {
		return fmt.Errorf("delete metadata field: %w", err)
	}
	return nil
}

// FieldValuesForAssets returns the stored values of the assets, by asset id, in position order.
func (db *DB) FieldValuesForAssets(ctx context.Context, ids []string) (map[string][]*AssetFieldValue, error) {
	var rows []*AssetFieldValue
	if err := db.with(ctx).Where(inList("asset_id", len(ids)), toAny(ids)...).Order("field_id, locale, position").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("load metadata values: %w", err)
	}
	out := map[string][]*AssetFieldValue{}
	for _, r := range rows {
		out[r.AssetID] = append(out[r.AssetID], r)
	}
	return out, nil
}

// FieldValues returns every stored value of one field, by asset and locale.
func (db *DB) FieldValues(ctx context.Context, fieldID string) ([]*AssetFieldValue, error) {
	var rows []*AssetFieldValue
	if err := db.with(ctx).Where("field_id = ?", fieldID).Order("asset_id, locale, position").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("load values of field %s: %w", fieldID, err)
	}
	return rows, nil
}

// ReplaceFieldValues sets the values of one field in one locale on the assets: rows (each without
// asset id, repeated for every asset) replace what was there; no rows clears it.
func (db *DB) ReplaceFieldValues(ctx context.Context, assetIDs []string, fieldID, locale string, rows []AssetFieldValue) error {
	err := db.with(ctx).Where(inList("asset_id", len(assetIDs)), toAny(assetIDs)...).
		Where("field_id = ? AND locale = ?", fieldID, locale).Delete(&AssetFieldValue{}).Error
	if err != nil {
		return fmt.Errorf("clear metadata values: %w", err)
	}
	var all []AssetFieldValue
	for _, id := range assetIDs {
		for _, r := range rows {
			r.AssetID, r.FieldID, r.Locale = id, fieldID, locale
			all = append(all, r)
		}
	}
	if len(all) == 0 {
		return nil
	}
	if err := db.with(ctx).CreateInBatches(all, 500).Error; err != nil {
		return fmt.Errorf("write metadata values: %w", translate(err))
	}
	return nil
}

// CountMetadataFacet counts the values (options) of one metadata field over the assets a query
// selects, ignoring the query's own top-level conditions on that field; as CountFacet otherwise. An
// option is stored once per asset and locale, so rows are counted as they are: a localized SELECT
// counts an asset once per locale that has the option.
func (db *DB) CountMetadataFacet(ctx context.Context, q FacetQuery, key string) ([]*FacetValue, error) {
	if q.Limit < 1 || q.Limit > MaxFacetValues {
		return nil, &FilterError{"limit", fmt.Sprintf("between 1 and %d values per facet", MaxFacetValues)}
	}
	f := q.Filter
	if f != nil {
		without := *f
		without.Metadata = nil
		for _, m := range f.Metadata {
			if m != nil && m.Key != key {
				without.Metadata = append(without.Metadata, m)
			}
		}
		f = &without
	}
	g, err := db.assetScope(ctx, AssetQuery{Filter: f, Visibility: q.Visibility}, false)
	if err != nil {
		return nil, err
	}
	var out []*FacetValue
	err = g.Joins("JOIN asset_field_values fv ON fv.asset_id = assets.id JOIN metadata_fields mf ON mf.id = fv.field_id").
		Where("mf.key = ? AND fv.text_value IS NOT NULL", key).
		Select("fv.text_value AS value, COUNT(*) AS count").Group("fv.text_value").
		Order("count DESC, value").Limit(q.Limit).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("count metadata facet %s: %w", key, err)
	}
	return out, nil
}

// missingRequiredSQL holds (is not NULL) for an asset lacking a value of a required field that has
// no default: what editors are asked to fill in on assets that predate the requirement.
const missingRequiredSQL = `(CASE WHEN EXISTS (SELECT 1 FROM metadata_fields mf WHERE mf.required
	AND (mf.default_value IS NULL OR mf.default_value = 'null')
	AND NOT EXISTS (SELECT 1 FROM asset_field_values fv WHERE fv.asset_id = assets.id AND fv.field_id = mf.id)) THEN 1 END)`

// MetadataFilter matches assets by the value of one structured metadata field (in any locale).
// Comparisons read the column of the field's type: an operand that is not of that type matches
// nothing.
type MetadataFilter struct {
	Key     string
	Eq      any
	In      []any
	Gt      any
	Lt      any
	Exists  *bool
	Matches *string
}

// metadataValueRows are the values of the asset, with their field's definition.
const metadataValueRows = "asset_field_values fv JOIN metadata_fields mf ON mf.id = fv.field_id"

// compileMetadata adds the conditions of AssetFilter.metadata: each entry must hold.
func compileMetadata(cs *conds, list reflect.Value, path string) error {
	filters, _ := list.Interface().([]*MetadataFilter)
	if len(filters) > maxFilterBranches {
		return &FilterError{path, fmt.Sprintf("at most %d metadata conditions", maxFilterBranches)}
	}
	for i, f := range filters {
		if f == nil {
			continue
		}
		if err := compileMetadataFilter(cs, f, fmt.Sprintf("%s[%d]", path, i)); err != nil {
			return err
		}
	}
	return nil
}

func compileMetadataFilter(cs *conds, f *MetadataFilter, path string) error {
	some := func(c cond) cond {
		return cond{sql: "EXISTS (SELECT 1 FROM " + metadataValueRows + " WHERE fv.asset_id = assets.id AND mf.key = ? AND (" + c.sql + "))",
			args: append([]any{f.Key}, c.args...)}
	}
	if f.Exists != nil {
		c := some(cond{sql: "1 = 1"})
		if !*f.Exists {
			c = c.not()
		}
		*cs = append(*cs, c)
	}
	if f.Matches != nil {
		*cs = append(*cs, some(containsFolded("fv.text_value", *f.Matches)))
	}
	for _, o := range []struct {
		name, op string
		v        any
	}{{"eq", "=", f.Eq}, {"gt", ">", f.Gt}, {"lt", "<", f.Lt}} {
		if o.v == nil {
			continue
		}
		c, err := typedComparison(o.op, []any{o.v}, path+"."+o.name)
		if err != nil {
			return err
		}
		*cs = append(*cs, some(c))
	}
	if f.In != nil {
		if len(f.In) > maxFilterList {
			return &FilterError{path + ".in", fmt.Sprintf("at most %d values", maxFilterList)}
		}
		c, err := typedComparison("IN", f.In, path+".in")
		if err != nil {
			return err
		}
		*cs = append(*cs, some(c))
	}
	return nil
}

// typedComparison compares the column of each type the operands can be read as: a number against
// NUMBER values, a date against DATE ones, text against TEXT and SELECT ones, a Boolean against
// BOOLEAN ones. Operands of no such type are refused; the types none of them can be read as match
// nothing.
func typedComparison(op string, operands []any, path string) (cond, error) {
	byColumn := map[string][]any{}
	var order []string
	for i, v := range operands {
		col, typed, ok := columnOf(v)
		if !ok {
			p := path
			if op == "IN" {
				p = fmt.Sprintf("%s[%d]", path, i)
			}
			return cond{}, &FilterError{p, "compare with a string, a number, a date (YYYY-MM-DD) or a Boolean"}
		}
		for _, c := range col {
			if byColumn[c] == nil {
				order = append(order, c)
			}
			byColumn[c] = append(byColumn[c], typed[c])
		}
	}
	var alts conds
	for _, column := range order {
		vals := byColumn[column]
		types := columnTypes[column]
		sql := "mf.type IN (" + types + ") AND fv." + column + " " + op + " ?"
		if op == "IN" {
			sql = "mf.type IN (" + types + ") AND " + inList("fv."+column, len(vals))
		} else if op != "=" && column == "bool_value" {
			continue
		}
		alts = append(alts, cond{sql: sql, args: vals})
	}
	if len(alts) == 0 {
		return cond{sql: "1 = 0"}, nil
	}
	return alts.join("OR"), nil
}

// columnTypes are the field types whose values each column holds, as SQL.
var columnTypes = map[string]string{
	"text_value":   "'TEXT', 'SELECT', 'MULTI_SELECT'",
	"number_value": "'NUMBER'",
	"date_value":   "'DATE'",
	"bool_value":   "'BOOLEAN'",
}

// columnOf is where an operand can be compared: a string as text, and also as a date or a number
// when it reads as one; a number as a number; a Boolean as a Boolean.
func columnOf(v any) ([]string, map[string]any, bool) {
	typed := map[string]any{}
	var cols []string
	add := func(col string, val any) {
		cols = append(cols, col)
		typed[col] = val
	}
	switch x := v.(type) {
	case string:
		add("text_value", x)
		if d, ok := ParseFieldDate(x); ok {
			add("date_value", d)
		}
	case bool:
		add("bool_value", x)
	default:
		n, ok := NumberOf(v)
		if !ok {
			return nil, nil, false
		}
		add("number_value", n)
	}
	return cols, typed, true
}

// NumberOf reads a JSON number as GraphQL hands it over (int64, float64 or json.Number).
func NumberOf(v any) (float64, bool) {
	switch x := v.(type) {
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case float64:
		return x, true
	case interface{ Float64() (float64, error) }:
		f, err := x.Float64()
		return f, err == nil
	}
	return 0, false
}

// ParseFieldDate reads a DATE value: a calendar day (YYYY-MM-DD) or an RFC 3339 instant, as the
// instant at UTC midnight of that day.
func ParseFieldDate(s string) (time.Time, bool) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, true
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		y, m, d := t.UTC().Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true
	}
	return time.Time{}, false
}
