package server_test

import (
	"bytes"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/media/imaging"
	"github.com/mediagraph/mediagraph/media/vision"
	"github.com/mediagraph/mediagraph/media/vision/visiontest"
)

type seenAsset struct {
	ID              string
	Faces           []struct{ X, Y, Width, Height float64 }
	OcrText         *string
	SmartTags       []string
	SmartTagDetails []struct {
		Name       string
		Source     string
		Confidence float64
	}
	VisionAnalysis *struct {
		Status           string
		FacesUnavailable *string
		OcrUnavailable   *string
		Error            *string
		AnalyzedAt       *time.Time
	}
}

const seenQuery = `query($id: ID!) { asset(id: $id) { id faces { x y width height } ocrText smartTags
	smartTagDetails { name source confidence }
	visionAnalysis { status facesUnavailable ocrUnavailable error analyzedAt } } }`

// waitVision polls the asset until the background analysis of its pixels is no longer PENDING.
func waitVision(t *testing.T, s *apptest.Server, id string) seenAsset {
	t.Helper()
	var out struct{ Asset seenAsset }
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(25 * time.Millisecond) {
		s.Must(s.Admin, seenQuery, map[string]any{"id": id}, &out)
		if out.Asset.VisionAnalysis == nil {
			t.Fatalf("asset %s has no vision analysis", id)
		}
		if out.Asset.VisionAnalysis.Status != "PENDING" {
			return out.Asset
		}
	}
	t.Fatalf("asset %s: vision still PENDING after two minutes", id)
	return seenAsset{}
}

func uploadBytes(t *testing.T, s *apptest.Server, name string, b []byte) string {
	t.Helper()
	return s.MustUpload(s.Admin, nil, apptest.File{Name: name, Content: bytes.NewReader(b)})[0].ID
}

func tagSource(a seenAsset, name string) string {
	for _, tg := range a.SmartTagDetails {
		if strings.EqualFold(tg.Name, name) {
			return tg.Source
		}
	}
	return ""
}

// countFaces finds the faces in delivered bytes with the same detector the service runs.
func countFaces(t *testing.T, b []byte) int {
	t.Helper()
	d, err := vision.NewFaceDetector(config.Defaults().FaceCascade)
	if err != nil {
		t.Fatal(err)
	}
	h, err := imaging.ReadHeader(b)
	if err != nil {
		t.Fatal(err)
	}
	th, err := imaging.DecodeThumbnail(b, h, 640)
	if err != nil {
		t.Fatal(err)
	}
	faces, err := d.Faces(th)
	if err != nil {
		t.Fatal(err)
	}
	return len(faces)
}

func visionOn(c *config.Config) { c.Vision = "on" }

func TestVision(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t, visionOn)
		faceID := uploadBytes(t, s, "astronaut.jpg", visiontest.Face(t))
		textID := uploadBytes(t, s, "notice.png", visiontest.TextPNG(t, "Lighthouse keepers", "watch the harbour"))

		face := waitVision(t, s, faceID)
		if face.VisionAnalysis.Status != "DONE" || len(face.Faces) != 1 {
			t.Fatalf("the portrait: %+v", face)
		}
		f := face.Faces[0]
		if iou := visiontest.IoU([4]float64{f.X, f.Y, f.Width, f.Height}, visiontest.FaceBox); iou < 0.5 {
			t.Errorf("face %+v overlaps the marked one by IoU %.2f, want at least 0.5", f, iou)
		}
		if tagSource(face, "face") != "MODEL" || tagSource(face, "portrait") != "MODEL" || !slices.Contains(face.SmartTags, "face") {
			t.Errorf("the portrait's tags: %v %+v", face.SmartTags, face.SmartTagDetails)
		}
		if face.OcrText != nil || face.VisionAnalysis.OcrUnavailable == nil || !strings.Contains(*face.VisionAnalysis.OcrUnavailable, "does not look like a document") {
			t.Errorf("a photo is not read for text: %v, %v", face.OcrText, face.VisionAnalysis.OcrUnavailable)
		}

		text := waitVision(t, s, textID)
		if text.OcrText == nil || !strings.Contains(*text.OcrText, "Lighthouse keepers") || !strings.Contains(*text.OcrText, "harbour") {
			t.Fatalf("the notice's text: %+v", text)
		}
		if text.Faces == nil || len(text.Faces) != 0 {
			t.Errorf("the notice has no face: %+v", text.Faces)
		}
		if tagSource(text, "text") != "OCR" || tagSource(text, "lighthouse") != "OCR" || tagSource(text, "white") != "COLOR" {
			t.Errorf("the notice's tags: %+v", text.SmartTagDetails)
		}

		ids := func(filter map[string]any) []string {
			var out struct {
				Assets struct{ Nodes []struct{ ID string } }
			}
			s.Must(s.Admin, `query($f: AssetFilter) { assets(filter: $f) { nodes { id } } }`, map[string]any{"f": filter}, &out)
			var got []string
			for _, n := range out.Assets.Nodes {
				got = append(got, n.ID)
			}
			return got
		}
		if got := ids(map[string]any{"faces": map[string]any{"gt": 0}}); !slices.Equal(got, []string{faceID}) {
			t.Errorf("faces > 0: %v, want the portrait %s", got, faceID)
		}
		if got := ids(map[string]any{"faces": map[string]any{"lt": 1}}); !slices.Equal(got, []string{textID}) {
			t.Errorf("faces < 1: %v, want the notice %s", got, textID)
		}
		if got := ids(map[string]any{"smartTags": map[string]any{"anyIn": []string{"Lighthouse"}}}); !slices.Equal(got, []string{textID}) {
			t.Errorf("smart tag lighthouse: %v, want the notice %s", got, textID)
		}

		s.Must(s.Admin, `mutation($ids: [ID!]!) { setAssetStatus(ids: $ids, status: PUBLIC) { id } }`, map[string]any{"ids": []string{textID}}, nil)
		delivery := s.Token("DELIVERY")
		r := s.Query(delivery, `query($id: ID!) { asset(id: $id) { faces { x } ocrText } }`, map[string]any{"id": textID})
		if r.Code() != "FORBIDDEN" || r.Errors[0].Extensions["field"] != "Asset.ocrText" || !strings.Contains(string(r.Data), `"faces":[]`) {
			t.Errorf("ocrText for a delivery token: %+v", r.Errors)
		}

		// A wide strip through the middle misses the face; centred on the faces, it keeps it.
		strip := map[string]any{"w": 512, "h": 200, "fit": "CROP"}
		for crop, want := range map[string]int{"CENTER": 0, "FACES": 1} {
			strip["crop"] = crop
			got := fetch(t, s, http.MethodGet, transformURL(t, s, s.Admin, faceID, strip), s.Admin, nil)
			if got.Status != http.StatusOK {
				t.Fatalf("crop %s: HTTP %d %s", crop, got.Status, got.Body)
			}
			if n := countFaces(t, got.Body); n != want {
				t.Errorf("crop %s keeps %d faces, want %d", crop, n, want)
			}
		}

		// A replacement is analyzed anew: its version has its own faces, text and tags.
		s.Multipart(s.Admin, `mutation($id: ID!, $file: Upload!) { replaceAsset(id: $id, file: $file) { id } }`,
			map[string]any{"id": faceID, "file": nil}, []string{"variables.file"},
			apptest.File{Name: "minutes.png", Content: bytes.NewReader(visiontest.TextPNG(t, "Minutes of the meeting"))}).Decode(t, nil)
		replaced := waitVision(t, s, faceID)
		if len(replaced.Faces) != 0 || replaced.OcrText == nil || !strings.Contains(*replaced.OcrText, "Minutes") || tagSource(replaced, "face") != "" {
			t.Errorf("the replaced portrait: %+v", replaced)
		}
		if got := ids(map[string]any{"faces": map[string]any{"gt": 0}}); len(got) != 0 {
			t.Errorf("faces > 0 after the replacement: %v", got)
		}
		if got := ids(map[string]any{"smartTags": map[string]any{"anyIn": []string{"portrait"}}}); len(got) != 0 {
			t.Errorf("the old version's tags still find the asset: %v", got)
		}

		// Saving an analysis is a catalogue change: the delivery cache must not keep the answers before it.
		before, err := s.App.Media.Generation(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if err := s.App.Media.Vision.Analyze(t.Context(), textID); err != nil {
			t.Fatal(err)
		}
		if after, err := s.App.Media.Generation(t.Context()); err != nil || after <= before {
			t.Errorf("generation %d after an analysis, %d before (%v)", after, before, err)
		}
	})
}

// Without the detectors installed, the fields are null and the analysis says why; it does not fail.
func TestVisionWithoutDetectors(t *testing.T) {
	for name, db := range map[string]func(testing.TB) string{"sqlite": testdb.SQLite, "postgres": testdb.Postgres} {
		t.Run(name, func(t *testing.T) {
			s := apptest.Start(t, db(t), visionOn, func(c *config.Config) {
				c.FaceCascade = "/nonexistent/haarcascade_frontalface_alt2.xml"
				c.Tesseract = "/nonexistent/tesseract"
				c.OCRAllBelowPixels = 1 << 30
			})
			a := waitVision(t, s, uploadBytes(t, s, "astronaut.jpg", visiontest.Face(t)))
			va := a.VisionAnalysis
			if va.Status != "DONE" || a.Faces != nil || a.OcrText != nil {
				t.Fatalf("without detectors: %+v", a)
			}
			if va.FacesUnavailable == nil || !strings.Contains(*va.FacesUnavailable, "no face detector") {
				t.Errorf("facesUnavailable: %v", va.FacesUnavailable)
			}
			if va.OcrUnavailable == nil || !strings.Contains(*va.OcrUnavailable, "tesseract-ocr") {
				t.Errorf("ocrUnavailable: %v", va.OcrUnavailable)
			}
			if tagSource(a, "gray") != "COLOR" {
				t.Errorf("colors still tag the image: %+v", a.SmartTagDetails)
			}
		})
	}
}
