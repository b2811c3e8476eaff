package imaging_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/media/imaging"
)

func hostile(tb testing.TB, name string) []byte {
	return fixtures.Read(tb, "../hostile/"+name)
}

func TestDecodeVerifiedFindsDamageThumbnailsMiss(t *testing.T) {
	for _, name := range []string{"damaged-huffman.jpg", "damaged-frames.gif"} {
		buf := hostile(t, name)
		h, err := imaging.ReadHeader(buf)
		if err != nil {
			t.Fatalf("%s: header: %v", name, err)
		}
		// A small decode of the first frame, shrunk as far as libjpeg can, succeeds on both: that is the gap.
		if _, err := imaging.DecodeThumbnail(buf, h, 100); err != nil {
			t.Logf("%s: the thumbnail already fails: %v", name, err)
		}
		before := imaging.Decodes()
		_, err = imaging.DecodeVerified(buf, h, 100)
		if !errors.Is(err, imaging.ErrDamaged) {
			t.Fatalf("%s: err %v, want ErrDamaged", name, err)
		}
		if n := imaging.Decodes() - before; n != 1 {
			t.Errorf("%s: %d decodes counted, want 1", name, n)
		}
		t.Logf("%s: %v", name, err)
		if msg := err.Error(); !strings.HasPrefix(msg, "the image data is damaged: ") || strings.ContainsAny(msg, "\n/") {
			t.Errorf("%s: message %q: want one line with libvips' reason and no path", name, msg)
		}
	}
}

// The thumbnail DecodeVerified makes from its larger decode is the one DecodeThumbnail makes, to
// within what resampling from another scale changes, so placeholders and colours stay as they were.
func TestDecodeVerifiedMakesTheThumbnail(t *testing.T) {
	for _, name := range []string{"photo-12mp.jpg", "rotated-orientation-6.jpg", "misnamed-jpeg.png", "cmyk.jpg",
		"anim.gif", "alpha.png", "photo.webp", "focal-red-square.png"} {
		buf := fixtures.Read(t, name)
		h, err := imaging.ReadHeader(buf)
		if err != nil {
			t.Fatalf("%s: header: %v", name, err)
		}
		want, err := imaging.DecodeThumbnail(buf, h, 100)
		if err != nil {
			t.Fatalf("%s: thumbnail: %v", name, err)
		}
		before := imaging.Decodes()
		got, err := imaging.DecodeVerified(buf, h, 100)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if n := imaging.Decodes() - before; n != 1 {
			t.Errorf("%s: %d decodes counted, want 1", name, n)
		}
		if got.Width != want.Width || got.Height != want.Height {
			t.Fatalf("%s: %d×%d, want %d×%d", name, got.Width, got.Height, want.Width, want.Height)
		}
		mean, worst := difference(got.RGBA, want.RGBA)
		t.Logf("%s: %d×%d, mean difference %.2f, largest %d", name, got.Width, got.Height, mean, worst)
		if mean > 1.5 || worst > 12 {
			t.Errorf("%s: mean difference %.2f, largest %d: want at most 1.5 and 12 levels", name, mean, worst)
		}
	}
}

// difference is the mean and the largest absolute difference of two images' channel values.
func difference(a, b []byte) (mean float64, worst int) {
	total := 0
	for i := range a {
		d := int(a[i]) - int(b[i])
		if d < 0 {
			d = -d
		}
		total += d
		worst = max(worst, d)
	}
	return float64(total) / float64(len(a)), worst
}

func TestVerifyPassesWholeImages(t *testing.T) {
	for _, name := range []string{"photo-12mp.jpg", "cmyk.jpg", "rotated-orientation-6.jpg", "misnamed-jpeg.png",
		"alpha.png", "anim.gif", "photo.webp", "photo.avif", "photo.heic", "tiff-image.tiff", "focal-red-square.png"} {
		buf := fixtures.Read(t, name)
		h, err := imaging.ReadHeader(buf)
		if err != nil {
			t.Fatalf("%s: header: %v", name, err)
		}
		if err := imaging.Verify(t.Context(), buf, h); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestVerifyCallsATruncatedFileDamaged(t *testing.T) {
	buf := fixtures.Read(t, "truncated.jpg")
	h, err := imaging.ReadHeader(buf)
	if err != nil {
		t.Fatal(err)
	}
	if err := imaging.Verify(t.Context(), buf, h); !errors.Is(err, imaging.ErrDamaged) {
		t.Errorf("err %v, want ErrDamaged", err)
	}
	if err := imaging.Verify(t.Context(), []byte("no image here"), imaging.Header{}); !errors.Is(err, imaging.ErrUnsupported) {
		t.Errorf("garbage: err %v, want ErrUnsupported", err)
	}
}

// A check whose request has ended decodes nothing and says why it stopped.
func TestVerifyStopsWithItsContext(t *testing.T) {
	buf := fixtures.Read(t, "truncated.jpg")
	h, err := imaging.ReadHeader(buf)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	before := imaging.Decodes()
	if err := imaging.Verify(ctx, buf, h); !errors.Is(err, context.Canceled) || errors.Is(err, imaging.ErrDamaged) {
		t.Errorf("err %v, want the cancellation, not a verdict", err)
	}
	if n := imaging.Decodes() - before; n != 0 {
		t.Errorf("%d decodes after the request ended, want 0", n)
	}
}
