package catalogue

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
)

const (
	maxFieldOptions     = 200
	maxFieldTextLength  = 10000
	maxFieldLabelLength = 200
	maxFieldValues      = 50 // values set in one call
)

var fieldKeyPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)

// MetadataFieldChanges define or change a structured metadata field; on update an absent field
// stays as it is.
type MetadataFieldChanges struct {
	Key       Optional[string]
	Label     Optional[map[string]string]
	Type      Optional[models.FieldType]
	Options   Optional[[]string]
	Required  Optional[bool]
	Default   Optional[any]
	Localized Optional[bool]
	Min       Optional[*float64]
	Max       Optional[*float64]
	Pattern   Optional[*string]
}

// FieldValueChange sets (or, with a nil Value, clears) one field's value on assets.
type FieldValueChange struct {
	Key    string  `json:"key"`
	Value  any     `json:"value"`
	Locale *string `json:"locale,omitempty"`
}

// FieldValue is one field's value on an asset.
type FieldValue struct {
	Field  *models.MetadataField
	Value  any
	Locale *string
}

// MetadataFields lists the structured metadata fields.
func (s *Assets) MetadataFields(ctx context.Context) ([]*models.MetadataField, error) {
	if _, err := access.Authorize(ctx, access.Write); err != nil {
		return nil, err
	}
	return s.db.MetadataFields(ctx)
}

// CreateMetadataField defines a field (ADMIN).
func (s *Assets) CreateMetadataField(ctx context.Context, c MetadataFieldChanges) (*models.MetadataField, error) {
	if _, err := access.Authorize(ctx, access.Admin); err != nil {
		return nil, err
	}
	now := models.Now()
	f := &models.MetadataField{ID: models.NewID(models.MetadataFieldPrefix), CreatedAt: now, UpdatedAt: now}
	if !c.Key.Set || !c.Type.Set {
		return nil, access.Invalid("input.key", "a field needs a key and a type")
	}
	if err := s.applyFieldChanges(f, c); err != nil {
		return nil, err
	}
	// In a catalogue transaction, as every change that delivery responses may show.
	err := s.db.Transaction(ctx, func(tx *models.DB) error { return fieldSaveError(tx.SaveMetadataField(ctx, f), f.Key) })
	return f, err
}

// UpdateMetadataField changes a field (ADMIN); its type changes only when every stored value converts
// to the new type, and then the values are converted in the same transaction.
func (s *Assets) UpdateMetadataField(ctx context.Context, id string, c MetadataFieldChanges) (*models.MetadataField, error) {
	if _, err := access.Authorize(ctx, access.Admin); err != nil {
		return nil, err
	}
	var out *models.MetadataField
	err := s.db.Transaction(ctx, func(tx *models.DB) error {
		f, err := tx.MetadataFieldByID(ctx, id)
		if errors.Is(err, models.ErrNotFound) {
			return access.NotFound("metadata field", id)
		}
		if err != nil {
			return err
		}
		before := *f
		if err := s.applyFieldChanges(f, c); err != nil {
			return err
		}
		if err := convertFieldValues(ctx, tx, &before, f); err != nil {
			return err
		}
		f.UpdatedAt = models.Now()
		out = f
		return fieldSaveError(tx.SaveMetadataField(ctx, f), f.Key)
	})
	return out, err
}

// DeleteMetadataField removes a field and its values (ADMIN).
func (s *Assets) DeleteMetadataField(ctx context.Context, id string) error {
	if _, err := access.Authorize(ctx, access.Admin); err != nil {
		return err
	}
	return s.db.Transaction(ctx, func(tx *models.DB) error {
		if _, err := tx.MetadataFieldByID(ctx, id); errors.Is(err, models.ErrNotFound) {
			return access.NotFound("metadata field", id)
		} else if err != nil {
			return err
		}
		return tx.DeleteMetadataField(ctx, id)
	})
}

func fieldSaveError(err error, key string) error {
	if errors.Is(err, models.ErrDuplicate) {
		return &access.Error{Code: access.CodeConflict, Field: "input.key", Message: fmt.Sprintf("a field with key %q exists", key)}
	}
	return err
}

func (s *Assets) applyFieldChanges(f *models.MetadataField, c MetadataFieldChanges) error {
	if c.Key.Set {
		if !fieldKeyPattern.MatchString(c.Key.Value) {
			return access.Invalid("input.key", "a key is a lower-case letter, then up to 63 lower-case letters, digits or _")
		}
		f.Key = c.Key.Value
	}
	if c.Type.Set {
		f.Type = c.Type.Value
	}
	if c.Label.Set {
		for locale, text := range c.Label.Value {
			if err := s.checkLocale("input.label", locale); err != nil {
				return err
			}
			if err := checkText("input.label", &text, maxFieldLabelLength); err != nil {
				return err
			}
		}
		f.Label = models.JSONOf(c.Label.Value)
	}
	if c.Options.Set {
		if err := checkOptions(c.Options.Value); err != nil {
			return err
		}
		f.Options = models.JSONOf(c.Options.Value)
	}
	options, _ := f.Options.Get()
	if (f.Type == models.FieldSelect || f.Type == models.FieldMultiSelect) && len(options) == 0 {
		return access.Invalid("input.options", "a %s field needs options", f.Type)
	}
	for _, b := range []struct {
		v   Optional[*float64]
		dst **float64
	}{{c.Min, &f.ValidationMin}, {c.Max, &f.ValidationMax}} {
		if b.v.Set {
			*b.dst = b.v.Value
		}
	}
	if f.ValidationMin != nil && f.ValidationMax != nil && *f.ValidationMin > *f.ValidationMax {
		return access.Invalid("input.validation.max", "max is below min")
	}
	if c.Pattern.Set {
		if p := c.Pattern.Value; p != nil {
			if _, err := regexp.Compile(*p); err != nil || len(*p) > 500 {
				return access.Invalid("input.validation.pattern", "not a regular expression (RE2 syntax, at most 500 characters)")
			}
		}
		f.ValidationPattern = c.Pattern.Value
	}
	for _, flag := range []struct {
		v   Optional[bool]
		dst *bool
	}{{c.Required, &f.Required}, {c.Localized, &f.Localized}} {
		if flag.v.Set {
			*flag.dst = flag.v.Value
		}
	}
	if c.Default.Set {
		f.DefaultValue = models.JSONOf(c.Default.Value)
	}
	if def, _ := f.DefaultValue.Get(); def != nil {
		v, err := checkFieldValue(f, def)
		if err != nil {
			return access.Invalid("input.default", "%s", err)
		}
		f.DefaultValue = models.JSONOf(v)
	}
	return nil
}

func checkOptions(options []string) error {
	if len(options) > maxFieldOptions {
		return access.Invalid("input.options", "at most %d options", maxFieldOptions)
	}
	seen := map[string]bool{}
	for i, o := range options {
		field := fmt.Sprintf("input.options[%d]", i)
		if strings.TrimSpace(o) == "" || seen[o] {
			return access.Invalid(field, "options are distinct and not blank")
		}
		if err := checkText(field, &o, maxFieldLabelLength); err != nil {
			return err
		}
		seen[o] = true
	}
	return nil
}

// checkFieldValue reads a value as the field's type, converting where the reading is unambiguous
// (a number written as text, a single option as a list); the error says why it is not one.
func checkFieldValue(f *models.MetadataField, v any) (any, error) {
	options, _ := f.Options.Get()
	switch f.Type {
	case models.FieldText:
		s, ok := textOf(v)
		if !ok {
			return nil, errors.New("a TEXT field takes a string")
		}
		return s, checkTextValue(f, s)
	case models.FieldNumber:
		n, ok := models.NumberOf(v)
		if s, isText := v.(string); isText {
			var err error
			n, err = strconv.ParseFloat(strings.TrimSpace(s), 64)
			ok = err == nil
		}
		if !ok {
			return nil, errors.New("a NUMBER field takes a number")
		}
		return n, checkBounds(f, n, "")
	case models.FieldDate:
		s, _ := v.(string)
		d, ok := models.ParseFieldDate(s)
		if !ok {
			return nil, errors.New("a DATE field takes a date written YYYY-MM-DD")
		}
		return d.Format(time.DateOnly), nil
	case models.FieldBoolean:
		b, ok := v.(bool)
		if s, isText := v.(string); isText {
			b, ok = s == "true", s == "true" || s == "false"
		}
		if !ok {
			return nil, errors.New("a BOOLEAN field takes true or false")
		}
		return b, nil
	case models.FieldSelect:
		if list, isList := v.([]any); isList && len(list) == 1 {
			v = list[0]
		}
		s, ok := v.(string)
		if !ok || !slices.Contains(options, s) {
			return nil, fmt.Errorf("a SELECT field takes one of %q", options)
		}
		return s, nil
	case models.FieldMultiSelect:
		return checkMultiSelect(v, options)
	}
	return nil, fmt.Errorf("unknown field type %s", f.Type)
}

func textOf(v any) (string, bool) {
	if s, ok := v.(string); ok {
		return s, true
	}
	if n, ok := models.NumberOf(v); ok {
		return strconv.FormatFloat(n, 'f', -1, 64), true
	}
	if b, ok := v.(bool); ok {
		return strconv.FormatBool(b), true
	}
	return "", false
}

func checkTextValue(f *models.MetadataField, s string) error {
	if !utf8.ValidString(s) || utf8.RuneCountInString(s) > maxFieldTextLength {
		return fmt.Errorf("at most %d characters of UTF-8", maxFieldTextLength)
	}
	if p := f.ValidationPattern; p != nil && !regexp.MustCompile(*p).MatchString(s) {
		return fmt.Errorf("does not match %s", *p)
	}
	return checkBounds(f, float64(utf8.RuneCountInString(s)), " characters")
}

func checkBounds(f *models.MetadataField, n float64, unit string) error {
	if f.ValidationMin != nil && n < *f.ValidationMin {
		return fmt.Errorf("at least %g%s", *f.ValidationMin, unit)
	}
	if f.ValidationMax != nil && n > *f.ValidationMax {
		return fmt.Errorf("at most %g%s", *f.ValidationMax, unit)
	}
	return nil
}

func checkMultiSelect(v any, options []string) (any, error) {
	var list []any
	switch x := v.(type) {
	case []any:
		list = x
	case string:
		list = []any{x}
	default:
		return nil, fmt.Errorf("a MULTI_SELECT field takes a list of %q", options)
	}
	out := make([]string, 0, len(list))
	for _, item := range list {
		s, ok := item.(string)
		if !ok || !slices.Contains(options, s) {
			return nil, fmt.Errorf("a MULTI_SELECT field takes a list of %q", options)
		}
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out, nil
}

// valueRows are the stored rows of a checked value.
func valueRows(t models.FieldType, v any) []models.AssetFieldValue {
	switch t {
	case models.FieldNumber:
		n := v.(float64)
		return []models.AssetFieldValue{{NumberValue: &n}}
	case models.FieldDate:
		d, _ := models.ParseFieldDate(v.(string))
		return []models.AssetFieldValue{{DateValue: &d}}
	case models.FieldBoolean:
		b := v.(bool)
		return []models.AssetFieldValue{{BoolValue: &b}}
	case models.FieldMultiSelect:
		var rows []models.AssetFieldValue
		for i, s := range v.([]string) {
			rows = append(rows, models.AssetFieldValue{Position: i, TextValue: &s})
		}
		return rows
	}
	s := v.(string)
	return []models.AssetFieldValue{{TextValue: &s}}
}

// rowsValue is the value stored in rows (of one asset, field and locale), as the API shows it.
func rowsValue(t models.FieldType, rows []*models.AssetFieldValue) any {
	r := rows[0]
	switch {
	case t == models.FieldMultiSelect:
		out := make([]any, 0, len(rows))
		for _, r := range rows {
			if r.TextValue != nil {
				out = append(out, *r.TextValue)
			}
		}
		return out
	case r.NumberValue != nil:
		return *r.NumberValue
	case r.DateValue != nil:
		return r.DateValue.UTC().Format(time.DateOnly)
	case r.BoolValue != nil:
		return *r.BoolValue
	case r.TextValue != nil:
		return *r.TextValue
	}
	return nil
}

// convertFieldValues rewrites the stored values of a field whose definition changed; every value
// must read as the new definition, or nothing changes.
func convertFieldValues(ctx context.Context, tx *models.DB, before, after *models.MetadataField) error {
	rows, err := tx.FieldValues(ctx, after.ID)
	if err != nil {
		return err
	}
	groups := groupValues(rows)
	for _, g := range groups {
		v, err := checkFieldValue(after, rowsValue(before.Type, g))
		if err != nil {
			return access.Invalid("input.type", "the value of asset %s does not convert: %s", g[0].AssetID, err)
		}
		if err := tx.ReplaceFieldValues(ctx, []string{g[0].AssetID}, after.ID, g[0].Locale, valueRows(after.Type, v)); err != nil {
			return err
		}
	}
	return nil
}

// groupValues splits rows ordered by asset and locale into one group per asset and locale.
func groupValues(rows []*models.AssetFieldValue) [][]*models.AssetFieldValue {
	var out [][]*models.AssetFieldValue
	for i, r := range rows {
		if i == 0 || r.AssetID != rows[i-1].AssetID || r.Locale != rows[i-1].Locale || r.FieldID != rows[i-1].FieldID {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], r)
	}
	return out
}

// checkedValue is a validated value to write.
type checkedValue struct {
	field  *models.MetadataField
	locale string
	rows   []models.AssetFieldValue
}

// checkFieldValues validates values set on assets, naming the key at fault.
// prefix is the input holding the values ("metadata", "input.metadata").
func (s *core) checkFieldValues(ctx context.Context, db *models.DB, prefix string, changes []FieldValueChange) ([]checkedValue, error) {
	if len(changes) == 0 {
		return nil, nil
	}
	if len(changes) > maxFieldValues {
		return nil, access.Invalid(prefix, "at most %d values in one call", maxFieldValues)
	}
	fields, err := db.MetadataFields(ctx)
	if err != nil {
		return nil, err
	}
	return s.checkValuesOf(fields, prefix, changes)
}

func (s *core) checkValuesOf(fields []*models.MetadataField, prefix string, changes []FieldValueChange) ([]checkedValue, error) {
	var out []checkedValue
	for _, c := range changes {
		field := prefix + "." + c.Key
		i := slices.IndexFunc(fields, func(f *models.MetadataField) bool { return f.Key == c.Key })
		if i < 0 {
			return nil, access.Invalid(field, "no metadata field has the key %q", c.Key)
		}
		f := fields[i]
		locale := ""
		if f.Localized {
			locale = s.settings.DefaultLocale()
			if c.Locale != nil {
				if err := s.checkLocale(field, *c.Locale); err != nil {
					return nil, err
				}
				locale = *c.Locale
			}
		} else if c.Locale != nil {
			return nil, access.Invalid(field, "the field is not localized: give no locale")
		}
		cv := checkedValue{field: f, locale: locale}
		if c.Value == nil {
			if f.Required {
				return nil, access.Invalid(field, "the field is required")
			}
		} else {
			v, err := checkFieldValue(f, c.Value)
			if err != nil {
				return nil, access.Invalid(field, "%s", err)
			}
			cv.rows = valueRows(f.Type, v)
		}
		out = append(out, cv)
	}
	return out, nil
}

// writeFieldValues writes checked values on assets.
func writeFieldValues(ctx context.Context, tx *models.DB, ids []string, values []checkedValue) error {
	for _, v := range values {
		if err := tx.ReplaceFieldValues(ctx, ids, v.field.ID, v.locale, v.rows); err != nil {
			return err
		}
	}
	return nil
}

// FieldValues is every field's value on an asset in a locale (the chain's first that has one, for
// localized fields), the field's default where it has none; keys limits it to some fields.
func (s *Assets) FieldValues(ctx context.Context, a *models.Asset, chain []string, keys ...string) ([]*FieldValue, error) {
	fields, err := s.db.MetadataFields(ctx)
	if err != nil {
		return nil, err
	}
	stored, err := s.db.FieldValuesForAssets(ctx, []string{a.ID})
	if err != nil {
		return nil, err
	}
	byField := map[string]map[string][]*models.AssetFieldValue{}
	for _, g := range groupValues(stored[a.ID]) {
		if byField[g[0].FieldID] == nil {
			byField[g[0].FieldID] = map[string][]*models.AssetFieldValue{}
		}
		byField[g[0].FieldID][g[0].Locale] = g
	}
	var out []*FieldValue
	for _, f := range fields {
		if len(keys) > 0 && !slices.Contains(keys, f.Key) {
			continue
		}
		fv := &FieldValue{Field: f}
		locales := []string{""}
		if f.Localized {
			locales = chain
		}
		for _, l := range locales {
			if g := byField[f.ID][l]; g != nil {
				fv.Value = rowsValue(f.Type, g)
				if f.Localized {
					fv.Locale = &l
				}
				break
			}
		}
		if fv.Value == nil {
			fv.Value, _ = f.DefaultValue.Get()
		}
		out = append(out, fv)
	}
	return out, nil
}

// CountMetadataFacet counts the options of a SELECT or MULTI_SELECT field over the request's filter.
func (s *Assets) CountMetadataFacet(ctx context.Context, r *FacetRequest, key string) ([]*models.FacetValue, error) {
	fields, err := s.db.MetadataFields(ctx)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(fields, func(f *models.MetadataField) bool { return f.Key == key })
	if i < 0 || fields[i].Type != models.FieldSelect && fields[i].Type != models.FieldMultiSelect {
		return nil, access.Invalid("key", "no SELECT or MULTI_SELECT metadata field has the key %q", key)
	}
	values, err := s.db.CountMetadataFacet(ctx, models.FacetQuery{Filter: r.filter, Limit: r.limit, Visibility: r.vis}, key)
	if err != nil {
		return nil, queryError(err, "")
	}
	return values, nil
}
