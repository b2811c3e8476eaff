package intake

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/gabriel-vasile/mimetype"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/catalogue"
	"github.com/mediagraph/mediagraph/media/observe"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/storage"
)

// partSize is the size of each part of a multipart signed upload but the last (S3 wants ≥ 5 MiB).
const partSize = 8 << 20

var (
	sha256Pattern = regexp.MustCompile(`^[0-9a-f]{64}$`)
	md5Pattern    = regexp.MustCompile(`^[0-9a-f]{32}$`)
)

// UploadRequest is a file a client is about to send straight to the store.
type UploadRequest struct {
	Filename     string
	MimeType     string
	Size         int64
	SHA256       *string
	MD5          *string
	SkipIfExists bool
	Options      SignedUploadOptions
	// Preset names an upload preset: defaults for Options, and limits on the declared file.
	Preset *string
}

// SignedUploadOptions say how to file and describe the asset a signed upload becomes. They are kept
// with the ticket until the upload completes.
type SignedUploadOptions struct {
	Status       *models.AssetStatus        `json:"status,omitempty"`
	CollectionID *string                    `json:"collectionId,omitempty"`
	Tags         []string                   `json:"tags,omitempty"`
	Author       *string                    `json:"author,omitempty"`
	Copyright    *string                    `json:"copyright,omitempty"`
	Notes        *string                    `json:"notes,omitempty"`
	Metadata     []catalogue.MetadataChange `json:"metadata,omitempty"`
	VariantOf    *string                    `json:"variantOf,omitempty"`
}

func (o SignedUploadOptions) upload() UploadOptions {
	return UploadOptions{Status: o.Status, CollectionID: o.CollectionID, Tags: o.Tags, Author: o.Author, Copyright: o.Copyright, Notes: o.Notes, VariantOf: o.VariantOf}
}

// Ticket is an upload with, right after createUploads, the requests that send its bytes: one PUT, or
// one per part. Requests are not kept: a later read of the upload has none.
type Ticket struct {
	*models.Upload
	request *storage.SignedRequest
	parts   []*PartTicket
}

// URL is where the single request goes.
func (t *Ticket) URL() *string {
	if t.request == nil {
		return nil
	}
	return &t.request.URL
}

// Method is the single request's method.
func (t *Ticket) Method() *string {
	if t.request == nil {
		return nil
	}
	return &t.request.Method
}

// Headers are what the single request must carry.
func (t *Ticket) Headers() []*Header {
	if t.request == nil {
		return nil
	}
	return headers(t.request)
}

// Parts are the requests of a file sent in parts.
func (t *Ticket) Parts() []*PartTicket { return t.parts }

// PartTicket is the request that sends one part of a multipart upload.
type PartTicket struct {
	Number  int
	Size    int64
	request *storage.SignedRequest
}

// URL is where the part goes.
func (p *PartTicket) URL() string { return p.request.URL }

// Headers are what the part's request must carry.
func (p *PartTicket) Headers() []*Header { return headers(p.request) }

// Header is one header of a signed request.
type Header struct{ Name, Value string }

// headers lists a signed request's headers in a stable order; Host is the URL's business.
func headers(r *storage.SignedRequest) []*Header {
	var out []*Header
	for name, values := range r.Headers {
		if strings.EqualFold(name, "Host") {
			continue
		}
		for _, v := range values {
			out = append(out, &Header{Name: name, Value: v})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func (s *Service) checkUploadRequest(field string, r UploadRequest) (UploadRequest, error) {
	if err := catalogue.CheckFilename(field+".filename", r.Filename); err != nil {
		return r, err
	}
	r.MimeType = strings.ToLower(strings.TrimSpace(r.MimeType))
	if err := s.admitType(field+".mimeType", r.MimeType, false); err != nil {
		return r, err
	}
	if r.Size < 0 {
		return r, access.Invalid(field+".size", "the size must be a positive number of bytes")
	}
	if err := s.admitSize(field+".size", r.Size, signed); err != nil {
		return r, err
	}
	var err error
	if r.SHA256, err = checkSum(field+".sha256", r.SHA256, sha256Pattern, "the SHA-256 as 64"); err != nil {
		return r, err
	}
	if r.MD5, err = checkSum(field+".md5", r.MD5, md5Pattern, "the MD5 as 32"); err != nil {
		return r, err
	}
	if r.SkipIfExists && r.SHA256 == nil && r.MD5 == nil {
		return r, access.Invalid(field+".skipIfExists", "skipIfExists needs the file's sha256 (or md5), to find its duplicate before it is sent")
	}
	o := r.Options
	if o.Status != nil && *o.Status != models.StatusPublic && *o.Status != models.StatusPrivate {
		return r, access.Invalid(field+".status", "unknown status %q", *o.Status)
	}
	if err := catalogue.CheckCredits(o.Author, o.Copyright, o.Notes); err != nil {
		return r, err
	}
	if r.Options.Tags, err = catalogue.CheckTagNames(field+".tags", o.Tags); err != nil {
		return r, err
	}
	r.Options.Metadata, err = s.registry.MetadataChanges(field+".defaultFieldMetadata", catalogue.Optional[*models.FocalPoint]{}, catalogue.Optional[models.JSONObject]{}, o.Metadata)
	return r, err
}

// presetRequest applies the upload preset a request names: its defaults, and its limits to the
// declared type and size, which completing checks against the bytes.
func (s *Service) presetRequest(ctx context.Context, field string, r UploadRequest) (UploadRequest, error) {
	preset, err := s.uploadPreset(ctx, field+".preset", r.Preset)
	if err != nil || preset == nil {
		return r, err
	}
	if err := admitPreset(preset, field+".mimeType", strings.ToLower(strings.TrimSpace(r.MimeType)), 0); err != nil {
		return r, err
	}
	if err := admitPreset(preset, field+".size", "", r.Size); err != nil {
		return r, err
	}
	o := r.Options
	d := preset.defaults(UploadOptions{Status: o.Status, CollectionID: o.CollectionID, Tags: o.Tags, Author: o.Author, Copyright: o.Copyright, Notes: o.Notes, Metadata: o.Metadata})
	r.Options = SignedUploadOptions{Status: d.Status, CollectionID: d.CollectionID, Tags: d.Tags, Author: d.Author, Copyright: d.Copyright, Notes: d.Notes, Metadata: d.Metadata, VariantOf: o.VariantOf}
	return r, nil
}

// checkSum checks a declared checksum in hexadecimal, any case.
func checkSum(field string, sum *string, pattern *regexp.Regexp, digits string) (*string, error) {
	if sum == nil {
		return nil, nil
	}
	lower := strings.ToLower(strings.TrimSpace(*sum))
	if !pattern.MatchString(lower) {
		return nil, access.Invalid(field, "give %s hexadecimal digits", digits)
	}
	return &lower, nil
}

// CreateUploads issues tickets for files that clients send straight to the store; completeUploads
// turns what arrived into assets. Files above the single-PUT limit are sent in parts.
func (s *Service) CreateUploads(ctx context.Context, requests []UploadRequest) ([]*Ticket, error) {
	p, err := access.Authorize(ctx, access.Write)
	if err != nil {
		return nil, err
	}
	if err := s.admitCount("input", len(requests), "uploads"); err != nil {
		return nil, err
	}
	now := models.Now()
	uploads := make([]*models.Upload, len(requests))
	for i, r := range requests {
		field := fmt.Sprintf("input[%d]", i)
		if r, err = s.presetRequest(ctx, field, r); err != nil {
			return nil, err
		}
		if r, err = s.checkUploadRequest(field, r); err != nil {
			return nil, err
		}
		if err := s.assets.CheckVariantOf(ctx, field+".variantOf", r.Options.VariantOf); err != nil {
			return nil, err
		}
		options, err := json.Marshal(r.Options)
		if err != nil {
			return nil, fmt.Errorf("encode upload options: %w", err)
		}
		assetID := models.NewID(models.AssetPrefix)
		_, name := catalogue.NormalizeFilename(r.Filename, strings.TrimPrefix(mimetype.Lookup(r.MimeType).Extension(), "."), assetID)
		u := &models.Upload{
			ID: models.NewID(models.UploadPrefix), Status: models.UploadPending,
			AssetID: assetID, VersionID: models.NewID(models.VersionPrefix),
			Filename: name, OriginalFilename: r.Filename, MimeType: r.MimeType, Size: r.Size, SHA256: r.SHA256, MD5: r.MD5, SkipIfExists: r.SkipIfExists,
			Options: string(options), ExpiresAt: now.Add(s.settings.UploadTicketTTL),
		}
		if err := s.completeBeforeSending(ctx, u); err != nil {
			return nil, err
		}
		u.ObjectKey = objectKey(u.AssetID, u.VersionID, name)
		if actor := p.ActorID(); actor != "" {
			u.CreatedByID = &actor
		}
		uploads[i] = u
	}
	tickets := make([]*Ticket, len(uploads))
	for i, u := range uploads {
		if u.Status == models.UploadCompleted {
			tickets[i] = &Ticket{Upload: u} // nothing to send
			continue
		}
		if tickets[i], err = s.ticket(ctx, u); err != nil {
			s.abortTickets(ctx, tickets[:i])
			return nil, err
		}
	}
	if err := s.db.CreateUploads(ctx, uploads); err != nil {
		s.abortTickets(ctx, tickets)
		return nil, err
	}
	return tickets, nil
}

// completeBeforeSending completes, at once, an upload that asks to skip a file whose declared
// checksum a live asset already holds: its ticket has no request, so no byte is sent or stored.
func (s *Service) completeBeforeSending(ctx context.Context, u *models.Upload) error {
	if !u.SkipIfExists {
		return nil
	}
	dup, err := s.liveDuplicate(ctx, deref(u.SHA256), deref(u.MD5))
	if dup == nil || err != nil {
		return err
	}
	u.Status, u.ResultAssetID = models.UploadCompleted, &dup.ID
	return nil
}

// ticket presigns the requests of one upload, starting a multipart upload for a large file.
func (s *Service) ticket(ctx context.Context, u *models.Upload) (*Ticket, error) {
	ttl := s.settings.UploadTicketTTL
	t := &Ticket{Upload: u}
	if u.Size <= s.settings.MaxSinglePutBytes {
		req, err := s.store.PresignPut(ctx, u.ObjectKey, storage.PresignPutOptions{ContentType: u.MimeType, Size: u.Size, TTL: ttl})
		if err != nil {
			return nil, fmt.Errorf("presign upload: %w", err)
		}
		t.request = req
		return t, nil
	}
	id, err := s.store.CreateMultipart(ctx, u.ObjectKey, u.MimeType)
	if err != nil {
		return nil, fmt.Errorf("start multipart upload: %w", err)
	}
	size := int64(partSize)
	u.MultipartID, u.PartSize = &id, &size
	for n, off := 1, int64(0); off < u.Size; n, off = n+1, off+partSize {
		length := min(partSize, u.Size-off)
		req, err := s.store.PresignPart(ctx, u.ObjectKey, id, n, length, ttl)
		if err != nil {
			s.store.AbortMultipart(ctx, u.ObjectKey, id)
			return nil, fmt.Errorf("presign part %d: %w", n, err)
		}
		t.parts = append(t.parts, &PartTicket{Number: n, Size: length, request: req})
	}
	return t, nil
}

func (s *Service) abortTickets(ctx context.Context, tickets []*Ticket) {
	for _, t := range tickets {
		if id := t.Upload.MultipartID; id != nil {
			if err := s.store.AbortMultipart(context.WithoutCancel(ctx), t.Upload.ObjectKey, *id); err != nil {
				s.log.Warn("abort multipart upload", "key", t.Upload.ObjectKey, "err", err)
			}
		}
	}
}

// Upload returns an upload the caller created (ADMINs see every upload), without its requests.
func (s *Service) Upload(ctx context.Context, id string) (*Ticket, error) {
	p, err := access.Authorize(ctx, access.Write)
	if err != nil {
		return nil, err
	}
	list, err := s.db.UploadsByID(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	if len(list) == 0 || !ownsUpload(p, list[0]) {
		return nil, access.NotFound("upload", id)
	}
	return &Ticket{Upload: list[0]}, nil
}

func ownsUpload(p *access.Principal, u *models.Upload) bool {
	return p.Role == models.RoleAdmin || (u.CreatedByID != nil && *u.CreatedByID == p.ActorID())
}

// CompletedParts are the parts a client sent for a multipart upload, with the ETags the store gave.
type CompletedParts struct {
	UploadID string
	Parts    []Part
}

// Part is one uploaded part of a multipart upload: its number from 1, and the ETag the store gave it.
type Part struct {
	Number int
	ETag   string
}

// CompleteUploads checks what arrived for each upload and makes assets of it: the object must exist
// with the declared size, and its bytes must be of an accepted type that agrees with the declared one
// (else CONTENT_MISMATCH, and the object is deleted). Completing again returns the same asset.
func (s *Service) CompleteUploads(ctx context.Context, ids []string, parts []CompletedParts) ([]*models.Asset, error) {
	p, err := access.Authorize(ctx, access.Write)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 || len(ids) > s.settings.MaxFilesPerUpload {
		return nil, access.Invalid("ids", "complete between 1 and %d uploads per call", s.settings.MaxFilesPerUpload)
	}
	ids = models.Uniq(ids)
	found, err := s.db.UploadsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	byID := models.ByID(found)
	partsOf := map[string][]storage.CompletedPart{}
	for _, cp := range parts {
		for _, part := range cp.Parts {
			partsOf[cp.UploadID] = append(partsOf[cp.UploadID], storage.CompletedPart(part))
		}
	}
	out := make([]*models.Asset, len(ids))
	for i, id := range ids {
		u := byID[id]
		if u == nil || !ownsUpload(p, u) {
			return nil, access.NotFound("upload", id)
		}
		if out[i], err = s.complete(ctx, p, u, partsOf[id]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (s *Service) complete(ctx context.Context, p *access.Principal, u *models.Upload, parts []storage.CompletedPart) (*models.Asset, error) {
	switch u.Status {
	case models.UploadCompleted:
		if u.ResultAssetID == nil {
			return nil, access.NewError(access.CodeNotFound, "the asset of upload %s was purged", u.ID)
		}
		return s.assets.Asset(ctx, *u.ResultAssetID)
	case models.UploadFailed:
		return nil, access.NewError(access.CodeContentMismatch, "upload %s failed: %s", u.ID, deref(u.Error))
	case models.UploadExpired:
		return nil, access.NewError(access.CodeUploadExpired, "upload %s expired", u.ID)
	}
	if models.Now().After(u.ExpiresAt) {
		return nil, access.NewError(access.CodeUploadExpired, "upload %s expired at %s; ask for a new one", u.ID, u.ExpiresAt.Format("15:04:05 MST"))
	}
	if u.MultipartID != nil {
		parts = slices.Clone(parts)
		slices.SortFunc(parts, func(a, b storage.CompletedPart) int { return a.Number - b.Number })
		// A store assembles whatever parts it is given: check they are all there, once each, first.
		want := int((u.Size + *u.PartSize - 1) / *u.PartSize)
		complete := len(parts) == want
		for i, part := range parts {
			complete = complete && part.Number == i+1
		}
		if !complete {
			return nil, &access.Error{Code: access.CodeUploadIncomplete, Field: "parts", Message: fmt.Sprintf("upload %s was sent in %d parts: list each of them once, with its ETag", u.ID, want)}
		}
		if _, err := s.store.CompleteMultipart(ctx, u.ObjectKey, *u.MultipartID, parts); err != nil {
			return nil, &access.Error{Code: access.CodeUploadIncomplete, Field: "parts", Message: "the parts of upload " + u.ID + " do not assemble: send every part, then list each with its ETag"}
		}
	}
	info, err := s.store.Head(ctx, u.ObjectKey)
	if errors.Is(err, storage.ErrNotFound) {
		return nil, access.NewError(access.CodeUploadIncomplete, "nothing has arrived for upload %s yet", u.ID)
	}
	if err != nil {
		return nil, fmt.Errorf("check upload %s: %w", u.ID, err)
	}
	if info.Size != u.Size {
		return nil, s.rejectUpload(ctx, u, access.CodeContentMismatch, fmt.Sprintf("%d bytes arrived, %d were declared", info.Size, u.Size))
	}
	in, err := s.adopt(ctx, p, u)
	if err != nil {
		return nil, err
	}
	if u.SHA256 != nil && *u.SHA256 != in.asset.SHA256 {
		return nil, s.rejectUpload(ctx, u, access.CodeContentMismatch, "the bytes do not have the declared sha256")
	}
	if u.MD5 != nil && *u.MD5 != in.asset.MD5 {
		return nil, s.rejectUpload(ctx, u, access.CodeContentMismatch, "the bytes do not have the declared md5")
	}
	if u.SkipIfExists {
		existing, err := s.liveDuplicate(ctx, in.asset.SHA256, "")
		if err != nil {
			return nil, err
		}
		if existing != nil {
			storage.Discard(ctx, s.store, []string{u.ObjectKey}, s.log)
			if err := s.registry.CompleteUpload(ctx, nil, u.ID, existing.ID); err != nil {
				return nil, err
			}
			return s.assets.Asset(ctx, existing.ID)
		}
	}
	var opts SignedUploadOptions
	if err := json.Unmarshal([]byte(u.Options), &opts); err != nil {
		return nil, fmt.Errorf("decode options of upload %s: %w", u.ID, err)
	}
	assets, err := s.register(observe.WithWay(ctx, observe.WaySigned), []received{in}, opts.upload(), opts.Tags, opts.Metadata, nil, func(tx *models.DB) error {
		return s.registry.CompleteUpload(ctx, tx, u.ID, u.AssetID)
	})
	if errors.Is(err, models.ErrDuplicate) {
		// A concurrent completion of the same upload created the asset (its id is the upload's).
		return s.assets.Asset(ctx, u.AssetID)
	}
	if err != nil {
		return nil, err
	}
	return assets[0], nil
}

// adopt reads an arrived object once: its first bytes for the type, all of them for the checksums.
func (s *Service) adopt(ctx context.Context, p *access.Principal, u *models.Upload) (received, error) {
	o, err := s.store.Open(ctx, u.ObjectKey)
	if err != nil {
		return received{}, fmt.Errorf("open upload %s: %w", u.ID, err)
	}
	defer o.Close()
	hr := newHashingReader(o, u.Size)
	defer s.keepForAnalysis(hr, &models.Asset{AssetVersion: &models.AssetVersion{Kind: models.KindOf(u.MimeType), MimeType: u.MimeType}}, u.Size)()
	head := make([]byte, sniffLen)
	n, err := io.ReadFull(hr, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return received{}, fmt.Errorf("read upload %s: %w", u.ID, err)
	}
	ft := sniff(head[:n])
	if ft.mime != u.MimeType {
		return received{}, s.rejectUpload(ctx, u, access.CodeContentMismatch, fmt.Sprintf("the bytes are %s, not the declared %s", ft.mime, u.MimeType))
	}
	hr.watchScript(ft.mime)
	if hr.script != nil {
		hr.script.Write(head[:n])
	}
	if _, err := io.Copy(io.Discard, hr); err != nil {
		return received{}, fmt.Errorf("read upload %s: %w", u.ID, err)
	}
	a, v := newAsset(u.OriginalFilename, ft, p, u.AssetID, u.VersionID)
	v.ObjectKey = u.ObjectKey
	credits, err := s.describeStored(ctx, "ids", a, v, hr)
	if err == nil {
		err = s.admitType("ids", ft.mime, hr.script != nil && hr.script.found)
	}
	var refused *access.Error
	if errors.As(err, &refused) {
		return received{}, s.rejectUpload(ctx, u, refused.Code, refused.Message)
	}
	if err != nil {
		return received{}, err
	}
	return received{asset: a, version: v, credits: credits}, nil
}

// rejectUpload deletes what arrived for an upload whose bytes are not what was declared, so that
// nothing unchecked stays in the store, and records why.
func (s *Service) rejectUpload(ctx context.Context, u *models.Upload, code access.Code, reason string) error {
	storage.Discard(ctx, s.store, []string{u.ObjectKey}, s.log)
	if err := s.db.FinishUpload(ctx, u.ID, models.UploadFailed, nil, &reason); err != nil {
		return err
	}
	return &access.Error{Code: code, Field: "ids", Message: fmt.Sprintf("upload %s: %s", u.ID, reason)}
}

// sweepBatch bounds the uploads one sweep expires; the next sweep takes the rest.
const sweepBatch = 500

// ExpireUploads marks pending uploads whose tickets ran out as EXPIRED and deletes whatever arrived
// for them, parts included — and for failed ones, whatever their ticket wrote after the rejection:
// no bytes outlive a ticket that was never completed. It returns how many it swept.
func (s *Service) ExpireUploads(ctx context.Context) (int, error) {
	list, err := s.db.ExpiredUploads(ctx, models.Now(), sweepBatch)
	if err != nil {
		return 0, err
	}
	for _, u := range list {
		if u.MultipartID != nil {
			if err := s.store.AbortMultipart(ctx, u.ObjectKey, *u.MultipartID); err != nil {
				return 0, fmt.Errorf("abort multipart upload of %s: %w", u.ID, err)
			}
		}
		if err := s.store.Delete(ctx, u.ObjectKey); err != nil {
			return 0, fmt.Errorf("delete bytes of expired upload %s: %w", u.ID, err)
		}
		status := models.UploadExpired
		if u.Status == models.UploadFailed {
			status = models.UploadFailed // keeps why; the update marks it swept
		}
		if err := s.db.FinishUpload(ctx, u.ID, status, nil, u.Error); err != nil {
			return 0, err
		}
	}
	return len(list), nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
