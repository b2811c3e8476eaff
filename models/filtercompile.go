package models

import (
	"fmt"
	"reflect"
	"strings"

	"gorm.io/gorm"
)

// maxFilterList bounds the lists of ids, names and colors inside a filter, each of which costs the
// statement a clause or a subquery per value.
const maxFilterList = 500

// Bounds of a filter's size, so that no filter makes a statement the database refuses or chokes on.
const (
	maxFilterNesting  = 5    // AND/OR levels
	maxFilterBranches = 50   // filters in one AND or OR
	maxFilterParams   = 2000 // values in the whole filter
)

// maxSearchTerms bounds the words and phrases of a search, each of which the index looks up.
const maxSearchTerms = 10

// colorMatchDistance is how far (Euclidean, in 8-bit RGB) a dominant color may be from a color asked
// for and still match it: nobody filters by an exact shade.
const colorMatchDistance = 60

// subtreeSQL is the collection of id ? and every collection below it.
const subtreeSQL = `assets.collection_id IN (SELECT c.id FROM collections c, collections root
				WHERE root.id = ? AND SUBSTR(c.path, 1, LENGTH(root.path)) = root.path)`

// cond is a fragment of a WHERE clause with its arguments, written with ? placeholders.
type cond struct {
	sql  string
	args []any
	// version says the condition reads the current version's columns (cv), which only a query
	// joining it can run.
	version bool
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

func (c cond) not() cond { return cond{sql: "NOT (" + c.sql + ")", args: c.args, version: c.version} }

func (cs *conds) add(sql string, args ...any) { *cs = append(*cs, cond{sql: sql, args: args}) }

func (cs conds) join(op string) cond {
	switch len(cs) {
	case 0:
		return cond{}
	case 1:
		return cs[0]
	}
	parts := make([]string, len(cs))
	var out cond
	for i, c := range cs {
		parts[i] = "(" + c.sql + ")"
		out.args = append(out.args, c.args...)
		out.version = out.version || c.version
	}
	out.sql = strings.Join(parts, " "+op+" ")
	return out
}

// likePattern turns user text into a LIKE pattern matching it anywhere, case-folded, with LIKE's own
// wildcards escaped so that "50%" means the characters 5, 0 and %.
func likePattern(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(strings.ToLower(s)) + "%"
}

// containsFolded is the SQL of a case-insensitive substring match on expr.
func containsFolded(expr, needle string) cond {
	return cond{sql: "lower(" + expr + ") LIKE ? ESCAPE '\\'", args: []any{likePattern(needle)}}
}

// FoldKey is the case-insensitive identity of a name (tags, collections): two names with the same key
// are the same name.
func FoldKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// compileAssetFilter turns a filter into a WHERE fragment over the assets table and its current
// version (cv); for public readers a search leaves out the text only management may search, so words
// of an editor's notes cannot be probed through it.
func compileAssetFilter(f *AssetFilter, sc compileScope) (cond, error) {
	c, err := compileFilter(f, "", 0, sc)
	if err == nil && len(c.args) > maxFilterParams {
		err = &FilterError{"", fmt.Sprintf("the filter holds %d values; at most %d are allowed", len(c.args), maxFilterParams)}
	}
	return c, err
}

func compileFilter(f *AssetFilter, path string, nesting int, sc compileScope) (cond, error) {
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
	var cs conds
	v := reflect.ValueOf(f).Elem()
	for i := range assetFilterFields {
		ff := &assetFilterFields[i]
		if in := ff.input(v); in.IsValid() {
			if err := ff.compile(&cs, in, field(ff.name), sc); err != nil {
				return cond{}, err
			}
		}
	}
	for i, sub := range f.AND {
		c, err := compileFilter(sub, fmt.Sprintf("%s[%d]", field("AND"), i), nesting+1, sc)
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
			c, err := compileFilter(sub, fmt.Sprintf("%s[%d]", field("OR"), i), nesting+1, sc)
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

// operandRef locates one operator's value in a field's input; a nil index means the input is the
// value itself (a Boolean or a String field).
type operandRef struct {
	op    ops
	name  string
	index []int
}

// given is the operators a filter field was given, each with its value (a pointer or a list).
type given map[ops]reflect.Value

// compile adds the conditions of one field's input, in the order of opNames.
func (ff *filterField) compile(cs *conds, in reflect.Value, path string, sc compileScope) error {
	g := given{}
	for _, o := range ff.operands {
		x := in
		if o.index != nil {
			x = in.Elem().FieldByIndex(o.index)
		}
		if x.IsNil() {
			continue
		}
		if x.Kind() == reflect.Slice && ff.maxList > 0 && x.Len() > ff.maxList {
			return &FilterError{path + "." + o.name, fmt.Sprintf("at most %d values", ff.maxList)}
		}
		g[o.op] = x
	}
	for _, o := range ff.operands {
		if x, ok := g[o.op]; ok {
			if err := ff.apply(cs, o.op, x, g, path, sc); err != nil {
				return err
			}
		}
	}
	return nil
}

func (ff *filterField) apply(cs *conds, op ops, x reflect.Value, g given, path string, sc compileScope) error {
	switch op {
	case opEq:
		if below, ok := g[opDescendants]; ok && below.Elem().Bool() {
			cs.add(subtreeSQL, ff.scalar(x))
			return nil
		}
		*cs = append(*cs, ff.on(cond{sql: ff.expr + " = ?", args: []any{ff.scalar(x)}}))
	case opIn, opAnyIn:
		if ff.value == valueColor {
			return ff.near(cs, x, path+".anyIn")
		}
		*cs = append(*cs, ff.on(cond{sql: inList(ff.expr, x.Len()), args: ff.list(x)}))
	case opAllIn:
		for _, v := range ff.list(x) {
			*cs = append(*cs, ff.on(cond{sql: ff.expr + " = ?", args: []any{v}}))
		}
	case opNotIn:
		if x.Len() > 0 {
			*cs = append(*cs, ff.on(cond{sql: inList(ff.expr, x.Len()), args: ff.list(x)}).not())
		}
	case opGt, opGte, opLt, opLte:
		*cs = append(*cs, ff.on(cond{sql: ff.expr + " " + comparisons[op] + " ?", args: []any{ff.scalar(x)}}))
	case opMatches:
		*cs = append(*cs, ff.contains(x.Elem().String()))
	case opExists:
		if x.Elem().Bool() {
			*cs = append(*cs, ff.present())
		} else {
			*cs = append(*cs, ff.present().not())
		}
	case opWords:
		return compileSearch(cs, x.Elem().String(), path, sc)
	case opFields:
		return compileMetadata(cs, x, path)
	}
	return nil
}

var comparisons = map[ops]string{opGt: ">", opGte: ">=", opLt: "<", opLte: "<="}

// on puts a condition on expr where expr lives: on the asset, its current version, or its rows in
// another table.
func (ff *filterField) on(c cond) cond {
	if r := ff.of; r != nil {
		from := r.table
		if r.join != "" {
			from += " " + r.join
		}
		c.sql = "EXISTS (SELECT 1 FROM " + from + " WHERE " + r.owner + " = assets.id AND " + c.sql + ")"
	}
	c.version = ff.version
	return c
}

// contains is the condition that expr contains the text, ignoring case; a column that holds fold
// keys needs no folding of its own.
func (ff *filterField) contains(text string) cond {
	if ff.fold == foldKey {
		return ff.on(cond{sql: ff.expr + " LIKE ? ESCAPE '\\'", args: []any{likePattern(text)}})
	}
	return ff.on(containsFolded(ff.expr, text))
}

// present is the condition that the field has a value: a non-empty text, a row in its table, or
// anything but NULL.
func (ff *filterField) present() cond {
	switch {
	case ff.value == valueText:
		return ff.on(cond{sql: ff.expr + " IS NOT NULL AND " + ff.expr + " <> ''"})
	case ff.of != nil:
		return cond{sql: "EXISTS (SELECT 1 FROM " + ff.of.table + " WHERE " + ff.of.owner + " = assets.id)"}
	default:
		return ff.on(cond{sql: ff.expr + " IS NOT NULL"})
	}
}

func (ff *filterField) scalar(x reflect.Value) any { return ff.folded(x.Elem().Interface()) }

func (ff *filterField) list(x reflect.Value) []any {
	out := make([]any, x.Len())
	for i := range out {
		out[i] = ff.folded(x.Index(i).Interface())
	}
	return out
}

func (ff *filterField) folded(v any) any {
	s, ok := v.(string)
	switch {
	case !ok:
		return v
	case ff.fold == foldLower:
		return strings.ToLower(s)
	case ff.fold == foldKey:
		return FoldKey(s)
	}
	return s
}

// near matches assets with a dominant color close to one of the colors asked for.
func (ff *filterField) near(cs *conds, x reflect.Value, path string) error {
	var near conds
	for i, v := range ff.list(x) {
		hex, _ := v.(string)
		c, ok := parseHexColor(hex)
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
	*cs = append(*cs, ff.on(cond{sql: "(" + match.sql + ")", args: match.args}))
	return nil
}

// indexFilterFields finds each field of the table in AssetFilter, and each of its operators in the
// field's input type. It panics when the table and the types disagree: a filter field without a row,
// an operator the compiler would silently drop, or a row reading cv without asking for its join.
func indexFilterFields(table []filterField) []filterField {
	af := reflect.TypeOf(AssetFilter{})
	named := map[string]bool{"and": true, "or": true}
	for i := range table {
		ff := &table[i]
		// A dotted name ("antivirus.status") is a field of an input nested in AssetFilter.
		in := af
		for i, part := range strings.Split(ff.name, ".") {
			sf, ok := in.FieldByNameFunc(func(n string) bool { return strings.EqualFold(n, part) })
			if !ok {
				panic("models: filter field " + ff.name + " is not a field of AssetFilter")
			}
			if i == 0 {
				named[strings.ToLower(sf.Name)] = true
			}
			ff.index = append(ff.index, sf.Index)
			in = sf.Type.Elem()
		}
		ff.operands = operandsOf(ff, in)
		if strings.Contains(ff.expr, "cv.") != ff.version {
			panic("models: filter field " + ff.name + " must say whether it reads the current version")
		}
	}
	for i := 0; i < af.NumField(); i++ {
		if !named[strings.ToLower(af.Field(i).Name)] {
			panic("models: AssetFilter." + af.Field(i).Name + " has no row in the filter table")
		}
	}
	return table
}

// refuseManagementFields refuses a filter that reads, at any level, a field only management may
// filter by.
func refuseManagementFields(f *AssetFilter, path string) error {
	if f == nil {
		return nil
	}
	v := reflect.ValueOf(f).Elem()
	for i := range assetFilterFields {
		if ff := &assetFilterFields[i]; ff.management && ff.input(v).IsValid() {
			return &FilterForbiddenError{FilterError{strings.TrimPrefix(path+"."+ff.name, "."), "only EDITOR and ADMIN tokens may filter by it"}}
		}
	}
	for _, list := range []struct {
		name string
		subs []*AssetFilter
	}{{"AND", f.AND}, {"OR", f.OR}} {
		for i, sub := range list.subs {
			if err := refuseManagementFields(sub, fmt.Sprintf("%s[%d]", strings.TrimPrefix(path+"."+list.name, "."), i)); err != nil {
				return err
			}
		}
	}
	return nil
}

// input is the field's input in the filter v, or the zero Value when it (or an input it is nested
// in) is not set.
func (ff *filterField) input(v reflect.Value) reflect.Value {
	for i, index := range ff.index {
		if i > 0 {
			v = v.Elem()
		}
		if v = v.FieldByIndex(index); v.IsNil() {
			return reflect.Value{}
		}
	}
	return v
}

func operandsOf(ff *filterField, input reflect.Type) []operandRef {
	var out []operandRef
	for _, o := range opNames {
		if ff.ops&o.op == 0 {
			continue
		}
		if input.Kind() != reflect.Struct {
			out = append(out, operandRef{op: o.op, name: o.name})
			continue
		}
		f, ok := input.FieldByNameFunc(func(n string) bool { return strings.EqualFold(n, o.name) })
		if !ok {
			panic("models: filter field " + ff.name + " has no operator " + o.name)
		}
		out = append(out, operandRef{op: o.op, name: o.name, index: f.Index})
	}
	if input.Kind() == reflect.Struct && len(out) != input.NumField() || input.Kind() != reflect.Struct && len(out) != 1 {
		panic("models: the operators of filter field " + ff.name + " differ from its input's")
	}
	return out
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
