package imaging

import (
	"fmt"
	"math"

	"github.com/davidbyttow/govips/v2/vips"
)

// EditKind names an editing operation.
type EditKind int

const (
	EditCrop EditKind = iota + 1
	EditRotate
	EditFlip // upside down
	EditFlop // left to right
	EditAdjust
	EditGrayscale
	EditSepia
)

// Rect is a crop rectangle: in pixels of the image as it stands at that step, or, when Relative, as
// fractions (0 to 1) of its width and height.
type Rect struct {
	X, Y, Width, Height float64
	Relative            bool
}

// EditOp is one step of an edit. Adjust's factors multiply: 1 leaves the image as it is, 0 takes
// brightness or contrast or colour away entirely, 2 doubles it.
type EditOp struct {
	Kind EditKind
	Crop Rect
	// Angle is clockwise degrees: a multiple of 90 turns the image losslessly; any other angle
	// (straightening) rotates it and crops to the largest upright rectangle inside.
	Angle                          float64
	Brightness, Contrast, Saturate float64
}

// EditError is an operation that cannot be applied, by its index and the field at fault.
type EditError struct {
	Index   int
	Field   string
	Message string
}

func (e *EditError) Error() string {
	return fmt.Sprintf("operation %d (%s): %s", e.Index, e.Field, e.Message)
}

// Edit applies ops in order to an image (EXIF orientation applied first) and encodes the result in
// the image's own format, at quality for lossy ones. Animated images edit their first frame.
func Edit(buf []byte, ops []EditOp, quality int) ([]byte, Format, error) {
	start()
	img, err := vips.NewImageFromBuffer(buf)
	if err != nil {
		return nil, 0, fmt.Errorf("%w: %s", ErrUnsupported, oneLine(err.Error()))
	}
	defer img.Close()
	format, ok := formatOf(img.Format())
	if !ok {
		return nil, 0, ErrUnsupported
	}
	if err := img.AutoRotate(); err != nil {
		return nil, 0, vipsError(err)
	}
	if err := toEditable(img); err != nil {
		return nil, 0, err
	}
	for i, op := range ops {
		if err := apply(img, op); err != nil {
			if e, ok := err.(*EditError); ok {
				e.Index = i
				return nil, 0, e
			}
			return nil, 0, fmt.Errorf("operation %d: %w", i, vipsError(err))
		}
	}
	out, err := encodings[format].encode(img, quality)
	if err != nil {
		return nil, 0, vipsError(err)
	}
	return out, format, nil
}

// formatOf is the output format of a loaded image's own type.
func formatOf(t vips.ImageType) (Format, bool) {
	switch t {
	case vips.ImageTypeJPEG:
		return JPEG, true
	case vips.ImageTypePNG:
		return PNG, true
	case vips.ImageTypeWEBP:
		return WebP, true
	case vips.ImageTypeAVIF, vips.ImageTypeHEIF:
		return AVIF, true
	case vips.ImageTypeGIF:
		return GIF, true
	}
	return 0, false
}

// toEditable makes the pixels 8-bit sRGB, which every operation below and every encoder expects.
func toEditable(img *vips.ImageRef) error {
	if img.Interpretation() != vips.InterpretationSRGB {
		if err := img.ToColorSpace(vips.InterpretationSRGB); err != nil {
			return vipsError(err)
		}
	}
	if img.BandFormat() != vips.BandFormatUchar {
		return img.Cast(vips.BandFormatUchar)
	}
	return nil
}

func apply(img *vips.ImageRef, op EditOp) error {
	switch op.Kind {
	case EditCrop:
		return crop(img, op.Crop)
	case EditRotate:
		return rotate(img, op.Angle)
	case EditFlip:
		return img.Flip(vips.DirectionVertical)
	case EditFlop:
		return img.Flip(vips.DirectionHorizontal)
	case EditAdjust:
		return adjust(img, op)
	case EditGrayscale:
		return recomb(img, [][]float64{{0.2126, 0.7152, 0.0722}, {0.2126, 0.7152, 0.0722}, {0.2126, 0.7152, 0.0722}})
	case EditSepia:
		return recomb(img, [][]float64{{0.393, 0.769, 0.189}, {0.349, 0.686, 0.168}, {0.272, 0.534, 0.131}})
	}
	return &EditError{Field: "operation", Message: "unknown operation"}
}

func crop(img *vips.ImageRef, r Rect) error {
	w, h := float64(img.Width()), float64(img.Height())
	if r.Relative {
		if r.X < 0 || r.Y < 0 || r.Width <= 0 || r.Height <= 0 || r.X+r.Width > 1 || r.Y+r.Height > 1 {
			return &EditError{Field: "crop", Message: "a relative crop lies within 0 and 1 of the width and height, and is not empty"}
		}
		r = Rect{X: r.X * w, Y: r.Y * h, Width: r.Width * w, Height: r.Height * h}
	}
	left, top := int(math.Round(r.X)), int(math.Round(r.Y))
	width, height := int(math.Round(r.Width)), int(math.Round(r.Height))
	if left < 0 || top < 0 || width < 1 || height < 1 || left+width > img.Width() || top+height > img.Height() {
		return &EditError{Field: "crop", Message: fmt.Sprintf("the crop must lie within the image, %d×%d pixels at this step", img.Width(), img.Height())}
	}
	return img.ExtractArea(left, top, width, height)
}

// maxStraighten bounds free rotation: beyond it the inscribed rectangle keeps little of the image,
// and larger turns are a multiple of 90 plus a straightening.
const maxStraighten = 45

func rotate(img *vips.ImageRef, angle float64) error {
	if math.IsNaN(angle) || math.IsInf(angle, 0) {
		return &EditError{Field: "rotate", Message: "the angle must be a number of degrees"}
	}
	turns := math.Mod(angle, 360)
	if turns < 0 {
		turns += 360
	}
	if q := math.Round(turns / 90); math.Abs(turns-q*90) < 1e-9 {
		return img.Rotate([]vips.Angle{vips.Angle0, vips.Angle90, vips.Angle180, vips.Angle270}[int(q)%4])
	}
	if math.Abs(angle) > maxStraighten {
		return &EditError{Field: "rotate", Message: fmt.Sprintf("a free angle straightens, from -%d to %d degrees; turn by 90s for more", maxStraighten, maxStraighten)}
	}
	w, h := float64(img.Width()), float64(img.Height())
	if err := img.Similarity(1, angle, &vips.ColorRGBA{R: 255, G: 255, B: 255, A: 255}, 0, 0, 0, 0); err != nil {
		return err
	}
	cw, ch := inscribed(w, h, angle*math.Pi/180)
	left := (float64(img.Width()) - cw) / 2
	top := (float64(img.Height()) - ch) / 2
	return img.ExtractArea(int(math.Ceil(left)), int(math.Ceil(top)), max(1, int(cw)), max(1, int(ch)))
}

// inscribed is the largest upright rectangle of the image's own shape inside it once rotated by
// theta: what straightening keeps, with no corner of background.
func inscribed(w, h, theta float64) (float64, float64) {
	sin, cos := math.Abs(math.Sin(theta)), math.Abs(math.Cos(theta))
	k := math.Min(w/(w*cos+h*sin), h/(w*sin+h*cos))
	return w * k, h * k
}

// maxFactor bounds the adjustments: more only clips every pixel to black or white.
const maxFactor = 4

func adjust(img *vips.ImageRef, op EditOp) error {
	for field, f := range map[string]float64{"brightness": op.Brightness, "contrast": op.Contrast, "saturation": op.Saturate} {
		if math.IsNaN(f) || f < 0 || f > maxFactor {
			return &EditError{Field: field, Message: fmt.Sprintf("a factor from 0 to %d (1 leaves the image as it is)", maxFactor)}
		}
	}
	if op.Saturate != 1 { // chroma, in LCh: the hues and lightness stay
		if err := img.Modulate(1, op.Saturate, 0); err != nil {
			return err
		}
		if err := toEditable(img); err != nil {
			return err
		}
	}
	if op.Brightness == 1 && op.Contrast == 1 {
		return nil
	}
	// Brightness scales the values; contrast then stretches them around the middle grey. Alpha stays.
	gain, offset := op.Brightness*op.Contrast, 128*(1-op.Contrast)
	a, b := []float64{gain, gain, gain}, []float64{offset, offset, offset}
	if img.HasAlpha() {
		a, b = append(a, 1), append(b, 0)
	}
	if err := img.Linear(a, b); err != nil {
		return err
	}
	return img.Cast(vips.BandFormatUchar)
}

func recomb(img *vips.ImageRef, matrix [][]float64) error {
	if err := img.Recomb(matrix); err != nil {
		return err
	}
	return img.Cast(vips.BandFormatUchar)
}
