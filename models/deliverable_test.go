package models_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/models"
)

// The availability predicate's two forms agree: over every combination of status, trash and window
// (boundaries just before, at and after the instant), the SQL form selects exactly the assets the Go
// form lets through; and the next boundary is the earliest one ahead.
func TestAvailabilityFormsAgree(t *testing.T) {
	testdb.Each(t, func(t *testing.T, url string) {
		db, ctx := open(t, url), t.Context()
		at := models.Now()
		bounds := []*time.Time{nil, ptr(at.Add(-time.Second)), ptr(at), ptr(at.Add(time.Second))}
		var all []*models.Asset
		for _, status := range []models.AssetStatus{models.StatusPublic, models.StatusPrivate} {
			for _, deleted := range []*time.Time{nil, ptr(at.Add(-time.Hour))} {
				for _, review := range []models.ModerationStatus{models.ModerationApproved, models.ModerationPending, models.ModerationRejected} {
					for _, from := range bounds {
						for _, until := range bounds {
							id := fmt.Sprintf("ast_%03d", len(all))
							a := &models.Asset{ID: id, Status: status, Filename: "a.png", Basename: "a", Version: 1,
								DeletedAt: deleted, AvailableFrom: from, AvailableUntil: until, CreatedAt: at, UpdatedAt: at,
								Moderation: models.Moderation{Status: review}}
							v := &models.AssetVersion{ID: "ver_" + id, AssetID: id, Number: 1, ObjectKey: "k/" + id, Filename: "a.png",
								Kind: models.KindImage, Format: "png", MimeType: "image/png", CreatedAt: at}
							a.AssetVersion = v
							if err := db.CreateAsset(ctx, a, v, nil); err != nil {
								t.Fatal(err)
							}
							all = append(all, a)
						}
					}
				}
			}
		}
		ids := make([]string, len(all))
		var want []string
		for i, a := range all {
			ids[i] = a.ID
			if (models.Availability{At: at}).Check(a) == models.Deliverable {
				want = append(want, a.ID)
			}
		}
		if len(want) == 0 || len(want) == len(all) {
			t.Fatalf("%d of %d assets deliverable: the cases do not tell the forms apart", len(want), len(all))
		}
		found, err := db.AssetsByID(ctx, ids, models.Visibility{PublicOnly: true, At: at})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, a := range found {
			got = append(got, a.ID)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) || len(want) == 0 {
			t.Errorf("SQL selects %v, Check lets through %v", got, want)
		}
		next, err := db.NextAvailabilityChange(ctx, at)
		if err != nil || !next.Equal(at.Add(time.Second)) {
			t.Errorf("next boundary after %v: %v, %v; want a second later", at, next, err)
		}
		if next, err := db.NextAvailabilityChange(ctx, at.Add(time.Hour)); err != nil || !next.IsZero() {
			t.Errorf("next boundary past them all: %v, %v; want none", next, err)
		}
	})
}

func ptr[T any](v T) *T { return &v }
