package models_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/models"
)

// A filter survives being saved: it is stored in the GraphQL input's shape and reads back equal.
func TestSavedFilterRoundTrip(t *testing.T) {
	img, n, yes, hex, id := models.KindImage, int64(1000), true, "#ff0000", "col_1"
	from := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	md5 := "abc"
	f := &models.AssetFilter{
		IDs:         &models.IDFilter{NotIn: []string{"ast_1"}},
		Kind:        &models.KindFilter{Eq: &img},
		MD5:         &models.StringFilter{Eq: &md5},
		Size:        &models.Int64Filter{Gte: &n},
		Colors:      &models.ColorsFilter{AnyIn: []string{hex}},
		ColorFamily: &models.ColorFamilyFilter{AnyIn: []models.ColorFamily{models.ColorRed}},
		Collection:  &models.CollectionFilter{Eq: &id, Descendants: &yes},
		CreatedAt:   &models.TimeFilter{Gt: &from},
		Antivirus:   &models.AntivirusFilter{Status: &models.ScanStatusFilter{In: []models.ScanStatus{models.ScanClean}}},
		Deleted:     &yes,
		OR:          []*models.AssetFilter{{Tags: &models.TagsFilter{AnyIn: []string{"a"}}}, {InUse: &yes}},
	}
	raw, err := models.EncodeFilter(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"ids":{"notIn"`, `"md5":{"eq"`, `"colorFamily":{"anyIn":["RED"]}`, `"antivirus":{"status":{"in"`, `"OR":[{"tags":{"anyIn"`, `"inUse":true`} {
		if !strings.Contains(raw, key) {
			t.Errorf("stored as %s: no %s", raw, key)
		}
	}
	got, err := (&models.SavedFilter{FilterJSON: raw}).Filter()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, f) {
		t.Errorf("read back %+v, saved %+v", got, f)
	}
}

// A stored filter that no longer applies says why, naming what is wrong.
func TestStaleSavedFilter(t *testing.T) {
	for _, c := range []struct{ stored, says string }{
		{`{"kind":{"eq":"IMAGE"},"rating":{"gt":3}}`, `unknown field "rating"`},
		{`{"tags":{"near":["a"]}}`, `unknown field "near"`},
		{`{"colors":{"anyIn":["red"]}}`, `colors.anyIn[0]`},
		{`{"AND":[{"deleted":true}]}`, `AND[0].deleted`},
		{`{"size":{"gt":"big"}}`, `size.gt`},
	} {
		_, err := (&models.SavedFilter{FilterJSON: c.stored}).Filter()
		if !errors.Is(err, models.ErrStaleFilter) || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: %v, want a stale filter saying %s", c.stored, err, c.says)
		}
	}
}
