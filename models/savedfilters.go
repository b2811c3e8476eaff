package models

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"gorm.io/gorm"
)

// SavedFilterPrefix is the id prefix of saved filters.
const SavedFilterPrefix = "sfl"

// SavedFilter is a filter of the asset list saved under a name: personal to its owner or shared with
// every editor. Its filter is stored as JSON in the shape of the GraphQL input, so a field removed
// later makes it fail to decode (and say which field) rather than silently match more.
type SavedFilter struct {
	ID   string `gorm:"primaryKey;size:40"`
	Name string `gorm:"not null"`
	// OwnerID is the principal that saved it: a token id today, a member's id once members exist.
	OwnerID    string `gorm:"size:100;not null"`
	Shared     bool   `gorm:"not null"`
	FilterJSON string `gorm:"column:filter;not null"`
	OrderBy    *AssetOrder
	Search     *string
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// ErrStaleFilter wraps why a stored filter no longer applies.
var ErrStaleFilter = errors.New("the saved filter no longer applies")

// Filter decodes the stored filter and checks that it still compiles.
func (s *SavedFilter) Filter() (*AssetFilter, error) {
	dec := json.NewDecoder(strings.NewReader(s.FilterJSON))
	dec.DisallowUnknownFields()
	var f AssetFilter
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%w: %s", ErrStaleFilter, decodeReason(err))
	}
	if err := CheckFilter(&f); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrStaleFilter, err)
	}
	return &f, nil
}

// decodeReason says what is wrong with a stored filter in the input's terms, not Go's.
func decodeReason(err error) string {
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		parts := strings.Split(typ.Field, ".")
		for i, p := range parts {
			parts[i] = inputName(p, i == 0)
		}
		return fmt.Sprintf("%s holds a %s, which it no longer takes", strings.Join(parts, "."), typ.Value)
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// FilterInput is the stored filter as the JSON object clients wrote.
func (s *SavedFilter) FilterInput() (map[string]any, error) {
	var m map[string]any
	if err := json.Unmarshal([]byte(s.FilterJSON), &m); err != nil {
		return nil, fmt.Errorf("read saved filter %s: %w", s.ID, err)
	}
	return m, nil
}

// CheckFilter reports whether a filter can run, as ListAssets would find.
func CheckFilter(f *AssetFilter) error {
	if f == nil {
		return nil
	}
	if err := checkNestedDeleted(f.AND, "AND"); err != nil {
		return err
	}
	if err := checkNestedDeleted(f.OR, "OR"); err != nil {
		return err
	}
	_, err := compileAssetFilter(f, compileScope{})
	return err
}

// EncodeFilter writes a filter as JSON in the shape of the GraphQL input: the fields set, under
// their GraphQL names.
func EncodeFilter(f *AssetFilter) (string, error) {
	if f == nil {
		return "{}", nil
	}
	var b bytes.Buffer
	if err := json.NewEncoder(&b).Encode(inputShape(reflect.ValueOf(f).Elem())); err != nil {
		return "", fmt.Errorf("encode filter: %w", err)
	}
	return strings.TrimSpace(b.String()), nil
}

// inputShape is a value of a filter input as a JSON value, leaving out what is not set.
func inputShape(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Pointer:
		return inputShape(v.Elem())
	case reflect.Slice:
		out := make([]any, v.Len())
		for i := range out {
			out[i] = inputShape(v.Index(i))
		}
		return out
	case reflect.Struct:
		if _, ok := v.Interface().(time.Time); ok {
			return v.Interface()
		}
		out := map[string]any{}
		filter := v.Type() == reflect.TypeOf(AssetFilter{})
		for i := 0; i < v.NumField(); i++ {
			if x := v.Field(i); !x.IsZero() {
				out[inputName(v.Type().Field(i).Name, filter)] = inputShape(x)
			}
		}
		return out
	}
	return v.Interface()
}

// inputName is the GraphQL name of a Go field of a filter input: AssetFilter's names are those of the
// filter table (ids, md5); AND and OR stay as they are; every other begins in lower case.
func inputName(goName string, filter bool) string {
	if filter {
		for _, ff := range assetFilterFields {
			if name, _, _ := strings.Cut(ff.name, "."); strings.EqualFold(name, goName) {
				return name
			}
		}
		if goName == "AND" || goName == "OR" {
			return goName
		}
	}
	r, n := utf8.DecodeRuneInString(goName)
	return string(unicode.ToLower(r)) + goName[n:]
}

// SavedFiltersOf lists the filters owner saved and those shared, by name.
func (db *DB) SavedFiltersOf(ctx context.Context, owner string) ([]*SavedFilter, error) {
	var out []*SavedFilter
	if err := db.with(ctx).Where("owner_id = ? OR shared", owner).Order("name, id").Find(&out).Error; err != nil {
		return nil, fmt.Errorf("list saved filters: %w", err)
	}
	return out, nil
}

// SavedFilterByID returns one saved filter, or ErrNotFound.
func (db *DB) SavedFilterByID(ctx context.Context, id string) (*SavedFilter, error) {
	var s SavedFilter
	err := db.with(ctx).Where("id = ?", id).Take(&s).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("load saved filter: %w", err)
	}
	return &s, nil
}

// SaveFilter inserts or replaces a saved filter.
func (db *DB) SaveFilter(ctx context.Context, s *SavedFilter) error {
	if err := db.with(ctx).Save(s).Error; err != nil {
		return fmt.Errorf("save filter: %w", translate(err))
	}
	return nil
}

// DeleteSavedFilter removes a saved filter.
func (db *DB) DeleteSavedFilter(ctx context.Context, id string) error {
	if err := db.with(ctx).Where("id = ?", id).Delete(&SavedFilter{}).Error; err != nil {
		return fmt.Errorf("delete saved filter: %w", err)
	}
	return nil
}
