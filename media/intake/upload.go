package intake

import (
	"bufio"
	"context"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/catalogue"
	"github.com/mediagraph/mediagraph/media/photometa"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/storage"
)

// UploadFile is one file of an upload: its name as the client gave it and a stream of its bytes.
type UploadFile struct {
	Name string
	// Size is the size the transport measured, or -1 when unknown.
	Size int64
	Body io.Reader
}

// UploadOptions describe every file of one upload.
type UploadOptions struct {
	Status       *models.AssetStatus
	CollectionID *string
	Tags         []string
	Author       *string
	Copyright    *string
	Notes        *string
	FocalPoint   catalogue.Optional[*models.FocalPoint]
	CustomData   catalogue.Optional[models.JSONObject]
	Metadata     []catalogue.MetadataChange
}

// received is what storing a file taught us about it.
type received struct {
	asset   *models.Asset
	version *models.AssetVersion
	// credits are what the file itself says about its title, author and copyright.
	credits photometa.Credits
}

// UploadAssets stores files and creates an asset for each, all or nothing: if any file fails, no
// asset is created and no bytes are left behind.
func (s *Service) UploadAssets(ctx context.Context, files []UploadFile, opts UploadOptions) ([]*models.Asset, error) {
	p, err := access.Authorize(ctx, access.Write)
	if err != nil {
		return nil, err
	}
	if err := s.checkUpload(files); err != nil {
		return nil, err
	}
	meta, tags, err := s.checkUploadOptions(opts)
	if err != nil {
		return nil, err
	}
	var stored []received
	defer func() {
		if stored != nil { // still set: the upload failed after storing bytes
			storage.Discard(ctx, s.store, versionKeys(stored), s.log)
		}
	}()
	for i, f := range files {
		in, err := s.receive(ctx, fmt.Sprintf("files[%d]", i), f, p)
		if err != nil {
			return nil, err
		}
		stored = append(stored, in)
	}
	assets, err := s.register(ctx, stored, opts, tags, meta, nil)
	if err != nil {
		return nil, err
	}
	stored = nil
	return assets, nil
}

// register records stored files as new assets, filed and described as opts says, in one transaction;
// also, when not nil, records what made them there (the upload row of a signed upload).
func (s *Service) register(ctx context.Context, stored []received, opts UploadOptions, tags []string, meta []catalogue.MetadataChange, also func(tx *models.DB) error) ([]*models.Asset, error) {
	status := models.StatusPrivate
	if opts.Status != nil {
		status = *opts.Status
	}
	filing := catalogue.Filing{
		Status: status, CollectionID: opts.CollectionID, Author: opts.Author, Copyright: opts.Copyright, Notes: opts.Notes,
		Tags: tags, Metadata: meta,
	}
	news := make([]catalogue.NewAsset, len(stored))
	for i, in := range stored {
		news[i] = catalogue.NewAsset{Asset: in.asset, Version: in.version, Credits: in.credits}
	}
	err := s.db.Transaction(ctx, func(tx *models.DB) error {
		if err := s.registry.Register(ctx, tx, news, filing); err != nil {
			return err
		}
		if also != nil {
			return also(tx)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	assets := make([]*models.Asset, len(stored))
	for i, in := range stored {
		assets[i] = in.asset
	}
	return s.registry.Reload(ctx, assets)
}

func versionKeys(list []received) []string {
	keys := make([]string, len(list))
	for i, in := range list {
		keys[i] = in.version.ObjectKey
	}
	return keys
}

func (s *Service) checkUpload(files []UploadFile) error {
	if len(files) == 0 {
		return access.Invalid("files", "send at least one file")
	}
	if max := s.settings.MaxFilesPerUpload; len(files) > max {
		return &access.Error{Code: access.CodeTooManyFiles, Field: "files", Message: fmt.Sprintf("%d files sent; at most %d per call", len(files), max)}
	}
	for i, f := range files {
		field := fmt.Sprintf("files[%d]", i)
		if err := catalogue.CheckFilename(field, f.Name); err != nil {
			return err
		}
		if f.Size > s.settings.MaxUploadBytes {
			return s.tooLarge(field)
		}
		if f.Size == 0 {
			return access.Invalid(field, "the file is empty")
		}
	}
	return nil
}

func (s *Service) tooLarge(field string) error {
	return &access.Error{Code: access.CodeFileTooLarge, Field: field, Message: fmt.Sprintf("the file is larger than the limit of %d bytes", s.settings.MaxUploadBytes)}
}

func (s *Service) checkUploadOptions(o UploadOptions) ([]catalogue.MetadataChange, []string, error) {
	if o.Status != nil && *o.Status != models.StatusPublic && *o.Status != models.StatusPrivate {
		return nil, nil, access.Invalid("input.status", "unknown status %q", *o.Status)
	}
	if err := catalogue.CheckCredits(o.Author, o.Copyright, o.Notes); err != nil {
		return nil, nil, err
	}
	tags, err := catalogue.CheckTagNames("input.tags", o.Tags)
	if err != nil {
		return nil, nil, err
	}
	meta, err := s.registry.MetadataChanges("input.defaultFieldMetadata", o.FocalPoint, o.CustomData, o.Metadata)
	return meta, tags, err
}

// hashingReader computes checksums and counts bytes as the stream passes, and stops a stream that
// grows past its limit. It can also keep a copy of a small file for analysis, which then need not
// read the stored bytes back.
type hashingReader struct {
	r     io.Reader
	md5   hash.Hash
	sha   hash.Hash
	n     int64
	limit int64
	copy  []byte // nil when no copy is kept (or the stream outgrew it)
}

var errTooLarge = errors.New("stream exceeds the size limit")

func newHashingReader(r io.Reader, limit int64) *hashingReader {
	return &hashingReader{r: r, md5: md5.New(), sha: sha256.New(), limit: limit}
}

func (h *hashingReader) Read(p []byte) (int, error) {
	n, err := h.r.Read(p)
	h.md5.Write(p[:n])
	h.sha.Write(p[:n])
	h.n += int64(n)
	if h.copy != nil {
		if len(h.copy)+n > cap(h.copy) {
			h.copy = nil
		} else {
			h.copy = append(h.copy, p[:n]...)
		}
	}
	if h.n > h.limit {
		return n, errTooLarge
	}
	return n, err
}

// receive streams one file into the store, sniffing its type from its first bytes and checksumming it
// on the way, then analyzes it. Only a small image or document is held in memory, within the
// analysis budget; anything else streams.
func (s *Service) receive(ctx context.Context, field string, f UploadFile, p *access.Principal) (received, error) {
	return s.receiveAs(ctx, field, f, p, models.NewID(models.AssetPrefix))
}

// receiveAs is receive for the asset of id: a new one, or one whose bytes are replaced.
func (s *Service) receiveAs(ctx context.Context, field string, f UploadFile, p *access.Principal, assetID string) (received, error) {
	br := bufio.NewReaderSize(f.Body, sniffLen)
	head, err := br.Peek(sniffLen)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return received{}, fmt.Errorf("read upload: %w", err)
	}
	if len(head) == 0 {
		return received{}, access.Invalid(field, "the file is empty")
	}
	a, v := newAsset(f.Name, sniff(head), p, assetID, models.NewID(models.VersionPrefix))
	v.ObjectKey = objectKey(a.ID, v.ID, v.Filename)
	hr := newHashingReader(s.toStore(br, v), s.settings.MaxUploadBytes)
	defer s.keepForAnalysis(hr, a, f.Size)()
	if _, err := s.store.Put(ctx, v.ObjectKey, hr, storage.PutOptions{ContentType: v.MimeType}); err != nil {
		if errors.Is(err, errTooLarge) {
			return received{}, s.tooLarge(field)
		}
		return received{}, fmt.Errorf("store upload: %w", err)
	}
	credits, err := s.describeStored(ctx, field, a, v, hr)
	if err != nil {
		storage.Discard(ctx, s.store, []string{v.ObjectKey}, s.log)
		return received{}, err
	}
	return received{asset: a, version: v, credits: credits}, nil
}

// toStore is what of an upload's bytes is stored: all of them, but GPS when the settings remove it
// from JPEGs. The checksums and the analysis are of the stored bytes.
func (s *Service) toStore(r io.Reader, v *models.AssetVersion) io.Reader {
	if s.settings.StripGPSOnUpload && v.MimeType == "image/jpeg" {
		return photometa.StripGPS(r)
	}
	return r
}

// newAsset starts the records of a file from its name and sniffed type.
func newAsset(filename string, ft fileType, p *access.Principal, assetID, versionID string) (*models.Asset, *models.AssetVersion) {
	base, name := catalogue.NormalizeFilename(filename, ft.ext)
	a := &models.Asset{ID: assetID, Filename: name, Basename: base, Version: 1}
	if p.TokenID != "" {
		a.CreatedByID = &p.TokenID
	}
	v := &models.AssetVersion{
		ID: versionID, AssetID: a.ID, Number: 1, Filename: name, Kind: ft.kind, Format: ft.format, MimeType: ft.mime,
		CreatedByID: a.CreatedByID,
	}
	a.AssetVersion = v // the asset describes its bytes through its version: one record of each fact
	return a, v
}

// describeStored completes the records of a stored file: what its bytes hashed to (hr has read them
// all) and what analysis learns from them.
func (s *Service) describeStored(ctx context.Context, field string, a *models.Asset, v *models.AssetVersion, hr *hashingReader) (photometa.Credits, error) {
	v.Size = hr.n
	v.MD5, v.SHA256 = hex.EncodeToString(hr.md5.Sum(nil)), hex.EncodeToString(hr.sha.Sum(nil))
	var kept []byte
	if int64(len(hr.copy)) == hr.n {
		kept = hr.copy
	}
	return s.analyze(ctx, field, a, v, kept)
}

// objectKey is where a version's bytes live: one key per version, so bytes are never overwritten.
func objectKey(assetID, versionID, filename string) string {
	return "assets/" + assetID + "/" + versionID + "/" + filename
}
