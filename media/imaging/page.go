package imaging

import (
	"errors"
	"fmt"

	"github.com/davidbyttow/govips/v2/vips"
)

// pageDensity is the resolution a document's page is rendered at: 144 dpi makes an A4 page about
// 1190×1684, enough for a preview at twice a phone's density.
const pageDensity = 144

// ErrNoPage is a page asked for past a document's last.
var ErrNoPage = errors.New("the document has no such page")

// PageSize says the size Page renders page (from 1) of a document at, from its header alone.
func PageSize(buf []byte, page int) (width, height int, err error) {
	img, err := loadPage(buf, page)
	if err != nil {
		return 0, 0, err
	}
	defer img.Close()
	return img.Width(), img.Height(), nil
}

// Page renders page (from 1) of a document libvips reads (PDF, through poppler) as a PNG, and says
// its size. A page larger than maxPixels at pageDensity is refused before it is rendered.
func Page(buf []byte, page int, maxPixels int64) (png []byte, width, height int, err error) {
	img, err := loadPage(buf, page)
	if err != nil {
		return nil, 0, 0, err
	}
	defer img.Close()
	if int64(img.Width())*int64(img.Height()) > maxPixels {
		return nil, 0, 0, fmt.Errorf("page %d is %dx%d: %w", page, img.Width(), img.Height(), ErrTooLarge)
	}
	out, _, err := img.ExportPng(vips.NewPngExportParams())
	if err != nil {
		return nil, 0, 0, fmt.Errorf("render page %d: %s", page, vipsError(err))
	}
	return out, img.Width(), img.Height(), nil
}

// loadPage opens page (from 1) of a document at pageDensity, lazily: nothing is rendered yet.
func loadPage(buf []byte, page int) (*vips.ImageRef, error) {
	start()
	params := vips.NewImportParams()
	params.NumPages.Set(-1)
	all, err := vips.LoadImageFromBuffer(buf, params)
	if err != nil {
		return nil, fmt.Errorf("%w: %s", ErrUnsupported, vipsError(err))
	}
	pages := all.Pages()
	all.Close()
	if page < 1 || page > pages {
		return nil, fmt.Errorf("page %d of %d: %w", page, pages, ErrNoPage)
	}
	params = vips.NewImportParams()
	params.Page.Set(page - 1)
	params.Density.Set(pageDensity)
	img, err := vips.LoadImageFromBuffer(buf, params)
	if err != nil {
		return nil, damaged(vipsError(err))
	}
	return img, nil
}
