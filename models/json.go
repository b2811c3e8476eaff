package models

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"sync"
)

// JSON is a JSON document column decoded only when first read: a page of assets scans many rows whose
// details nobody asked for. Copies share the decoded value.
type JSON[T any] struct{ cell *jsonCell[T] }

type jsonCell[T any] struct {
	raw   []byte
	once  sync.Once
	value T
	err   error
}

// JSONOf holds v, to be written as JSON.
func JSONOf[T any](v T) JSON[T] {
	c := &jsonCell[T]{value: v}
	c.once.Do(func() {})
	return JSON[T]{c}
}

// Get decodes the document (once) and returns it; an absent document is T's zero value.
func (j JSON[T]) Get() (T, error) {
	if j.cell == nil {
		var zero T
		return zero, nil
	}
	c := j.cell
	c.once.Do(func() {
		if err := json.Unmarshal(c.raw, &c.value); err != nil {
			c.err = fmt.Errorf("decode %T column: %w", c.value, err)
		}
	})
	return c.value, c.err
}

// GormDataType stores the document as text on both dialects.
func (JSON[T]) GormDataType() string { return "text" }

// Value implements driver.Valuer.
func (j JSON[T]) Value() (driver.Value, error) {
	if j.cell == nil {
		return nil, nil
	}
	if j.cell.raw != nil {
		return string(j.cell.raw), nil
	}
	b, err := json.Marshal(j.cell.value)
	if err != nil {
		return nil, fmt.Errorf("encode %T column: %w", j.cell.value, err)
	}
	return string(b), nil
}

// Scan implements sql.Scanner.
func (j *JSON[T]) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		j.cell = nil
	case string:
		j.cell = &jsonCell[T]{raw: []byte(v)}
	case []byte:
		j.cell = &jsonCell[T]{raw: append([]byte(nil), v...)}
	default:
		return fmt.Errorf("scan json column from %T", src)
	}
	return nil
}

// jsonValue is v written as a JSON text column, or NULL when empty says it is empty.
func jsonValue(v any, empty bool, what string) (driver.Value, error) {
	if empty {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", what, err)
	}
	return string(b), nil
}

// scanJSON decodes a JSON text column into dst; NULL leaves dst as it is.
func scanJSON(src, dst any) error {
	var raw []byte
	switch v := src.(type) {
	case nil:
		return nil
	case string:
		raw = []byte(v)
	case []byte:
		raw = v
	default:
		return fmt.Errorf("scan json from %T", src)
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		return fmt.Errorf("decode json column: %w", err)
	}
	return nil
}
