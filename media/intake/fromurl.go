package intake

import (
	"context"
	"errors"
	"net"
	"strings"
	"unicode/utf8"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/catalogue"
	"github.com/mediagraph/mediagraph/media/observe"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/remote"
)

// maxURLLength bounds the URL of createAssetFromUrl.
const maxURLLength = 2048

// CreateAssetFromURL fetches a remote file and makes an asset of it, as an upload of that file would.
// The fetch may not reach private addresses (see package remote); filename, when given, names the
// file instead of the URL's last path segment.
func (s *Service) CreateAssetFromURL(ctx context.Context, rawURL string, filename *string, opts UploadOptions) (*models.Asset, error) {
	if _, err := access.Authorize(ctx, access.Write); err != nil {
		return nil, err
	}
	if rawURL = strings.TrimSpace(rawURL); rawURL == "" || utf8.RuneCountInString(rawURL) > maxURLLength {
		return nil, access.Invalid("input.url", "give an http or https URL of at most %d characters", maxURLLength)
	}
	if filename != nil {
		if err := catalogue.CheckFilename("input.filename", *filename); err != nil {
			return nil, err
		}
	}
	// The timeout bounds the download only: storing and recording what arrived are the server's business.
	fetchCtx, cancel := context.WithTimeout(ctx, s.settings.FetchTimeout)
	defer cancel()
	res, err := s.fetcher.Get(fetchCtx, rawURL)
	if err != nil {
		return nil, fetchError(err)
	}
	defer res.Body.Close()
	if res.Size > s.settings.MaxUploadBytes {
		return nil, tooLarge("input.url", s.settings.MaxUploadBytes)
	}
	name := res.Filename
	if filename != nil {
		name = *filename
	} else if catalogue.CheckFilename("", name) != nil {
		name = "download" // the URL names nothing usable; the sniffed type adds the extension
	}
	assets, err := s.UploadAssets(observe.WithWay(ctx, observe.WayURL), []UploadFile{{Name: name, Size: res.Size, Body: res.Body}}, opts)
	if err != nil {
		if e, ok := access.AsError(err); ok && strings.HasPrefix(e.Field, "files[0]") {
			e.Field = "input.url"
		}
		if readErr := (*remote.ReadError)(nil); errors.As(err, &readErr) {
			if errors.Is(err, context.DeadlineExceeded) {
				return nil, access.Invalid("input.url", "the download did not finish within %s (MEDIAGRAPH_FETCH_TIMEOUT): its server answered, then stopped sending", s.settings.FetchTimeout)
			}
			return nil, access.Invalid("input.url", "the download broke off before the end of the file")
		}
		return nil, err
	}
	return assets[0], nil
}

// fetchError explains why a URL could not be fetched, without details of the server's own network.
func fetchError(err error) error {
	var refusal *remote.Refusal
	var status *remote.StatusError
	var unknownHost *net.DNSError
	switch {
	case errors.As(err, &refusal):
		return access.Invalid("input.url", "the URL is refused: %s", refusal.Reason)
	case errors.As(err, &status):
		return access.Invalid("input.url", "%s", status.Error())
	case errors.Is(err, context.DeadlineExceeded):
		return access.Invalid("input.url", "the server did not answer in time")
	case errors.As(err, &unknownHost) && unknownHost.IsNotFound:
		return access.Invalid("input.url", "the URL cannot be fetched: its host name %q is not known", unknownHost.Name)
	}
	return access.Invalid("input.url", "the URL could not be fetched (no answer from its server)")
}
