package imaging

import (
	"context"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/davidbyttow/govips/v2/vips"
)

// BenchmarkThumbnailBufferLimit puts our transform path next to its floor, in one run: libvips'
// thumbnail-from-buffer and the encoder called directly on the same bytes, with the encoder settings
// ours uses, and nothing else (no header read, colour handling, metadata stripping or kill flag). The
// inputs are the one picture bench/transform.py sends both servers, 3000×2250, as JPEG, PNG and WebP;
// the output is 300 px wide. Each iteration runs both, alternating, and the CPU time of each is
// reported (floor-cpu-ms/op, ours-cpu-ms/op and their ratio, ours/floor): on a shared machine the
// wall time of either drifts with the neighbours' load, the CPU time much less.
func BenchmarkThumbnailBufferLimit(b *testing.B) {
	inputs := benchInputs(b)
	type cell struct {
		name string
		buf  []byte
		out  Format
	}
	var cells []cell
	for _, in := range []Format{JPEG, PNG, WebP} {
		for _, out := range []Format{WebP, JPEG, AVIF} {
			cells = append(cells, cell{in.Extension() + ">" + out.Extension(), inputs[in], out})
		}
	}
	// The same picture with an alpha band, to a format without one: flattened on load.
	cells = append(cells, cell{"rgba-png>jpg", inputs[rgbaPNG], JPEG})
	for _, c := range cells {
		buf, out := c.buf, c.out
		b.Run(c.name, func(b *testing.B) {
			var floor, ours time.Duration
			for b.Loop() {
				floor += cpuTime(b, func() error {
					_, err := floorTransform(buf, 300, out)
					return err
				})
				ours += cpuTime(b, func() error {
					job, err := Prepare(buf, Spec{Width: 300, Format: out, Quality: benchQuality})
					if err != nil {
						return err
					}
					_, err = job.Run(context.Background())
					return err
				})
			}
			n := float64(b.N)
			b.ReportMetric(floor.Seconds()*1000/n, "floor-cpu-ms/op")
			b.ReportMetric(ours.Seconds()*1000/n, "ours-cpu-ms/op")
			b.ReportMetric(ours.Seconds()/floor.Seconds(), "ours/floor")
		})
	}
}

// cpuTime is the CPU time (user and system, of the whole process: libvips computes on its own
// worker thread) that fn takes.
func cpuTime(b *testing.B, fn func() error) time.Duration {
	before := processCPU(b)
	if err := fn(); err != nil {
		b.Fatal(err)
	}
	return processCPU(b) - before
}

func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchQuality is the quality both servers are asked for in bench/transform.py.
const benchQuality = 80

// floorTransform is the least libvips can do for a transform: thumbnail from the buffer, encode.
func floorTransform(buf []byte, width int, out Format) ([]byte, error) {
	img, err := vips.LoadThumbnailFromBuffer(buf, width, 100000, vips.InterestingNone, vips.SizeDown, nil)
	if err != nil {
		return nil, err
	}
	defer img.Close()
	var data []byte
	switch out {
	case JPEG:
		data, _, err = img.ExportJpeg(&vips.JpegExportParams{Quality: benchQuality, OptimizeCoding: true, StripMetadata: true})
	case WebP:
		data, _, err = img.ExportWebp(&vips.WebpExportParams{Quality: benchQuality, ReductionEffort: webpEffort, StripMetadata: true})
	case AVIF:
		data, _, err = img.ExportAvif(&vips.AvifExportParams{Quality: benchQuality, Bitdepth: 8, Effort: avifEffort, StripMetadata: true})
	}
	return data, err
}

// rgbaPNG keys benchInputs' PNG with an alpha band.
const rgbaPNG Format = -1

var (
	benchInputsOnce sync.Once
	benchInputsBuf  map[Format][]byte
)

// benchInputs is bench/peers.py's big picture (the 12 MP fixture shrunk to 3000 px wide, JPEG q90,
// metadata stripped) and the same pixels as PNG and WebP (q90), and as a PNG with an opaque alpha
// band, made once per process.
func benchInputs(b *testing.B) map[Format][]byte {
	src := fixture(b, "photo-12mp.jpg")
	benchInputsOnce.Do(func() {
		start()
		// One load per encoding: the thumbnail streams, so its pixels can be read only once.
		encode := func(export func(*vips.ImageRef) ([]byte, *vips.ImageMetadata, error)) []byte {
			img, err := vips.LoadThumbnailFromBuffer(src, 3000, 100000, vips.InterestingNone, vips.SizeDown, nil)
			if err != nil {
				b.Fatal(err)
			}
			defer img.Close()
			buf, _, err := export(img)
			if err != nil {
				b.Fatal(err)
			}
			return buf
		}
		benchInputsBuf = map[Format][]byte{
			JPEG: encode(func(img *vips.ImageRef) ([]byte, *vips.ImageMetadata, error) {
				return img.ExportJpeg(&vips.JpegExportParams{Quality: 90, StripMetadata: true})
			}),
			PNG: encode(func(img *vips.ImageRef) ([]byte, *vips.ImageMetadata, error) {
				return img.ExportPng(&vips.PngExportParams{Compression: 6, StripMetadata: true})
			}),
			WebP: encode(func(img *vips.ImageRef) ([]byte, *vips.ImageMetadata, error) {
				return img.ExportWebp(&vips.WebpExportParams{Quality: 90, ReductionEffort: 4, StripMetadata: true})
			}),
			rgbaPNG: encode(func(img *vips.ImageRef) ([]byte, *vips.ImageMetadata, error) {
				if err := img.AddAlpha(); err != nil {
					return nil, nil, err
				}
				return img.ExportPng(&vips.PngExportParams{Compression: 6, StripMetadata: true})
			}),
		}
	})
	if benchInputsBuf == nil {
		b.Fatal("bench inputs were not made")
	}
	return benchInputsBuf
}
