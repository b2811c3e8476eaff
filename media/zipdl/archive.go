package zipdl

import (
	"archive/zip"
	"compress/flate"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
)

// Archive is a download whose URL checked out: the files to stream, in order.
type Archive struct {
	files []file
	open  opener
}

// file is one version to put in the archive.
type file struct {
	path     string
	key      string
	size     int64
	sha256   string
	mimeType string
	modified time.Time
}

// opener opens a stored object for reading.
type opener func(ctx context.Context, key string) (io.ReadCloser, error)

// FileCount is how many files the archive holds.
func (a *Archive) FileCount() int { return len(a.files) }

// ErrDamaged is a stored file whose bytes are not the ones recorded: the archive is cut off there.
var ErrDamaged = errors.New("stored bytes do not match their sha256")

// Open checks a download URL — its signature, its expiry, that the token that made it stands — and
// returns its files as they stand now: assets trashed since, or whose signed URLs were revoked, and
// bytes quarantined since, are left out.
func (s *Service) Open(ctx context.Context, id string, q url.Values) (*Archive, error) {
	grant, err := s.urls.CheckURL(pathPrefix+id, q, false, time.Now())
	if err != nil {
		return nil, err
	}
	if !grant.Private {
		return nil, access.NewError(access.CodeForbidden, "a ZIP download URL must be signed: use the url createZipDownload returned")
	}
	z, err := s.db.ZipDownloadByID(ctx, id)
	if errors.Is(err, models.ErrNotFound) {
		return nil, access.NotFound("ZIP download", id)
	}
	if err != nil {
		return nil, err
	}
	if err := s.issuerStands(ctx, z, grant.Issuer); err != nil {
		return nil, err
	}
	entries, err := z.Entries.Get()
	if err != nil {
		return nil, err
	}
	files, err := s.filesOf(ctx, entries)
	if err != nil {
		return nil, err
	}
	return &Archive{files: files, open: s.openObject}, nil
}

var errRevoked = access.NewError(access.CodeAssetAccessDenied, "the ZIP download URL was revoked; make a new one")

// issuerStands checks the URL names the download's maker, and that its token was not revoked since.
func (s *Service) issuerStands(ctx context.Context, z *models.ZipDownload, issuer string) error {
	if (z.IssuerID == nil) != (issuer == "") || (z.IssuerID != nil && *z.IssuerID != issuer) {
		return access.NewError(access.CodeForbidden, "the URL's grant does not match the download")
	}
	if issuer == "" {
		return nil
	}
	revoked, err := s.issuers.Revoked(ctx, issuer)
	if err != nil {
		return err
	}
	if revoked {
		return errRevoked
	}
	return nil
}

// filesOf is the entries still delivered, with what streaming them needs.
func (s *Service) filesOf(ctx context.Context, entries []models.ZipEntry) ([]file, error) {
	ids := make([]string, 0, len(entries))
	for _, e := range entries {
		ids = append(ids, e.AssetID)
	}
	assets, err := s.db.AssetsOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	versions, err := s.db.VersionsOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	files := make([]file, 0, len(entries))
	for _, e := range entries {
		a, v := assets[e.AssetID], versions[e.AssetID][e.Number]
		if a == nil || v == nil || a.DeletedAt != nil || a.GrantEpoch != e.Epoch || !v.Antivirus.Delivers(s.serveUnscanned) {
			continue
		}
		files = append(files, file{path: e.Path, key: v.ObjectKey, size: v.Size, sha256: v.SHA256, mimeType: v.MimeType, modified: v.CreatedAt})
	}
	return files, nil
}

func (s *Service) openObject(ctx context.Context, key string) (io.ReadCloser, error) {
	return s.store.Open(ctx, key)
}

// copyBuffer is the size of the reads from the store: large enough for few S3 reads, small enough to
// keep the memory of a download constant and small.
const copyBuffer = 256 << 10

// WriteTo streams the archive to w: each file read once from the store, through its checksum. A file
// whose bytes do not match their sha256 (ErrDamaged) or cannot be read ends the stream with an error
// before the archive's directory is written, so the client's copy is visibly broken, never quietly wrong.
func (a *Archive) WriteTo(ctx context.Context, w io.Writer) error {
	zw := zip.NewWriter(w)
	var deflate *flate.Writer
	// One compressor for every file: a flate writer costs about a megabyte.
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if deflate == nil {
			var err error
			deflate, err = flate.NewWriter(out, flate.BestSpeed)
			return deflate, err
		}
		deflate.Reset(out)
		return deflate, nil
	})
	buf := make([]byte, copyBuffer)
	for _, f := range a.files {
		if err := a.writeFile(ctx, zw, f, buf); err != nil {
			return err
		}
	}
	return zw.Close()
}

func (a *Archive) writeFile(ctx context.Context, zw *zip.Writer, f file, buf []byte) error {
	r, err := a.open(ctx, f.key)
	if err != nil {
		return fmt.Errorf("open %s for the archive: %w", f.key, err)
	}
	defer r.Close()
	method := zip.Deflate
	if compressed(f.mimeType) {
		method = zip.Store
	}
	out, err := zw.CreateHeader(&zip.FileHeader{Name: f.path, Method: method, Modified: f.modified.UTC()})
	if err != nil {
		return fmt.Errorf("add %s to the archive: %w", f.path, err)
	}
	h := sha256.New()
	n, err := io.CopyBuffer(io.MultiWriter(out, h), r, buf)
	if err != nil {
		return fmt.Errorf("copy %s into the archive: %w", f.key, err)
	}
	if got := hex.EncodeToString(h.Sum(nil)); n != f.size || got != f.sha256 {
		return fmt.Errorf("%w: %s (%s): %d bytes of sha256 %s, recorded %d bytes of %s", ErrDamaged, f.path, f.key, n, got, f.size, f.sha256)
	}
	return nil
}

// compressed reports whether a type's bytes are compressed already, so that deflating them again
// would cost time for nothing: stored as they are.
func compressed(mimeType string) bool {
	base, _, _ := strings.Cut(strings.ToLower(mimeType), ";")
	family, sub, _ := strings.Cut(strings.TrimSpace(base), "/")
	switch family {
	case "image":
		return !strings.Contains(sub, "svg") && sub != "bmp" && sub != "tiff" && sub != "x-icon" && sub != "vnd.microsoft.icon"
	case "video":
		return true
	case "audio":
		return !strings.Contains(sub, "wav") && !strings.Contains(sub, "aiff")
	case "font":
		return strings.HasPrefix(sub, "woff")
	}
	switch base {
	case "application/zip", "application/gzip", "application/x-gzip", "application/x-7z-compressed", "application/x-xz",
		"application/x-bzip2", "application/zstd", "application/vnd.rar", "application/x-rar-compressed":
		return true
	}
	return false
}
