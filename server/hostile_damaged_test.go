package server_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/media/imaging"
	"github.com/mediagraph/mediagraph/models"
)

// damagedFiles are the hostile set's images whose header reads but whose pixel data does not, with
// the size their header gives and a transform that decodes the damaged part.
var damagedFiles = []struct {
	name          string
	width, height int
	failing       map[string]any
}{
	{"damaged-huffman.jpg", 800, 1200, map[string]any{"w": 800, "fm": "WEBP"}},
	{"damaged-frames.gif", 200, 200, map[string]any{"w": 100, "fm": "GIF"}},
}

type damagedAsset struct {
	Kind            string
	Width, Height   *int
	Size            int64
	Sha256          string
	ProcessingError *string
}

func damagedFacts(t *testing.T, s *apptest.Server, token, id string) damagedAsset {
	t.Helper()
	var out struct{ Asset damagedAsset }
	s.Must(token, `query($id: ID!) { asset(id: $id) { kind width height size sha256 processingError } }`, map[string]any{"id": id}, &out)
	return out.Asset
}

// offersResponsiveImage reports whether the API gives token a responsive image of asset id: it does
// not for an image known to be damaged, which the gate would refuse to transform.
func offersResponsiveImage(t *testing.T, s *apptest.Server, token, id string) bool {
	t.Helper()
	var out struct {
		Asset struct{ ResponsiveImage *struct{ Src string } }
	}
	s.Must(token, `query($id: ID!) { asset(id: $id) { responsiveImage { src } } }`, map[string]any{"id": id}, &out)
	return out.Asset.ResponsiveImage != nil
}

// gateTransform is the gate URL of a transform of asset id: built by hand, since the API gives no
// transform URL of an image known to be damaged.
func gateTransform(id, name string, params map[string]any) string {
	q := url.Values{}
	for k, v := range params {
		q.Set(k, strings.ToLower(fmt.Sprint(v)))
	}
	return "/media/asset/" + id + "/" + name + "?" + q.Encode()
}

func uploadHostile(t *testing.T, s *apptest.Server, token, name string) (id string, content []byte) {
	t.Helper()
	content = fixtures.Read(t, "../hostile/"+name)
	f, err := os.Open(fixtures.HostilePath(name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	id = s.MustUpload(token, map[string]any{"status": "PUBLIC"}, apptest.File{Name: name, Content: f})[0].ID
	s.Settle() // the damage is found by the analysis of the pixels, after the upload answered
	return id, content
}

// wantDamageRefused checks a transform was refused as the client's problem, saying why without
// revealing anything of the server.
func wantDamageRefused(t *testing.T, what string, f fetched) {
	t.Helper()
	wantGateError(t, what, f, http.StatusBadRequest, "VALIDATION_FAILED")
	if body := string(f.Body); !strings.Contains(body, "the image data is damaged") || strings.Contains(body, "/tmp") || strings.Contains(body, "Stack") {
		t.Errorf("%s: body %s: want the damage named and nothing of the server", what, body)
	}
}

func wantDamageRecorded(t *testing.T, a damagedAsset) {
	t.Helper()
	if a.ProcessingError == nil || !strings.HasPrefix(*a.ProcessingError, "the image data is damaged: ") || strings.ContainsAny(*a.ProcessingError, "/\n") {
		t.Errorf("processingError = %v, want the damage, on one line, with no path", a.ProcessingError)
	}
}

// TestDamagedImagesDecodedOnce uploads each damaged file and checks that ingest finds the damage,
// keeps the file as sent, and that transforms are refused from the record, never decoding again.
func TestDamagedImagesDecodedOnce(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		editor := s.Token("EDITOR")
		for _, d := range damagedFiles {
			t.Run(d.name, func(t *testing.T) {
				before := imaging.Decodes()
				id, content := uploadHostile(t, s, editor, d.name)
				a := damagedFacts(t, s, editor, id)
				wantDamageRecorded(t, a)
				sum := sha256.Sum256(content)
				if a.Kind != "IMAGE" || a.Width == nil || a.Height == nil || *a.Width != d.width || *a.Height != d.height ||
					a.Size != int64(len(content)) || a.Sha256 != hex.EncodeToString(sum[:]) {
					t.Errorf("asset %+v: want the IMAGE of %d×%d as its header says, stored as sent", a, d.width, d.height)
				}
				for i := range 5 {
					path := gateTransform(id, d.name, map[string]any{"w": 100 + 10*i, "fm": []string{"JPG", "PNG", "WEBP", "GIF", "AVIF"}[i]})
					wantDamageRefused(t, fmt.Sprintf("transform %d", i), fetch(t, s, http.MethodGet, path, "", nil))
				}
				s.App.Media.Deliver.Settle()
				if n := imaging.Decodes() - before; n != 1 {
					t.Errorf("%d decodes for an upload and 5 transforms, want 1 (ingest's)", n)
				}
			})
		}
	})
}

// TestDamageFoundByATransformIsRecorded covers files stored before ingest looked for damage: the
// first transform that fails on it records it, for every instance, and the next is refused unread.
func TestDamageFoundByATransformIsRecorded(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		editor, delivery := s.Token("EDITOR"), s.Token("DELIVERY")
		for _, d := range damagedFiles {
			t.Run(d.name, func(t *testing.T) {
				id, _ := uploadHostile(t, s, editor, d.name)
				// Behind the catalogue's back, as a file stored before ingest looked for damage.
				if err := s.App.DB.Gorm().Exec(`UPDATE asset_versions SET processing_error = NULL WHERE asset_id = ?`, id).Error; err != nil {
					t.Fatal(err)
				}
				if a := damagedFacts(t, s, editor, id); a.ProcessingError != nil {
					t.Fatalf("processingError %q left", *a.ProcessingError)
				}
				if !offersResponsiveImage(t, s, delivery, id) { // now in the delivery cache
					t.Fatal("no responsive image of an image not known to be damaged")
				}
				updates := assetUpdates(t, s, id)
				before := imaging.Decodes()
				wantDamageRefused(t, "first transform", fetch(t, s, http.MethodGet, gateTransform(id, d.name, d.failing), "", nil))
				wantDamageRecorded(t, damagedFacts(t, s, editor, id))
				if offersResponsiveImage(t, s, delivery, id) {
					t.Error("DELIVERY tokens are still offered a responsive image of an image found damaged")
				}
				if n := assetUpdates(t, s, id) - updates; n != 1 {
					t.Errorf("%d asset.updated events for the damage found, want 1", n)
				}
				afterFirst := imaging.Decodes()
				wantDamageRefused(t, "second transform", fetch(t, s, http.MethodGet, gateTransform(id, d.name, map[string]any{"w": 64}), "", nil))
				s.App.Media.Deliver.Settle()
				if n := imaging.Decodes() - afterFirst; n != 0 {
					t.Errorf("the second transform decoded %d times, want 0", n)
				}
				if n := assetUpdates(t, s, id) - updates; n != 1 {
					t.Errorf("%d asset.updated events after a refusal from the record, want still 1", n)
				}
				// The transform's own decode, and at most the check that calls its failure damage.
				if n := afterFirst - before; n < 1 || n > 2 {
					t.Errorf("the first transform decoded %d times, want the transform's and at most one check", n)
				}
			})
		}
	})
}

// assetUpdates counts the asset.updated events in the outbox that concern asset id.
func assetUpdates(t *testing.T, s *apptest.Server, id string) int {
	t.Helper()
	var n int
	if err := s.App.DB.Gorm().Raw(`SELECT COUNT(*) FROM events WHERE kind = ? AND asset_ids LIKE ?`, models.EventAssetUpdated, "%"+id+"%").Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}
