package imaging

import (
	"errors"
	"testing"

	"github.com/davidbyttow/govips/v2/vips"
)

// A large photo taken on its side decodes at full scale when asked for a large size: turning it
// must not trip libvips' sequential reading ("out of order read").
func TestLargeRotatedJPEG(t *testing.T) {
	start()
	img, err := vips.LoadImageFromBuffer(fixture(t, "photo-12mp.jpg"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer img.Close()
	for _, orientation := range []int{3, 6, 8} {
		if err := img.SetOrientation(orientation); err != nil {
			t.Fatal(err)
		}
		buf, _, err := img.ExportJpeg(&vips.JpegExportParams{Quality: 80})
		if err != nil {
			t.Fatal(err)
		}
		h, err := ReadHeader(buf)
		if err != nil {
			t.Fatal(err)
		}
		wantW, wantH := 4000, 3000
		if orientation != 3 {
			wantW, wantH = 3000, 4000
		}
		if h.Width != wantW || h.Height != wantH {
			t.Fatalf("orientation %d: header says %d×%d", orientation, h.Width, h.Height)
		}
		out, err := Transform(buf, Spec{Width: wantW * 3 / 4, Fit: FitClip, Format: JPEG, Quality: 70, MaxSide: 4096, MaxPixels: 1e8})
		if err != nil {
			t.Fatalf("orientation %d at 3/4 scale: %v", orientation, err)
		}
		if oh, _ := ReadHeader(out); oh.Width != wantW*3/4 || oh.Height != wantH*3/4 {
			t.Errorf("orientation %d: %d×%d, want %d×%d", orientation, oh.Width, oh.Height, wantW*3/4, wantH*3/4)
		}
		if _, err := DecodeThumbnail(buf, h, 100); err != nil {
			t.Errorf("orientation %d thumbnail: %v", orientation, err)
		}
	}
}

// Enlarging an animation is bounded by what it would make, not only by what it reads.
func TestAnimatedOutputBudget(t *testing.T) {
	gif := fixture(t, "anim.gif") // 200×200, 4 frames
	_, err := Transform(gif, Spec{Width: 4000, Fit: FitClip, Format: GIF, Animated: true, MaxSide: 4096, MaxPixels: 10_000_000})
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("4 frames of 4000×4000 under a 10 MP budget: %v, want ErrTooLarge", err)
	}
	if _, err := Transform(gif, Spec{Width: 400, Fit: FitClip, Format: GIF, Animated: true, MaxSide: 4096, MaxPixels: 10_000_000}); err != nil {
		t.Errorf("4 frames of 400×400: %v", err)
	}
}
