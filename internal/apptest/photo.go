package apptest

import (
	"bytes"
	"image"
	"image/jpeg"
	"os"
	"sync"
	"testing"
)

var photo3000x2000 struct {
	once sync.Once
	buf  []byte
	err  error
}

// Photo3000x2000 is a real 3000×2000 photo as a quality-90 JPEG (the 12 MP fixture, cropped): the
// file the ingest and upload benchmarks measure, as comparable services were measured.
func Photo3000x2000(tb testing.TB) []byte {
	tb.Helper()
	p := &photo3000x2000
	p.once.Do(func() {
		f, err := os.Open(FixturePath(tb, "photo-12mp.jpg"))
		if err != nil {
			p.err = err
			return
		}
		defer f.Close()
		src, err := jpeg.Decode(f)
		if err != nil {
			p.err = err
			return
		}
		crop := src.(interface {
			SubImage(image.Rectangle) image.Image
		}).SubImage(image.Rect(500, 500, 3500, 2500))
		var out bytes.Buffer
		p.err = jpeg.Encode(&out, crop, &jpeg.Options{Quality: 90})
		p.buf = out.Bytes()
	})
	if p.err != nil {
		tb.Fatal(p.err)
	}
	return p.buf
}
