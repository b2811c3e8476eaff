package resolvers

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
)

// Class says who may read a field: DELIVERY fields are for every token, the ones that end up in
// front-end code included; MANAGEMENT fields are for editors and admins only.
type Class int

const (
	Delivery Class = iota + 1
	Management
)

// everyField stands for every field of a type, for types that only editors ever reach.
const everyField = "*"

type fieldKey struct{ object, field string }

// policy is the delivery policy: every field of every object type, by name. A test checks that the
// schema has no field this table does not classify, and that each MANAGEMENT field (or type, for
// everyField entries) says "management only" in its description.
var policy = func() map[fieldKey]Class {
	m := map[fieldKey]Class{}
	add := func(c Class, object string, fields ...string) {
		for _, f := range fields {
			m[fieldKey{object, f}] = c
		}
	}
	add(Delivery, "Query", "node", "mediaSettings", "asset", "assets", "collection", "collections", "tags",
		"assetUsages", "entryAssets")
	add(Management, "Query", "apiTokens", "upload", "webhooks", "webhook", "auditLog")
	add(Delivery, "Query", "webhookEventNames")
	// Subscriptions are filtered rather than refused: a DELIVERY token receives events of the assets it
	// may see, with delivery fields.
	add(Delivery, "Subscription", "assetEvents")
	add(Delivery, "AssetEvent", "id", "event", "occurredAt", "assetId", "asset")
	add(Management, "Mutation", everyField)
	add(Management, "Query", "transformPresets")
	add(Management, "TransformPreset", everyField)
	add(Management, "Query", "uploadPresets")
	add(Management, "UploadPreset", everyField)
	add(Delivery, "Asset", "variants", "variantOf")

	add(Delivery, "Asset", "id", "kind", "status", "filename", "basename", "format", "mimeType", "size",
		"width", "height", "aspectRatio", "orientation", "duration", "frameCount", "frameRate", "videoCodec",
		"audioCodec", "bitrate", "pageCount", "hasAlpha", "colorSpace", "colors", "blurhash", "thumbhash",
		"lqip", "exif", "smartTags", "md5", "sha256", "path", "url", "transformUrl", "responsiveImage",
		"availableFrom", "availableUntil", "alt", "title", "focalPoint", "customData", "defaultFieldMetadata",
		"author", "copyright", "tags", "collection", "usages", "inUse", "createdAt", "updatedAt", "version")
	add(Delivery, "Asset", "analysis")
	add(Delivery, "AssetAnalysis", "status", "analyzedAt")
	add(Management, "Asset", "processingError", "notes", "originalFilename", "antivirus", "moderation", "updatedBy", "deletedAt", "createdBy", "versions")
	add(Management, "AssetVersion", everyField)
	add(Management, "DeleteAllAssetsResult", everyField)
	add(Management, "ZipDownload", everyField)
	add(Management, "Derivative", everyField)
	add(Management, "DerivativeConnection", everyField)
	add(Management, "Asset", "derivatives")
	add(Delivery, "Exif", "make", "model", "lensModel", "exposureTime", "fNumber", "iso", "focalLength",
		"dateTaken", "orientation")
	add(Management, "Exif", "latitude", "longitude", "altitude", "raw")
	add(Delivery, "AssetConnection", "edges", "nodes", "pageInfo", "totalCount")
	add(Delivery, "AssetEdge", "cursor", "node")
	add(Delivery, "Color", "hex", "red", "green", "blue", "alpha")
	add(Delivery, "FocalPoint", "x", "y")
	add(Delivery, "LocalizedMetadata", "locale", "alt", "title", "focalPoint", "customData")
	add(Delivery, "ResponsiveImage", "src", "srcSet", "webpSrcSet", "avifSrcSet", "sizes", "width", "height",
		"aspectRatio", "alt", "title", "base64", "bgColor", "blurhash")

	add(Delivery, "Collection", "id", "name", "parent", "children", "ancestors", "assetCount", "createdAt", "updatedAt")
	add(Delivery, "Tag", "id", "name", "assetCount", "createdAt")
	add(Delivery, "TagConnection", "edges", "nodes", "pageInfo", "totalCount")
	add(Delivery, "TagEdge", "cursor", "node")
	// Usages are filtered rather than refused: a DELIVERY token sees the references of live entries only.
	add(Delivery, "Usage", "id", "asset", "entry", "live", "createdAt", "updatedAt")
	add(Delivery, "EntryRef", "type", "id", "field", "locale")
	add(Delivery, "PageInfo", "hasNextPage", "hasPreviousPage", "startCursor", "endCursor")
	add(Delivery, "MediaSettings", "locales", "defaultLocale", "localeFallbacks", "maxUploadBytes",
		"maxFilesPerUpload", "maxPageSize", "uploadTypes", "maxSinglePutBytes", "maxSignedUploadBytes",
		"uploadTicketTtlSeconds")
	add(Delivery, "LocaleFallback", "locale", "fallbacks")

	add(Delivery, "Query", "assetFacets")
	add(Delivery, "AssetFacets", "kind", "format", "tag", "smartTag", "collection", "orientation", "resolution",
		"status", "year", "colorFamily")
	add(Management, "AssetFacets", "antivirus", "moderation")
	add(Delivery, "AssetFacets", "metadata")
	add(Delivery, "FacetValue", "value", "count")
	add(Management, "Query", "savedFilters")
	add(Management, "SavedFilter", everyField)
	// Metadata values of assets a reader may see are delivery data, like customData; the definitions
	// are the editors' business, but for what a value needs to be read (its key, label, type).
	add(Delivery, "Asset", "metadata", "metadataValue")
	add(Delivery, "AssetMetadataValue", "field", "value", "locale")
	add(Delivery, "MetadataField", "key", "label", "type", "localized")
	add(Management, "MetadataField", "id", "labels", "options", "required", "default", "validation", "createdAt", "updatedAt")
	add(Management, "Query", "metadataFields")
	add(Management, "MetadataValidation", everyField)
	add(Management, "LocalizedText", everyField)
	add(Management, "ApiToken", everyField)
	add(Management, "Query", "me", "members", "member", "roles", "mySessions")
	add(Management, "Member", everyField)
	add(Management, "AccessRole", everyField)
	add(Management, "Permissions", everyField)
	add(Management, "MemberSession", everyField)
	add(Management, "CreatedMember", everyField)
	add(Management, "CreatedApiToken", everyField)
	add(Management, "SignedUpload", everyField)
	add(Management, "UploadPart", everyField)
	add(Management, "UploadHeader", everyField)
	add(Management, "Antivirus", everyField)
	add(Management, "Moderation", everyField)
	add(Delivery, "Asset", "faces", "smartTagDetails", "visionAnalysis")
	add(Management, "Asset", "ocrText")
	add(Delivery, "Face", "x", "y", "width", "height")
	add(Delivery, "SmartTagDetail", "name", "source", "confidence")
	add(Delivery, "VisionAnalysis", "status", "analyzedAt")
	add(Management, "VisionAnalysis", "facesUnavailable", "ocrUnavailable", "error")
	for _, t := range []string{"Webhook", "WebhookHeader", "WebhookDelivery", "WebhookDeliveryConnection", "CreatedWebhook",
		"AuditEntry", "AuditChange", "AuditLogConnection"} {
		add(Management, t, everyField)
	}
	add(Delivery, "Asset", "poster", "video", "audio")
	add(Management, "Asset", "posterReason")
	add(Delivery, "Poster", "width", "height", "blurhash", "time")
	add(Delivery, "Video", "hlsUrl", "mp4Url", "thumbnailUrl", "status", "progress", "renditions")
	add(Management, "Video", "reason")
	add(Delivery, "VideoRendition", "width", "height")
	add(Delivery, "Audio", "waveform")
	add(Management, "Audio", "waveformReason")
	add(Management, "PresetMetadataValue", everyField)
	return m
}()

// FieldClass is the class of object's field and whether the policy names it, on its own or through
// its type: for tests and documentation.
func FieldClass(object, field string) (Class, bool) {
	if c, ok := policy[fieldKey{object, field}]; ok {
		return c, true
	}
	c, ok := policy[fieldKey{object, everyField}]
	return c, ok
}

// ClassifiesWholeType reports whether the policy classifies every field of object at once.
func ClassifiesWholeType(object string) bool {
	_, ok := policy[fieldKey{object, everyField}]
	return ok
}

// CheckDeliveryPolicy applies the policy to the field being resolved in ctx: a DELIVERY token reading
// a MANAGEMENT field gets a FORBIDDEN error naming the field (and the field null). A field missing from
// the table counts as MANAGEMENT, so a new field is closed until it is classified; introspection
// (__schema, __type and the fields of its types) is open to every token, so sites can generate their
// types. It is a plain function rather than a middleware because every field middleware wraps every
// field's resolution in one more closure: the server's one field middleware calls it. Most fields are
// DELIVERY, so the common case costs one map lookup and never reads the principal.
func CheckDeliveryPolicy(ctx context.Context) error {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil {
		return nil
	}
	object, name := fc.Object, fc.Field.Name
	c, ok := FieldClass(object, name)
	if c == Delivery || (!ok && (strings.HasPrefix(object, "__") || strings.HasPrefix(name, "__"))) {
		return nil
	}
	if p := access.PrincipalFrom(ctx); p == nil || p.Role != models.RoleDelivery {
		return nil
	}
	return &access.Error{
		Code:    access.CodeForbidden,
		Message: object + "." + name + " is management only: a DELIVERY token may not read it",
		Field:   object + "." + name,
	}
}
