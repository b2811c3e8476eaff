package server_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/internal/testclamd"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/storage"
)

type scanState struct {
	Status     string
	ThreatName *string
	Attempts   int
	Error      *string
	ScannedAt  *time.Time
}

type scannedAsset struct {
	ID           string
	Version      int
	URL          string
	SignedURL    string
	TransformURL string
	Antivirus    scanState
	Versions     []struct {
		Number    int
		Antivirus scanState
	}
}

const scannedQuery = `query($id: ID!) { asset(id: $id) { id version url signedUrl: url(signed: true) transformUrl
	antivirus { status threatName attempts error scannedAt } versions { number antivirus { status threatName attempts error scannedAt } } } }`

func scanOf(t *testing.T, s *apptest.Server, token, id string) scannedAsset {
	t.Helper()
	var out struct{ Asset scannedAsset }
	s.Must(token, scannedQuery, map[string]any{"id": id}, &out)
	return out.Asset
}

// waitScan polls the asset until its current version's scan meets done; a scan is a background job.
func waitScan(t *testing.T, s *apptest.Server, token, id string, done func(scanState) bool) scannedAsset {
	t.Helper()
	var a scannedAsset
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(25 * time.Millisecond) {
		if a = scanOf(t, s, token, id); done(a.Antivirus) {
			return a
		}
	}
	t.Fatalf("asset %s: scan still %+v after two minutes", id, a.Antivirus)
	return a
}

func scanned(st scanState) bool { return st.Status != "PENDING" }

// gateGet fetches delivery bytes with token ("" for none) and returns the status and the code of a
// refusal's JSON body.
func gateGet(t *testing.T, url, token string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body struct{ Code string }
	if res.StatusCode >= 400 {
		json.NewDecoder(res.Body).Decode(&body)
	}
	return res.StatusCode, body.Code
}

// eicarServer serves the EICAR file on 127.0.0.2, the loopback address createAssetFromUrl is let reach.
func eicarServer(t *testing.T, eicar []byte) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Fatalf("listen on 127.0.0.2: %v", err)
	}
	srv := &httptest.Server{Listener: l, Config: &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Write(eicar)
	})}}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv.URL + "/eicar.com.txt"
}

func versionKey(t *testing.T, s *apptest.Server, id string, number int) string {
	t.Helper()
	v, err := s.App.DB.VersionByNumber(t.Context(), id, number)
	if err != nil {
		t.Fatal(err)
	}
	return v.ObjectKey
}

// wantQuarantined checks an infected version: the threat named, every delivery path refused with
// ASSET_QUARANTINED, its bytes moved out of the served keys.
func wantQuarantined(t *testing.T, s *apptest.Server, editor, what string, a scannedAsset) {
	t.Helper()
	av := a.Antivirus
	if av.Status != "INFECTED" || av.ThreatName == nil || !strings.HasPrefix(*av.ThreatName, "Mediagraph.EICAR") || av.ScannedAt == nil {
		t.Errorf("%s: scan %+v", what, av)
	}
	for name, c := range map[string]struct{ url, token string }{
		"gate, anonymous": {a.URL, ""}, "gate, editor": {a.URL, editor}, "signed grant": {a.SignedURL, ""},
		"versioned URL": {a.TransformURL, editor}, "transform": {a.URL + "?w=40", editor},
	} {
		if status, code := gateGet(t, c.url, c.token); status != http.StatusForbidden || code != "ASSET_QUARANTINED" {
			t.Errorf("%s, %s: HTTP %d %s, want 403 ASSET_QUARANTINED", what, name, status, code)
		}
	}
	// The verdict commits first, which stops delivery at once; the bytes move right after it.
	key := versionKey(t, s, a.ID, a.Version)
	store := s.App.Store()
	var err error
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if _, err = store.Head(t.Context(), key); errors.Is(err, storage.ErrNotFound) {
			break
		}
	}
	if !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("%s: bytes still at %s after a minute: %v", what, key, err)
	}
	if _, err := store.Head(t.Context(), models.QuarantineKey(key)); err != nil {
		t.Errorf("%s: bytes not in quarantine: %v", what, err)
	}
}

// storedTransforms waits for the transforms of an asset to be stored (after their response went out)
// and returns their keys.
func storedTransforms(t *testing.T, s *apptest.Server, id string) []string {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		var keys []string
		if err := s.App.DB.Gorm().Model(&models.Derivative{}).Where("asset_id = ?", id).Pluck("object_key", &keys).Error; err != nil {
			t.Fatal(err)
		}
		if len(keys) > 0 {
			return keys
		}
	}
	t.Fatal("the transform was not stored within a minute")
	return nil
}

func clamdConfig(addr string, more ...func(*config.Config)) func(*config.Config) {
	return func(c *config.Config) {
		c.ClamdAddr = addr
		c.ScanMaxBytes = 1_000_000
		c.ScanRetryBase = 300 * time.Millisecond
		c.UploadTypes = append(c.UploadTypes, "text/plain")
		c.FetchAllow = []netip.Prefix{netip.MustParsePrefix("127.0.0.2/32")}
		c.S3Delivery = "redirect" // with a bucket, originals are redirects to it: those are refused too
		for _, f := range more {
			f(c)
		}
	}
}

// Every way in is scanned by the real clamd: EICAR is INFECTED and quarantined, a clean JPEG CLEAN,
// files over either limit SKIPPED, a replacement scanned again; while clamd is down scans retry, and
// a transform made meanwhile is deleted with the verdict.
func TestAntivirusScansEveryWayIn(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		d := testclamd.Start(t, testclamd.Options{StreamMaxLength: "100K"})
		addr := d.TCP
		if strings.HasPrefix(t.Name(), "TestAntivirusScansEveryWayIn/sqlite") {
			addr = d.Socket
		}
		s := start(t, clamdConfig(addr))
		editor := s.Token("EDITOR")
		eicar := testclamd.EICAR(t)
		jpeg := fixtures.Read(t, "rotated-orientation-6.jpg")
		public := map[string]any{"status": "PUBLIC"}

		// clamd down: the scans wait, retrying; the bytes are served meanwhile (the default).
		d.Stop()
		infectedJPEG := s.MustUpload(editor, public, apptest.File{Name: "tainted.jpg", Content: bytes.NewReader(append(bytes.Clone(jpeg), eicar...))})[0].ID
		clean := s.MustUpload(editor, public, apptest.File{Name: "clean.jpg", Content: bytes.NewReader(jpeg)})[0].ID
		retrying := waitScan(t, s, editor, infectedJPEG, func(st scanState) bool { return st.Attempts >= 1 })
		if retrying.Antivirus.Status != "PENDING" || retrying.Antivirus.Error == nil {
			t.Errorf("while clamd is down: %+v", retrying.Antivirus)
		}
		if status, _ := gateGet(t, retrying.URL+"?w=40", ""); status != http.StatusOK {
			t.Fatalf("a transform of a PENDING image: HTTP %d", status)
		}
		derived := storedTransforms(t, s, infectedJPEG)
		d.Restart(t)

		if a := waitScan(t, s, editor, clean, scanned); a.Antivirus.Status != "CLEAN" {
			t.Errorf("clean JPEG after clamd came back: %+v", a.Antivirus)
		}
		a := waitScan(t, s, editor, infectedJPEG, scanned)
		wantQuarantined(t, s, editor, "JPEG carrying EICAR", a)
		if a.Antivirus.Attempts < 2 {
			t.Errorf("JPEG carrying EICAR: found at attempt %d, after clamd was down for the first", a.Antivirus.Attempts)
		}
		if s.Rows("derivatives") != 0 {
			t.Errorf("%d transform records left", s.Rows("derivatives"))
		}
		for _, k := range derived {
			if _, err := s.App.Store().Head(t.Context(), k); !errors.Is(err, storage.ErrNotFound) {
				t.Errorf("transform %s of the infected version still stored: %v", k, err)
			}
		}

		// Each way in.
		ids := map[string]string{}
		ids["uploadAssets"] = s.MustUpload(editor, public, apptest.File{Name: "eicar.com.txt", Content: bytes.NewReader(eicar)})[0].ID
		var fetched struct {
			CreateAssetFromURL struct{ ID string } `json:"createAssetFromUrl"`
		}
		s.Must(editor, `mutation($in: CreateAssetFromUrlInput!) { createAssetFromUrl(input: $in) { id } }`,
			map[string]any{"in": map[string]any{"url": eicarServer(t, eicar), "asset": public}}, &fetched)
		ids["createAssetFromUrl"] = fetched.CreateAssetFromURL.ID
		tk := newTickets(t, s, editor, map[string]any{"filename": "eicar.com.txt", "mimeType": "text/plain", "size": len(eicar), "status": "PUBLIC"})[0]
		if status, _ := put(t, tk.URL, tk.Headers, eicar, nil); status != http.StatusOK {
			t.Fatalf("signed PUT: HTTP %d", status)
		}
		var done completed
		s.Must(editor, completeUploads, map[string]any{"ids": []string{tk.ID}}, &done)
		ids["completeUploads"] = done.CompleteUploads[0].ID
		replaced := `mutation($id: ID!, $file: Upload!) { replaceAsset(id: $id, file: $file) { id version } }`
		r := s.Multipart(editor, replaced, map[string]any{"id": clean, "file": nil}, []string{"variables.file"},
			apptest.File{Name: "eicar.com.txt", Content: bytes.NewReader(eicar)})
		r.Decode(t, nil)
		ids["replaceAsset"] = clean
		for way, id := range ids {
			wantQuarantined(t, s, editor, way, waitScan(t, s, editor, id, scanned))
		}
		// The replaced version stays CLEAN and is still served at its own URL.
		if a := scanOf(t, s, editor, clean); a.Version != 2 || a.Versions[0].Antivirus.Status != "CLEAN" {
			t.Errorf("replaced asset: %+v", a)
		}
		if status, _ := gateGet(t, s.URL+"/media/v/"+clean+"/1/clean.jpg", ""); status != http.StatusOK {
			t.Errorf("the clean first version of a replaced asset: HTTP %d", status)
		}

		// Above our limit, and above clamd's StreamMaxLength (100K): SKIPPED, each with its reason.
		big := s.MustUpload(editor, nil, apptest.Fixture(t, "photo-12mp.jpg"))[0].ID
		over := s.MustUpload(editor, nil, apptest.Fixture(t, "cmyk.jpg"))[0].ID
		if a := waitScan(t, s, editor, big, scanned); a.Antivirus.Status != "SKIPPED" || a.Antivirus.Error == nil ||
			!strings.Contains(*a.Antivirus.Error, "MEDIAGRAPH_SCAN_MAX_BYTES") {
			t.Errorf("over our limit: %+v", a.Antivirus)
		}
		if a := waitScan(t, s, editor, over, scanned); a.Antivirus.Status != "SKIPPED" || a.Antivirus.Error == nil ||
			!strings.Contains(*a.Antivirus.Error, "StreamMaxLength") {
			t.Errorf("over clamd's limit: %+v", a.Antivirus)
		}

		// Editors filter by status; delivery tokens may neither filter nor read it.
		var list struct {
			Assets struct{ Nodes []struct{ ID string } }
		}
		filter := `query($f: AssetFilter) { assets(filter: $f, first: 50) { nodes { id } } }`
		infected := map[string]any{"antivirus": map[string]any{"status": map[string]any{"in": []string{"INFECTED"}}}}
		s.Must(editor, filter, map[string]any{"f": infected}, &list)
		if len(list.Assets.Nodes) != 5 {
			t.Errorf("INFECTED filter: %d assets, want 5", len(list.Assets.Nodes))
		}
		delivery := s.Token("DELIVERY")
		wantCode(t, "antivirus filter for delivery", s.Query(delivery, filter, map[string]any{"f": map[string]any{"OR": []any{infected}}}),
			"FORBIDDEN", "filter.OR[0].antivirus.status")
		r = s.Query(delivery, `query($id: ID!) { asset(id: $id) { id antivirus { status } } }`, map[string]any{"id": infectedJPEG})
		wantCode(t, "Asset.antivirus for delivery", r, "FORBIDDEN", "Asset.antivirus")
		if !strings.Contains(string(r.Data), `"antivirus":null`) {
			t.Errorf("Asset.antivirus for delivery: %s", r.Data)
		}

		// Each change of status was an event.
		var changes int64
		s.App.DB.Gorm().Model(&models.Event{}).Where("kind = ?", models.EventAssetAntivirusChanged).Count(&changes)
		if changes < 8 {
			t.Errorf("%d asset.antivirus_changed events, want one per verdict (8)", changes)
		}

		// The record stays until it is purged, which deletes the quarantined bytes too.
		gone := ids["uploadAssets"]
		key := models.QuarantineKey(versionKey(t, s, gone, 1))
		s.Must(editor, `mutation($ids: [ID!]!) { deleteAssets(ids: $ids) }`, map[string]any{"ids": []string{gone}}, nil)
		s.Must(editor, `mutation($ids: [ID!]!) { purgeAssets(ids: $ids) }`, map[string]any{"ids": []string{gone}}, nil)
		if _, err := s.App.Store().Head(t.Context(), key); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("purged asset's quarantined bytes: %v", err)
		}
	})
}

// A clamd that never answers: six attempts, then FAILED with the reason; with unscanned bytes not
// served, the gate refuses the file all along. Without a scanner, files are SKIPPED and served.
func TestAntivirusFailsAfterSixAttempts(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		dead := "tcp://" + l.Addr().String()
		l.Close()
		s := start(t, clamdConfig(dead, func(c *config.Config) {
			c.ScanRetryBase = time.Millisecond
			c.ServeUnscanned = false
		}))
		editor := s.Token("EDITOR")
		id := s.MustUpload(editor, map[string]any{"status": "PUBLIC"}, apptest.Fixture(t, "rotated-orientation-6.jpg"))[0].ID
		if status, code := gateGet(t, scanOf(t, s, editor, id).URL, ""); status != http.StatusForbidden || code != "ASSET_ACCESS_DENIED" {
			t.Errorf("unscanned, not served: HTTP %d %s", status, code)
		}
		a := waitScan(t, s, editor, id, scanned)
		if av := a.Antivirus; av.Status != "FAILED" || av.Attempts != 6 || av.Error == nil || strings.Contains(*av.Error, "127.0.0.1") {
			t.Errorf("after six failures: %+v", av)
		}
		if status, code := gateGet(t, a.URL, ""); status != http.StatusForbidden || code != "ASSET_ACCESS_DENIED" {
			t.Errorf("FAILED, not served: HTTP %d %s", status, code)
		}

		off := start(t)
		editor = off.Token("EDITOR")
		id = off.MustUpload(editor, map[string]any{"status": "PUBLIC"}, apptest.Fixture(t, "rotated-orientation-6.jpg"))[0].ID
		a = waitScan(t, off, editor, id, scanned)
		if av := a.Antivirus; av.Status != "SKIPPED" || av.Error == nil || *av.Error != "no scanner configured" {
			t.Errorf("without a scanner: %+v", av)
		}
		if status, _ := gateGet(t, a.URL, ""); status != http.StatusOK {
			t.Errorf("SKIPPED is served: HTTP %d", status)
		}
	})
}
