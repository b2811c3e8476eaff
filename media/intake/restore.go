package intake

import (
	"context"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/catalogue"
	"github.com/mediagraph/mediagraph/media/photometa"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/storage"
)

// RestoreAsset takes in one file of an export as the asset id it had there, filed and described as
// opts says (import --manifest). What the file itself says of its title, author and copyright is not
// used: the export says what editors had left there, blanks included.
func (s *Service) RestoreAsset(ctx context.Context, id string, f UploadFile, opts UploadOptions) (*models.Asset, error) {
	p, err := access.Authorize(ctx, access.Write)
	if err != nil {
		return nil, err
	}
	if err := catalogue.CheckRestoredID("id", id, models.AssetPrefix); err != nil {
		return nil, err
	}
	if err := s.checkUpload([]UploadFile{f}, nil); err != nil {
		return nil, err
	}
	meta, tags, err := s.checkUploadOptions(opts)
	if err != nil {
		return nil, err
	}
	in, err := s.receiveAs(ctx, "file", f, p, id, false)
	if err != nil {
		return nil, err
	}
	in.credits = photometa.Credits{}
	assets, err := s.register(ctx, []received{in}, opts, tags, meta, nil, nil)
	if err != nil {
		storage.Discard(ctx, s.store, []string{in.version.ObjectKey}, s.log)
		return nil, err
	}
	return assets[0], nil
}
