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
	"github.com/mediagraph/mediagraph/media/observe"
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
	// Fields are values of structured metadata fields; an upload giving any must give every required one.
	Fields []catalogue.FieldValueChange
	// SkipIfExists returns the live asset that holds the same bytes, if any, instead of a new one; the
	// options above then apply to nothing.
	SkipIfExists bool
	// Preset names an upload preset: defaults for the options above, and limits on the files.
	Preset *string
	// VariantOf makes the new assets variants of this asset, whose visibility they follow.
	VariantOf *string
}

// received is what storing a file taught us about it.
type received struct {
	asset   *models.Asset
	version *models.AssetVersion
	// credits are what the file itself says about its title, author and copyright.
	credits photometa.Credits
	// existing, when set, is the live asset that already held the same bytes, which were not kept
	// (asset and version are then nil); repeats, when positive, is 1 + the index of an earlier file
	// of the same upload that held them.
	existing *models.Asset
	repeats  int
}

// UploadAssets stores files and creates an asset for each, all or nothing: if any file fails, no
// asset is created and no bytes are left behind.
func (s *Service) UploadAssets(ctx context.Context, files []UploadFile, opts UploadOptions) ([]*models.Asset, error) {
	p, err := access.Authorize(ctx, access.Write)
	if err != nil {
		return nil, err
	}
	preset, err := s.uploadPreset(ctx, "input.preset", opts.Preset)
	if err != nil {
		return nil, err
	}
	opts = preset.defaults(opts)
	if err := s.checkUpload(files, preset); err != nil {
		return nil, err
	}
	meta, tags, err := s.checkUploadOptions(opts)
	if err != nil {
		return nil, err
	}
	fields, err := s.registry.CheckUploadFields(ctx, opts.Fields)
	if err != nil {
		return nil, err
	}
	if err := s.assets.CheckVariantOf(ctx, "input.variantOf", opts.VariantOf); err != nil {
		return nil, err
	}
	var stored []received
	defer func() {
		if stored != nil { // still set: the upload failed after storing bytes
			storage.Discard(ctx, s.store, versionKeys(stored), s.log)
		}
	}()
	for i, f := range files {
		field := fmt.Sprintf("files[%d]", i)
		in, err := s.receive(ctx, field, f, p, opts.SkipIfExists)
		if err != nil {
			return nil, err
		}
		stored = append(stored, in)
		if err := admitReceived(preset, field, in); err != nil {
			return nil, err
		}
	}
	if opts.SkipIfExists {
		s.dropRepeats(ctx, stored)
	}
	fresh := freshFiles(stored)
	var assets []*models.Asset
	if len(fresh) > 0 {
		if assets, err = s.register(ctx, fresh, opts, tags, meta, fields, nil); err != nil {
			return nil, err
		}
	}
	out := inOrder(stored, assets)
	stored = nil
	return out, nil
}

// dropRepeats deletes the bytes of a file that repeats an earlier file of the same call, which then
// stands for both.
func (s *Service) dropRepeats(ctx context.Context, stored []received) {
	first := map[string]int{}
	for i := range stored {
		in := &stored[i]
		if in.existing != nil {
			continue
		}
		if j, ok := first[in.version.SHA256]; ok {
			storage.Discard(ctx, s.store, []string{in.version.ObjectKey}, s.log)
			in.repeats, in.asset, in.version = j+1, nil, nil
			continue
		}
		first[in.version.SHA256] = i
	}
}

// freshFiles are the files of an upload that become new assets.
func freshFiles(stored []received) []received {
	var fresh []received
	for _, in := range stored {
		if in.version != nil {
			fresh = append(fresh, in)
		}
	}
	return fresh
}

// inOrder lists the asset of each file of an upload: a new one (of assets, in order), the existing
// one it duplicates, or that of the earlier file it repeats.
func inOrder(stored []received, assets []*models.Asset) []*models.Asset {
	out := make([]*models.Asset, len(stored))
	next := 0
	for i, in := range stored {
		switch {
		case in.existing != nil:
			out[i] = in.existing
		case in.repeats > 0:
			out[i] = out[in.repeats-1]
		default:
			out[i], next = assets[next], next+1
		}
	}
	return out
}

// register records stored files as new assets, filed and described as opts says, in one transaction;
// also, when not nil, records what made them there (the upload row of a signed upload).
func (s *Service) register(ctx context.Context, stored []received, opts UploadOptions, tags []string, meta []catalogue.MetadataChange, fields catalogue.UploadFields, also func(tx *models.DB) error) ([]*models.Asset, error) {
	status := models.StatusPrivate
	if opts.Status != nil {
		status = *opts.Status
	}
	filing := catalogue.Filing{
		Status: status, CollectionID: opts.CollectionID, Author: opts.Author, Copyright: opts.Copyright, Notes: opts.Notes,
		Tags: tags, Metadata: meta, Fields: fields,
	}
	news := make([]catalogue.NewAsset, len(stored))
	for i, in := range stored {
		in.asset.VariantOfID = opts.VariantOf
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
	var size int64
	for i, in := range stored {
		assets[i] = in.asset
		size += in.asset.Size
	}
	s.observer.Ingested(observe.WayOf(ctx, observe.WayMultipart), len(assets), size)
	return s.registry.Reload(ctx, assets)
}

func versionKeys(list []received) []string {
	var keys []string
	for _, in := range list {
		if in.version != nil {
			keys = append(keys, in.version.ObjectKey)
		}
	}
	return keys
}

// admitReceived applies a preset's limits to a file once its type and size are known: a stream of
// unknown length is measured as it is stored.
func admitReceived(preset *UploadPreset, field string, in received) error {
	a := in.existing
	if in.version != nil {
		return admitPreset(preset, field, in.version.MimeType, in.version.Size)
	}
	if a == nil {
		return nil // repeats an earlier file of the call, which was admitted
	}
	return admitPreset(preset, field, a.MimeType, a.Size)
}

func (s *Service) checkUpload(files []UploadFile, preset *UploadPreset) error {
	if err := s.admitCount("files", len(files), "files"); err != nil {
		return err
	}
	for i, f := range files {
		field := fmt.Sprintf("files[%d]", i)
		if err := catalogue.CheckFilename(field, f.Name); err != nil {
			return err
		}
		if err := s.admitSize(field, f.Size, direct); err != nil {
			return err
		}
		if err := admitPreset(preset, field, "", f.Size); err != nil {
			return err
		}
	}
	return nil
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
	// script, when set, watches the bytes of an SVG for script.
	script *scriptWatch
}

var errTooLarge = errors.New("stream exceeds the size limit")

func newHashingReader(r io.Reader, limit int64) *hashingReader {
	return &hashingReader{r: r, md5: md5.New(), sha: sha256.New(), limit: limit}
}

func (h *hashingReader) Read(p []byte) (int, error) {
	n, err := h.r.Read(p)
	h.md5.Write(p[:n])
	h.sha.Write(p[:n])
	if h.script != nil {
		h.script.Write(p[:n])
	}
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

// watchScript makes h watch an SVG's bytes for script.
func (h *hashingReader) watchScript(mime string) {
	if mime == svgType {
		h.script = &scriptWatch{}
	}
}

// admitScripted applies the policy to an SVG that hr found script in.
func (s *Service) admitScripted(field string, hr *hashingReader) error {
	if hr.script == nil || !hr.script.found {
		return nil
	}
	return s.admitType(field, svgType, true)
}

// receive streams one file into the store, sniffing its type from its first bytes and checksumming it
// on the way, then analyzes it. Only a small image or document is held in memory, within the
// analysis budget; anything else streams.
// With skipIfExists, a file whose bytes a live asset already holds is deleted once hashed, before
// any analysis, and that asset is returned instead.
func (s *Service) receive(ctx context.Context, field string, f UploadFile, p *access.Principal, skipIfExists bool) (received, error) {
	return s.receiveAs(ctx, field, f, p, models.NewID(models.AssetPrefix), skipIfExists)
}

// receiveAs is receive for the asset of id: a new one, or one whose bytes are replaced.
func (s *Service) receiveAs(ctx context.Context, field string, f UploadFile, p *access.Principal, assetID string, skipIfExists bool) (received, error) {
	br := bufio.NewReaderSize(f.Body, sniffLen)
	head, err := br.Peek(sniffLen)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return received{}, fmt.Errorf("read upload: %w", err)
	}
	if len(head) == 0 {
		return received{}, access.Invalid(field, "the file is empty")
	}
	ft := sniff(head)
	if err := s.admitType(field, ft.mime, false); err != nil {
		return received{}, err
	}
	a, v := newAsset(f.Name, ft, p, assetID, models.NewID(models.VersionPrefix))
	v.ObjectKey = objectKey(a.ID, v.ID, v.Filename)
	hr := newHashingReader(s.toStore(br, v), s.settings.MaxUploadBytes)
	hr.watchScript(ft.mime)
	defer s.keepForAnalysis(hr, a, f.Size)()
	if _, err := s.store.Put(ctx, v.ObjectKey, hr, storage.PutOptions{ContentType: v.MimeType}); err != nil {
		if errors.Is(err, errTooLarge) {
			return received{}, tooLarge(field, s.settings.MaxUploadBytes)
		}
		return received{}, fmt.Errorf("store upload: %w", err)
	}
	recordHashes(v, hr)
	if skipIfExists {
		if dup, err := s.liveDuplicate(ctx, v.SHA256, ""); dup != nil || err != nil {
			storage.Discard(ctx, s.store, []string{v.ObjectKey}, s.log)
			return received{existing: dup}, err
		}
	}
	credits, err := s.analyzeStored(ctx, field, a, v, hr)
	if err == nil {
		err = s.admitScripted(field, hr)
	}
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
	base, name := catalogue.NormalizeFilename(filename, ft.ext, assetID)
	a := &models.Asset{ID: assetID, Filename: name, Basename: base, Version: 1}
	if actor := p.ActorID(); actor != "" {
		a.CreatedByID = &actor
	}
	v := &models.AssetVersion{
		ID: versionID, AssetID: a.ID, Number: 1, Filename: name, OriginalFilename: filename, Kind: ft.kind, Format: ft.format, MimeType: ft.mime,
		CreatedByID: a.CreatedByID,
	}
	a.AssetVersion = v // the asset describes its bytes through its version: one record of each fact
	return a, v
}

// describeStored completes the records of a stored file: what its bytes hashed to (hr has read them
// all) and what analysis learns from them.
func (s *Service) describeStored(ctx context.Context, field string, a *models.Asset, v *models.AssetVersion, hr *hashingReader) (photometa.Credits, error) {
	recordHashes(v, hr)
	return s.analyzeStored(ctx, field, a, v, hr)
}

// recordHashes records the size and checksums of the bytes hr has read whole.
func recordHashes(v *models.AssetVersion, hr *hashingReader) {
	v.Size = hr.n
	v.MD5, v.SHA256 = hex.EncodeToString(hr.md5.Sum(nil)), hex.EncodeToString(hr.sha.Sum(nil))
}

// analyzeStored analyzes stored bytes, from the copy hr kept when it kept the whole file.
func (s *Service) analyzeStored(ctx context.Context, field string, a *models.Asset, v *models.AssetVersion, hr *hashingReader) (photometa.Credits, error) {
	var kept []byte
	if int64(len(hr.copy)) == hr.n {
		kept = hr.copy
	}
	return s.analyze(ctx, field, a, v, kept, header)
}

// objectKey is where a version's bytes live: one key per version, so bytes are never overwritten.
func objectKey(assetID, versionID, filename string) string {
	return "assets/" + assetID + "/" + versionID + "/" + filename
}
