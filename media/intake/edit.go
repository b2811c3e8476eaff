package intake

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/catalogue"
	"github.com/mediagraph/mediagraph/media/imaging"
	"github.com/mediagraph/mediagraph/models"
)

// Bounds of an edit: the operations of one call, and the images edited in memory.
const (
	maxEditOps   = 20
	maxEditBytes = 64 << 20
	// maxEditPixels bounds the decoded image, about 200 MB of pixels at the 4 bytes of RGBA.
	maxEditPixels = 50_000_000
	editQuality   = 90
)

// EditImage applies ops to the current bytes of an image and stores the result as its next version,
// through the same path as replaceAsset (its event, a new scan, a new review under moderation). The
// image keeps its name, and its format.
func (s *Service) EditImage(ctx context.Context, id string, ops []imaging.EditOp) (*models.Asset, error) {
	if _, err := access.Authorize(ctx, access.Write); err != nil {
		return nil, err
	}
	if len(ops) == 0 || len(ops) > maxEditOps {
		return nil, access.Invalid("operations", "from 1 to %d operations", maxEditOps)
	}
	a, err := s.liveAsset(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := editable(a); err != nil {
		return nil, err
	}
	buf, release, err := s.analysis.memory.Read(ctx, s.store, a.ObjectKey, a.Size)
	if err != nil {
		return nil, fmt.Errorf("edit %s: %w", id, err)
	}
	out, format, err := imaging.Edit(buf, ops, editQuality)
	release()
	var bad *imaging.EditError
	switch {
	case errors.As(err, &bad):
		return nil, access.Invalid(fmt.Sprintf("operations[%d].%s", bad.Index, bad.Field), "%s", bad.Message)
	case errors.Is(err, imaging.ErrUnsupported):
		return nil, access.Invalid("id", "this image's format cannot be edited")
	case err != nil:
		return nil, fmt.Errorf("edit %s: %w", id, err)
	}
	f := UploadFile{Name: a.Basename + "." + format.Extension(), Size: int64(len(out)), Body: bytes.NewReader(out)}
	return s.ReplaceAsset(ctx, id, f, catalogue.ReplaceRules{})
}

// editable refuses what EditImage does not edit: anything but a sound, clean image of bounded size.
func editable(a *models.Asset) error {
	switch {
	case a.Antivirus.Status == models.ScanInfected:
		return access.NewError(access.CodeAssetQuarantined, "asset %s is quarantined", a.ID)
	case a.Kind != models.KindImage || a.Width == nil || a.Height == nil || a.ProcessingError != nil:
		return access.Invalid("id", "only images whose data is sound can be edited")
	case a.Size > maxEditBytes || int64(*a.Width)*int64(*a.Height) > maxEditPixels:
		return access.Invalid("id", "images over %d MiB or %d megapixels are not edited", maxEditBytes>>20, maxEditPixels/1_000_000)
	}
	return nil
}
