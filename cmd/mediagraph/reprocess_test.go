package main

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/internal/testenv"
	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/catalogue"
	"github.com/mediagraph/mediagraph/media/intake"
	"gorm.io/gorm"
)

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		main() // the server subprocess of the crash tests
		os.Exit(0)
	}
	testenv.Main(m)
}

func TestReprocess(t *testing.T) {
	testdb.Each(t, func(t *testing.T, url string) {
		c := newCLI(t)
		if strings.HasPrefix(url, "postgres") {
			t.Setenv("DATABASE_URL", url)
		}
		ctx := access.WithPrincipal(context.Background(), access.Operator)
		app := c.open()
		var ids []string
		for _, name := range []string{"photo-12mp.jpg", "clip.mp4"} {
			f, err := os.Open(fixtures.Path(name))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			assets, err := app.Media.Intake.UploadAssets(ctx, []intake.UploadFile{{Name: name, Size: -1, Body: f}}, intake.UploadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, assets[0].ID)
		}
		// An animation replaced by a still: its first version is reprocessed by its own bytes.
		fixture := func(name string) intake.UploadFile {
			f := apptest.Fixture(t, name)
			return intake.UploadFile{Name: f.Name, Size: -1, Body: f.Content}
		}
		anim, err := app.Media.Intake.UploadAssets(ctx, []intake.UploadFile{fixture("anim.gif")}, intake.UploadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := app.Media.Intake.ReplaceAsset(ctx, anim[0].ID, fixture("alpha.png"), catalogue.ReplaceRules{}); err != nil {
			t.Fatal(err)
		}
		// As if the assets came from a version that knew less; an editor has set the copyright since.
		db := app.DB.Gorm()
		for _, stmt := range []string{
			"UPDATE asset_versions SET blurhash = NULL, duration = NULL, analysis = NULL, analyzed_at = NULL",
			"UPDATE assets SET author = NULL, copyright = 'Mine'",
			"DELETE FROM asset_smart_tags", "DELETE FROM asset_metadata",
		} {
			if err := db.Exec(stmt).Error; err != nil {
				t.Fatal(err)
			}
		}
		var updatesBefore int64
		countUpdates := func(db *gorm.DB, into *int64) {
			db.Raw("SELECT count(*) FROM events WHERE kind = 'asset.updated' AND asset_ids LIKE ?", "%"+anim[0].ID+"%").Scan(into)
		}
		countUpdates(db, &updatesBefore)
		app.Close()

		if out := c.must("reprocess", "--all"); out != "reprocessed 3 of 3 assets, 0 failed\n" {
			t.Errorf("reprocess --all printed %q", out)
		}
		app = c.open()
		db = app.DB.Gorm()
		var photo struct {
			Blurhash, Author, Copyright *string
			Analysis                    *string
		}
		if err := db.Raw(`SELECT v.blurhash, a.author, a.copyright, v.analysis FROM assets a
			JOIN asset_versions v ON v.asset_id = a.id AND v.number = a.version WHERE a.id = ?`, ids[0]).Scan(&photo).Error; err != nil {
			t.Fatal(err)
		}
		if photo.Blurhash == nil || photo.Analysis == nil || !strings.Contains(*photo.Analysis, `"make":"Canon"`) {
			t.Errorf("photo not analyzed again: %+v", photo)
		}
		if photo.Author == nil || *photo.Author != "Ada Lovelace" || photo.Copyright == nil || *photo.Copyright != "Mine" {
			t.Errorf("credits: author %v, copyright %v; want the file's author and the editor's copyright", photo.Author, photo.Copyright)
		}
		var tags, titles, duration int64
		db.Raw("SELECT count(*) FROM asset_smart_tags").Scan(&tags)
		db.Raw("SELECT count(*) FROM asset_metadata WHERE title = 'Duomo at dawn'").Scan(&titles)
		db.Raw("SELECT count(*) FROM asset_versions WHERE duration > 4.9 AND duration < 5.1").Scan(&duration)
		if tags != 2 || titles != 1 || duration != 1 {
			t.Errorf("smart tags %d (want 2), titles %d (want 1), videos of 5 s %d (want 1)", tags, titles, duration)
		}
		var first struct{ Analysis *string }
		db.Raw("SELECT analysis FROM asset_versions WHERE asset_id = ? AND number = 1", anim[0].ID).Scan(&first)
		if first.Analysis == nil || !strings.Contains(*first.Analysis, `"frameCount":4`) {
			t.Errorf("the replaced GIF's own version was not reanalyzed: %v", first.Analysis)
		}
		// One update of the replaced GIF per version analyzed: its first and its current one.
		var updatesAfter int64
		countUpdates(db, &updatesAfter)
		if updatesAfter-updatesBefore != 2 {
			t.Errorf("reprocessing the replaced GIF recorded %d asset.updated events, want 2", updatesAfter-updatesBefore)
		}
		app.Close()

		if out := c.must("reprocess", ids[1]); out != "reprocessed 1 of 1 assets, 0 failed\n" {
			t.Errorf("reprocess ID printed %q", out)
		}
		for _, args := range [][]string{{"reprocess"}, {"reprocess", "--all", ids[0]}, {"reprocess", "ast_01hzzzzzzzzzzzzzzzzzzzzzzz"}} {
			if _, err := c.run(args...); err == nil {
				t.Errorf("mediagraph %v succeeded", args)
			}
		}
	})
}
