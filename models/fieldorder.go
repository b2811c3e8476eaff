package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// FieldOrder orders an asset list by the value of one structured metadata field, assets without a
// value last in either direction, ties (and the valueless) by id.
type FieldOrder struct {
	Field *MetadataField
	// Locale is the locale of the values of a localized field; "" for a field that is not.
	Locale string
	Desc   bool
}

// fieldValueColumn is the column of the value join (mv) holding values of the field's type.
func fieldValueColumn(t FieldType) (string, bool) {
	switch t {
	case FieldText, FieldSelect:
		return "mv.text_value", true
	case FieldNumber:
		return "mv.number_value", true
	case FieldDate:
		return "mv.date_value", true
	case FieldBoolean:
		return "mv.bool_value", true
	}
	// A MULTI_SELECT value is a set, which has no single place in an ordering.
	return "", false
}

// fieldCursor is the position of a row under a FieldOrder: Has is false for an asset without a
// value, which sorts after every value; one of the typed values is set otherwise.
type fieldCursor struct {
	Has bool       `json:"h"`
	T   *string    `json:"t,omitempty"`
	N   *float64   `json:"n,omitempty"`
	D   *time.Time `json:"d,omitempty"`
	B   *bool      `json:"b,omitempty"`
}

func (c fieldCursor) value() any {
	switch {
	case c.T != nil:
		return *c.T
	case c.N != nil:
		return *c.N
	case c.D != nil:
		return *c.D
	case c.B != nil:
		return *c.B
	}
	return nil
}

func cursorOfValue(v *AssetFieldValue) fieldCursor {
	if v == nil {
		return fieldCursor{}
	}
	c := fieldCursor{T: v.TextValue, N: v.NumberValue, D: v.DateValue, B: v.BoolValue}
	c.Has = c.value() != nil
	return c
}

// cursorName binds a cursor to the field and direction it was issued for.
func (o FieldOrder) cursorName() string {
	dir := "ASC"
	if o.Desc {
		dir = "DESC"
	}
	return "FIELD:" + o.Field.ID + ":" + o.Locale + ":" + dir
}

// fieldKeyset is the condition "strictly after (or before) the cursor's row" under the ordering. The
// valueless rows form a block after every value, so a cursor in that block moves only by id there.
func fieldKeyset(o FieldOrder, col string, c fieldCursor, id string, after bool) cond {
	op := ">"
	if o.Desc == after {
		op = "<"
	}
	switch {
	case after && c.Has:
		return cond{sql: fmt.Sprintf("((%[1]s IS NOT NULL AND (%[1]s, assets.id) %[2]s (?, ?)) OR %[1]s IS NULL)", col, op), args: []any{c.value(), id}}
	case after:
		return cond{sql: fmt.Sprintf("(%s IS NULL AND assets.id %s ?)", col, op), args: []any{id}}
	case c.Has:
		return cond{sql: fmt.Sprintf("(%[1]s IS NOT NULL AND (%[1]s, assets.id) %[2]s (?, ?))", col, op), args: []any{c.value(), id}}
	default:
		return cond{sql: fmt.Sprintf("(%[1]s IS NOT NULL OR assets.id %[2]s ?)", col, op), args: []any{id}}
	}
}

// listByField is ListAssets under a FieldOrder.
func (db *DB) listByField(ctx context.Context, q AssetQuery, page PageRequest, cursors Cursors) (*AssetPage, error) {
	o := *q.ByField
	col, ok := fieldValueColumn(o.Field.Type)
	if !ok {
		return nil, &FilterError{"metadata", fmt.Sprintf("a %s field has no single value to order by", o.Field.Type)}
	}
	g, err := db.assetScope(ctx, q, true)
	if err != nil {
		return nil, err
	}
	g = g.Joins("LEFT JOIN asset_field_values mv ON mv.asset_id = assets.id AND mv.field_id = ? AND mv.locale = ? AND mv.position = 0", o.Field.ID, o.Locale)
	if g, err = fieldBounds(g, o, col, page, cursors); err != nil {
		return nil, err
	}
	backward := page.Last != nil && page.First == nil
	limit := pageLimit(page)
	desc := o.Desc != backward
	g = g.Order(clause.OrderBy{Columns: []clause.OrderByColumn{
		{Column: clause.Column{Name: "(" + col + " IS NULL)", Raw: true}, Desc: backward},
		{Column: clause.Column{Name: col, Raw: true}, Desc: desc},
		{Column: clause.Column{Name: "assets.id", Raw: true}, Desc: desc},
	}}).Limit(limit + 1)
	assets, err := findAssets(g)
	if err != nil {
		return nil, fmt.Errorf("list assets by %s: %w", o.Field.Key, err)
	}
	return db.fieldPage(ctx, o, assets, page, limit, cursors)
}

func fieldBounds(g *gorm.DB, o FieldOrder, col string, page PageRequest, cursors Cursors) (*gorm.DB, error) {
	for _, bound := range []struct {
		cursor *string
		after  bool
	}{{page.After, true}, {page.Before, false}} {
		if bound.cursor == nil {
			continue
		}
		var c fieldCursor
		id, err := cursors.decode(*bound.cursor, o.cursorName(), &c)
		if err != nil {
			return nil, err
		}
		if c.Has && c.value() == nil {
			return nil, ErrBadCursor
		}
		g = fieldKeyset(o, col, c, id, bound.after).where(g)
	}
	return g, nil
}

func pageLimit(page PageRequest) int {
	if page.Last != nil && page.First == nil {
		return *page.Last
	}
	if page.First != nil {
		return *page.First
	}
	return 0
}

// fieldPage trims the extra row and makes the cursors from the page's own values, read typed.
func (db *DB) fieldPage(ctx context.Context, o FieldOrder, assets []*Asset, page PageRequest, limit int, cursors Cursors) (*AssetPage, error) {
	more := len(assets) > limit
	if more {
		assets = assets[:limit]
	}
	p := &AssetPage{Assets: assets}
	if page.Last != nil && page.First == nil {
		for i, j := 0, len(assets)-1; i < j; i, j = i+1, j-1 {
			assets[i], assets[j] = assets[j], assets[i]
		}
		p.HasPrevious, p.HasNext = more, page.Before != nil
	} else {
		p.HasNext, p.HasPrevious = more, page.After != nil
	}
	ids := make([]string, len(assets))
	for i, a := range assets {
		ids[i] = a.ID
	}
	var rows []*AssetFieldValue
	if len(ids) > 0 {
		err := db.with(ctx).Where(inList("asset_id", len(ids)), toAny(ids)...).
			Where("field_id = ? AND locale = ? AND position = 0", o.Field.ID, o.Locale).Find(&rows).Error
		if err != nil {
			return nil, fmt.Errorf("load sort values: %w", err)
		}
	}
	values := map[string]*AssetFieldValue{}
	for _, r := range rows {
		values[r.AssetID] = r
	}
	p.Cursor = func(i int) (string, error) {
		return cursors.encode(o.cursorName(), cursorOfValue(values[assets[i].ID]), assets[i].ID)
	}
	return p, nil
}
