package catalogue

import "github.com/mediagraph/mediagraph/models"

// Exif is an asset's camera data with the raw metadata it was read from.
type Exif struct {
	models.Exif
	Raw map[string]any
}

// ExifOf returns what an asset's file says about itself, or nil when it says nothing.
func ExifOf(a *models.Asset) (*Exif, error) {
	an, err := a.Analysis.Get()
	if err != nil {
		return nil, err
	}
	raw, err := a.EmbeddedMetadata.Get()
	if err != nil {
		return nil, err
	}
	if an.Exif == nil && len(raw) == 0 {
		return nil, nil
	}
	e := &Exif{Raw: raw}
	if an.Exif != nil {
		e.Exif = *an.Exif
	}
	if e.Raw == nil {
		e.Raw = map[string]any{}
	}
	return e, nil
}
