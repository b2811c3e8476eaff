package models

import (
	"fmt"
	"time"

	"gorm.io/gorm"
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

// VariantInclusion says whether a list has variants in it: lists leave them out unless asked.
type VariantInclusion string

const (
	VariantsInclude VariantInclusion = "INCLUDE"
	VariantsOnly    VariantInclusion = "ONLY"
)

// variantScope leaves variants out of a list, unless the filter asks for them too or for them only.
func variantScope(g *gorm.DB, f *AssetFilter) *gorm.DB {
	switch {
	case f != nil && f.Variants != nil && *f.Variants == VariantsInclude:
		return g
	case f != nil && f.Variants != nil && *f.Variants == VariantsOnly:
		return g.Where("assets.variant_of_id IS NOT NULL")
	}
	return g.Where("assets.variant_of_id IS NULL")
}

// ScanStatusFilter matches antivirus scan statuses.
type ScanStatusFilter struct {
	Eq *ScanStatus
	In []ScanStatus
}

// AntivirusFilter matches assets by the antivirus scan of their current version.
type AntivirusFilter struct {
	Status *ScanStatusFilter
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
	ColorFamily *ColorFamilyFilter
	Collection  *CollectionFilter
	InUse       *bool
	CreatedAt   *TimeFilter
	UpdatedAt   *TimeFilter
	Filename    *TextFilter
	// OriginalFilename matches the name the current version was uploaded under.
	OriginalFilename *TextFilter
	Alt              *TextFilter
	Title            *TextFilter
	Author           *TextFilter
	Copyright        *TextFilter
	Notes            *TextFilter
	MD5              *StringFilter
	Antivirus        *AntivirusFilter
	Moderation       *ModerationFilter
	Faces            *IntFilter
	Metadata         []*MetadataFilter
	Deleted          *bool
	Variants         *VariantInclusion
	Search           *string
	AND              []*AssetFilter
	OR               []*AssetFilter

	// Duration is in seconds, of sound and video.
	Duration *FloatFilter
	// CreatedBy is the token that stored the asset.
	CreatedBy         *IDFilter
	AspectRatioBucket *AspectRatioBucketFilter
	// Year is the year the photo was taken, by its EXIF date.
	Year *IntFilter
	// MissingRequiredMetadata matches assets lacking a value of a required metadata field.
	MissingRequiredMetadata *bool
}

// FilterError explains why a filter cannot be run; Field is its path in the filter.
type FilterError struct {
	Field  string
	Reason string
}

func (e *FilterError) Error() string { return fmt.Sprintf("filter %s: %s", e.Field, e.Reason) }

// FilterForbiddenError refuses a filter by a field that the reader may not filter by at all.
type FilterForbiddenError struct{ FilterError }

// A filterField is one field of AssetFilter, told as data: what it compares, which operators its
// input accepts, the type of its values and what a query must join to run it. The compiler walks
// assetFilterFields, and facets are derived from the same table, so a new filter is one more row.
type filterField struct {
	// name is the field's name in the GraphQL input and in filter errors; the fields of AssetFilter
	// and of its input types are bound by gqlgen under the same names, case aside.
	name string
	// expr is the column or SQL expression compared.
	expr string
	// ops are the operators the field's input accepts; each is a field of its input type.
	ops ops
	// value is what the values are: it decides how presence and lists are compiled.
	value valueType
	// fold is what values go through first, to meet the column's folded form.
	fold fold
	// of, when set, is the asset's rows in another table that expr belongs to: a condition holds
	// when some row of the asset meets it.
	of *related
	// version says expr reads the current version's columns (cv), which only a query joining it runs.
	version bool
	// maxList bounds each list of the field on its own (0: only the filter's total bounds it).
	maxList int
	// management says only readers who see PRIVATE assets may filter by it: it reads what delivery
	// may not know (an antivirus verdict).
	management bool

	index [][]int // of the field in AssetFilter, and in each input it is nested in

	operands []operandRef // of each operator in the field's input type
}

// ops is a set of filter operators.
type ops uint16

const (
	opEq          ops = 1 << iota // equal to the value
	opIn                          // equal to one of the values
	opAnyIn                       // some related row equal to one of the values
	opAllIn                       // a related row equal to each of the values
	opNotIn                       // none equal to the values
	opGt                          // greater than
	opGte                         // greater than or equal
	opLt                          // less than
	opLte                         // less than or equal
	opMatches                     // contains the text, ignoring case
	opExists                      // has a value, a non-empty text, or a related row
	opDescendants                 // with eq: the collection or any below it
	opWords                       // the terms of a search match the asset's search document
	opScope                       // read by the query's scope, not compiled: where to look (the trash)
	opFields                      // conditions on structured metadata fields, by key
)

const (
	opRange   = opGt | opGte | opLt | opLte
	opCompare = opEq | opRange
	opOneOf   = opEq | opIn
)

// opNames are the operators' names in the input types, in the order the compiler applies them:
// a fixed order makes equal filters compile to equal SQL, which the prepared-statement cache relies on.
var opNames = []struct {
	op   ops
	name string
}{
	{opEq, "eq"}, {opIn, "in"}, {opAnyIn, "anyIn"}, {opAllIn, "allIn"}, {opNotIn, "notIn"},
	{opGt, "gt"}, {opGte, "gte"}, {opLt, "lt"}, {opLte, "lte"},
	{opMatches, "matches"}, {opExists, "exists"}, {opDescendants, "descendants"},
	{opWords, "words"}, {opScope, "scope"}, {opFields, "fields"},
}

// valueType is the type of a field's values.
type valueType int

const (
	valueID valueType = iota
	valueEnum
	valueString
	valueInt
	valueFloat
	valueTime
	valueText // free text: present when neither NULL nor empty
	valueName // a tag name, compared by its fold key
	valueColor
	valueBool
)

// fold is how values are normalized before they are compared.
type fold int

const (
	foldNone fold = iota
	foldLower
	foldKey // FoldKey, as names are stored
)

// related is a table of rows that belong to an asset.
type related struct {
	table string // with its alias
	join  string // what a condition on expr also needs joined
	owner string // the column holding the asset's id
}

var (
	metadataRows  = &related{table: "asset_metadata m", owner: "m.asset_id"}
	editorTagRows = &related{table: "asset_tags at", join: "JOIN tags t ON t.id = at.tag_id", owner: "at.asset_id"}
	smartTagRows  = &related{table: "asset_smart_tags st", owner: "st.asset_id"}
	colorRows     = &related{table: "asset_colors c", owner: "c.asset_id"}
	usageRows     = &related{table: "usages u", owner: "u.asset_id"}
)

// The SQL forms of Asset.AspectRatio and Asset.Orientation, and of the resolution classes.
const (
	aspectRatioSQL = "(CASE WHEN cv.height > 0 THEN CAST(cv.width AS DOUBLE PRECISION) / cv.height END)"
	orientationSQL = "(CASE WHEN cv.width > cv.height THEN 'LANDSCAPE' WHEN cv.width < cv.height THEN 'PORTRAIT'" +
		" WHEN cv.width = cv.height THEN 'SQUARE' END)"
	resolutionSQL = "(CASE WHEN CAST(cv.width AS BIGINT) * cv.height < 1000000 THEN 'SMALL'" +
		" WHEN CAST(cv.width AS BIGINT) * cv.height < 8000000 THEN 'MEDIUM'" +
		" WHEN cv.width IS NOT NULL AND cv.height IS NOT NULL THEN 'LARGE' END)"
)

// faceCountSQL is the number of faces found in the current version, NULL when none were looked for.
const faceCountSQL = "(SELECT av.face_count FROM asset_vision av WHERE av.asset_id = cv.asset_id AND av.number = cv.number)"

// assetFilterFields is every field of AssetFilter but AND and OR, in the order the compiler visits them.
var assetFilterFields = indexFilterFields([]filterField{
	{name: "ids", expr: "assets.id", ops: opIn | opNotIn, value: valueID, maxList: maxFilterList},
	{name: "kind", expr: "cv.kind", ops: opOneOf, value: valueEnum, version: true},
	{name: "status", expr: "assets.status", ops: opOneOf, value: valueEnum},
	{name: "format", expr: "cv.format", ops: opOneOf, value: valueString, fold: foldLower, version: true},
	{name: "mimeType", expr: "cv.mime_type", ops: opOneOf | opMatches, value: valueString, fold: foldLower, version: true},
	{name: "md5", expr: "cv.md5", ops: opOneOf, value: valueString, fold: foldLower, version: true},
	{name: "size", expr: "cv.size", ops: opCompare, value: valueInt, version: true},
	{name: "width", expr: "cv.width", ops: opCompare | opExists, value: valueInt, version: true},
	{name: "height", expr: "cv.height", ops: opCompare | opExists, value: valueInt, version: true},
	{name: "createdAt", expr: "assets.created_at", ops: opRange, value: valueTime},
	{name: "updatedAt", expr: "assets.updated_at", ops: opRange, value: valueTime},
	{name: "filename", expr: "assets.filename", ops: opMatches | opExists, value: valueText},
	{name: "originalFilename", expr: "cv.original_filename", ops: opMatches | opExists, value: valueText, version: true, management: true},
	{name: "author", expr: "assets.author", ops: opMatches | opExists, value: valueText},
	{name: "copyright", expr: "assets.copyright", ops: opMatches | opExists, value: valueText},
	{name: "notes", expr: "assets.notes", ops: opMatches | opExists, value: valueText, management: true},
	{name: "alt", expr: "m.alt", of: metadataRows, ops: opMatches | opExists, value: valueText},
	{name: "title", expr: "m.title", of: metadataRows, ops: opMatches | opExists, value: valueText},
	{name: "aspectRatio", expr: aspectRatioSQL, ops: opCompare, value: valueFloat, version: true},
	{name: "orientation", expr: orientationSQL, ops: opOneOf, value: valueEnum, version: true},
	{name: "resolution", expr: resolutionSQL, ops: opOneOf, value: valueEnum, version: true},
	{name: "tags", expr: "t.name_key", of: editorTagRows, ops: opAnyIn | opAllIn | opNotIn | opExists,
		value: valueName, fold: foldKey, maxList: maxFilterList},
	{name: "smartTags", expr: "st.name_key", of: smartTagRows, ops: opAnyIn | opAllIn | opNotIn | opExists,
		value: valueName, fold: foldKey, maxList: maxFilterList},
	{name: "colors", of: colorRows, ops: opAnyIn, value: valueColor, maxList: maxFilterList},
	{name: "colorFamily", expr: colorFamilySQL, of: colorRows, ops: opAnyIn, value: valueEnum},
	{name: "collection", expr: "assets.collection_id", ops: opEq | opDescendants | opExists, value: valueID},
	{name: "inUse", of: usageRows, ops: opExists, value: valueBool},
	{name: "antivirus.status", expr: "cv.antivirus_status", ops: opOneOf, value: valueEnum, version: true, management: true},
	{name: "moderation.status", expr: "assets.moderation_status", ops: opOneOf, value: valueEnum, management: true},
	{name: "faces", expr: faceCountSQL, ops: opCompare | opExists, value: valueInt, version: true},
	{name: "metadata", ops: opFields, value: valueText},
	{name: "missingRequiredMetadata", expr: missingRequiredSQL, ops: opExists, value: valueBool},
	{name: "deleted", ops: opScope, value: valueBool},
	{name: "variants", ops: opScope, value: valueEnum},
	{name: "search", ops: opWords, value: valueText},
	{name: "duration", expr: "cv.duration", ops: opCompare, value: valueFloat, version: true},
	{name: "createdBy", expr: "assets.created_by_id", ops: opIn | opNotIn, value: valueID, maxList: maxFilterList, management: true},
	{name: "aspectRatioBucket", expr: aspectRatioBucketSQL, ops: opOneOf, value: valueEnum, version: true},
	{name: "year", expr: takenYearSQL, ops: opCompare | opExists, value: valueInt},
})
