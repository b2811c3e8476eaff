package server_test

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	_ "image/png" // decoders for image.Decode
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	_ "golang.org/x/image/webp"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/models"
)

// magic is how each output format starts.
var magic = map[string]func([]byte) bool{
	"image/jpeg": func(b []byte) bool { return bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}) },
	"image/png":  func(b []byte) bool { return bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) },
	"image/gif":  func(b []byte) bool { return bytes.HasPrefix(b, []byte("GIF8")) },
	"image/webp": func(b []byte) bool { return len(b) > 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP" },
	"image/avif": func(b []byte) bool { return len(b) > 12 && string(b[4:12]) == "ftypavif" },
}

// upload uploads one fixture and returns its id.
func upload(t *testing.T, s *apptest.Server, token, name string, input map[string]any) string {
	t.Helper()
	return s.MustUpload(token, input, apptest.Fixture(t, name))[0].ID
}

// transformURL asks the API for a transform URL of an asset (relative to the server).
func transformURL(t *testing.T, s *apptest.Server, token, id string, params map[string]any) string {
	t.Helper()
	var out struct{ Asset struct{ TransformURL string } }
	s.Must(token, `query($id: ID!, $p: ImageParams) { asset(id: $id) { transformUrl(params: $p) } }`, map[string]any{"id": id, "p": params}, &out)
	return strings.TrimPrefix(out.Asset.TransformURL, s.URL)
}

// decoded fetches an image and decodes it, checking the type the server declared is the one its bytes have.
func decoded(t *testing.T, s *apptest.Server, path string, header map[string]string) (image.Image, fetched) {
	t.Helper()
	f := fetch(t, s, http.MethodGet, path, "", header)
	if f.Status != http.StatusOK {
		t.Fatalf("GET %s: HTTP %d %s", path, f.Status, f.Body)
	}
	ct := f.Header.Get("Content-Type")
	if check := magic[ct]; check == nil || !check(f.Body) {
		t.Fatalf("GET %s: Content-Type %s, bytes %q…", path, ct, f.Body[:min(12, len(f.Body))])
	}
	if ct == "image/avif" {
		return nil, f
	}
	img, _, err := image.Decode(bytes.NewReader(f.Body))
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	return img, f
}

func isRed(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	return r > 0xc000 && g < 0x4000 && b < 0x4000
}

func countRed(img image.Image) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if isRed(img.At(x, y)) {
				n++
			}
		}
	}
	return n
}

func TestTransforms(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		editor := s.Token("EDITOR")
		pub := map[string]any{"status": "PUBLIC"}
		photo := upload(t, s, editor, "photo-12mp.jpg", pub)
		cmyk := upload(t, s, editor, "cmyk.jpg", pub)
		rotated := upload(t, s, editor, "rotated-orientation-6.jpg", pub)
		anim := upload(t, s, editor, "anim.gif", pub)
		red := upload(t, s, editor, "focal-red-square.png", map[string]any{"status": "PUBLIC", "focalPoint": map[string]any{"x": 0.833, "y": 0.25}})

		t.Run("formats and sizes", func(t *testing.T) {
			for _, fm := range []string{"JPG", "PNG", "WEBP", "AVIF", "GIF"} {
				path := transformURL(t, s, editor, photo, map[string]any{"w": 320, "fm": fm})
				img, f := decoded(t, s, path, nil)
				if want := "image/" + map[string]string{"JPG": "jpeg"}[fm]; fm == "JPG" && f.Header.Get("Content-Type") != want {
					t.Errorf("%s: %s", fm, f.Header.Get("Content-Type"))
				}
				if img != nil && (img.Bounds().Dx() != 320 || img.Bounds().Dy() != 240) {
					t.Errorf("%s: %v, want 320×240", fm, img.Bounds())
				}
			}
			for _, c := range []struct {
				params map[string]any
				w, h   int
			}{
				{map[string]any{"w": 300, "h": 300}, 300, 225},                                         // clip
				{map[string]any{"w": 300, "h": 300, "fit": "CROP"}, 300, 300},                          // crop
				{map[string]any{"w": 300, "h": 300, "fit": "FILL"}, 300, 300},                          // fill
				{map[string]any{"w": 300, "h": 300, "fit": "SCALE"}, 300, 300},                         // scale
				{map[string]any{"w": 5000, "fit": "MAX"}, 4000, 3000},                                  // max never grows
				{map[string]any{"w": 8000}, 4096, 3072},                                                // the output cap
				{map[string]any{"w": 200, "dpr": 2}, 400, 300},                                         // dpr
				{map[string]any{"w": 320, "ar": "16:9"}, 320, 180},                                     // ar
				{map[string]any{"w": 100, "blur": 20, "q": 40, "auto": []string{"COMPRESS"}}, 100, 75}, // the rest
			} {
				img, _ := decoded(t, s, transformURL(t, s, editor, photo, c.params), nil)
				if img.Bounds().Dx() != c.w || img.Bounds().Dy() != c.h {
					t.Errorf("%v: %v, want %d×%d", c.params, img.Bounds().Size(), c.w, c.h)
				}
			}
		})

		t.Run("CMYK comes out sRGB", func(t *testing.T) {
			f := fetch(t, s, http.MethodGet, transformURL(t, s, editor, cmyk, map[string]any{"w": 320, "fm": "JPG"}), "", nil)
			cfg, err := jpeg.DecodeConfig(bytes.NewReader(f.Body))
			if err != nil || cfg.ColorModel == color.CMYKModel || cfg.Width != 320 {
				t.Errorf("CMYK in: %+v %v, want a 320 wide YCbCr JPEG", cfg, err)
			}
		})

		t.Run("EXIF orientation applied", func(t *testing.T) {
			img, _ := decoded(t, s, transformURL(t, s, editor, rotated, map[string]any{"w": 400}), nil)
			if img.Bounds().Dx() != 400 || img.Bounds().Dy() != 600 {
				t.Errorf("orientation-6 JPEG at w=400: %v, want 400×600", img.Bounds().Size())
			}
		})

		t.Run("focal point crop keeps the red square", func(t *testing.T) {
			// At 300×300 the 1200×800 image is scaled by 0.375: the 200 px square becomes 75×75 = 5,625 pixels.
			const wholeSquare = 5000
			focal, _ := decoded(t, s, transformURL(t, s, editor, red, map[string]any{"w": 300, "h": 300, "fit": "CROP", "crop": "FOCALPOINT"}), nil)
			if focal.Bounds().Dx() != 300 || focal.Bounds().Dy() != 300 || countRed(focal) < wholeSquare {
				t.Errorf("focal-point crop %v holds %d red pixels", focal.Bounds().Size(), countRed(focal))
			}
			// A narrow crop shows the difference: the centre misses the square, the focal point keeps it.
			narrow := map[string]any{"w": 200, "h": 400, "fit": "CROP", "crop": "CENTER"}
			center, _ := decoded(t, s, transformURL(t, s, editor, red, narrow), nil)
			narrow["crop"] = "FOCALPOINT"
			aside, _ := decoded(t, s, transformURL(t, s, editor, red, narrow), nil)
			if countRed(center) != 0 || countRed(aside) < 9000 {
				t.Errorf("200×400 crops: centre holds %d red pixels (want none), focal point %d (want the 100×100 square)", countRed(center), countRed(aside))
			}
			// The API writes the focal point into the URL (the centre when none is set), so moving it
			// changes the URL; a URL without one is resolved by the gate and cached briefly.
			crop := map[string]any{"w": 300, "h": 300, "fit": "CROP", "crop": "FOCALPOINT"}
			if u := transformURL(t, s, editor, red, crop); !strings.Contains(u, "fp-x=0.833") || !strings.Contains(u, "fp-y=0.25") {
				t.Errorf("focal-point URL %s", u)
			}
			if u := transformURL(t, s, editor, photo, crop); !strings.Contains(u, "fp-x=0.5&fp-y=0.5") {
				t.Errorf("focal-point URL without a focal point %s", u)
			}
			for _, path := range []string{"/media/asset/%s/focal-red-square.png", "/media/v/%s/1/focal-red-square.png"} {
				img, f := decoded(t, s, fmt.Sprintf(path, red)+"?w=300&h=300&fit=crop&crop=focalpoint", nil)
				if countRed(img) < wholeSquare || f.Header.Get("Cache-Control") != "public, max-age=300" {
					t.Errorf("%s: focal-point crop from the stored point holds %d red pixels, Cache-Control %q", path, countRed(img), f.Header.Get("Cache-Control"))
				}
			}
		})

		t.Run("animation kept when asked", func(t *testing.T) {
			f := fetch(t, s, http.MethodGet, transformURL(t, s, editor, anim, map[string]any{"w": 100, "fm": "GIF"}), "", nil)
			g, err := gif.DecodeAll(bytes.NewReader(f.Body))
			if err != nil || len(g.Image) != 4 || g.Config.Width != 100 {
				t.Fatalf("animated GIF at w=100: %v frames, %v", len(g.Image), err)
			}
			if g.Delay[0] != 10 {
				t.Errorf("frame delay %d cs, want 10", g.Delay[0])
			}
			still, _ := decoded(t, s, transformURL(t, s, editor, anim, map[string]any{"w": 100, "fm": "PNG"}), nil)
			if still.Bounds().Dx() != 100 {
				t.Errorf("PNG of the animation: %v", still.Bounds())
			}
		})

		t.Run("auto=format follows Accept", func(t *testing.T) {
			path := transformURL(t, s, editor, photo, map[string]any{"w": 64, "auto": []string{"FORMAT"}})
			for accept, want := range map[string]string{"image/avif,image/webp,*/*": "image/avif", "image/webp,*/*": "image/webp", "*/*": "image/jpeg"} {
				_, f := decoded(t, s, path, map[string]string{"Accept": accept})
				if f.Header.Get("Content-Type") != want || f.Header.Get("Vary") != "Accept" {
					t.Errorf("Accept %s: %s (Vary %q), want %s", accept, f.Header.Get("Content-Type"), f.Header.Get("Vary"), want)
				}
			}
		})

		t.Run("one stored result per transform", func(t *testing.T) {
			path := transformURL(t, s, editor, photo, map[string]any{"w": 777})
			s.App.Media.Deliver.Settle() // results of earlier subtests still being stored would count here
			before := s.Rows("derivatives")
			var wg sync.WaitGroup
			bodies := make([][]byte, 8)
			for i := range bodies {
				wg.Add(1)
				go func() {
					defer wg.Done()
					bodies[i] = fetch(t, s, http.MethodGet, path, "", nil).Body
				}()
			}
			wg.Wait()
			again := fetch(t, s, http.MethodGet, path, "", nil)
			for i, b := range append(bodies, again.Body) {
				if !bytes.Equal(b, bodies[0]) || len(b) == 0 {
					t.Fatalf("response %d differs from the first", i)
				}
			}
			s.App.Media.Deliver.Settle()
			if n := s.Rows("derivatives") - before; n != 1 {
				t.Errorf("%d results stored for one transform asked 9 times", n)
			}
			cond := fetch(t, s, http.MethodGet, path, "", map[string]string{"If-None-Match": again.Header.Get("ETag")})
			if cond.Status != http.StatusNotModified || len(cond.Body) != 0 {
				t.Errorf("If-None-Match on a transform: HTTP %d", cond.Status)
			}
			if cc := again.Header.Get("Cache-Control"); cc != "public, max-age=31536000, immutable" {
				t.Errorf("versioned transform Cache-Control %q", cc)
			}
		})

		t.Run("bad parameters", func(t *testing.T) {
			base := fmt.Sprintf("/media/asset/%s/photo-12mp.jpg?", photo)
			for _, q := range []string{"w=0", "w=99999", "fit=zoom", "dpr=4", "q=101", "fp-x=2", "ar=16:0", "fm=bmp", "w=1&w=2", "blur=-1", "w=10&ar=nan", "ar=inf:1"} {
				wantGateError(t, q, fetch(t, s, http.MethodGet, base+q, "", nil), http.StatusBadRequest, "VALIDATION_FAILED")
			}
			clip := upload(t, s, editor, "clip.mp4", pub)
			waitPoster(t, s, clip) // stored in the background: before the next subtest counts stored transforms
			wantGateError(t, "a video's frame past its end", fetch(t, s, http.MethodGet, fmt.Sprintf("/media/asset/%s/clip.mp4?w=100&t=60", clip), "", nil), http.StatusBadRequest, "VALIDATION_FAILED")
		})

		t.Run("purge removes stored results", func(t *testing.T) {
			id := upload(t, s, editor, "alpha.png", pub)
			rows := s.Rows("derivatives")
			decoded(t, s, transformURL(t, s, editor, id, map[string]any{"w": 50}), nil)
			s.App.Media.Deliver.Settle() // the transform is stored
			rows, files := rows+1, len(s.Files())
			s.Must(editor, `mutation($ids: [ID!]!) { deleteAssets(ids: $ids) }`, map[string]any{"ids": []string{id}}, nil)
			s.Must(s.Admin, `mutation($ids: [ID!]!) { purgeAssets(ids: $ids) }`, map[string]any{"ids": []string{id}}, nil)
			if after := s.Rows("derivatives"); after != rows-1 {
				t.Errorf("stored transforms recorded %d → %d after purging an asset with one", rows, after)
			}
			if after := len(s.Files()); files > 0 && after != files-2 { // the local-disk store's files
				t.Errorf("files %d → %d after purging an asset with one stored transform, want 2 fewer", files, after)
			}
		})
	})
}

func TestDeliveryNeverLeaksPrivateBytes(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		editor, delivery := s.Token("EDITOR"), s.Token("DELIVERY")
		priv := upload(t, s, editor, "alpha.png", nil)
		var out struct {
			Asset struct{ Path, URL, TransformURL, Thumb string }
		}
		s.Must(editor, `query($id: ID!) { asset(id: $id) { path url transformUrl thumb: transformUrl(params: {w: 40}) } }`, map[string]any{"id": priv}, &out)
		a := out.Asset
		for name, path := range map[string]string{
			"gate": a.Path, "gate transform": a.Path + "?w=40", "versioned": strings.TrimPrefix(a.TransformURL, s.URL),
			"versioned transform": strings.TrimPrefix(a.Thumb, s.URL),
		} {
			for who, token := range map[string]string{"anonymous": "", "DELIVERY": delivery} {
				wantGateError(t, who+" "+name, fetch(t, s, http.MethodGet, path, token, nil), http.StatusForbidden, "ASSET_ACCESS_DENIED")
			}
			if f := fetch(t, s, http.MethodGet, path, editor, nil); f.Status != http.StatusOK || f.Header.Get("Cache-Control") != "private, no-store" {
				t.Errorf("editor %s: HTTP %d, Cache-Control %q", name, f.Status, f.Header.Get("Cache-Control"))
			}
		}

		// A signed URL opens the asset to anyone until it expires; any edit voids it.
		sign := func(expiresIn int, params map[string]any) string {
			var out struct{ CreateSignedAssetURL string }
			s.Must(editor, `mutation($id: ID!, $e: Int, $p: ImageParams) { createSignedAssetUrl(id: $id, expiresIn: $e, params: $p) }`,
				map[string]any{"id": priv, "e": expiresIn, "p": params}, &out)
			return strings.TrimPrefix(out.CreateSignedAssetURL, s.URL)
		}
		signed := sign(3600, map[string]any{"w": 40})
		if f := fetch(t, s, http.MethodGet, signed, "", nil); f.Status != http.StatusOK || f.Header.Get("Cache-Control") != "private, no-store" {
			t.Errorf("signed URL: HTTP %d %s, Cache-Control %q", f.Status, f.Body, f.Header.Get("Cache-Control"))
		}
		u, _ := url.Parse(signed)
		for name, edit := range map[string]func(url.Values){
			"another width":  func(q url.Values) { q.Set("w", "41") },
			"a later expiry": func(q url.Values) { q.Set("exp", strconv.FormatInt(time.Now().Add(48*time.Hour).Unix(), 10)) },
			"no expiry":      func(q url.Values) { q.Del("exp") },
			"a forged s":     func(q url.Values) { q.Set("s", strings.Repeat("0", 32)) },
			"no signature":   func(q url.Values) { q.Del("s") },
			"an added param": func(q url.Values) { q.Set("blur", "5") },
		} {
			q := u.Query()
			edit(q)
			f := fetch(t, s, http.MethodGet, u.Path+"?"+q.Encode(), "", nil)
			if f.Status != http.StatusForbidden {
				t.Errorf("signed URL with %s: HTTP %d", name, f.Status)
			}
		}
		// Another asset's path with this signature.
		other := upload(t, s, editor, "cmyk.jpg", nil)
		f := fetch(t, s, http.MethodGet, strings.Replace(signed, priv, other, 1), "", nil)
		if f.Status != http.StatusForbidden {
			t.Errorf("a signature moved to another asset: HTTP %d", f.Status)
		}
		// Trashing an asset takes it down: links shared before stop working.
		trashed := upload(t, s, editor, "alpha.png", nil)
		var link struct{ CreateSignedAssetURL string }
		s.Must(editor, `mutation($id: ID!) { createSignedAssetUrl(id: $id) }`, map[string]any{"id": trashed}, &link)
		s.Must(editor, `mutation($ids: [ID!]!) { deleteAssets(ids: $ids) }`, map[string]any{"ids": []string{trashed}}, nil)
		wantGateError(t, "signed URL of a trashed asset", fetch(t, s, http.MethodGet, strings.TrimPrefix(link.CreateSignedAssetURL, s.URL), "", nil), http.StatusNotFound, "NOT_FOUND")
		short := sign(1, nil)
		if f := fetch(t, s, http.MethodGet, short, "", nil); f.Status != http.StatusOK {
			t.Errorf("fresh 1-second URL: HTTP %d", f.Status)
		}
		time.Sleep(2100 * time.Millisecond) // let it expire: the expiry has a one-second grain
		wantGateError(t, "expired signed URL", fetch(t, s, http.MethodGet, short, "", nil), http.StatusForbidden, "ASSET_ACCESS_DENIED")
		for _, e := range []int{0, 604801} {
			res := s.Query(editor, `mutation($id: ID!, $e: Int) { createSignedAssetUrl(id: $id, expiresIn: $e) }`, map[string]any{"id": priv, "e": e})
			wantCode(t, fmt.Sprint("expiresIn ", e), res, "VALIDATION_FAILED", "expiresIn")
		}
		res := s.Query(delivery, `mutation($id: ID!) { createSignedAssetUrl(id: $id) }`, map[string]any{"id": priv})
		// Every mutation is management only: refused before the id is looked at, so nothing is revealed.
		wantCode(t, "delivery token signs a private asset", res, "FORBIDDEN", "Mutation.createSignedAssetUrl")
		pub := upload(t, s, editor, "alpha.png", map[string]any{"status": "PUBLIC"})
		res = s.Query(delivery, `mutation($id: ID!) { createSignedAssetUrl(id: $id) }`, map[string]any{"id": pub})
		wantCode(t, "delivery token signs a public asset", res, "FORBIDDEN", "")

		// Availability: outside its window a PUBLIC asset is refused to readers, not to editors.
		path := fmt.Sprintf("/media/asset/%s/alpha.png", pub)
		later := time.Now().Add(time.Hour).UTC().Format(time.RFC3339)
		s.Must(editor, `mutation($id: ID!, $t: Time) { updateAsset(id: $id, input: { availableFrom: $t }) { id } }`, map[string]any{"id": pub, "t": later}, nil)
		wantGateError(t, "before availableFrom", fetch(t, s, http.MethodGet, path, "", nil), http.StatusForbidden, "ASSET_ACCESS_DENIED")
		if f := fetch(t, s, http.MethodGet, path, editor, nil); f.Status != http.StatusOK {
			t.Errorf("editor before availableFrom: HTTP %d", f.Status)
		}
		soon := time.Now().Add(90 * time.Second).UTC().Format(time.RFC3339)
		s.Must(editor, `mutation($id: ID!, $t: Time) { updateAsset(id: $id, input: { availableFrom: null, availableUntil: $t }) { id } }`, map[string]any{"id": pub, "t": soon}, nil)
		f = fetch(t, s, http.MethodGet, path, "", nil)
		if age := strings.TrimPrefix(f.Header.Get("Cache-Control"), "public, max-age="); f.Status != http.StatusOK || age == "" || mustAtoi(age) > 90 {
			t.Errorf("within availability: HTTP %d, Cache-Control %q (want at most 90 s)", f.Status, f.Header.Get("Cache-Control"))
		}
		res = s.Query(editor, `mutation($id: ID!, $a: Time, $b: Time) { updateAsset(id: $id, input: { availableFrom: $a, availableUntil: $b }) { id } }`,
			map[string]any{"id": pub, "a": later, "b": soon})
		wantCode(t, "until before from", res, "VALIDATION_FAILED", "availableUntil")
	})
}

func mustAtoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 1 << 30
	}
	return n
}

// With MEDIAGRAPH_SIGNING_KEY set, every transform URL needs its signature, and the API signs all it gives.
func TestSignedTransforms(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t), func(c *config.Config) { c.SigningKey = "a key the operator chose" })
	editor := s.Token("EDITOR")
	id := upload(t, s, editor, "photo-12mp.jpg", map[string]any{"status": "PUBLIC"})
	var out struct {
		Asset struct {
			TransformURL    string
			URL             string
			ResponsiveImage struct{ Src, SrcSet string }
		}
	}
	s.Must(editor, `query($id: ID!) { asset(id: $id) { transformUrl(params: {w: 100}) url responsiveImage(params: {w: 100}) { src srcSet } } }`, map[string]any{"id": id}, &out)
	urls := []string{out.Asset.TransformURL, out.Asset.ResponsiveImage.Src}
	for _, c := range strings.Split(out.Asset.ResponsiveImage.SrcSet, ", ") {
		urls = append(urls, strings.Fields(c)[0])
	}
	for _, u := range urls {
		if parsed, err := url.Parse(u); err != nil || parsed.Query().Get("s") == "" {
			t.Errorf("unsigned URL from the API: %s", u)
		}
		if f := fetch(t, s, http.MethodGet, strings.TrimPrefix(u, s.URL), "", nil); f.Status != http.StatusOK {
			t.Errorf("GET %s: HTTP %d %s", u, f.Status, f.Body)
		}
	}
	if strings.Contains(out.Asset.URL, "s=") {
		t.Errorf("the plain URL has nothing to sign: %s", out.Asset.URL)
	}
	plain := fmt.Sprintf("/media/asset/%s/photo-12mp.jpg", id)
	if f := fetch(t, s, http.MethodGet, plain, "", nil); f.Status != http.StatusOK {
		t.Errorf("original bytes need no signature: HTTP %d", f.Status)
	}
	wantGateError(t, "unsigned transform", fetch(t, s, http.MethodGet, plain+"?w=100", "", nil), http.StatusForbidden, "FORBIDDEN")
	tampered := strings.Replace(strings.TrimPrefix(out.Asset.TransformURL, s.URL), "w=100", "w=101", 1)
	wantGateError(t, "tampered transform", fetch(t, s, http.MethodGet, tampered, "", nil), http.StatusForbidden, "FORBIDDEN")
}

func TestResponsiveImage(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	editor := s.Token("EDITOR")
	id := upload(t, s, editor, "photo-12mp.jpg", map[string]any{"status": "PUBLIC",
		"defaultFieldMetadata": []any{map[string]any{"locale": "en", "alt": "The Duomo", "title": "Dawn"}}})
	s.Settle()
	type responsive struct {
		Src, SrcSet, WebpSrcSet, AvifSrcSet, Sizes string
		Width, Height                              int
		AspectRatio                                float64
		Alt, Title, Base64, BgColor, Blurhash      *string
	}
	get := func(params map[string]any) responsive {
		var out struct {
			Asset struct{ ResponsiveImage responsive }
		}
		s.Must(s.Token("DELIVERY"), `query($id: ID!, $p: ImageParams) { asset(id: $id) { responsiveImage(params: $p) {
			src srcSet webpSrcSet avifSrcSet sizes width height aspectRatio alt title base64 bgColor blurhash } } }`,
			map[string]any{"id": id, "p": params}, &out)
		return out.Asset.ResponsiveImage
	}
	widths := func(srcSet string) []int {
		var ws []int
		for _, c := range strings.Split(srcSet, ", ") {
			f := strings.Fields(c)
			ws = append(ws, mustAtoi(strings.TrimSuffix(f[1], "w")))
		}
		return ws
	}
	r := get(map[string]any{"w": 1000})
	if got := widths(r.SrcSet); !slices.Equal(got, []int{250, 500, 750, 1000, 1500, 2000, 3000, 4000}) {
		t.Errorf("srcSet widths for w=1000: %v", got)
	}
	if r.Width != 1000 || r.Height != 750 || r.AspectRatio != 1000.0/750 || r.Sizes != "(max-width: 1000px) 100vw, 1000px" {
		t.Errorf("size: %+v", r)
	}
	if val(r.Alt) != "The Duomo" || val(r.Title) != "Dawn" || r.Base64 == nil || r.Blurhash == nil || r.BgColor == nil || !strings.HasPrefix(*r.BgColor, "#") {
		t.Errorf("placeholders and text: %+v", r)
	}
	if !strings.Contains(r.WebpSrcSet, "fm=webp") || !strings.Contains(r.AvifSrcSet, "fm=avif") || len(widths(r.AvifSrcSet)) != 8 {
		t.Errorf("format srcsets: %s / %s", r.WebpSrcSet, r.AvifSrcSet)
	}
	// Never wider than the original.
	if got := widths(get(map[string]any{"w": 2000}).SrcSet); !slices.Equal(got, []int{500, 1000, 1500, 2000, 3000, 4000}) {
		t.Errorf("srcSet widths for w=2000: %v", got)
	}
	// Every candidate's declared width is what the gate sends.
	crop := get(map[string]any{"w": 600, "h": 400, "fit": "CROP"})
	for _, c := range strings.Split(crop.WebpSrcSet, ", ")[:3] {
		f := strings.Fields(c)
		img, _ := decoded(t, s, strings.TrimPrefix(f[0], s.URL), nil)
		if w := img.Bounds().Dx(); strconv.Itoa(w)+"w" != f[1] || img.Bounds().Dy()*3 != w*2 {
			t.Errorf("%s: decoded %v", c, img.Bounds().Size())
		}
	}
	if crop.Width != 600 || crop.Height != 400 {
		t.Errorf("crop size %d×%d", crop.Width, crop.Height)
	}
	img, _ := decoded(t, s, strings.TrimPrefix(crop.Src, s.URL), nil)
	if img.Bounds().Dx() != 600 || img.Bounds().Dy() != 400 {
		t.Errorf("src decodes %v, declared 600×400", img.Bounds().Size())
	}
	// Above the output cap, candidates that would come out the same width are listed once.
	capped := apptest.Start(t, testdb.SQLite(t), func(c *config.Config) { c.MaxTransformSide = 1000 })
	cid := upload(t, capped, capped.Admin, "photo-12mp.jpg", map[string]any{"status": "PUBLIC"})
	var cout struct {
		Asset struct{ ResponsiveImage responsive }
	}
	capped.Must(capped.Admin, `query($id: ID!) { asset(id: $id) { responsiveImage(params: {w: 1000}) { srcSet width } } }`, map[string]any{"id": cid}, &cout)
	if got := widths(cout.Asset.ResponsiveImage.SrcSet); !slices.Equal(got, []int{250, 500, 750, 1000}) {
		t.Errorf("srcSet widths under a 1000 px cap: %v", got)
	}
	var orig struct {
		Asset struct{ ResponsiveImage responsive }
	}
	s.Must(editor, `query($id: ID!) { asset(id: $id) { responsiveImage { src width height } } }`, map[string]any{"id": id}, &orig)
	if o := orig.Asset.ResponsiveImage; o.Width != 4000 || o.Height != 3000 || strings.Contains(o.Src, "?") {
		t.Errorf("no params: %s %d×%d, want the original 4000×3000", o.Src, o.Width, o.Height)
	}
	// A damaged image: null.
	damaged := upload(t, s, editor, "truncated.jpg", nil)
	s.Settle()
	var out struct {
		Asset struct{ ResponsiveImage *responsive }
	}
	s.Must(editor, `query($id: ID!) { asset(id: $id) { responsiveImage { src } } }`, map[string]any{"id": damaged}, &out)
	if out.Asset.ResponsiveImage != nil {
		t.Errorf("a damaged image's responsiveImage: %+v", out.Asset.ResponsiveImage)
	}
}

// responsiveImage is computed from the asset's row: a page of 50 costs no statement more with it.
func TestResponsiveImageAddsNoStatement(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		s.Seed(60)
		editor := s.Token("EDITOR")
		s.Must(editor, `{ mediaSettings { defaultLocale } }`, nil, nil) // the token's first use is recorded
		n := countStatements(t, s.App.DB.Gorm())
		measure := func(fields string) int64 {
			before := n.Load()
			s.Must(editor, `{ assets(first: 50) { nodes { id `+fields+` } } }`, nil, nil)
			return n.Load() - before
		}
		const full = `responsiveImage(params: {w: 400, fit: CROP, h: 300}) { src srcSet webpSrcSet avifSrcSet sizes width height aspectRatio base64 bgColor blurhash }`
		if without, with := measure(""), measure(full); with != without {
			t.Errorf("statements without responsiveImage %d, with it %d", without, with)
		}
		if without, with := measure("alt title"), measure("alt title "+full+" r2: responsiveImage { alt title }"); with != without {
			t.Errorf("statements with alt and title %d, adding responsiveImage's alt and title %d", without, with)
		}
	})
}

func TestOriginalBytesOverHTTP(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t, apptest.AnyType)
		editor := s.Token("EDITOR")
		id := upload(t, s, editor, "clip.mp4", map[string]any{"status": "PUBLIC"})
		video := fixtures.Read(t, "clip.mp4")
		var out struct{ Asset struct{ TransformURL string } }
		s.Must(editor, `query($id: ID!) { asset(id: $id) { transformUrl } }`, map[string]any{"id": id}, &out)
		path := strings.TrimPrefix(out.Asset.TransformURL, s.URL)
		if path != "/media/v/"+id+"/1/clip.mp4" {
			t.Fatalf("versioned path %q", path)
		}
		full := fetch(t, s, http.MethodGet, path, "", nil)
		if !bytes.Equal(full.Body, video) || full.Header.Get("Cache-Control") != "public, max-age=31536000, immutable" ||
			full.Header.Get("Content-Type") != "video/mp4" || full.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Fatalf("versioned GET: %d bytes, headers %v", len(full.Body), full.Header)
		}
		part := fetch(t, s, http.MethodGet, path, "", map[string]string{"Range": "bytes=1000-1999"})
		if part.Status != http.StatusPartialContent || !bytes.Equal(part.Body, video[1000:2000]) ||
			part.Header.Get("Content-Range") != fmt.Sprintf("bytes 1000-1999/%d", len(video)) {
			t.Errorf("Range: HTTP %d, %d bytes, Content-Range %q", part.Status, len(part.Body), part.Header.Get("Content-Range"))
		}
		head := fetch(t, s, http.MethodHead, path, "", nil)
		if head.Status != http.StatusOK || len(head.Body) != 0 || head.Header.Get("Content-Length") != strconv.Itoa(len(video)) {
			t.Errorf("HEAD: HTTP %d, %d bytes, Content-Length %q", head.Status, len(head.Body), head.Header.Get("Content-Length"))
		}
		notModified := fetch(t, s, http.MethodGet, path, "", map[string]string{"If-None-Match": full.Header.Get("ETag")})
		if notModified.Status != http.StatusNotModified {
			t.Errorf("If-None-Match: HTTP %d", notModified.Status)
		}
		dl := fetch(t, s, http.MethodGet, path+"?download", "", nil)
		if dl.Header.Get("Content-Disposition") != `attachment; filename=clip.mp4` {
			t.Errorf("download: Content-Disposition %q", dl.Header.Get("Content-Disposition"))
		}
		wantGateError(t, "a version that does not exist", fetch(t, s, http.MethodGet, "/media/v/"+id+"/2/clip.mp4", "", nil), http.StatusNotFound, "NOT_FOUND")
		svg := upload(t, s, editor, "script.svg", map[string]any{"status": "PUBLIC"})
		f := fetch(t, s, http.MethodGet, "/media/v/"+svg+"/1/script.svg", "", nil)
		if f.Header.Get("Content-Security-Policy") != "default-src 'none'; style-src 'unsafe-inline'; sandbox" {
			t.Errorf("SVG at its versioned URL: CSP %q", f.Header.Get("Content-Security-Policy"))
		}
	})
}

// With S3_DELIVERY=redirect, original bytes go out as a redirect to a short-lived presigned URL of the
// bucket, after the same checks; active types still stream, to keep their sandbox.
func TestS3RedirectDelivery(t *testing.T) {
	s := apptest.Start(t, testdb.Postgres(t), apptest.S3(t), apptest.AnyType, func(c *config.Config) { c.S3Delivery = "redirect" })
	editor := s.Token("EDITOR")
	pub := upload(t, s, editor, "alpha.png", map[string]any{"status": "PUBLIC"})
	priv := upload(t, s, editor, "cmyk.jpg", nil)
	svg := upload(t, s, editor, "script.svg", map[string]any{"status": "PUBLIC"})
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := noRedirect.Get(s.URL + "/media/asset/" + pub + "/alpha.png")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusFound || !strings.Contains(loc, "X-Amz-Signature=") || res.Header.Get("Cache-Control") != "private, no-store" {
		t.Fatalf("PUBLIC original: HTTP %d, Location %q, Cache-Control %q", res.StatusCode, loc, res.Header.Get("Cache-Control"))
	}
	got, err := http.Get(loc)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(got.Body)
	got.Body.Close()
	if !bytes.Equal(body, fixtures.Read(t, "alpha.png")) {
		t.Errorf("the presigned URL gave %d bytes, not the asset", len(body))
	}
	wantGateError(t, "PRIVATE original", fetch(t, s, http.MethodGet, "/media/asset/"+priv+"/cmyk.jpg", "", nil), http.StatusForbidden, "ASSET_ACCESS_DENIED")
	f := fetch(t, s, http.MethodGet, "/media/asset/"+svg+"/script.svg", "", nil)
	if f.Status != http.StatusOK || f.Header.Get("Content-Security-Policy") == "" {
		t.Errorf("SVG under redirect delivery: HTTP %d, CSP %q", f.Status, f.Header.Get("Content-Security-Policy"))
	}
	if img, _ := decoded(t, s, "/media/asset/"+pub+"/alpha.png?w=20", nil); img.Bounds().Dx() != 20 {
		t.Errorf("transforms stream under redirect delivery: %v", img.Bounds())
	}
}

// Replacing an asset keeps its id and gate URL, gives it new versioned URLs, keeps the old version's
// bytes at the old versioned URL, and sweeps the old version's stored transforms.
func TestReplaceAsset(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		editor := s.Token("EDITOR")
		id := upload(t, s, editor, "photo-12mp.jpg", map[string]any{"status": "PUBLIC", "tags": []string{"duomo"}, "author": "Me"})
		oldThumb := transformURL(t, s, editor, id, map[string]any{"w": 64})
		decoded(t, s, oldThumb, nil)
		s.App.Media.Deliver.Settle() // the transform is stored
		replace := `mutation($id: ID!, $file: Upload!) { replaceAsset(id: $id, file: $file) {
			id version filename mimeType width height author copyright tags { name } transformUrl blurhash } }`
		var out struct {
			ReplaceAsset struct {
				ID, Filename, MimeType, TransformURL, Author string
				Version, Width, Height                       int
				Copyright, Blurhash                          *string
				Tags                                         []struct{ Name string }
			}
		}
		s.Multipart(editor, replace, map[string]any{"id": id, "file": nil}, []string{"variables.file"}, apptest.Fixture(t, "alpha.png")).Decode(t, &out)
		r := out.ReplaceAsset
		if r.ID != id || r.Version != 2 || r.Filename != "photo-12mp.png" || r.MimeType != "image/png" || r.Width != 800 || r.Height != 600 ||
			r.Author != "Me" || len(r.Tags) != 1 || !strings.HasSuffix(r.TransformURL, "/media/v/"+id+"/2/photo-12mp.png") {
			t.Fatalf("replaced: %+v", r)
		}
		s.Settle()
		var again struct{ Asset struct{ Blurhash *string } }
		if s.Must(editor, `query($id: ID!) { asset(id: $id) { blurhash } }`, map[string]any{"id": id}, &again); again.Asset.Blurhash == nil || (r.Blurhash != nil && *r.Blurhash != *again.Asset.Blurhash) {
			t.Errorf("the replacement's blurhash: %v once analyzed (%v in the answer)", again.Asset.Blurhash, r.Blurhash)
		}
		png := fixtures.Read(t, "alpha.png")
		if f := fetch(t, s, http.MethodGet, "/media/asset/"+id+"/photo-12mp.png", "", nil); !bytes.Equal(f.Body, png) {
			t.Errorf("the gate serves %d bytes, not the new file", len(f.Body))
		}
		if f := fetch(t, s, http.MethodGet, "/media/v/"+id+"/1/photo-12mp.jpg", "", nil); !bytes.Equal(f.Body, fixtures.Read(t, "photo-12mp.jpg")) ||
			f.Header.Get("Content-Type") != "image/jpeg" || f.Header.Get("ETag") != `"70a304f91d5d94e692ec990844376a3b07cc3222e75677dd216da6ece157feb9"` ||
			f.Header.Get("Content-Disposition") != "inline; filename=photo-12mp.jpg" {
			t.Errorf("version 1 serves %d bytes, headers %v; want the old file as it was", len(f.Body), f.Header)
		}
		newThumb := transformURL(t, s, editor, id, map[string]any{"w": 64})
		if newThumb == oldThumb {
			t.Fatalf("the transform URL did not change: %s", newThumb)
		}
		if img, _ := decoded(t, s, newThumb, nil); img.Bounds().Dy() != 48 {
			t.Errorf("new thumbnail %v, want 64×48", img.Bounds().Size())
		}
		s.App.Media.Deliver.Settle()
		generation, _ := s.App.Media.Generation(t.Context())
		// The periodic sweep may have taken it first: either way only the new version's transform stays
		// recorded (checked below).
		if n, err := s.App.Media.Deliver.SweepDerivatives(t.Context()); err != nil || n > 1 {
			t.Errorf("swept %d transforms (%v), want at most the old version's one", n, err)
		}
		if after, _ := s.App.Media.Generation(t.Context()); after != generation {
			t.Errorf("the sweep changed the catalogue generation %d → %d (it would empty the delivery cache)", generation, after)
		}
		if kept, err := s.App.DB.RecordDerivative(t.Context(), &models.Derivative{ObjectKey: "derived/x", AssetID: id, Version: 1, Size: 1}); kept || err != nil {
			t.Errorf("a transform of a replaced version was recorded: %v %v", kept, err)
		}
		if rows := s.Rows("derivatives"); rows != 1 {
			t.Errorf("%d transforms recorded after the sweep, want the new version's one", rows)
		}
		// The old version's transform is still made on demand, never kept.
		if img, _ := decoded(t, s, oldThumb, nil); img.Bounds().Dy() != 48 || s.Rows("derivatives") != 1 {
			t.Errorf("old version's thumbnail: %v, %d recorded", img.Bounds().Size(), s.Rows("derivatives"))
		}
		res := s.Multipart(s.Token("DELIVERY"), replace, map[string]any{"id": id, "file": nil}, []string{"variables.file"}, apptest.Fixture(t, "alpha.png"))
		wantCode(t, "delivery token replaces", res, "FORBIDDEN", "")
		s.Must(editor, `mutation($ids: [ID!]!) { deleteAssets(ids: $ids) }`, map[string]any{"ids": []string{id}}, nil)
		res = s.Multipart(editor, replace, map[string]any{"id": id, "file": nil}, []string{"variables.file"}, apptest.Fixture(t, "alpha.png"))
		wantCode(t, "a trashed asset", res, "NOT_FOUND", "")
	})
}
