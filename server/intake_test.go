package server_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// analyzed is every fact the analysis exposes on an asset.
type analyzed struct {
	ID, Kind, Format, MimeType, Filename, Basename string
	Size                                           int64
	Width, Height, FrameCount, PageCount           *int
	AspectRatio, Duration, FrameRate               *float64
	Orientation, VideoCodec, AudioCodec            *string
	ColorSpace, Blurhash, Thumbhash, Lqip          *string
	ProcessingError, Author, Copyright, Title      *string
	Bitrate                                        *int64
	HasAlpha                                       *bool
	Colors                                         []struct {
		Hex                     string
		Red, Green, Blue, Alpha int
	}
	SmartTags []string
	Exif      *struct {
		Make, Model, LensModel, ExposureTime, DateTaken *string
		FNumber, FocalLength                            *float64
		Latitude, Longitude, Altitude                   *float64
		Iso, Orientation                                *int
		Raw                                             map[string]any
	}
}

const analyzedFields = `id kind format mimeType filename basename size width height aspectRatio orientation duration
	frameCount frameRate videoCodec audioCodec bitrate pageCount hasAlpha colorSpace colors { hex red green blue alpha }
	blurhash thumbhash lqip smartTags processingError author copyright title
	exif { make model lensModel exposureTime fNumber iso focalLength dateTaken orientation latitude longitude altitude raw }`

// fixtureFacts are the facts ../shared/fixtures/README.md lists, file by file; every fixture must be
// here, so a new fixture cannot go untested.
var fixtureFacts = map[string]func(t *testing.T, a analyzed){
	"photo-12mp.jpg": func(t *testing.T, a analyzed) {
		wantImage(t, a, "image/jpeg", 4000, 3000, "LANDSCAPE")
		e := a.Exif
		if e == nil {
			t.Fatal("no exif")
		}
		eq(t, "make", val(e.Make), "Canon")
		eq(t, "model", val(e.Model), "Canon EOS R6")
		eq(t, "lens", val(e.LensModel), "RF24-105mm F4 L IS USM")
		eq(t, "exposure", val(e.ExposureTime), "1/250")
		eq(t, "f-number", val(e.FNumber), 8.0)
		eq(t, "iso", val(e.Iso), 200)
		eq(t, "focal length", val(e.FocalLength), 35.0)
		eq(t, "date taken", val(e.DateTaken), "2024-06-01T10:15:30Z")
		eq(t, "orientation", val(e.Orientation), 1)
		near(t, "latitude", e.Latitude, 45.4642, 1e-4)
		near(t, "longitude", e.Longitude, 9.19, 1e-4)
		near(t, "altitude", e.Altitude, 122, 0.5)
		if len(e.Raw["exif"].(map[string]any)) == 0 || e.Raw["iptc"] == nil || e.Raw["xmp"] == nil {
			t.Errorf("raw metadata lacks a block: %v", e.Raw)
		}
		eq(t, "title", val(a.Title), "Duomo at dawn")
		eq(t, "author", val(a.Author), "Ada Lovelace")
		eq(t, "copyright", val(a.Copyright), "(c) 2024 Example Photo")
		eq(t, "smart tags", strings.Join(a.SmartTags, ","), "cathedral,milan")
		wantPlaceholders(t, a, "image/jpeg")
	},
	"rotated-orientation-6.jpg": func(t *testing.T, a analyzed) {
		wantImage(t, a, "image/jpeg", 800, 1200, "PORTRAIT") // stored 1200×800, displayed turned
		if a.Exif == nil || val(a.Exif.Orientation) != 6 {
			t.Errorf("exif orientation: %+v", a.Exif)
		}
		wantPlaceholders(t, a, "image/jpeg")
	},
	"alpha.png": func(t *testing.T, a analyzed) {
		wantImage(t, a, "image/png", 800, 600, "LANDSCAPE")
		eq(t, "hasAlpha", val(a.HasAlpha), true)
		wantPlaceholders(t, a, "image/png")
		for _, c := range a.Colors { // fully transparent pixels count for nothing
			if c.Alpha < 128 {
				t.Errorf("color %+v comes from pixels that barely show", c)
			}
		}
	},
	"focal-red-square.png": func(t *testing.T, a analyzed) {
		wantImage(t, a, "image/png", 1200, 800, "LANDSCAPE")
		eq(t, "hasAlpha", val(a.HasAlpha), false)
		wantPlaceholders(t, a, "image/jpeg")
		// Pure colors stay pure: white, then the red square, each within 8 levels, and nothing else.
		near := func(c struct {
			Hex                     string
			Red, Green, Blue, Alpha int
		}, r, g, b int) bool {
			return abs(c.Red-r) <= 8 && abs(c.Green-g) <= 8 && abs(c.Blue-b) <= 8
		}
		if len(a.Colors) != 2 || !near(a.Colors[0], 255, 255, 255) || !near(a.Colors[1], 255, 0, 0) {
			t.Errorf("colors %+v, want #ffffff then #ff0000", a.Colors)
		}
	},
	"photo.webp": func(t *testing.T, a analyzed) {
		wantImage(t, a, "image/webp", 1024, 768, "LANDSCAPE")
		wantPlaceholders(t, a, "image/jpeg")
	},
	"photo.heic": func(t *testing.T, a analyzed) {
		wantImage(t, a, "image/heic", 800, 600, "LANDSCAPE")
		wantPlaceholders(t, a, "image/jpeg")
	},
	"photo.avif": func(t *testing.T, a analyzed) {
		wantImage(t, a, "image/avif", 800, 600, "LANDSCAPE")
		wantPlaceholders(t, a, "image/jpeg")
	},
	"tiff-image.tiff": func(t *testing.T, a analyzed) {
		wantImage(t, a, "image/tiff", 640, 480, "LANDSCAPE")
		wantPlaceholders(t, a, "image/jpeg")
	},
	"anim.gif": func(t *testing.T, a analyzed) {
		wantImage(t, a, "image/gif", 200, 200, "SQUARE")
		eq(t, "frames", val(a.FrameCount), 4)
		near(t, "duration", a.Duration, 0.4, 1e-9)
		wantPlaceholders(t, a, "image/jpeg")
	},
	"cmyk.jpg": func(t *testing.T, a analyzed) {
		wantImage(t, a, "image/jpeg", 640, 480, "LANDSCAPE")
		eq(t, "color space", val(a.ColorSpace), "cmyk")
		wantPlaceholders(t, a, "image/jpeg")
	},
	"misnamed-jpeg.png": func(t *testing.T, a analyzed) {
		wantImage(t, a, "image/jpeg", 800, 600, "LANDSCAPE")
		eq(t, "filename", a.Filename, "misnamed-jpeg.jpg")
		eq(t, "basename", a.Basename, "misnamed-jpeg")
		eq(t, "format", a.Format, "jpg")
	},
	"script.svg": func(t *testing.T, a analyzed) {
		wantImage(t, a, "image/svg+xml", 320, 240, "LANDSCAPE")
	},
	"document-3-pages.pdf": func(t *testing.T, a analyzed) {
		eq(t, "kind", a.Kind, "DOCUMENT")
		eq(t, "mime", a.MimeType, "application/pdf")
		eq(t, "pages", val(a.PageCount), 3)
		wantNoError(t, a)
	},
	"clip.mp4": func(t *testing.T, a analyzed) {
		eq(t, "kind", a.Kind, "VIDEO")
		near(t, "duration", a.Duration, 5.0, 0.05)
		eq(t, "size", [2]int{val(a.Width), val(a.Height)}, [2]int{640, 360})
		near(t, "frame rate", a.FrameRate, 25, 1e-6)
		eq(t, "codecs", val(a.VideoCodec)+"+"+val(a.AudioCodec), "h264+aac")
		if val(a.Bitrate) <= 0 {
			t.Error("no bitrate")
		}
		wantNoError(t, a)
	},
	"clip.webm": func(t *testing.T, a analyzed) {
		eq(t, "kind", a.Kind, "VIDEO")
		near(t, "duration", a.Duration, 2.0, 0.05)
		eq(t, "size", [2]int{val(a.Width), val(a.Height)}, [2]int{320, 240})
		near(t, "frame rate", a.FrameRate, 30, 1e-6)
		eq(t, "video codec", val(a.VideoCodec), "vp9")
		wantNoError(t, a)
	},
	"tone.mp3": func(t *testing.T, a analyzed) {
		eq(t, "kind", a.Kind, "AUDIO")
		near(t, "duration", a.Duration, 3.03, 0.05)
		eq(t, "audio codec", val(a.AudioCodec), "mp3")
		near(t, "bitrate", ptr(float64(val(a.Bitrate))), 128000, 2000)
		eq(t, "title", val(a.Title), "Test tone")
		eq(t, "author", val(a.Author), "Mediagraph fixtures")
		if a.Width != nil || a.VideoCodec != nil {
			t.Errorf("a sound has a picture: %v×%v %v", a.Width, a.Height, a.VideoCodec)
		}
		wantNoError(t, a)
	},
	"truncated.jpg": func(t *testing.T, a analyzed) {
		// The user's file, kept as sent, with what its intact header says and nothing made up.
		eq(t, "size", a.Size, int64(600000))
		eq(t, "mime", a.MimeType, "image/jpeg")
		if a.ProcessingError == nil || !strings.Contains(*a.ProcessingError, "damaged") {
			t.Errorf("processingError = %v", a.ProcessingError)
		}
		if a.Blurhash != nil || a.Thumbhash != nil || a.Lqip != nil || len(a.Colors) != 0 {
			t.Errorf("pixel facts made up from a partial decode: %v %v %v %v", a.Blurhash, a.Thumbhash, a.Lqip, a.Colors)
		}
	},
	"eicar.com.txt.b64": func(t *testing.T, a analyzed) {
		eq(t, "kind", a.Kind, "DOCUMENT")
		wantNoError(t, a)
	},
	"README.md": func(t *testing.T, a analyzed) {
		eq(t, "kind", a.Kind, "DOCUMENT")
		wantNoError(t, a)
	},
	"bomb-30000x30000.png": nil, // refused: TestIntakeRefusesImageBombs
}

func TestIntakeFixtures(t *testing.T) {
	entries, err := os.ReadDir(fixtures.Path(""))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, ok := fixtureFacts[e.Name()]; !ok {
			t.Errorf("fixture %s has no facts to check in fixtureFacts", e.Name())
		}
	}
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t, apptest.AnyType)
		for _, e := range entries {
			check := fixtureFacts[e.Name()]
			if check == nil {
				continue
			}
			t.Run(e.Name(), func(t *testing.T) {
				up := s.MustUpload(s.Admin, nil, apptest.Fixture(t, e.Name()))
				s.Settle()
				var out struct{ Asset analyzed }
				s.Must(s.Admin, `query($id: ID!) { asset(id: $id) { `+analyzedFields+` } }`, map[string]any{"id": up[0].ID}, &out)
				check(t, out.Asset)
			})
		}
		t.Run("filters", func(t *testing.T) { checkAnalysisFilters(t, s) })
	})
}

// checkAnalysisFilters runs the filters over what analysis learned, on the fixtures uploaded above.
func checkAnalysisFilters(t *testing.T, s *apptest.Server) {
	for _, c := range []struct {
		filter string
		want   []string
	}{
		{`{ orientation: { eq: PORTRAIT } }`, []string{"rotated-orientation-6.jpg"}},
		{`{ orientation: { eq: SQUARE } }`, []string{"anim.gif"}},
		{`{ resolution: { eq: LARGE } }`, []string{"photo-12mp.jpg", "truncated.jpg"}},
		{`{ resolution: { in: [MEDIUM, LARGE] } }`, []string{"photo-12mp.jpg", "truncated.jpg"}},
		{`{ resolution: { eq: SMALL }, kind: { eq: VIDEO } }`, []string{"clip.mp4", "clip.webm"}},
		{`{ aspectRatio: { gt: 1.7 } }`, []string{"clip.mp4"}},
		{`{ aspectRatio: { eq: 1.7777777777777777 } }`, []string{"clip.mp4"}}, // as the API returns it
		{`{ aspectRatio: { lt: 1 } }`, []string{"rotated-orientation-6.jpg"}},
		// the truncated JPEG keeps the photo's header, keywords included
		{`{ smartTags: { anyIn: ["MILAN"] } }`, []string{"photo-12mp.jpg", "truncated.jpg"}},
		{`{ smartTags: { allIn: ["milan", "cathedral"] }, size: { gt: 1000000 } }`, []string{"photo-12mp.jpg"}},
		{`{ smartTags: { notIn: ["milan"] }, kind: { eq: IMAGE }, format: { eq: "jpg" } }`, []string{"cmyk.jpg", "misnamed-jpeg.jpg", "rotated-orientation-6.jpg"}},
		{`{ smartTags: { exists: true } }`, []string{"photo-12mp.jpg", "truncated.jpg"}},
		// the photo's red sky is red, now that its palette is not averaged with the orange around it
		{`{ colors: { anyIn: ["#fe0101"] } }`, []string{"alpha.png", "anim.gif", "focal-red-square.png", "photo.avif", "photo.heic", "photo.webp"}},
		{`{ colors: { anyIn: ["#1A8630", "#ff00ff"] } }`, []string{"photo-12mp.jpg"}},
	} {
		var out struct {
			Assets struct{ Nodes []struct{ Filename string } }
		}
		s.Must(s.Admin, `{ assets(first: 100, orderBy: FILENAME_ASC, filter: `+c.filter+`) { nodes { filename } } }`, nil, &out)
		var got []string
		for _, n := range out.Assets.Nodes {
			got = append(got, n.Filename)
		}
		if strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%s: got %v, want %v", c.filter, got, c.want)
		}
	}
	res := s.Query(s.Admin, `{ assets(filter: { colors: { anyIn: ["red"] } }) { totalCount } }`, nil)
	if res.Code() != "VALIDATION_FAILED" {
		t.Errorf("a color that is not #rrggbb: %+v", res.Errors)
	}
}

func TestIntakeRefusesImageBombs(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		res := s.Upload(s.Admin, nil, apptest.Fixture(t, "bomb-30000x30000.png"))
		if res.Code() != "VALIDATION_FAILED" || !strings.Contains(res.Errors[0].Message, "30000×30000 (900.0 megapixels); at most 100 megapixels") {
			t.Errorf("bomb: %+v", res.Errors)
		}
		if n := s.Rows("assets"); n != 0 {
			t.Errorf("%d assets after a refused upload", n)
		}
		if f := s.Files(); len(f) != 0 {
			t.Errorf("bytes left behind: %v", f)
		}
	})
}

func wantImage(t *testing.T, a analyzed, mime string, width, height int, orientation string) {
	t.Helper()
	eq(t, "kind", a.Kind, "IMAGE")
	eq(t, "mime", a.MimeType, mime)
	eq(t, "size", [2]int{val(a.Width), val(a.Height)}, [2]int{width, height})
	eq(t, "orientation", val(a.Orientation), orientation)
	near(t, "aspect ratio", a.AspectRatio, float64(width)/float64(height), 1e-9)
	wantNoError(t, a)
}

// wantPlaceholders checks every pixel-derived fact: up to five colors, a BlurHash, a 25-byte-or-so
// ThumbHash and an LQIP data URI of the given type under 1 KB that decodes.
func wantPlaceholders(t *testing.T, a analyzed, lqipType string) {
	t.Helper()
	if len(a.Colors) == 0 || len(a.Colors) > 5 {
		t.Errorf("%d colors", len(a.Colors))
	}
	for _, c := range a.Colors {
		if want := hexOf(c.Red, c.Green, c.Blue); c.Hex != want {
			t.Errorf("color %+v: hex %s, want %s", c, c.Hex, want)
		}
	}
	if a.Blurhash == nil || len(*a.Blurhash) != 4+2*4*3 {
		t.Errorf("blurhash %v", a.Blurhash)
	}
	if a.Thumbhash == nil {
		t.Error("no thumbhash")
	} else if th, err := base64.StdEncoding.DecodeString(*a.Thumbhash); err != nil || len(th) < 5 || len(th) > 40 {
		t.Errorf("thumbhash %q: %d bytes, %v", *a.Thumbhash, len(th), err)
	}
	prefix := "data:" + lqipType + ";base64,"
	if a.Lqip == nil || !strings.HasPrefix(*a.Lqip, prefix) || len(*a.Lqip) >= 1024 {
		t.Fatalf("lqip %v", a.Lqip)
	}
	img, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(*a.Lqip, prefix))
	magic := map[string][]byte{"image/jpeg": {0xFF, 0xD8, 0xFF}, "image/png": []byte("\x89PNG")}[lqipType]
	if err != nil || !bytes.HasPrefix(img, magic) {
		t.Errorf("lqip does not hold a %s: %v", lqipType, err)
	}
}

func wantNoError(t *testing.T, a analyzed) {
	t.Helper()
	if a.ProcessingError != nil {
		t.Errorf("processingError: %s", *a.ProcessingError)
	}
}

func abs(n int) int { return max(n, -n) }

func hexOf(r, g, b int) string {
	const digits = "0123456789abcdef"
	out := []byte{'#'}
	for _, v := range []int{r, g, b} {
		out = append(out, digits[v>>4], digits[v&15])
	}
	return string(out)
}

func eq[T comparable](t *testing.T, what string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func near(t *testing.T, what string, got *float64, want, tolerance float64) {
	t.Helper()
	if got == nil || math.Abs(*got-want) > tolerance {
		t.Errorf("%s = %v, want %v ± %v", what, fmtPtr(got), want, tolerance)
	}
}

func fmtPtr(f *float64) any {
	if f == nil {
		return "null"
	}
	return *f
}

func val[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func ptr[T any](v T) *T { return &v }

// A file larger than what the multipart transport holds in memory spills to disk whole: its bytes
// arrive intact.
func TestLargeMultipartFileSpillsToDisk(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t), apptest.AnyType)
	big := make([]byte, 9<<20) // over the 8 MiB kept in memory
	for i := range big {
		big[i] = byte(i*7 + i>>11)
	}
	var out struct {
		UploadAssets []struct{ Sha256 string }
	}
	s.Multipart(s.Admin, `mutation($f: [Upload!]!) { uploadAssets(files: $f) { sha256 } }`, map[string]any{"f": []any{nil}},
		[]string{"variables.f.0"}, apptest.File{Name: "big.bin", Content: bytes.NewReader(big)}).Decode(t, &out)
	sum := sha256.Sum256(big)
	if len(out.UploadAssets) != 1 || out.UploadAssets[0].Sha256 != hex.EncodeToString(sum[:]) {
		t.Errorf("9 MiB upload: %+v, want sha256 %x", out.UploadAssets, sum)
	}
}
