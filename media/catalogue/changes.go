package catalogue

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
)

// Optional is an input field that may be absent (leave as is), null (clear) or a value.
type Optional[T any] struct {
	Set   bool
	Value T
}

// MetadataChange changes one locale's default field metadata.
type MetadataChange struct {
	Locale     string
	Alt        Optional[*string]
	Title      Optional[*string]
	FocalPoint Optional[*models.FocalPoint]
	CustomData Optional[models.JSONObject]
}

// AssetChanges are the changes an editor makes to assets; absent fields stay as they are.
type AssetChanges struct {
	Filename     Optional[string]
	Author       Optional[*string]
	Copyright    Optional[*string]
	Notes        Optional[*string]
	Status       Optional[models.AssetStatus]
	CollectionID Optional[*string]
	Tags         Optional[[]string]
	// FocalPoint and CustomData are shorthands for the default locale's values.
	FocalPoint Optional[*models.FocalPoint]
	CustomData Optional[models.JSONObject]
	Metadata   []MetadataChange
	// AvailableFrom and AvailableUntil bound when the gate delivers the asset to readers.
	AvailableFrom  Optional[*time.Time]
	AvailableUntil Optional[*time.Time]
	// CreatorID attributes the assets to another member or API token (ADMIN only).
	CreatorID Optional[string]
	// Fields are values of structured metadata fields.
	Fields []FieldValueChange
}

// Text limits, in characters.
const (
	maxCreditLength  = 1000
	maxNotesLength   = 10000
	maxAltLength     = 2000
	maxTagLength     = 100
	maxTagsPerCall   = 100
	maxCustomDataLen = 16 << 10
)

func checkText(field string, v *string, max int) error {
	if v == nil {
		return nil
	}
	if !utf8.ValidString(*v) {
		return access.Invalid(field, "not valid UTF-8")
	}
	if n := utf8.RuneCountInString(*v); n > max {
		return access.Invalid(field, "longer than %d characters", max)
	}
	return nil
}

// BlankToNil stores an empty text as no text, so that "exists" filters mean something.
func BlankToNil(v *string) *string {
	if v == nil || strings.TrimSpace(*v) == "" {
		return nil
	}
	return v
}

func checkFocalPoint(field string, fp *models.FocalPoint) error {
	if fp != nil && (fp.X < 0 || fp.X > 1 || fp.Y < 0 || fp.Y > 1) {
		return access.Invalid(field, "x and y are fractions between 0 and 1")
	}
	return nil
}

func checkCustomData(field string, data models.JSONObject) error {
	b, err := json.Marshal(data)
	if err != nil {
		return access.Invalid(field, "not a JSON object")
	}
	if len(b) > maxCustomDataLen {
		return access.Invalid(field, "larger than %d bytes of JSON", maxCustomDataLen)
	}
	return nil
}

// metadataChanges folds the default-locale shorthands into the per-locale list and checks it all.
func (s *core) metadataChanges(field string, fp Optional[*models.FocalPoint], data Optional[models.JSONObject], list []MetadataChange) ([]MetadataChange, error) {
	seen := map[string]bool{}
	out := make([]MetadataChange, 0, len(list)+1)
	for i, m := range list {
		f := fmt.Sprintf("%s[%d]", field, i)
		if err := s.checkLocale(f+".locale", m.Locale); err != nil {
			return nil, err
		}
		if seen[m.Locale] {
			return nil, access.Invalid(f+".locale", "locale %q is listed twice", m.Locale)
		}
		seen[m.Locale] = true
		if err := checkText(f+".alt", m.Alt.Value, maxAltLength); err != nil {
			return nil, err
		}
		if err := checkText(f+".title", m.Title.Value, maxAltLength); err != nil {
			return nil, err
		}
		if err := checkFocalPoint(f+".focalPoint", m.FocalPoint.Value); err != nil {
			return nil, err
		}
		if err := checkCustomData(f+".customData", m.CustomData.Value); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	if fp.Set || data.Set {
		def := s.settings.DefaultLocale()
		if seen[def] {
			return nil, access.Invalid("focalPoint", "set the default locale's focal point and custom data either at the top level or in %s, not both", field)
		}
		if err := checkFocalPoint("focalPoint", fp.Value); err != nil {
			return nil, err
		}
		if err := checkCustomData("customData", data.Value); err != nil {
			return nil, err
		}
		out = append(out, MetadataChange{Locale: def, FocalPoint: fp, CustomData: data})
	}
	return out, nil
}

// applyMetadata merges metadata changes into what the assets have.
func applyMetadata(ctx context.Context, tx *models.DB, ids []string, changes []MetadataChange) error {
	if len(changes) == 0 {
		return nil
	}
	existing, err := tx.MetadataForAssets(ctx, ids)
	if err != nil {
		return err
	}
	rows := make([]*models.AssetMetadata, 0, len(ids)*len(changes))
	for _, id := range ids {
		for _, ch := range changes {
			row := &models.AssetMetadata{AssetID: id, Locale: ch.Locale}
			for _, m := range existing[id] {
				if m.Locale == ch.Locale {
					row = m
				}
			}
			if ch.Alt.Set {
				row.Alt = BlankToNil(ch.Alt.Value)
			}
			if ch.Title.Set {
				row.Title = BlankToNil(ch.Title.Value)
			}
			if ch.FocalPoint.Set {
				row.FocalX, row.FocalY = nil, nil
				if fp := ch.FocalPoint.Value; fp != nil {
					row.FocalX, row.FocalY = &fp.X, &fp.Y
				}
			}
			if ch.CustomData.Set {
				row.CustomData = ch.CustomData.Value
			}
			rows = append(rows, row)
		}
	}
	return tx.SaveMetadataRows(ctx, rows)
}

// CheckTagNames trims tag names, drops case-insensitive repeats and refuses unusable names.
func CheckTagNames(field string, names []string) ([]string, error) {
	if len(names) > maxTagsPerCall {
		return nil, access.Invalid(field, "at most %d tags per call", maxTagsPerCall)
	}
	seen := map[string]bool{}
	out := make([]string, 0, len(names))
	for i, n := range names {
		n = strings.TrimSpace(n)
		f := fmt.Sprintf("%s[%d]", field, i)
		switch {
		case n == "":
			return nil, access.Invalid(f, "a tag name cannot be empty")
		case !utf8.ValidString(n) || strings.IndexFunc(n, unicode.IsControl) >= 0:
			return nil, access.Invalid(f, "a tag name must be printable text")
		case utf8.RuneCountInString(n) > maxTagLength:
			return nil, access.Invalid(f, "a tag name is at most %d characters", maxTagLength)
		}
		if key := models.FoldKey(n); !seen[key] {
			seen[key] = true
			out = append(out, n)
		}
	}
	return out, nil
}

// CheckCredits checks author, copyright and notes.
func CheckCredits(author, copyright, notes *string) error {
	if err := checkText("author", author, maxCreditLength); err != nil {
		return err
	}
	if err := checkText("copyright", copyright, maxCreditLength); err != nil {
		return err
	}
	return checkText("notes", notes, maxNotesLength)
}

// UpdateAssets applies the same changes to every listed asset.
func (s *Assets) UpdateAssets(ctx context.Context, ids []string, ch AssetChanges) ([]*models.Asset, error) {
	if ch.Filename.Set {
		if err := CheckFilename("filename", ch.Filename.Value); err != nil {
			return nil, err
		}
	}
	if err := CheckCredits(ch.Author.Value, ch.Copyright.Value, ch.Notes.Value); err != nil {
		return nil, err
	}
	tags, err := CheckTagNames("tags", ch.Tags.Value)
	if err != nil {
		return nil, err
	}
	meta, err := s.metadataChanges("defaultFieldMetadata", ch.FocalPoint, ch.CustomData, ch.Metadata)
	if err != nil {
		return nil, err
	}
	if f, u := ch.AvailableFrom.Value, ch.AvailableUntil.Value; f != nil && u != nil && !u.After(*f) {
		return nil, access.Invalid("availableUntil", "availableUntil must come after availableFrom")
	}
	fields, err := s.checkFieldValues(ctx, s.db, "metadata", ch.Fields)
	if err != nil {
		return nil, err
	}
	assets, err := s.writeAssetsLogged(ctx, ids, liveAssets, models.EventAssetUpdated, func(tx *models.DB, assets []*models.Asset) (models.JSONObject, error) {
		audit := auditChanges(assets, ch)
		if err := s.applyChanges(ctx, tx, assets, ch, tags, meta); err != nil {
			return audit, err
		}
		return audit, writeFieldValues(ctx, tx, assetIDs(assets), fields)
	})
	if err != nil {
		return nil, err
	}
	return s.reload(ctx, assets)
}

// applyChanges writes an UpdateAssets change to the assets.
func (s *Assets) applyChanges(ctx context.Context, tx *models.DB, assets []*models.Asset, ch AssetChanges, tags []string, meta []MetadataChange) error {
	ids := assetIDs(assets)
	cols := map[string]any{}
	for col, v := range map[string]Optional[*string]{"author": ch.Author, "copyright": ch.Copyright, "notes": ch.Notes} {
		if v.Set {
			cols[col] = BlankToNil(v.Value)
		}
	}
	for col, v := range map[string]Optional[*time.Time]{"available_from": ch.AvailableFrom, "available_until": ch.AvailableUntil} {
		if v.Set {
			cols[col] = v.Value
		}
	}
	if ch.CreatorID.Set {
		if err := checkCreator(ctx, tx, ch.CreatorID.Value); err != nil {
			return err
		}
		cols["created_by_id"] = ch.CreatorID.Value
	}
	if ch.CollectionID.Set {
		if err := checkCollection(ctx, tx, "collectionId", ch.CollectionID.Value); err != nil {
			return err
		}
		cols["collection_id"] = ch.CollectionID.Value
	}
	if err := tx.UpdateAssets(ctx, ids, cols); err != nil {
		return err
	}
	if ch.Status.Set {
		if err := s.setStatus(ctx, tx, assets, ch.Status.Value); err != nil {
			return err
		}
	}
	if ch.Filename.Set {
		for _, a := range assets {
			base, name := NormalizeFilename(ch.Filename.Value, knownExt(a.Format), a.ID)
			if err := tx.UpdateAssets(ctx, []string{a.ID}, map[string]any{"filename": name, "basename": base}); err != nil {
				return err
			}
		}
	}
	if ch.Tags.Set {
		if err := tx.ClearAssetTags(ctx, ids); err != nil {
			return err
		}
		if err := addTags(ctx, tx, ids, tags); err != nil {
			return err
		}
	}
	return applyMetadata(ctx, tx, ids, meta)
}

// knownExt is the extension a format imposes on filenames; unknown formats keep the name's own.
func knownExt(format string) string {
	if format == models.UnknownFormat {
		return ""
	}
	return format
}

// addTags assigns tags by name, creating (and recording the creation of) those that are new.
func addTags(ctx context.Context, tx *models.DB, ids, names []string) error {
	tags, created, err := tx.EnsureTags(ctx, names)
	if err != nil {
		return err
	}
	if len(created) > 0 {
		if err := record(ctx, tx, models.Event{Kind: models.EventTagCreated, TagIDs: created}); err != nil {
			return err
		}
	}
	tagIDs := make([]string, len(tags))
	for i, t := range tags {
		tagIDs[i] = t.ID
	}
	return tx.AddAssetTags(ctx, ids, tagIDs)
}

// Localize picks, field by field, the first value along a locale chain.
func Localize[T any](rows []*models.AssetMetadata, chain []string, get func(*models.AssetMetadata) (T, bool)) (T, bool) {
	for _, l := range chain {
		for _, m := range rows {
			if m.Locale == l {
				if v, ok := get(m); ok {
					return v, true
				}
			}
		}
	}
	var zero T
	return zero, false
}

// checkCreator lets an ADMIN attribute assets to an existing member or API token.
func checkCreator(ctx context.Context, tx *models.DB, id string) error {
	if _, err := access.Authorize(ctx, access.Admin); err != nil {
		return err
	}
	ok, err := tx.PrincipalExists(ctx, id)
	if err != nil {
		return err
	}
	if !ok {
		return access.Invalid("creatorId", "no member or API token has the id %q", id)
	}
	return nil
}
