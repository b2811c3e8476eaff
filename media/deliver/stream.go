package deliver

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/av"
	"github.com/mediagraph/mediagraph/media/imageurl"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/storage"
)

// hlsPathPrefix starts the URLs of a version's HLS files: /media/hls/{id}/{version}/[{grant}/]{file}.
// A grant rides in the path rather than the query so that the playlists' relative URLs carry it to
// every segment, as a player resolves them.
const hlsPathPrefix = "/media/hls/"

// hlsFiles are the names an encode's files have (av.HLS); any other name is no file of it.
var hlsFiles = regexp.MustCompile(`^(master\.m3u8|v[0-9]{1,2}/(index\.m3u8|init(_[0-9]{1,2})?\.mp4|seg[0-9]{5}\.m4s)|v[0-9]{1,2}\.mp4)$`)

// StreamRequest asks for a file of a version's HLS encode: Grant is the path segment of a signed
// grant, "" when none.
type StreamRequest struct {
	AssetID string
	Version int
	Grant   string
	File    string
}

// Stream opens a file of the HLS encode of an asset's current version for whoever may have its
// bytes (as Deliver decides): anyone for a PUBLIC asset in its window, an editor, or a signed grant.
func (s *Service) Stream(ctx context.Context, req StreamRequest) (*Delivery, error) {
	if !hlsFiles.MatchString(req.File) {
		return nil, access.NotFound("stream file", req.File)
	}
	q, err := url.ParseQuery(req.Grant)
	if err != nil {
		return nil, access.NewError(access.CodeForbidden, "the stream's grant is malformed")
	}
	now := models.Now()
	grant, err := s.urls.CheckURL(streamRoot(req.AssetID, req.Version), q, false, now)
	if err != nil {
		return nil, err
	}
	a, err := s.deliverable(ctx, req.AssetID, grant, now)
	if err != nil {
		return nil, err
	}
	if a.Version != req.Version {
		return nil, access.NotFound("stream", fmt.Sprintf("%s/%d", a.ID, req.Version))
	}
	if err := s.checkScan(a); err != nil {
		return nil, err
	}
	key := av.HLSPrefix(a.ID, a.Version) + req.File
	o, err := s.store.Open(ctx, key)
	if errors.Is(err, storage.ErrNotFound) {
		return nil, access.NotFound("stream file", req.File)
	}
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", key, err)
	}
	sum := sha256.Sum256([]byte(a.SHA256 + "/" + key))
	return &Delivery{Asset: a, Body: o, MimeType: av.HLSType(req.File), ETag: `"` + hex.EncodeToString(sum[:12]) + `"`,
		Filename: a.Basename + "-" + strings.ReplaceAll(req.File, "/", "-"), RedirectUntil: grant.Expires,
		Public: a.Status == models.StatusPublic && !access.CanSeePrivate(ctx) && !grant.Private}, nil
}

// streamRoot is what a stream's grant signs: every file of one version's encode.
func streamRoot(id string, version int) string {
	return hlsPathPrefix + id + "/" + strconv.Itoa(version)
}

// StreamURL is the URL of file of the HLS encode of a's current version, signed to open it until
// expiresIn (as URLFor signs) when signed.
func (s *Service) StreamURL(ctx context.Context, a *models.Asset, file string, signed bool, expiresIn *int) (string, error) {
	root := streamRoot(a.ID, a.Version)
	if !signed {
		return s.urls.AssetURL(root+"/"+file, imageurl.ImageParams{}, imageurl.URLOptions{}), nil
	}
	u, err := s.signedURL(ctx, a, root, imageurl.ImageParams{}, expiresIn)
	if err != nil {
		return "", err
	}
	parsed, err := url.Parse(u)
	if err != nil {
		return "", fmt.Errorf("signed stream url: %w", err)
	}
	parsed.Path, parsed.RawQuery = path.Join(parsed.Path, parsed.RawQuery, file), ""
	return parsed.String(), nil
}
