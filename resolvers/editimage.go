package resolvers

import (
	"fmt"

	"github.com/mediagraph/mediagraph/graph/model"
	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/imaging"
)

// editOps reads the steps of editImage, each of which must set exactly one kind of operation.
func editOps(in []*model.ImageOperationInput) ([]imaging.EditOp, error) {
	out := make([]imaging.EditOp, 0, len(in))
	for i, o := range in {
		ops := stepsOf(o)
		if len(ops) != 1 {
			return nil, access.Invalid(fmt.Sprintf("operations[%d]", i),
				"set exactly one of crop, rotate, flip, flop, filter or the adjustments (brightness, contrast, saturation); this step sets %d", len(ops))
		}
		out = append(out, ops[0])
	}
	return out, nil
}

// stepsOf is every operation one input sets.
func stepsOf(o *model.ImageOperationInput) []imaging.EditOp {
	var ops []imaging.EditOp
	if c, _ := o.Crop.ValueOK(); c != nil {
		unit, _ := c.Unit.ValueOK()
		ops = append(ops, imaging.EditOp{Kind: imaging.EditCrop, Crop: imaging.Rect{
			X: c.X, Y: c.Y, Width: c.Width, Height: c.Height, Relative: unit != nil && *unit == model.CropUnitRelative}})
	}
	if a, _ := o.Rotate.ValueOK(); a != nil {
		ops = append(ops, imaging.EditOp{Kind: imaging.EditRotate, Angle: *a})
	}
	if f, _ := o.Flip.ValueOK(); isTrue(f) {
		ops = append(ops, imaging.EditOp{Kind: imaging.EditFlip})
	}
	if f, _ := o.Flop.ValueOK(); isTrue(f) {
		ops = append(ops, imaging.EditOp{Kind: imaging.EditFlop})
	}
	if f, _ := o.Filter.ValueOK(); f != nil {
		kind := imaging.EditGrayscale
		if *f == model.ImageFilterSepia {
			kind = imaging.EditSepia
		}
		ops = append(ops, imaging.EditOp{Kind: kind})
	}
	b, _ := o.Brightness.ValueOK()
	c, _ := o.Contrast.ValueOK()
	s, _ := o.Saturation.ValueOK()
	if b != nil || c != nil || s != nil {
		ops = append(ops, imaging.EditOp{Kind: imaging.EditAdjust, Brightness: orOne(b), Contrast: orOne(c), Saturate: orOne(s)})
	}
	return ops
}

func orOne(f *float64) float64 {
	if f == nil {
		return 1
	}
	return *f
}
