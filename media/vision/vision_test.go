package vision_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/media/imaging"
	"github.com/mediagraph/mediagraph/media/vision"
	"github.com/mediagraph/mediagraph/media/vision/visiontest"
	"github.com/mediagraph/mediagraph/models"
)

const cascadePath = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_alt2.xml"

func decode(tb testing.TB, buf []byte, side int) imaging.Thumbnail {
	tb.Helper()
	h, err := imaging.ReadHeader(buf)
	if err != nil {
		tb.Fatal(err)
	}
	t, err := imaging.DecodeThumbnail(buf, h, side)
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

func box(f models.Face) [4]float64 { return [4]float64{f.X, f.Y, f.Width, f.Height} }

func TestFacesFoundWhereTheyAre(t *testing.T) {
	d, err := vision.NewFaceDetector(cascadePath)
	if err != nil {
		t.Fatalf("the face detector needs OpenCV and its cascades (Debian's libopencv-dev, opencv-data): %v", err)
	}
	faces, err := d.Faces(decode(t, visiontest.Face(t), 640))
	if err != nil {
		t.Fatal(err)
	}
	if len(faces) != 1 {
		t.Fatalf("found %d faces, want the one: %+v", len(faces), faces)
	}
	if iou := visiontest.IoU(box(faces[0]), visiontest.FaceBox); iou < 0.5 {
		t.Errorf("face %+v overlaps the marked one by IoU %.2f, want at least 0.5", faces[0], iou)
	}
	// A page of text holds no face.
	none, err := d.Faces(decode(t, visiontest.TextPNG(t, "No face here at all"), 640))
	if err != nil || len(none) != 0 {
		t.Errorf("faces on a page of text: %+v, %v", none, err)
	}
}

func TestMissingCascadeSaysWhy(t *testing.T) {
	_, err := vision.NewFaceDetector("/nonexistent/cascade.xml")
	if err == nil || !strings.Contains(err.Error(), "/nonexistent/cascade.xml") {
		t.Errorf("loading a missing cascade: %v", err)
	}
}

func TestOCRReadsRenderedWords(t *testing.T) {
	r := vision.NewReader("tesseract", 30*time.Second)
	if err := r.Available(); err != nil {
		t.Fatalf("OCR needs Tesseract (Debian's tesseract-ocr, tesseract-ocr-eng): %v", err)
	}
	text, err := r.Read(context.Background(), decode(t, visiontest.TextPNG(t, "Lighthouse keepers", "watch the harbour"), 2000))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"Lighthouse", "keepers", "harbour"} {
		if !strings.Contains(text.Content, w) {
			t.Errorf("text %q lacks %q", text.Content, w)
		}
	}
	if !strings.Contains(text.Content, "keepers\nwatch") {
		t.Errorf("text %q does not keep the lines apart", text.Content)
	}
}

func TestMissingTesseractSaysWhy(t *testing.T) {
	r := vision.NewReader("/nonexistent/tesseract", time.Second)
	if err := r.Available(); err == nil || !strings.Contains(err.Error(), "tesseract-ocr") {
		t.Errorf("a missing tesseract: %v", err)
	}
}

func TestDerivedTags(t *testing.T) {
	page := decode(t, visiontest.TextPNG(t, "Quarterly report", "Revenue grew strongly"), 640)
	tags := vision.DerivedTagger{}.Tags(vision.Signals{
		Keywords: []string{"Milan", "milan "},
		Pixels:   page,
		Faces:    []models.Face{{X: 0.1, Y: 0.1, Width: 0.3, Height: 0.3}},
		Text:     &vision.Text{Words: []vision.Word{{"Quarterly", 0.95}, {"report", 0.93}, {"Revenue", 0.9}, {"2024", 0.99}, {"grew", 0.5}}},
		Flat:     true,
	})
	got := map[string]models.SmartTag{}
	for _, tg := range tags {
		if _, dup := got[strings.ToLower(tg.Name)]; dup {
			t.Errorf("tag %q twice", tg.Name)
		}
		got[strings.ToLower(tg.Name)] = tg
	}
	want := map[string]models.TagSource{"milan": models.TagKeyword, "white": models.TagColor, "face": models.TagModel,
		"portrait": models.TagModel, "text": models.TagOCR, "document": models.TagOCR, "quarterly": models.TagOCR, "revenue": models.TagOCR}
	for name, src := range want {
		if got[name].Source != src {
			t.Errorf("tag %q: %+v, want source %s (all: %+v)", name, got[name], src, tags)
		}
	}
	for _, bad := range []string{"2024", "grew", "black"} {
		if _, ok := got[bad]; ok {
			t.Errorf("tag %q should not be there: %+v", bad, tags)
		}
	}
	if c := got["white"].Confidence; c < 0.8 || c > 1 {
		t.Errorf("white covers most of a page, confidence %.2f", c)
	}
}
