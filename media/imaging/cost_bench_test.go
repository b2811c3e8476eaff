package imaging

import (
	"fmt"
	"testing"
)

// BenchmarkCostWeights measures what the cost model's weights stand for: a 1000 px output of the
// 12 MP photo in each format, and with blurs of growing sigma.
func BenchmarkCostWeights(b *testing.B) {
	buf := fixture(b, "photo-12mp.jpg")
	for _, f := range []Format{JPEG, PNG, WebP, AVIF, GIF} {
		b.Run(f.Extension(), func(b *testing.B) {
			for b.Loop() {
				transform(b, buf, Spec{Width: 1000, Format: f, Quality: 75})
			}
		})
	}
	for _, sigma := range []float64{5, 20, 50} {
		b.Run(fmt.Sprintf("jpg-blur-%g", sigma), func(b *testing.B) {
			for b.Loop() {
				transform(b, buf, Spec{Width: 1000, Format: JPEG, Quality: 75, Blur: sigma})
			}
		})
	}
	b.Run("jpg-full-size", func(b *testing.B) {
		for b.Loop() {
			transform(b, buf, Spec{Format: JPEG, Quality: 75})
		}
	})
	for _, crop := range []Crop{CropCenter, CropEntropy} {
		for _, side := range []int{1000, 3000} {
			b.Run(fmt.Sprintf("jpg-crop-%d-%dx%d", crop, side, side/3), func(b *testing.B) {
				for b.Loop() {
					transform(b, buf, Spec{Width: side, Height: side / 3, Fit: FitCrop, Crop: crop, Format: JPEG, Quality: 75})
				}
			})
		}
	}
	png := fixture(b, "alpha.png")
	b.Run("png-to-1000-webp", func(b *testing.B) {
		for b.Loop() {
			transform(b, png, Spec{Width: 1000, Format: WebP, Quality: 75})
		}
	})
}
