package deliver

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/imageurl"
	"github.com/mediagraph/mediagraph/media/placeholder"
	"github.com/mediagraph/mediagraph/models"
)

// ResponsiveImage is what an `<img srcset>` needs, with DatoCMS's field names.
type ResponsiveImage struct {
	Src, SrcSet, WebpSrcSet, AvifSrcSet, Sizes string
	Width, Height                              int
	AspectRatio                                float64
	Alt, Title                                 *string
	Base64, BgColor, Blurhash                  *string
}

// srcSetFactors are the widths of a srcset, as multiples of the requested width.
var srcSetFactors = []float64{0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4}

// Responsive builds a responsive image of a's current version from its stored facts alone: nothing
// is read, and only the tiny placeholder is decoded when the transform changes the image's shape. p is
// checked; alt and title come from the caller (localized). Nil for what the gate does not transform.
func (s *Service) Responsive(ctx context.Context, a *models.Asset, p imageurl.ImageParams, sizes *string, alt, title *string) (*ResponsiveImage, error) {
	if a.Kind != models.KindImage { // a video's poster, a document's page, a sound's waveform
		still, err := s.stillFacts(ctx, a)
		if err != nil || still == nil {
			return nil, err
		}
		a, p = still, stillParams(a, p)
	}
	if !Transformable(a) {
		return nil, nil
	}
	width := *a.Width
	if p.W != nil {
		width = *p.W
	}
	path := imageurl.VersionPath(a)
	w, h := outputSize(*a.Width, *a.Height, p, s.settings.MaxTransformSide)
	img := &ResponsiveImage{
		Src: s.urls.AssetURL(path, p, imageurl.URLOptions{}), Width: w, Height: h, AspectRatio: float64(w) / float64(h),
		Alt: alt, Title: title, Base64: a.LQIP, Blurhash: a.Blurhash,
	}
	if sizes != nil {
		img.Sizes = *sizes
	} else {
		img.Sizes = fmt.Sprintf("(max-width: %dpx) 100vw, %dpx", w, w)
	}
	an, err := a.Analysis.Get()
	if err != nil {
		return nil, err
	}
	if len(an.Colors) > 0 {
		hex := an.Colors[0].Hex()
		img.BgColor = &hex
	}
	if err := reshapePlaceholder(img, a, p); err != nil {
		return nil, err
	}
	var widths []int
	for _, f := range srcSetFactors {
		if cw := int(math.Round(float64(width) * f)); cw >= 1 && cw <= min(*a.Width, imageurl.MaxSide) {
			widths = append(widths, cw)
		}
	}
	if len(widths) == 0 { // asked for more than 4× the original: the original is all there is
		widths = []int{min(*a.Width, imageurl.MaxSide)}
	}
	var plain, webp, avif []string
	seen := map[int]bool{}
	for _, cw := range widths {
		f := float64(cw) / float64(width)
		cp := p
		cp.W = &cw
		if p.H != nil {
			ch := max(1, int(math.Round(float64(*p.H)*f)))
			if ch > imageurl.MaxSide {
				continue
			}
			cp.H = &ch
		}
		ow, _ := outputSize(*a.Width, *a.Height, cp, s.settings.MaxTransformSide)
		if seen[ow] { // capped by the output limit: a second candidate of the same width says nothing
			continue
		}
		seen[ow] = true
		plain = append(plain, s.urls.AssetURL(path, cp, imageurl.URLOptions{})+" "+strconv.Itoa(ow)+"w")
		for _, alt := range []struct {
			fm   imageurl.ImageFormat
			into *[]string
		}{{imageurl.FormatWebP, &webp}, {imageurl.FormatAVIF, &avif}} {
			fp := cp
			fm := alt.fm
			fp.Fm = &fm
			*alt.into = append(*alt.into, s.urls.AssetURL(path, fp, imageurl.URLOptions{})+" "+strconv.Itoa(ow)+"w")
		}
	}
	img.SrcSet, img.WebpSrcSet, img.AvifSrcSet = strings.Join(plain, ", "), strings.Join(webp, ", "), strings.Join(avif, ", ")
	return img, nil
}

// reshapePlaceholder gives the placeholder and the background color the shape and the part of the
// image that the transform shows, when it is not the original's shape: a placeholder of another
// shape than the image makes the page jump when the image arrives.
func reshapePlaceholder(img *ResponsiveImage, a *models.Asset, p imageurl.ImageParams) error {
	original := float64(*a.Width) / float64(*a.Height)
	if a.LQIP == nil || math.Abs(img.AspectRatio/original-1) < 0.01 {
		return nil
	}
	b := boxOf(*a.Width, *a.Height, p)
	region := placeholder.Region{Crop: b.fit == imageurl.FitCrop, FocalX: 0.5, FocalY: 0.5}
	if p.Crop != nil {
		switch *p.Crop {
		case imageurl.CropFocalPoint:
			if p.FpX != nil && p.FpY != nil {
				region.FocalX, region.FocalY = *p.FpX, *p.FpY
			}
		case imageurl.CropTop:
			region.FocalY = 0
		case imageurl.CropBottom:
			region.FocalY = 1
		case imageurl.CropLeft:
			region.FocalX = 0
		case imageurl.CropRight:
			region.FocalX = 1
		}
	}
	uri, color, err := placeholder.Reshape(*a.LQIP, img.AspectRatio, region)
	if err != nil {
		return fmt.Errorf("placeholder of %s: %w", a.ID, err)
	}
	hex := color.Hex()
	img.Base64, img.BgColor = &uri, &hex
	return nil
}

// URLFor is the URL of asset a's bytes at path (imageurl.AssetPath or imageurl.VersionPath), transformed by p (checked),
// and signed to open it until expiresIn when signed.
func (s *Service) URLFor(ctx context.Context, a *models.Asset, path string, p imageurl.ImageParams, signed bool, expiresIn *int) (string, error) {
	if signed {
		return s.signedURL(ctx, a, path, p, expiresIn)
	}
	return s.urls.AssetURL(path, p, imageurl.URLOptions{}), nil
}

// maxSignedURLTTL bounds how long a signed URL may open an asset.
const maxSignedURLTTL = 7 * 24 * time.Hour

// signedURL signs a URL of path so that it opens the asset — PRIVATE or not — until expiresIn seconds
// from now (one hour by default), or until the token that asks is revoked, or revokeSignedUrls
// revokes a's links. Only editors may hand out such URLs.
func (s *Service) signedURL(ctx context.Context, a *models.Asset, path string, p imageurl.ImageParams, expiresIn *int) (string, error) {
	who, err := access.Authorize(ctx, access.Write)
	if err != nil {
		return "", err
	}
	ttl := time.Hour
	if expiresIn != nil {
		if *expiresIn < 1 || time.Duration(*expiresIn)*time.Second > maxSignedURLTTL {
			return "", access.Invalid("expiresIn", "a signed URL lasts from 1 second to %d seconds (a week)", int(maxSignedURLTTL.Seconds()))
		}
		ttl = time.Duration(*expiresIn) * time.Second
	}
	exp := models.Now().Add(ttl)
	return s.urls.AssetURL(path, p, imageurl.URLOptions{Expires: &exp, Issuer: who.TokenID, Epoch: a.GrantEpoch}), nil
}
