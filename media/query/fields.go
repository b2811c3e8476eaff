package query

import (
	"strconv"
	"strings"
	"time"

	"github.com/mediagraph/mediagraph/models"
)

// A field is one name an expression may filter by: what it means (for the README and errors) and
// how a term on it becomes a filter.
type field struct {
	name  string
	about string
	build func(t term) (*models.AssetFilter, error)
}

// Fields is every field an expression knows, in the order the README lists them.
var Fields = []field{
	{"kind", "image, video, audio, document, archive or other", enumField(func(f *models.AssetFilter, v string) {
		k := models.AssetKind(v)
		f.Kind = &models.KindFilter{Eq: &k}
	}, "IMAGE", "VIDEO", "AUDIO", "DOCUMENT", "ARCHIVE", "OTHER")},
	{"status", "public or private", enumField(func(f *models.AssetFilter, v string) {
		s := models.AssetStatus(v)
		f.Status = &models.StatusFilter{Eq: &s}
	}, "PUBLIC", "PRIVATE")},
	{"format", "the format, such as jpg or mp4", textField(func(f *models.AssetFilter, v string) {
		f.Format = &models.StringFilter{Eq: &v}
	})},
	{"mime", "the MIME type contains the value (mime:image/)", textField(func(f *models.AssetFilter, v string) {
		f.MimeType = &models.MimeTypeFilter{Matches: &v}
	})},
	{"tag", "tagged with the tag; -tag: not tagged with it", tagField(func(f *models.AssetFilter, tf *models.TagsFilter) { f.Tags = tf })},
	{"smarttag", "has the smart tag (a keyword of the file); -smarttag: has not", tagField(func(f *models.AssetFilter, tf *models.TagsFilter) { f.SmartTags = tf })},
	{"collection", "in the collection of this id or any inside it", textField(func(f *models.AssetFilter, v string) {
		below := true
		f.Collection = &models.CollectionFilter{Eq: &v, Descendants: &below}
	})},
	{"size", "size in bytes; k, m and g (or kb, mb, gb) multiply by 1024, 1024² and 1024³", compareField(parseSize, func(f *models.AssetFilter, c cmp[int64]) {
		f.Size = &models.Int64Filter{Eq: c.eq, Gt: c.gt, Gte: c.gte, Lt: c.lt, Lte: c.lte}
	})},
	{"width", "width in pixels", intField(func(f *models.AssetFilter, c cmp[int]) {
		f.Width = &models.IntFilter{Eq: c.eq, Gt: c.gt, Gte: c.gte, Lt: c.lt, Lte: c.lte}
	})},
	{"height", "height in pixels", intField(func(f *models.AssetFilter, c cmp[int]) {
		f.Height = &models.IntFilter{Eq: c.eq, Gt: c.gt, Gte: c.gte, Lt: c.lt, Lte: c.lte}
	})},
	{"duration", "duration in seconds", compareField(parseFloat, func(f *models.AssetFilter, c cmp[float64]) {
		f.Duration = &models.FloatFilter{Eq: c.eq, Gt: c.gt, Gte: c.gte, Lt: c.lt, Lte: c.lte}
	})},
	{"aspect", "width over height (aspect>1.5), or a class: square, portrait, landscape, panorama", aspectField},
	{"orientation", "landscape, portrait or square", enumField(func(f *models.AssetFilter, v string) {
		o := models.Orientation(v)
		f.Orientation = &models.OrientationFilter{Eq: &o}
	}, "LANDSCAPE", "PORTRAIT", "SQUARE")},
	{"resolution", "small (below 1 MP), medium (below 8 MP) or large", enumField(func(f *models.AssetFilter, v string) {
		r := models.Resolution(v)
		f.Resolution = &models.ResolutionFilter{Eq: &r}
	}, "SMALL", "MEDIUM", "LARGE")},
	{"year", "the year the photo was taken (EXIF)", intField(func(f *models.AssetFilter, c cmp[int]) {
		f.Year = &models.IntFilter{Eq: c.eq, Gt: c.gt, Gte: c.gte, Lt: c.lt, Lte: c.lte}
	})},
	{"created", "created on a day (created:2026-01-01) or before or after one; also a full RFC 3339 time", timeField(func(f *models.AssetFilter, tf *models.TimeFilter) { f.CreatedAt = tf })},
	{"updated", "last changed, as created", timeField(func(f *models.AssetFilter, tf *models.TimeFilter) { f.UpdatedAt = tf })},
	{"filename", "the filename contains the value", matchField(func(f *models.AssetFilter, tf *models.TextFilter) { f.Filename = tf })},
	{"original", "the original filename contains the value (management only)", matchField(func(f *models.AssetFilter, tf *models.TextFilter) { f.OriginalFilename = tf })},
	{"title", "a title contains the value", matchField(func(f *models.AssetFilter, tf *models.TextFilter) { f.Title = tf })},
	{"alt", "an alt text contains the value", matchField(func(f *models.AssetFilter, tf *models.TextFilter) { f.Alt = tf })},
	{"author", "the author contains the value", matchField(func(f *models.AssetFilter, tf *models.TextFilter) { f.Author = tf })},
	{"copyright", "the copyright contains the value", matchField(func(f *models.AssetFilter, tf *models.TextFilter) { f.Copyright = tf })},
	{"notes", "the notes contain the value (management only)", matchField(func(f *models.AssetFilter, tf *models.TextFilter) { f.Notes = tf })},
	{"color", "a dominant color near #rrggbb", textField(func(f *models.AssetFilter, v string) {
		f.Colors = &models.ColorsFilter{AnyIn: []string{v}}
	})},
	{"inuse", "true: referenced by an entry; false: by none", boolField(func(f *models.AssetFilter, b bool) { f.InUse = &b })},
	{"md5", "the MD5 of the bytes, in hex", textField(func(f *models.AssetFilter, v string) {
		f.MD5 = &models.StringFilter{Eq: &v}
	})},
}

func (t term) filter() (*models.AssetFilter, error) {
	for i := range Fields {
		if Fields[i].name == t.field {
			return Fields[i].build(t)
		}
	}
	return nil, bad(t.col, "unknown field %q; the fields are %s", t.field, fieldNames())
}

func fieldNames() string {
	names := make([]string, len(Fields))
	for i, f := range Fields {
		names[i] = f.name
	}
	return strings.Join(names, ", ")
}

// whole refuses operators and negation a field of one value does not take.
func (t term) whole() error {
	if t.not {
		return bad(t.col, "%s cannot be negated with -", t.field)
	}
	if t.op != ":" && t.op != "=" {
		return bad(t.col, "%s takes %s:value, not %s", t.field, t.field, t.op)
	}
	return nil
}

func textField(set func(*models.AssetFilter, string)) func(term) (*models.AssetFilter, error) {
	return func(t term) (*models.AssetFilter, error) {
		if err := t.whole(); err != nil {
			return nil, err
		}
		f := &models.AssetFilter{}
		set(f, t.value)
		return f, nil
	}
}

func matchField(set func(*models.AssetFilter, *models.TextFilter)) func(term) (*models.AssetFilter, error) {
	return textField(func(f *models.AssetFilter, v string) { set(f, &models.TextFilter{Matches: &v}) })
}

func enumField(set func(*models.AssetFilter, string), values ...string) func(term) (*models.AssetFilter, error) {
	return func(t term) (*models.AssetFilter, error) {
		if err := t.whole(); err != nil {
			return nil, err
		}
		v := strings.ToUpper(t.value)
		for _, ok := range values {
			if v == ok {
				f := &models.AssetFilter{}
				set(f, v)
				return f, nil
			}
		}
		return nil, bad(t.valueCol, "%s is one of %s, not %q", t.field, strings.ToLower(strings.Join(values, ", ")), t.value)
	}
}

func boolField(set func(*models.AssetFilter, bool)) func(term) (*models.AssetFilter, error) {
	return func(t term) (*models.AssetFilter, error) {
		if err := t.whole(); err != nil {
			return nil, err
		}
		b, err := strconv.ParseBool(t.value)
		if err != nil {
			return nil, bad(t.valueCol, "%s is true or false, not %q", t.field, t.value)
		}
		f := &models.AssetFilter{}
		set(f, b)
		return f, nil
	}
}

func tagField(set func(*models.AssetFilter, *models.TagsFilter)) func(term) (*models.AssetFilter, error) {
	return func(t term) (*models.AssetFilter, error) {
		if t.op != ":" && t.op != "=" {
			return nil, bad(t.col, "%s takes %s:name, not %s", t.field, t.field, t.op)
		}
		tf := &models.TagsFilter{AllIn: []string{t.value}}
		if t.not {
			tf = &models.TagsFilter{NotIn: []string{t.value}}
		}
		f := &models.AssetFilter{}
		set(f, tf)
		return f, nil
	}
}

// cmp is a comparison with one of its operators set.
type cmp[T any] struct{ eq, gt, gte, lt, lte *T }

func compareField[T any](parse func(string) (T, bool), set func(*models.AssetFilter, cmp[T])) func(term) (*models.AssetFilter, error) {
	return func(t term) (*models.AssetFilter, error) {
		if t.not {
			return nil, bad(t.col, "%s cannot be negated with -; compare with < or > instead", t.field)
		}
		v, ok := parse(t.value)
		if !ok {
			return nil, bad(t.valueCol, "%s compares a number, not %q", t.field, t.value)
		}
		var c cmp[T]
		switch t.op {
		case ":", "=":
			c.eq = &v
		case ">":
			c.gt = &v
		case ">=":
			c.gte = &v
		case "<":
			c.lt = &v
		default:
			c.lte = &v
		}
		f := &models.AssetFilter{}
		set(f, c)
		return f, nil
	}
}

func intField(set func(*models.AssetFilter, cmp[int])) func(term) (*models.AssetFilter, error) {
	return compareField(func(s string) (int, bool) {
		n, err := strconv.ParseInt(s, 10, 32)
		return int(n), err == nil
	}, set)
}

func parseFloat(s string) (float64, bool) {
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil && v == v && v-v == 0 // finite
}

var sizeUnits = map[string]int64{"": 1, "b": 1, "k": 1 << 10, "kb": 1 << 10, "m": 1 << 20, "mb": 1 << 20, "g": 1 << 30, "gb": 1 << 30}

func parseSize(s string) (int64, bool) {
	s = strings.ToLower(s)
	digits := strings.TrimRightFunc(s, func(r rune) bool { return r >= 'a' && r <= 'z' })
	unit, ok := sizeUnits[s[len(digits):]]
	n, err := strconv.ParseInt(digits, 10, 64)
	if !ok || err != nil || n < 0 || n > (1<<62)/unit {
		return 0, false
	}
	return n * unit, true
}

var buckets = map[string]models.AspectRatioBucket{
	"square": models.BucketSquare, "portrait": models.BucketPortrait,
	"landscape": models.BucketLandscape, "panorama": models.BucketPanorama,
}

func aspectField(t term) (*models.AssetFilter, error) {
	if b, ok := buckets[strings.ToLower(t.value)]; ok {
		if err := t.whole(); err != nil {
			return nil, err
		}
		return &models.AssetFilter{AspectRatioBucket: &models.AspectRatioBucketFilter{Eq: &b}}, nil
	}
	return compareField(parseFloat, func(f *models.AssetFilter, c cmp[float64]) {
		f.AspectRatio = &models.FloatFilter{Eq: c.eq, Gt: c.gt, Gte: c.gte, Lt: c.lt, Lte: c.lte}
	})(t)
}

// timeField reads a day (YYYY-MM-DD: its first instant, UTC) or an RFC 3339 time; field:day is the
// whole day.
func timeField(set func(*models.AssetFilter, *models.TimeFilter)) func(term) (*models.AssetFilter, error) {
	return func(t term) (*models.AssetFilter, error) {
		if t.not {
			return nil, bad(t.col, "%s cannot be negated with -; compare with < or > instead", t.field)
		}
		at, day, ok := parseTime(t.value)
		if !ok {
			return nil, bad(t.valueCol, "%s compares a day such as 2026-01-31 or an RFC 3339 time, not %q", t.field, t.value)
		}
		tf := &models.TimeFilter{}
		switch {
		case (t.op == ":" || t.op == "=") && day:
			next := at.AddDate(0, 0, 1)
			tf.Gte, tf.Lt = &at, &next
		case t.op == ":" || t.op == "=":
			tf.Gte, tf.Lte = &at, &at
		case t.op == ">":
			tf.Gt = &at
		case t.op == ">=":
			tf.Gte = &at
		case t.op == "<":
			tf.Lt = &at
		default:
			tf.Lte = &at
		}
		f := &models.AssetFilter{}
		set(f, tf)
		return f, nil
	}
}

func parseTime(s string) (time.Time, bool, bool) {
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		return d, true, true
	}
	if at, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return at.UTC(), false, true
	}
	return time.Time{}, false, false
}
