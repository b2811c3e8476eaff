package models

import (
	"database/sql"
	"fmt"
	"reflect"
	"sync"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

// columnScanner reads query results into structs of one type by a column→field map computed once,
// where GORM's Find looks up and converts every field of every row by reflection. List pages read
// dozens of columns for each of their rows: that per-row work was a large share of a page's CPU.
// It covers what the list rows use: plain, pointer and sql.Scanner fields, embedded structs with
// or without a prefix; GORM serializers and pointer-embedded structs are refused when it is built.
type columnScanner[T any] struct {
	fields map[string][]int // column name → index path of its field in T
}

// newColumnScanner maps T's columns, as GORM names them, to their fields.
func newColumnScanner[T any]() *columnScanner[T] {
	s, err := schema.Parse(new(T), &sync.Map{}, schema.NamingStrategy{})
	if err != nil {
		panic(fmt.Sprintf("parse %T: %v", *new(T), err)) // a programming error, caught by any test
	}
	fields := make(map[string][]int, len(s.Fields))
	for _, f := range s.Fields {
		if f.DBName == "" {
			continue
		}
		if f.Serializer != nil {
			panic(fmt.Sprintf("%T.%s has a GORM serializer, which the column scanner does not apply", *new(T), f.Name))
		}
		for _, i := range f.StructField.Index {
			if i < 0 {
				panic(fmt.Sprintf("%T.%s is in a pointer-embedded struct, which the column scanner does not fill", *new(T), f.Name))
			}
		}
		fields[f.DBName] = f.StructField.Index
	}
	return &columnScanner[T]{fields: fields}
}

// find runs g's query and reads its rows. Columns no field takes are read and dropped, as Find does.
func (c *columnScanner[T]) find(g *gorm.DB) ([]T, error) {
	rows, err := g.Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return c.scan(rows)
}

func (c *columnScanner[T]) scan(rows *sql.Rows) ([]T, error) {
	cols, err := rows.Columns()
	if err != nil {
		return nil, fmt.Errorf("read columns: %w", err)
	}
	// One row is scanned into row, whose fields' addresses stay the same, then copied out.
	var row, zero T
	v := reflect.ValueOf(&row).Elem()
	dest := make([]any, len(cols))
	for i, col := range cols {
		if path, ok := c.fields[col]; ok {
			dest[i] = v.FieldByIndex(path).Addr().Interface()
		} else {
			dest[i] = new(any)
		}
	}
	var out []T
	for rows.Next() {
		row = zero
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("scan row: %w", err)
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read rows: %w", err)
	}
	return out, nil
}
