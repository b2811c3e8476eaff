package server_test

import (
	"context"
	"net/http"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/jobs"
	"github.com/mediagraph/mediagraph/models"
)

type analyzedAsset struct {
	ID              string
	Width, Height   *int
	Blurhash        *string
	Colors          []struct{ Red int }
	ProcessingError *string
	Analysis        struct {
		Status     string
		AnalyzedAt *string
	}
	ResponsiveImage *struct {
		Base64  *string
		BgColor *string
	}
}

const pendingFields = `id width height blurhash colors { red } processingError analysis { status analyzedAt }
	responsiveImage(params: { w: 200 }) { base64 bgColor }`

const analyzedQuery = `query($id: ID!) { asset(id: $id) { ` + pendingFields + ` } }`

// analyzedFacts waits until the analysis of asset id has ended and returns what the API then says.
func analyzedFacts(t *testing.T, s *apptest.Server, token, id string) analyzedAsset {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(20 * time.Millisecond) {
		var out struct{ Asset analyzedAsset }
		s.Must(token, analyzedQuery, map[string]any{"id": id}, &out)
		if out.Asset.Analysis.Status != "PENDING" {
			return out.Asset
		}
		if time.Now().After(deadline) {
			t.Fatalf("asset %s still PENDING after a minute", id)
		}
	}
}

// TestUploadAnswersBeforePixelsAreDecoded: an upload answers with what the image's header says, and
// a background job adds the pixel facts, reporting PENDING then DONE (or FAILED for damaged pixels)
// and an asset.analyzed event for each.
func TestUploadAnswersBeforePixelsAreDecoded(t *testing.T) {
	testdb.Each(t, func(t *testing.T, url string) {
		sub := &analyzedEvents{}
		s := apptest.StartSubscribed(t, url, []jobs.Subscriber{sub.receive})
		editor := s.Token("EDITOR")
		// The upload answers from the catalogue right after its commit; the job that decodes the
		// photo's 12 megapixels starts only after the outbox's drain has queued it, and takes far
		// longer than that answer. An upload that decoded first would answer with every fact.
		var up struct{ UploadAssets []analyzedAsset }
		s.Multipart(editor, `mutation($files: [Upload!]!) { uploadAssets(files: $files) { `+pendingFields+` } }`,
			map[string]any{"files": []any{nil}}, []string{"variables.files.0"}, apptest.Fixture(t, "photo-12mp.jpg")).Decode(t, &up)
		a := up.UploadAssets[0]
		id := a.ID
		if a.Analysis.Status != "PENDING" || a.Analysis.AnalyzedAt != nil || a.Width == nil || a.Height == nil {
			t.Fatalf("the upload answered analysis %+v, %v×%v; want PENDING with the header's size", a.Analysis, a.Width, a.Height)
		}
		if a.Blurhash != nil || len(a.Colors) > 0 || a.ResponsiveImage == nil || a.ResponsiveImage.Base64 != nil || a.ResponsiveImage.BgColor != nil {
			t.Errorf("pixel facts before the pixels were decoded: %+v", a)
		}

		done := analyzedFacts(t, s, editor, id)
		if done.Analysis.Status != "DONE" || done.Analysis.AnalyzedAt == nil || done.ProcessingError != nil {
			t.Errorf("after the job: analysis %+v, processing error %v", done.Analysis, done.ProcessingError)
		}
		if done.Blurhash == nil || len(done.Colors) == 0 || done.ResponsiveImage.Base64 == nil || done.ResponsiveImage.BgColor == nil {
			t.Errorf("after the job the pixel facts are missing: %+v", done)
		}
		if *done.Width != *a.Width || *done.Height != *a.Height {
			t.Errorf("the header said %d×%d, the decode %d×%d", *a.Width, *a.Height, *done.Width, *done.Height)
		}

		f, err := os.Open(fixtures.HostilePath("damaged-huffman.jpg"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		damaged := s.MustUpload(editor, map[string]any{"status": "PUBLIC"}, apptest.File{Name: "damaged.jpg", Content: f})[0].ID
		// A transform does not wait for the job, nor is it made from a partial decode: it completes
		// the analysis, which finds the damage.
		if got := fetch(t, s, http.MethodGet, gateTransform(damaged, "damaged.jpg", map[string]any{"w": 800, "fm": "WEBP"}), "", nil); got.Status != http.StatusBadRequest {
			t.Errorf("a transform of damaged pixels still pending analysis: HTTP %d", got.Status)
		}
		bad := analyzedFacts(t, s, editor, damaged)
		if bad.Analysis.Status != "FAILED" || bad.ProcessingError == nil || bad.Blurhash != nil || bad.Width == nil {
			t.Errorf("damaged pixels: analysis %+v, error %v, blurhash %v, width %v", bad.Analysis, bad.ProcessingError, bad.Blurhash, bad.Width)
		}

		// Bytes with no pixels to decode are complete when the upload answers.
		pdf := s.MustUpload(editor, nil, apptest.Fixture(t, "document-3-pages.pdf"))[0].ID
		var doc struct{ Asset analyzedAsset }
		if s.Must(editor, analyzedQuery, map[string]any{"id": pdf}, &doc); doc.Asset.Analysis.Status != "DONE" {
			t.Errorf("a PDF's analysis is %s when its upload answers", doc.Asset.Analysis.Status)
		}

		s.Settle()
		delivered(t, s.App.DB)
		if got, want := sub.assets(), slices.Sorted(slices.Values([]string{id, damaged})); !slices.Equal(got, want) {
			t.Errorf("asset.analyzed for %v, want one each for %v", got, want)
		}
	})
}

// analyzedEvents keeps the assets of the asset.analyzed events delivered, once each.
type analyzedEvents struct {
	mu   sync.Mutex
	seen map[string]bool
	ids  []string
}

func (a *analyzedEvents) receive(_ context.Context, events []models.Event) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, e := range events {
		if e.Kind == models.EventAssetAnalyzed && !a.seen[e.ID] {
			if a.seen == nil {
				a.seen = map[string]bool{}
			}
			a.seen[e.ID] = true
			a.ids = append(a.ids, e.AssetIDs...)
		}
	}
	return nil
}

func (a *analyzedEvents) assets() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return slices.Sorted(slices.Values(a.ids))
}
