package imaging_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/media/imaging"
)

func hostile(tb testing.TB, name string) []byte {
	return fixtures.Read(tb, "../hostile/"+name)
}

func TestVerifyFindsDamageThumbnailsMiss(t *testing.T) {
	for _, name := range []string{"damaged-huffman.jpg", "damaged-frames.gif"} {
		buf := hostile(t, name)
		h, err := imaging.ReadHeader(buf)
		if err != nil {
			t.Fatalf("%s: header: %v", name, err)
		}
		// The small decode ingest makes for placeholders succeeds on both: that is the gap.
		if _, err := imaging.DecodeThumbnail(buf, h, 100); err != nil {
			t.Logf("%s: the thumbnail already fails: %v", name, err)
		}
		before := imaging.Decodes()
		err = imaging.VerifyBeyondThumbnail(buf, h)
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

func TestVerifyPassesWholeImages(t *testing.T) {
	for _, name := range []string{"photo-12mp.jpg", "cmyk.jpg", "rotated-orientation-6.jpg", "misnamed-jpeg.png",
		"alpha.png", "anim.gif", "photo.webp", "photo.avif", "photo.heic", "tiff-image.tiff", "focal-red-square.png"} {
		buf := fixtures.Read(t, name)
		h, err := imaging.ReadHeader(buf)
		if err != nil {
			t.Fatalf("%s: header: %v", name, err)
		}
		if err := imaging.Verify(buf, h); err != nil {
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
	if err := imaging.Verify(buf, h); !errors.Is(err, imaging.ErrDamaged) {
		t.Errorf("err %v, want ErrDamaged", err)
	}
	if err := imaging.Verify([]byte("no image here"), imaging.Header{}); !errors.Is(err, imaging.ErrUnsupported) {
		t.Errorf("garbage: err %v, want ErrUnsupported", err)
	}
}
