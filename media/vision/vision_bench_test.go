package vision_test

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/media/vision"
	"github.com/mediagraph/mediagraph/media/vision/visiontest"
	"github.com/mediagraph/mediagraph/models"
)

// BenchmarkAnalysis is the time of one image's analysis with faces and OCR on: the portrait (faces,
// no text to read), a page of text (read by Tesseract) and the 12-megapixel photo (shrunk on load).
func BenchmarkAnalysis(b *testing.B) {
	settings := config.Defaults().Library
	settings.Vision = "on"
	s := vision.New(nil, nil, nil, settings, slog.New(slog.NewTextHandler(io.Discard, nil)))
	images := []struct {
		name string
		buf  []byte
	}{
		{"portrait", visiontest.Face(b)},
		{"text", visiontest.TextPNG(b, "Lighthouse keepers watch the harbour", "through the longest nights of winter",
			"and write down every ship that passes")},
		{"photo-12mp", fixtures.Read(b, "photo-12mp.jpg")},
	}
	for _, img := range images {
		b.Run(img.name, func(b *testing.B) {
			b.SetBytes(int64(len(img.buf)))
			for b.Loop() {
				var v models.Vision
				if err := s.Inspect(context.Background(), img.buf, nil, &v); err != nil {
					b.Fatal(err)
				}
				if v.FacesUnavailable != nil {
					b.Fatal(*v.FacesUnavailable)
				}
			}
		})
	}
}

// BenchmarkFaces is the face detector alone on the portrait's small decode.
func BenchmarkFaces(b *testing.B) {
	d, err := vision.NewFaceDetector(cascadePath)
	if err != nil {
		b.Fatal(err)
	}
	t := decode(b, visiontest.Face(b), 640)
	for b.Loop() {
		if _, err := d.Faces(t); err != nil {
			b.Fatal(err)
		}
	}
}
