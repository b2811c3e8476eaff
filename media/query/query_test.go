package query

import (
	"errors"
	"regexp"
	"strconv"
	"testing"
	"unicode/utf8"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
)

func TestParseBuildsTheFilter(t *testing.T) {
	f, err := Parse(`kind:image tag:brand width>1000 created>2026-01-01 "duomo di" -draft -tag:old title:"at dawn" size<=2mb`)
	if err != nil {
		t.Fatal(err)
	}
	if f.Search == nil || *f.Search != `"duomo di" -draft` {
		t.Errorf("search %v, want the free text as written", f.Search)
	}
	if len(f.AND) != 7 {
		t.Fatalf("%d conditions, want 7", len(f.AND))
	}
	c := f.AND
	switch {
	case c[0].Kind == nil || *c[0].Kind.Eq != models.KindImage:
		t.Errorf("kind: %+v", c[0].Kind)
	case c[1].Tags == nil || c[1].Tags.AllIn[0] != "brand":
		t.Errorf("tag: %+v", c[1].Tags)
	case c[2].Width == nil || *c[2].Width.Gt != 1000:
		t.Errorf("width: %+v", c[2].Width)
	case c[3].CreatedAt == nil || c[3].CreatedAt.Gt.Format("2006-01-02") != "2026-01-01":
		t.Errorf("created: %+v", c[3].CreatedAt)
	case c[4].Tags == nil || c[4].Tags.NotIn[0] != "old":
		t.Errorf("-tag: %+v", c[4].Tags)
	case c[5].Title == nil || *c[5].Title.Matches != "at dawn":
		t.Errorf("title: %+v", c[5].Title)
	case c[6].Size == nil || *c[6].Size.Lte != 2<<20:
		t.Errorf("size: %+v", c[6].Size)
	}
}

func TestParseDayIsTheWholeDay(t *testing.T) {
	f, err := Parse("created:2026-03-01")
	if err != nil {
		t.Fatal(err)
	}
	tf := f.AND[0].CreatedAt
	if tf.Gte.Format("2006-01-02") != "2026-03-01" || tf.Lt.Format("2006-01-02") != "2026-03-02" {
		t.Errorf("created:day is %v to %v", tf.Gte, tf.Lt)
	}
}

func TestParseErrorsPointAtTheTerm(t *testing.T) {
	for expr, col := range map[string]int{
		"nope:1":               1,
		"kind:image widht>5":   12,
		"width>x":              7,
		"kind:picture":         6,
		"-width>5":             1,
		"width>":               7,
		"størrelse size>abc":   16, // columns count characters, not bytes
		"status>public":        1,
		"inuse:maybe":          7,
		"created>yesterday":    9,
		"duration>NaN":         10,
		"tag>brand":            1,
		"aspect<square":        1,
		`title:"x" color:`:     17, // where the value is missing
		"size>99999999999999g": 6,
	} {
		_, err := Parse(expr)
		var ae *access.Error
		if !errors.As(err, &ae) || ae.Code != access.CodeValidationFailed || ae.Field != "query" {
			t.Errorf("%q: %v, want VALIDATION_FAILED on query", expr, err)
			continue
		}
		if got := errColumn(ae.Message); got != col {
			t.Errorf("%q: %q, want column %d", expr, ae.Message, col)
		}
	}
}

var columnPrefix = regexp.MustCompile(`^column (\d+): `)

func errColumn(msg string) int {
	m := columnPrefix.FindStringSubmatch(msg)
	if m == nil {
		return -1
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// Whatever is typed, the parser answers a filter or a coded error on query whose column lies within
// the expression, and never panics.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		`kind:image tag:brand width>1000 created>2026-01-01 "duomo" -draft`,
		`-"a phrase" -tag:x size>=1.5m`, `title:"unclosed`, `a:b:c`, `:::`, `-`, `""`, `width>=-1`,
		`created<=2026-01-01T10:00:00Z year:2024 aspect:panorama aspect>1.5 inuse:true color:#ff0000`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		filter, err := Parse(expr)
		if err == nil {
			if filter == nil || len(filter.AND) > maxTerms {
				t.Fatalf("%q: filter %+v", expr, filter)
			}
			return
		}
		var ae *access.Error
		if !errors.As(err, &ae) || ae.Field != "query" {
			t.Fatalf("%q: %v is not coded on query", expr, err)
		}
		if len(expr) > maxLength {
			return
		}
		if col := errColumn(ae.Message); col < 1 || col > utf8.RuneCountInString(expr)+1 {
			t.Fatalf("%q: %q points outside the expression", expr, ae.Message)
		}
	})
}
