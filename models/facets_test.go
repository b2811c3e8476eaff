package models_test

import (
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/models"
)

// facetAsset is what the brute force knows of an asset: its row and the values of each facet.
type facetAsset struct {
	row    *models.Asset
	values map[models.Facet][]string
}

// facetCond is one top-level condition of a random filter, in both forms: set puts it into an
// AssetFilter, holds is what it means for one asset.
type facetCond struct {
	facet models.Facet // the facet whose own condition this is
	set   func(f *models.AssetFilter)
	holds func(a *facetAsset) bool
}

// colorFamilyOf is the color bands as the documentation of ColorFamily states them, in floats: the
// SQL form decides the same bands in integers.
func colorFamilyOf(c models.Color) string {
	mx, mn := max(c.Red, c.Green, c.Blue), min(c.Red, c.Green, c.Blue)
	k := float64(mx - mn)
	switch {
	case mx < 48:
		return "BLACK"
	case k < 24 && mx > 210:
		return "WHITE"
	case k < 24:
		return "GRAY"
	}
	var hue float64
	switch {
	case c.Red == mx:
		hue = 60 * float64(c.Green-c.Blue) / k
		if hue < 0 {
			hue += 360
		}
	case c.Green == mx:
		hue = 120 + 60*float64(c.Blue-c.Red)/k
	default:
		hue = 240 + 60*float64(c.Red-c.Green)/k
	}
	for _, band := range []struct {
		below float64
		name  string
	}{{15, "RED"}, {45, "ORANGE"}, {70, "YELLOW"}, {170, "GREEN"}, {200, "CYAN"}, {260, "BLUE"}, {300, "PURPLE"}, {345, "PINK"}} {
		if hue < band.below {
			return band.name
		}
	}
	return "RED"
}

// seedFacetAssets writes n random assets with tags, smart tags, colors and collections (one nested
// in another), and returns what the brute force needs to know of them.
func seedFacetAssets(t *testing.T, db *models.DB, rnd *rand.Rand, n int, at time.Time) ([]*facetAsset, map[string]string) {
	t.Helper()
	ctx := t.Context()
	parent := map[string]string{} // collection id → parent id
	var cols []*models.Collection
	for i, name := range []string{"Travel", "Italy", "Work"} {
		c := &models.Collection{ID: fmt.Sprintf("col_%d", i), Name: name, CreatedAt: at, UpdatedAt: at}
		var p *models.Collection
		if name == "Italy" {
			p = cols[0]
			parent[c.ID] = p.ID
		}
		if err := db.CreateCollection(ctx, c, p); err != nil {
			t.Fatal(err)
		}
		cols = append(cols, c)
	}
	tags, _, err := db.EnsureTags(ctx, []string{"Red", "Blue", "Car", "Night"})
	if err != nil {
		t.Fatal(err)
	}
	shapes := [][2]int{{0, 0}, {100, 100}, {800, 600}, {600, 800}, {4000, 3000}, {1000, 1000}, {3000, 3000}}
	var out []*facetAsset
	for i := range n {
		id := fmt.Sprintf("ast_%03d", i)
		created := time.Date(2024+rnd.IntN(3), time.Month(1+rnd.IntN(12)), 1+rnd.IntN(28), rnd.IntN(24), 0, 0, 0, time.UTC)
		a := &models.Asset{ID: id, Status: pick(rnd, models.StatusPublic, models.StatusPrivate), Filename: "a", Basename: "a",
			Version: 1, CreatedAt: created, UpdatedAt: created,
			Moderation: models.Moderation{Status: pick(rnd, models.ModerationApproved, models.ModerationApproved, models.ModerationPending, models.ModerationRejected)}}
		if rnd.IntN(10) == 0 {
			a.DeletedAt = &at
		}
		if rnd.IntN(10) == 0 {
			past := at.Add(-time.Hour)
			a.AvailableUntil = &past
		}
		fa := &facetAsset{row: a, values: map[models.Facet][]string{}}
		if c := rnd.IntN(len(cols) + 1); c < len(cols) {
			a.CollectionID = &cols[c].ID
			fa.values[models.FacetCollection] = []string{cols[c].ID}
		}
		kind := pick(rnd, models.KindImage, models.KindImage, models.KindVideo, models.KindDocument)
		format := map[models.AssetKind][]string{models.KindImage: {"png", "jpeg", "webp"}, models.KindVideo: {"mp4"}, models.KindDocument: {"pdf"}}[kind]
		v := &models.AssetVersion{ID: "ver_" + id, AssetID: id, Number: 1, ObjectKey: "k/" + id, Filename: "a",
			Kind: kind, Format: pick(rnd, format...), MimeType: "x/y", CreatedAt: created,
			Antivirus: models.Antivirus{Status: pick(rnd, models.ScanClean, models.ScanClean, models.ScanPending, models.ScanInfected)}}
		if shape := shapes[rnd.IntN(len(shapes))]; kind == models.KindImage && shape[0] > 0 {
			v.Width, v.Height = &shape[0], &shape[1]
			fa.values[models.FacetOrientation] = []string{orientationOf(shape)}
			fa.values[models.FacetResolution] = []string{resolutionOf(shape)}
		}
		a.AssetVersion = v
		if err := db.CreateAsset(ctx, a, v, nil); err != nil {
			t.Fatal(err)
		}
		fa.values[models.FacetKind] = []string{string(kind)}
		fa.values[models.FacetFormat] = []string{v.Format}
		fa.values[models.FacetStatus] = []string{string(a.Status)}
		fa.values[models.FacetYear] = []string{strconv.Itoa(created.Year())}
		fa.values[models.FacetAntivirus] = []string{string(v.Antivirus.Status)}
		fa.values[models.FacetModeration] = []string{string(a.Moderation.Status)}
		var tagIDs []string
		for _, tg := range tags {
			if rnd.IntN(3) == 0 {
				tagIDs = append(tagIDs, tg.ID)
				fa.values[models.FacetTag] = append(fa.values[models.FacetTag], tg.Name)
			}
		}
		if len(tagIDs) > 0 {
			if err := db.AddAssetTags(ctx, []string{id}, tagIDs); err != nil {
				t.Fatal(err)
			}
		}
		for _, st := range []string{"sky", "tree"} {
			if rnd.IntN(3) == 0 {
				fa.values[models.FacetSmartTag] = append(fa.values[models.FacetSmartTag], st)
				if err := db.Gorm().Create(&models.AssetSmartTag{AssetID: id, NameKey: st}).Error; err != nil {
					t.Fatal(err)
				}
			}
		}
		for p := range rnd.IntN(3) {
			c := models.AssetColor{AssetID: id, Position: p, Red: rnd.IntN(256), Green: rnd.IntN(256), Blue: rnd.IntN(256)}
			if err := db.Gorm().Create(&c).Error; err != nil {
				t.Fatal(err)
			}
			if f := colorFamilyOf(models.Color{Red: c.Red, Green: c.Green, Blue: c.Blue}); !slices.Contains(fa.values[models.FacetColorFamily], f) {
				fa.values[models.FacetColorFamily] = append(fa.values[models.FacetColorFamily], f)
			}
		}
		out = append(out, fa)
	}
	return out, parent
}

func pick[T any](rnd *rand.Rand, list ...T) T { return list[rnd.IntN(len(list))] }

func orientationOf(s [2]int) string {
	switch {
	case s[0] > s[1]:
		return "LANDSCAPE"
	case s[0] < s[1]:
		return "PORTRAIT"
	}
	return "SQUARE"
}

func resolutionOf(s [2]int) string {
	switch px := s[0] * s[1]; {
	case px < 1_000_000:
		return "SMALL"
	case px < 8_000_000:
		return "MEDIUM"
	}
	return "LARGE"
}

// oneOf is a condition "the facet's value is one of these", drawn from the values the facet has.
func oneOf(rnd *rand.Rand, facet models.Facet, all []string, set func(f *models.AssetFilter, vals []string)) facetCond {
	var vals []string
	for _, v := range all {
		if rnd.IntN(2) == 0 {
			vals = append(vals, v)
		}
	}
	if len(vals) == 0 {
		vals = all[:1]
	}
	return facetCond{facet: facet, set: func(f *models.AssetFilter) { set(f, vals) }, holds: func(a *facetAsset) bool {
		for _, v := range a.values[facet] {
			if slices.Contains(vals, v) {
				return true
			}
		}
		return false
	}}
}

func enums[T ~string](vals []string) []T {
	out := make([]T, len(vals))
	for i, v := range vals {
		out[i] = T(v)
	}
	return out
}

// randomConds draws conditions on distinct facets; management ones only for readers who may use them.
func randomConds(rnd *rand.Rand, public bool, parent map[string]string) []facetCond {
	gen := []func() facetCond{
		func() facetCond {
			return oneOf(rnd, models.FacetKind, []string{"IMAGE", "VIDEO", "DOCUMENT"}, func(f *models.AssetFilter, v []string) {
				f.Kind = &models.KindFilter{In: enums[models.AssetKind](v)}
			})
		},
		func() facetCond {
			return oneOf(rnd, models.FacetFormat, []string{"png", "jpeg", "webp", "mp4", "pdf"}, func(f *models.AssetFilter, v []string) {
				f.Format = &models.StringFilter{In: v}
			})
		},
		func() facetCond {
			return oneOf(rnd, models.FacetStatus, []string{"PUBLIC", "PRIVATE"}, func(f *models.AssetFilter, v []string) {
				f.Status = &models.StatusFilter{In: enums[models.AssetStatus](v)}
			})
		},
		func() facetCond {
			return oneOf(rnd, models.FacetTag, []string{"Red", "Blue", "Car", "Night"}, func(f *models.AssetFilter, v []string) {
				f.Tags = &models.TagsFilter{AnyIn: v}
			})
		},
		func() facetCond {
			return oneOf(rnd, models.FacetSmartTag, []string{"sky", "tree"}, func(f *models.AssetFilter, v []string) {
				f.SmartTags = &models.TagsFilter{AnyIn: v}
			})
		},
		func() facetCond {
			return oneOf(rnd, models.FacetOrientation, []string{"LANDSCAPE", "PORTRAIT", "SQUARE"}, func(f *models.AssetFilter, v []string) {
				f.Orientation = &models.OrientationFilter{In: enums[models.Orientation](v)}
			})
		},
		func() facetCond {
			return oneOf(rnd, models.FacetResolution, []string{"SMALL", "MEDIUM", "LARGE"}, func(f *models.AssetFilter, v []string) {
				f.Resolution = &models.ResolutionFilter{In: enums[models.Resolution](v)}
			})
		},
		func() facetCond {
			return oneOf(rnd, models.FacetColorFamily, []string{"RED", "GREEN", "BLUE", "GRAY", "YELLOW", "PURPLE"}, func(f *models.AssetFilter, v []string) {
				f.ColorFamily = &models.ColorFamilyFilter{AnyIn: enums[models.ColorFamily](v)}
			})
		},
		func() facetCond {
			// The collection with everything below it.
			col := pick(rnd, "col_0", "col_1", "col_2")
			yes := true
			return facetCond{facet: models.FacetCollection,
				set: func(f *models.AssetFilter) { f.Collection = &models.CollectionFilter{Eq: &col, Descendants: &yes} },
				holds: func(a *facetAsset) bool {
					for _, c := range a.values[models.FacetCollection] {
						if c == col || parent[c] == col {
							return true
						}
					}
					return false
				}}
		},
		func() facetCond {
			from := time.Date(2024+rnd.IntN(3), time.Month(1+rnd.IntN(12)), 1, 0, 0, 0, 0, time.UTC)
			return facetCond{facet: models.FacetYear,
				set:   func(f *models.AssetFilter) { f.CreatedAt = &models.TimeFilter{Gte: &from} },
				holds: func(a *facetAsset) bool { return !a.row.CreatedAt.Before(from) }}
		},
	}
	if !public {
		gen = append(gen,
			func() facetCond {
				return oneOf(rnd, models.FacetAntivirus, []string{"CLEAN", "PENDING", "INFECTED"}, func(f *models.AssetFilter, v []string) {
					f.Antivirus = &models.AntivirusFilter{Status: &models.ScanStatusFilter{In: enums[models.ScanStatus](v)}}
				})
			},
			func() facetCond {
				return oneOf(rnd, models.FacetModeration, []string{"APPROVED", "PENDING", "REJECTED"}, func(f *models.AssetFilter, v []string) {
					f.Moderation = &models.ModerationFilter{Status: &models.ModerationStatusFilter{In: enums[models.ModerationStatus](v)}}
				})
			})
	}
	rnd.Shuffle(len(gen), func(i, j int) { gen[i], gen[j] = gen[j], gen[i] })
	out := make([]facetCond, rnd.IntN(4))
	for i := range out {
		out[i] = gen[i]()
	}
	return out
}

// Facet counts agree with a brute-force count over the same rows: for random filters, random readers
// (editors, and delivery at a fixed instant) and every facet, each value's count is the number of
// visible assets that meet every top-level condition but the facet's own, and a condition nested in
// an AND still holds for its own facet.
func TestFacetsMatchBruteForce(t *testing.T) {
	testdb.Each(t, func(t *testing.T, url string) {
		db, ctx := open(t, url), t.Context()
		seed := uint64(time.Now().UnixNano())
		t.Logf("seed %d", seed)
		rnd := rand.New(rand.NewPCG(seed, 16))
		at := models.Now()
		assets, parent := seedFacetAssets(t, db, rnd, 120, at)
		for round := range 40 {
			public := round%2 == 1
			vis := models.Visibility{PublicOnly: public, At: at}
			top := randomConds(rnd, public, parent)
			nested := randomConds(rnd, public, parent)
			f := &models.AssetFilter{}
			for _, c := range top {
				c.set(f)
			}
			if len(nested) > 0 {
				sub := &models.AssetFilter{}
				nested[0].set(sub)
				f.AND = []*models.AssetFilter{sub}
			}
			for _, facet := range models.Facets() {
				if public && (facet == models.FacetAntivirus || facet == models.FacetModeration) {
					continue
				}
				want := map[string]int64{}
				for _, a := range assets {
					if !visibleTo(a, public, at) || (len(nested) > 0 && !nested[0].holds(a)) {
						continue
					}
					if slices.ContainsFunc(top, func(c facetCond) bool { return c.facet != facet && !c.holds(a) }) {
						continue
					}
					for _, v := range a.values[facet] {
						want[v]++
					}
				}
				got, err := db.CountFacet(ctx, models.FacetQuery{Filter: f, Facet: facet, Limit: models.MaxFacetValues, Visibility: vis})
				if err != nil {
					t.Fatalf("round %d %s: %v", round, facet, err)
				}
				gotMap := map[string]int64{}
				for i, v := range got {
					gotMap[v.Value] = v.Count
					if i > 0 && v.Count > got[i-1].Count {
						t.Errorf("round %d %s: not most frequent first: %v", round, facet, got)
					}
				}
				if !maps.Equal(gotMap, want) {
					t.Errorf("round %d (public %v) %s over %d top conditions: got %v, brute force %v", round, public, facet, len(top), gotMap, want)
				}
				if len(got) > 2 {
					first, err := db.CountFacet(ctx, models.FacetQuery{Filter: f, Facet: facet, Limit: 2, Visibility: vis})
					if err != nil || len(first) != 2 || *first[0] != *got[0] || first[1].Count != got[1].Count {
						t.Errorf("round %d %s: top 2 %v (%v), of %v", round, facet, first, err, got)
					}
				}
			}
		}
	})
}

func visibleTo(a *facetAsset, public bool, at time.Time) bool {
	if public {
		return (models.Availability{At: at}).Check(a.row) == models.Deliverable
	}
	return a.row.DeletedAt == nil
}

// A delivery reader may not count what only management may filter by.
func TestFacetsRefuseManagementFacetsToDelivery(t *testing.T) {
	db := open(t, testdb.SQLite(t))
	for _, facet := range []models.Facet{models.FacetAntivirus, models.FacetModeration} {
		_, err := db.CountFacet(t.Context(), models.FacetQuery{Facet: facet, Limit: 10, Visibility: models.Visibility{PublicOnly: true}})
		var forbidden *models.FilterForbiddenError
		if !errors.As(err, &forbidden) {
			t.Errorf("%s for delivery: %v, want a refusal", facet, err)
		}
	}
}
