package deliver

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"strings"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/imageurl"
	"github.com/mediagraph/mediagraph/media/imaging"
	"github.com/mediagraph/mediagraph/models"
)

// Default qualities: imgix's, and a lower one when auto=compress.
const (
	defaultQuality  = 75
	compressQuality = 60
)

// transform is a resolved transform of one asset: the libvips spec, and what it depends on that the
// spec does not say (whether the browser's Accept header chose the format).
type transform struct {
	spec       imaging.Spec
	varyAccept bool
}

var imagingFits = map[imageurl.ImageFit]imaging.Fit{
	imageurl.FitClip: imaging.FitClip, imageurl.FitMax: imaging.FitMax, imageurl.FitCrop: imaging.FitCrop, imageurl.FitFill: imaging.FitFill, imageurl.FitScale: imaging.FitScale,
}

var imagingCrops = map[imageurl.ImageCrop]imaging.Crop{
	imageurl.CropCenter: imaging.CropCenter, imageurl.CropFocalPoint: imaging.CropFocalPoint, imageurl.CropTop: imaging.CropTop,
	imageurl.CropBottom: imaging.CropBottom, imageurl.CropLeft: imaging.CropLeft, imageurl.CropRight: imaging.CropRight, imageurl.CropEntropy: imaging.CropEntropy,
}

var imagingFormats = map[imageurl.ImageFormat]imaging.Format{
	imageurl.FormatJPG: imaging.JPEG, imageurl.FormatPNG: imaging.PNG, imageurl.FormatWebP: imaging.WebP, imageurl.FormatAVIF: imaging.AVIF, imageurl.FormatGIF: imaging.GIF,
}

// Transformable reports whether the gate transforms a's current version: an image whose size is
// known and whose data is not damaged. The API gives no transform URL for anything else, so that no
// URL it returns answers an error.
func Transformable(a *models.Asset) bool {
	return a.Kind == models.KindImage && a.Width != nil && a.Height != nil && a.ProcessingError == nil
}

// resolveTransform turns URL parameters into a spec for asset a: dpr applied, the aspect ratio made a
// box, defaults filled, the format chosen.
func (s *Service) resolveTransform(a *models.Asset, p imageurl.ImageParams, accept string) (transform, error) {
	if a.Kind != models.KindImage || a.Width == nil || a.Height == nil {
		return transform{}, access.Invalid("params", "transforms apply to images whose size is known; %s is %s", a.ID, strings.ToLower(string(a.Kind)))
	}
	if a.ProcessingError != nil {
		return transform{}, access.Invalid("params", "this image's data is damaged (%s), so it is not transformed", *a.ProcessingError)
	}
	box := boxOf(*a.Width, *a.Height, p)
	spec := imaging.Spec{
		Width: box.w, Height: box.h,
		Fit: imagingFits[box.fit], Crop: imaging.CropCenter,
		FocalX: 0.5, FocalY: 0.5,
		Quality:   defaultQuality,
		MaxSide:   s.settings.MaxTransformSide,
		MaxPixels: s.settings.MaxImagePixels,
	}
	if p.Crop != nil {
		spec.Crop = imagingCrops[*p.Crop]
	}
	if p.FpX != nil {
		spec.FocalX = *p.FpX
	}
	if p.FpY != nil {
		spec.FocalY = *p.FpY
	}
	if spec.Crop != imaging.CropFocalPoint {
		spec.FocalX, spec.FocalY = 0.5, 0.5 // not used: keep equal transforms' keys equal
	}
	compress := false
	t := transform{}
	for _, auto := range p.Auto {
		switch auto {
		case imageurl.AutoCompress:
			compress = true
		case imageurl.AutoFormat:
			t.varyAccept = p.Fm == nil
		}
	}
	if compress {
		spec.Quality = compressQuality
	}
	if p.Q != nil {
		spec.Quality = *p.Q
	}
	if p.Blur != nil {
		spec.Blur = float64(*p.Blur) / 2
	}
	format := s.outputFormat(a, p, accept, t.varyAccept)
	spec.Format = imagingFormats[format]
	an, err := a.Analysis.Get()
	if err != nil {
		return transform{}, err
	}
	spec.Animated = an.FrameCount > 1 && (format == imageurl.FormatGIF || format == imageurl.FormatWebP)
	t.spec = spec
	return t, nil
}

// outputFormat is fm when given; else AVIF or WebP when auto=format and the browser takes them; else
// the original's format when browsers show it, else PNG for images with transparency, JPEG otherwise.
func (s *Service) outputFormat(a *models.Asset, p imageurl.ImageParams, accept string, auto bool) imageurl.ImageFormat {
	if p.Fm != nil {
		return *p.Fm
	}
	if auto {
		an, _ := a.Analysis.Get()
		switch {
		case strings.Contains(accept, "image/avif") && an.FrameCount <= 1: // AVIF here would be a still
			return imageurl.FormatAVIF
		case strings.Contains(accept, "image/webp"):
			return imageurl.FormatWebP
		}
	}
	switch f := imageurl.ImageFormat(a.Format); f {
	case imageurl.FormatJPG, imageurl.FormatPNG, imageurl.FormatWebP, imageurl.FormatAVIF, imageurl.FormatGIF:
		return f
	}
	if an, _ := a.Analysis.Get(); an.HasAlpha {
		return imageurl.FormatPNG
	}
	return imageurl.FormatJPG
}

// box is the requested box of a transform in output pixels, and how the image fills it.
type box struct {
	w, h int
	fit  imageurl.ImageFit
}

// boxOf applies dpr and the aspect ratio to the requested size of an image of width×height.
func boxOf(width, height int, p imageurl.ImageParams) box {
	dpr := 1.0
	if p.Dpr != nil {
		dpr = *p.Dpr
	}
	b := box{fit: imageurl.FitClip}
	if p.W != nil {
		b.w = max(1, int(math.Round(float64(*p.W)*dpr))) // 0 would mean "the original's size"
	}
	if p.H != nil {
		b.h = max(1, int(math.Round(float64(*p.H)*dpr)))
	}
	if p.Ar != nil {
		ar, _ := imageurl.ParseAspectRatio(*p.Ar) // checked with the other parameters
		b.fit = imageurl.FitCrop
		switch {
		case b.w == 0 && b.h == 0: // the largest box of that shape inside the image
			b.w, b.h = width, int(math.Round(float64(width)/ar))
			if b.h > height {
				b.w, b.h = int(math.Round(float64(height)*ar)), height
			}
		case b.h == 0:
			b.h = int(math.Round(float64(b.w) / ar))
		case b.w == 0:
			b.w = int(math.Round(float64(b.h) * ar))
		}
	}
	if p.Fit != nil {
		b.fit = *p.Fit
	}
	return b
}

// outputSize is the size of a transform of an image of width×height, stated without decoding it.
func outputSize(width, height int, p imageurl.ImageParams, maxSide int) (int, int) {
	if p.IsZero() {
		return width, height // the original bytes: no cap applies
	}
	b := boxOf(width, height, p)
	out := imaging.OutputSize(width, height, imaging.Spec{Width: b.w, Height: b.h, Fit: imagingFits[b.fit], MaxSide: maxSide})
	return out.X, out.Y
}

// derivedKey is where the result of a transform of a version is stored: equal specs share it, a new
// version never meets an old version's results. digest names the result (its ETag).
func derivedKey(a *models.Asset, version int, spec imaging.Spec) (key, digest string) {
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s/%d %+v", a.SHA256, version, spec)))
	digest = hex.EncodeToString(sum[:12])
	return fmt.Sprintf("derived/%s/%d/%s.%s", a.ID, version, digest, spec.Format.Extension()), digest
}
