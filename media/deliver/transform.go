package media

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"strings"

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

var imagingFits = map[ImageFit]imaging.Fit{
	FitClip: imaging.FitClip, FitMax: imaging.FitMax, FitCrop: imaging.FitCrop, FitFill: imaging.FitFill, FitScale: imaging.FitScale,
}

var imagingCrops = map[ImageCrop]imaging.Crop{
	CropCenter: imaging.CropCenter, CropFocalPoint: imaging.CropFocalPoint, CropTop: imaging.CropTop,
	CropBottom: imaging.CropBottom, CropLeft: imaging.CropLeft, CropRight: imaging.CropRight, CropEntropy: imaging.CropEntropy,
}

var imagingFormats = map[ImageFormat]imaging.Format{
	FormatJPG: imaging.JPEG, FormatPNG: imaging.PNG, FormatWebP: imaging.WebP, FormatAVIF: imaging.AVIF, FormatGIF: imaging.GIF,
}

// resolveTransform turns URL parameters into a spec for asset a: dpr applied, the aspect ratio made a
// box, defaults filled, the format chosen.
func (s *Service) resolveTransform(a *models.Asset, p ImageParams, accept string) (transform, error) {
	if a.Kind != models.KindImage || a.Width == nil || a.Height == nil {
		return transform{}, invalid("params", "transforms apply to images whose size is known; %s is %s", a.ID, strings.ToLower(string(a.Kind)))
	}
	if a.ProcessingError != nil {
		return transform{}, invalid("params", "this image could not be read when it was stored (%s), so it is not transformed", *a.ProcessingError)
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
		case AutoCompress:
			compress = true
		case AutoFormat:
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
	spec.Animated = an.FrameCount > 1 && (format == FormatGIF || format == FormatWebP)
	t.spec = spec
	return t, nil
}

// outputFormat is fm when given; else AVIF or WebP when auto=format and the browser takes them; else
// the original's format when browsers show it, else PNG for images with transparency, JPEG otherwise.
func (s *Service) outputFormat(a *models.Asset, p ImageParams, accept string, auto bool) ImageFormat {
	if p.Fm != nil {
		return *p.Fm
	}
	if auto {
		an, _ := a.Analysis.Get()
		switch {
		case strings.Contains(accept, "image/avif") && an.FrameCount <= 1: // AVIF here would be a still
			return FormatAVIF
		case strings.Contains(accept, "image/webp"):
			return FormatWebP
		}
	}
	switch f := ImageFormat(a.Format); f {
	case FormatJPG, FormatPNG, FormatWebP, FormatAVIF, FormatGIF:
		return f
	}
	if an, _ := a.Analysis.Get(); an.HasAlpha {
		return FormatPNG
	}
	return FormatJPG
}

// box is the requested box of a transform in output pixels, and how the image fills it.
type box struct {
	w, h int
	fit  ImageFit
}

// boxOf applies dpr and the aspect ratio to the requested size of an image of width×height.
func boxOf(width, height int, p ImageParams) box {
	dpr := 1.0
	if p.Dpr != nil {
		dpr = *p.Dpr
	}
	b := box{fit: FitClip}
	if p.W != nil {
		b.w = max(1, int(math.Round(float64(*p.W)*dpr))) // 0 would mean "the original's size"
	}
	if p.H != nil {
		b.h = max(1, int(math.Round(float64(*p.H)*dpr)))
	}
	if p.Ar != nil {
		ar, _ := parseAspectRatio(*p.Ar) // checked with the other parameters
		b.fit = FitCrop
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

// OutputSize is the size of a transform of an image of width×height, stated without decoding it.
func OutputSize(width, height int, p ImageParams, maxSide int) (int, int) {
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
