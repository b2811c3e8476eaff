package vision

import (
	"fmt"
	"os"

	"github.com/mediagraph/mediagraph/media/imaging"
	"github.com/mediagraph/mediagraph/models"
)

// rect is a detection in pixels of the image it was found in.
type rect struct{ x, y, w, h int }

// FaceDetector finds frontal faces with one of OpenCV's cascades.
type FaceDetector struct{ c *cascade }

// NewFaceDetector loads the cascade file at path; the error says why faces cannot be found (no
// OpenCV in this binary, no such file), in words an editor can read.
func NewFaceDetector(path string) (*FaceDetector, error) {
	// OpenCV would print its own complaint about a missing file on stderr.
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("the cascade file is missing (Debian's opencv-data): %w", err)
	}
	c, err := loadCascade(path)
	if err != nil {
		return nil, err
	}
	return &FaceDetector{c: c}, nil
}

// minFaceFraction is the smallest face looked for, as a fraction of the image's shorter side: smaller
// ones are background faces no crop centres on, and each smaller scale searched costs more time
// than all the larger ones (measured: a twentieth took half again as long as a twelfth).
const minFaceFraction = 1.0 / 12

// Faces finds the faces in t, as fractions of its size.
func (d *FaceDetector) Faces(t imaging.Thumbnail) ([]models.Face, error) {
	minSide := max(20, int(float64(min(t.Width, t.Height))*minFaceFraction))
	found, err := d.c.detect(grey(t), t.Width, t.Height, minSide)
	if err != nil {
		return nil, err
	}
	faces := make([]models.Face, len(found))
	w, h := float64(t.Width), float64(t.Height)
	for i, r := range found {
		faces[i] = models.Face{X: float64(r.x) / w, Y: float64(r.y) / h, Width: float64(r.w) / w, Height: float64(r.h) / h}
	}
	return faces, nil
}

// grey is t's luma (BT.601, as OpenCV's own conversion weighs it), transparent pixels over white.
func grey(t imaging.Thumbnail) []byte {
	out := make([]byte, t.Width*t.Height)
	for i := range out {
		p := t.RGBA[i*4 : i*4+4]
		y := (299*int(p[0]) + 587*int(p[1]) + 114*int(p[2])) / 1000
		a := int(p[3])
		out[i] = byte((y*a + 255*(255-a)) / 255)
	}
	return out
}
