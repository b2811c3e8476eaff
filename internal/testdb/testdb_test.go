package testdb_test

import (
	"context"
	"testing"

	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/internal/testenv"
	"github.com/mediagraph/mediagraph/models"
)

func TestMain(m *testing.M) { testenv.Main(m) }

// Each backend hands out databases that are empty and independent of each other.
func TestDatabasesAreFreshAndSeparate(t *testing.T) {
	testdb.Each(t, func(t *testing.T, url string) {
		ctx := context.Background()
		db, err := models.Open(url)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Secret(ctx, "k"); err != nil {
			t.Fatal(err)
		}
		var n int64
		if err := db.Gorm().WithContext(ctx).Model(&models.Setting{}).Count(&n).Error; err != nil || n != 1 {
			t.Fatalf("settings: %d rows, err %v", n, err)
		}
	})
}
