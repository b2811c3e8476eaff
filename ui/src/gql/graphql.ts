/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Matches assets by the antivirus scan of their current version. */
export type AntivirusFilter = {
  /** By status. */
  status?: AntivirusStatusFilter | null | undefined;
};

/** Where the antivirus scan of a version's bytes stands. */
export type AntivirusStatus =
  /** The scanner found nothing. */
  | 'CLEAN'
  /** Every attempt to scan failed; `error` is the last failure. `mediagraph scan --status FAILED` tries again. */
  | 'FAILED'
  /** The scanner found a threat (`threatName`): the bytes are quarantined and never delivered; the record stays. */
  | 'INFECTED'
  /** Not scanned yet: a scan is queued, or being retried (see `attempts` and `error`). */
  | 'PENDING'
  /** Not scanned, for the reason in `error`: no scanner is configured, or the file is larger than the scanner takes. */
  | 'SKIPPED';

/** Matches antivirus statuses. */
export type AntivirusStatusFilter = {
  /** Exactly this status. */
  eq?: AntivirusStatus | null | undefined;
  /** Any of these statuses. */
  in?: Array<AntivirusStatus> | null | undefined;
};

/** A class of shape by width over height. */
export type AspectRatioBucket =
  /** Wider than tall, less than twice as wide. */
  | 'LANDSCAPE'
  /** At least twice as wide as tall. */
  | 'PANORAMA'
  /** Taller than wide. */
  | 'PORTRAIT'
  /** As wide as tall. */
  | 'SQUARE';

/** Match assets by class of shape. */
export type AspectRatioBucketFilter = {
  /** In this class. */
  eq?: AspectRatioBucket | null | undefined;
  /** In any of these classes. */
  in?: Array<AspectRatioBucket> | null | undefined;
};

/** Conditions on assets. Every condition set must hold; `AND` and `OR` combine nested filters. */
export type AssetFilter = {
  /** Every one of these filters must hold. */
  AND?: Array<AssetFilter> | null | undefined;
  /** At least one of these filters must hold. */
  OR?: Array<AssetFilter> | null | undefined;
  /** By alternative text, in any locale. */
  alt?: TextFilter | null | undefined;
  /** By the antivirus scan of the current version. Management only: refused (FORBIDDEN) for delivery tokens. */
  antivirus?: AntivirusFilter | null | undefined;
  /** By width divided by height. */
  aspectRatio?: FloatFilter | null | undefined;
  /** By class of shape: square, portrait, landscape or panorama. */
  aspectRatioBucket?: AspectRatioBucketFilter | null | undefined;
  /** By author. */
  author?: TextFilter | null | undefined;
  /** By collection. */
  collection?: CollectionFilter | null | undefined;
  /** The families of the dominant colors. */
  colorFamily?: ColorFamilyFilter | null | undefined;
  /** By dominant colors. */
  colors?: ColorsFilter | null | undefined;
  /** By copyright notice. */
  copyright?: TextFilter | null | undefined;
  /** By creation time. */
  createdAt?: TimeFilter | null | undefined;
  /** By the API token that stored the asset (management only). */
  createdBy?: IdFilter | null | undefined;
  /** true lists the trash instead of the library. Only at the top level of a filter. */
  deleted?: boolean | null | undefined;
  /** By duration in seconds (sound and video). */
  duration?: FloatFilter | null | undefined;
  /** By the number of faces found in the current version, e.g. `{ gt: 0 }`. An image not analyzed yet, or analyzed without a face detector, has no number: only `exists: false` matches it. */
  faces?: IntFilter | null | undefined;
  /** By filename. */
  filename?: TextFilter | null | undefined;
  /** By format, such as `jpg`. */
  format?: StringFilter | null | undefined;
  /** By height in pixels. */
  height?: IntFilter | null | undefined;
  /** By id. */
  ids?: IdFilter | null | undefined;
  /** Referenced by any entry (true) or by none (false). */
  inUse?: boolean | null | undefined;
  /** By kind. */
  kind?: KindFilter | null | undefined;
  /** By MD5, in hex. */
  md5?: StringFilter | null | undefined;
  /** Conditions on structured metadata fields; each must hold. */
  metadata?: Array<MetadataFilter> | null | undefined;
  /** By MIME type. */
  mimeType?: MimeTypeFilter | null | undefined;
  /** Assets lacking (true) or having (false) a value of every required field without a default: requirements are enforced when values change, and reported this way for older assets. */
  missingRequiredMetadata?: boolean | null | undefined;
  /** By review, such as the queue of PENDING assets. Management only: refused (FORBIDDEN) for delivery tokens. */
  moderation?: ModerationFilter | null | undefined;
  /** By editors' notes. */
  notes?: TextFilter | null | undefined;
  /** By shape as displayed. */
  orientation?: OrientationFilter | null | undefined;
  /** By the name the current version's file was uploaded under, exactly as given (any script). */
  originalFilename?: TextFilter | null | undefined;
  /** By pixel count: SMALL below 1 megapixel, MEDIUM below 8, LARGE from 8. */
  resolution?: ResolutionFilter | null | undefined;
  /**
   * Full-text search over the filename, titles and alt texts in every locale, author, copyright, tags,
   * smart tags, camera make, model and lens, the collection's name, and (management only) the notes and
   * the original filename. Accents and case are ignored. A word matches any word it begins (`cath` finds
   * `cathedral`); `"quoted words"` match as a phrase; `-word` or `-"a phrase"` leaves out the assets
   * matching it. Every other term must match. At most 10 terms. Order by `RELEVANCE` to get the best
   * matches first.
   */
  search?: string | null | undefined;
  /** By size in bytes. */
  size?: Int64Filter | null | undefined;
  /** By smart tag names (keywords from the file's metadata). */
  smartTags?: TagsFilter | null | undefined;
  /** By status. */
  status?: StatusFilter | null | undefined;
  /** By tag names. */
  tags?: TagsFilter | null | undefined;
  /** By title, in any locale. */
  title?: TextFilter | null | undefined;
  /** By last change. */
  updatedAt?: TimeFilter | null | undefined;
  /** Put variants in the list (`INCLUDE`), or list only them (`ONLY`); by default lists leave variants out. Only at the top level of a filter. */
  variants?: VariantInclusion | null | undefined;
  /** By width in pixels. */
  width?: IntFilter | null | undefined;
  /** By the year the photo was taken, from its EXIF date. */
  year?: IntFilter | null | undefined;
};

/** What kind of media an asset is, from its bytes. */
export type AssetKind =
  /** A compressed archive. */
  | 'ARCHIVE'
  /** Sound. */
  | 'AUDIO'
  /** A document: PDF, office formats, text. */
  | 'DOCUMENT'
  /** A raster or vector image. */
  | 'IMAGE'
  /** Anything else. */
  | 'OTHER'
  /** A video. */
  | 'VIDEO';

/** Orderings of asset lists. Ties are broken by id, so every ordering is stable across pages. */
export type AssetOrder =
  /** Oldest first. */
  | 'CREATED_AT_ASC'
  /** Newest first. */
  | 'CREATED_AT_DESC'
  /** By filename, A to Z. */
  | 'FILENAME_ASC'
  /** By filename, Z to A. */
  | 'FILENAME_DESC'
  /** Shortest first; assets without a height come first. */
  | 'HEIGHT_ASC'
  /** Tallest first; assets without a height come last. */
  | 'HEIGHT_DESC'
  /** Best match of `filter.search` (or the free words of `query`) first; ties by id. Needs a search. */
  | 'RELEVANCE'
  /** Smallest first. */
  | 'SIZE_ASC'
  /** Largest first. */
  | 'SIZE_DESC'
  /** Least recently changed first. */
  | 'UPDATED_AT_ASC'
  /** Most recently changed first. */
  | 'UPDATED_AT_DESC'
  /** Narrowest first; assets without a width come first. */
  | 'WIDTH_ASC'
  /** Widest first; assets without a width come last. */
  | 'WIDTH_DESC';

/** Who may see an asset. */
export type AssetStatus =
  /** Visible to editors only; delivery tokens never see it. */
  | 'PRIVATE'
  /** Visible to everyone, delivery tokens included. */
  | 'PUBLIC';

/** Match assets by collection. */
export type CollectionFilter = {
  /** With `eq`: also in any collection inside it. */
  descendants?: boolean | null | undefined;
  /** In this collection. */
  eq?: string | null | undefined;
  /** In some collection (true) or in none (false). */
  exists?: boolean | null | undefined;
};

/** A named band of hue, or a neutral, that a dominant color falls in. */
export type ColorFamily =
  /** Dark: no channel reaches 48. */
  | 'BLACK'
  /** Hue from 200° to below 260°. */
  | 'BLUE'
  /** Hue from 170° to below 200°. */
  | 'CYAN'
  /** Nearly no hue (channels within 24 of each other), neither dark nor bright. */
  | 'GRAY'
  /** Hue from 70° to below 170°. */
  | 'GREEN'
  /** Hue from 15° to below 45°. */
  | 'ORANGE'
  /** Hue from 300° to below 345°. */
  | 'PINK'
  /** Hue from 260° to below 300°. */
  | 'PURPLE'
  /** Hue below 15° or from 345°. */
  | 'RED'
  /** Nearly no hue and bright: the largest channel above 210. */
  | 'WHITE'
  /** Hue from 45° to below 70°. */
  | 'YELLOW';

/** Match assets by the families of their dominant colors. */
export type ColorFamilyFilter = {
  /** One of the asset's dominant colors is in one of these families. */
  anyIn?: Array<ColorFamily> | null | undefined;
};

/** Match assets by their dominant colors. */
export type ColorsFilter = {
  /** One of the asset's dominant colors is near (within 60 in RGB distance) one of these, written `#rrggbb`. */
  anyIn?: Array<string> | null | undefined;
};

/** A token to create. */
export type CreateApiTokenInput = {
  /** Let an EDITOR token moderate assets; ADMIN tokens moderate anyway. False by default. */
  moderator?: boolean | null | undefined;
  /** A name saying who or what will use it. */
  name: string;
  /** What it may do. */
  role: Role;
  /** A role whose permissions the token holds (with role EDITOR); omitted, ADMIN tokens hold Admin and EDITOR tokens Editor. */
  roleId?: string | null | undefined;
};

/** A new collection. */
export type CreateCollectionInput = {
  /** Its name: 1 to 200 characters, no `/`. */
  name: string;
  /** The collection to create it in; the root when null. */
  parentId?: string | null | undefined;
};

/** A member to invite. */
export type CreateMemberInput = {
  /** Their email. */
  email: string;
  /** Their name; the email when omitted. */
  name?: string | null | undefined;
  /** Their role (`roles` lists them). */
  roleId: string;
};

/** A role to create. */
export type CreateRoleInput = {
  /** Its name. */
  name: string;
  /** What it may do. */
  permissions: PermissionsInput;
};

/** A filter to save. */
export type CreateSavedFilterInput = {
  /** The conditions; every asset when omitted. */
  filter?: AssetFilter | null | undefined;
  /** Its name (at most 200 characters). */
  name: string;
  /** The ordering to apply unless a query names one. */
  orderBy?: AssetOrder | null | undefined;
  /** Words to search for beside the filter. */
  search?: string | null | undefined;
  /** Share it with every EDITOR and ADMIN; personal by default. */
  shared?: boolean | null | undefined;
};

/** A webhook to create. */
export type CreateWebhookInput = {
  /** Up to 100 events per POST (default false). */
  batch?: boolean | null | undefined;
  /** Whether events are delivered (default true). */
  enabled?: boolean | null | undefined;
  /** The event names to receive (see `webhookEventNames`); empty or absent: every one. */
  events?: Array<string> | null | undefined;
  /** Only events of assets matching this filter, as they are when the event is delivered (no `deleted`). */
  filter?: AssetFilter | null | undefined;
  /** Headers to send with every delivery (at most 20). */
  headers?: Array<WebhookHeaderInput> | null | undefined;
  /** Add the asset's management fields to payloads (default false). */
  includeManagementFields?: boolean | null | undefined;
  /** A name saying who receives it. */
  name: string;
  /** Where events are POSTed (http or https, on the public internet or an allowed network). */
  url: string;
};

/** A rectangle to keep. Management only. */
export type CropRectInput = {
  /** Height. */
  height: number;
  /** How the four are measured; pixels by default. */
  unit?: CropUnit | null | undefined;
  /** Width. */
  width: number;
  /** Left edge. */
  x: number;
  /** Top edge. */
  y: number;
};

/** How a crop rectangle is measured. */
export type CropUnit =
  /** In pixels of the image as it stands at that step. */
  | 'PIXELS'
  /** As fractions, 0 to 1, of the image's width and height at that step. */
  | 'RELATIVE';

/** Compare a fractional number. */
export type FloatFilter = {
  /** Equal to. */
  eq?: number | null | undefined;
  /** Greater than. */
  gt?: number | null | undefined;
  /** Greater than or equal to. */
  gte?: number | null | undefined;
  /** Less than. */
  lt?: number | null | undefined;
  /** Less than or equal to. */
  lte?: number | null | undefined;
};

/** A focal point to set. */
export type FocalPointInput = {
  /** Fraction of the width from the left edge, 0 to 1. */
  x: number;
  /** Fraction of the height from the top edge, 0 to 1. */
  y: number;
};

/** Match ids. */
export type IdFilter = {
  /** Any of these ids (at most 500). */
  in?: Array<string> | null | undefined;
  /** None of these ids (at most 500). */
  notIn?: Array<string> | null | undefined;
};

/** Automatic choices (imgix's `auto`). */
export type ImageAuto =
  /** A lower default quality. */
  | 'COMPRESS'
  /** AVIF or WebP when the browser's Accept header takes them, unless `fm` is set. */
  | 'FORMAT';

/** Which part of the image `fit: CROP` keeps (imgix's `crop`). */
export type ImageCrop =
  /** The bottom edge. */
  | 'BOTTOM'
  /** The centre. */
  | 'CENTER'
  /** The busiest part of the image. */
  | 'ENTROPY'
  /** The faces: centred on the box holding every face found; without faces, the focal point (`fpX`/`fpY`, else the asset's), else the centre. */
  | 'FACES'
  /** The focal point: `fpX`/`fpY`, else the asset's focal point, else the centre. */
  | 'FOCALPOINT'
  /** The left edge. */
  | 'LEFT'
  /** The right edge. */
  | 'RIGHT'
  /** The top edge. */
  | 'TOP';

/** A named colour filter. */
export type ImageFilter =
  /** Shades of grey. */
  | 'GRAYSCALE'
  /** The warm browns of old photographs. */
  | 'SEPIA';

/** How an image is fitted into the box of `w` and `h` (imgix's `fit`). */
export type ImageFit =
  /** Fit inside the box, keeping the shape; may scale up. */
  | 'CLIP'
  /** Cover the box, then cut it to exactly the box (see `crop`). */
  | 'CROP'
  /** Fit inside the box, then pad it to exactly the box. */
  | 'FILL'
  /** Fit inside the box, keeping the shape; never larger than the original. */
  | 'MAX'
  /** Stretch to exactly the box. */
  | 'SCALE';

/** An output format (imgix's `fm`). */
export type ImageFormat =
  /** AVIF. */
  | 'AVIF'
  /** GIF (animated when the original is). */
  | 'GIF'
  /** JPEG. */
  | 'JPG'
  /** PNG. */
  | 'PNG'
  /** WebP. */
  | 'WEBP';

/**
 * One step of `editImage`: exactly one of `crop`, `rotate`, `flip`, `flop`, `filter`, or the adjustments
 * (`brightness`, `contrast`, `saturation`, together one step). Management only.
 */
export type ImageOperationInput = {
  /** Multiply the brightness, 0 to 4; 1 leaves it. */
  brightness?: number | null | undefined;
  /** Multiply the contrast around the middle grey, 0 to 4; 1 leaves it. */
  contrast?: number | null | undefined;
  /** Keep this rectangle. */
  crop?: CropRectInput | null | undefined;
  /** Apply a named filter. */
  filter?: ImageFilter | null | undefined;
  /** Turn upside down. */
  flip?: boolean | null | undefined;
  /** Mirror left to right. */
  flop?: boolean | null | undefined;
  /** Turn clockwise by this many degrees: a multiple of 90 exactly, or from -45 to 45 to straighten (the result is cropped to the largest upright rectangle inside, with no corner of background). */
  rotate?: number | null | undefined;
  /** Multiply the saturation, 0 to 4; 0 is grey, 1 leaves it. */
  saturation?: number | null | undefined;
};

/** A transform of an image, applied on the fly by the delivery gate. Each field maps to the query parameter in brackets. */
export type ImageParams = {
  /** An aspect ratio such as `16:9` [ar]: with `w` or `h`, it sets the other. */
  ar?: string | null | undefined;
  /** Automatic choices [auto]. */
  auto?: Array<ImageAuto> | null | undefined;
  /** Gaussian blur, 1 to 100 [blur]. */
  blur?: number | null | undefined;
  /** What `fit: CROP` keeps [crop]; CENTER by default. */
  crop?: ImageCrop | null | undefined;
  /** Device pixel ratio, up to 3 [dpr]: multiplies `w` and `h`. */
  dpr?: number | null | undefined;
  /** How to fit the image into `w`×`h` [fit]; CLIP by default, CROP when `ar` is set. */
  fit?: ImageFit | null | undefined;
  /** The output format [fm]; by default the original's (JPEG for formats browsers lack). */
  fm?: ImageFormat | null | undefined;
  /** The focal point's x, 0 to 1 [fp-x]; by default the asset's. */
  fpX?: number | null | undefined;
  /** The focal point's y, 0 to 1 [fp-y]; by default the asset's. */
  fpY?: number | null | undefined;
  /** Height in CSS pixels [h], 1 to 8192. */
  h?: number | null | undefined;
  /** A PDF document's page [page], from 1 to its page count; the first when omitted. Only for PDFs. */
  page?: number | null | undefined;
  /** Quality, 1 to 100 [q]; 75 by default (60 with `auto: [COMPRESS]`). */
  q?: number | null | undefined;
  /**
   * A video's frame at this time, in seconds [t], from 0 to the video's duration (millisecond precision).
   * Without it, transforms of a video start from its poster. Only for videos.
   */
  t?: number | null | undefined;
  /** Width in CSS pixels [w], 1 to 8192. */
  w?: number | null | undefined;
};

/** Compare a size in bytes. */
export type Int64Filter = {
  /** Equal to. */
  eq?: number | null | undefined;
  /** Greater than. */
  gt?: number | null | undefined;
  /** Greater than or equal to. */
  gte?: number | null | undefined;
  /** Less than. */
  lt?: number | null | undefined;
  /** Less than or equal to. */
  lte?: number | null | undefined;
};

/** Compare a number of pixels. */
export type IntFilter = {
  /** Equal to. */
  eq?: number | null | undefined;
  /** Whether the value is known (true) or absent (false). */
  exists?: boolean | null | undefined;
  /** Greater than. */
  gt?: number | null | undefined;
  /** Greater than or equal to. */
  gte?: number | null | undefined;
  /** Less than. */
  lt?: number | null | undefined;
  /** Less than or equal to. */
  lte?: number | null | undefined;
};

/** Match asset kinds. */
export type KindFilter = {
  /** Exactly this kind. */
  eq?: AssetKind | null | undefined;
  /** Any of these kinds. */
  in?: Array<AssetKind> | null | undefined;
};

/** Metadata for one locale. An omitted field stays as it is; a field set to null is cleared. */
export type LocalizedMetadataInput = {
  /** Alternative text. */
  alt?: string | null | undefined;
  /** Free-form values (replaces the whole object). */
  customData?: unknown;
  /** Focal point. */
  focalPoint?: FocalPointInput | null | undefined;
  /** The locale, one of `mediaSettings.locales`. */
  locale: string;
  /** Title. */
  title?: string | null | undefined;
};

/** The type of a structured metadata field's values. */
export type MetadataFieldType =
  /** True or false. */
  | 'BOOLEAN'
  /** A calendar day, written YYYY-MM-DD; filters compare it as a date. */
  | 'DATE'
  /** Any of the field's options, as a list. */
  | 'MULTI_SELECT'
  /** A number; filters compare it as a number. */
  | 'NUMBER'
  /** One of the field's options. */
  | 'SELECT'
  /** Free text. */
  | 'TEXT';

/** Match assets by the value of a structured metadata field, in any locale. Comparisons read the value as the field's type: a number for NUMBER, YYYY-MM-DD for DATE. */
export type MetadataFilter = {
  /** Equal to. */
  eq?: unknown;
  /** Has a value (true) or none (false). */
  exists?: boolean | null | undefined;
  /** Greater than (later than, for dates). */
  gt?: unknown;
  /** Equal to one of these (for MULTI_SELECT: has one of these options). */
  in?: Array<unknown> | null | undefined;
  /** The field's key. */
  key: string;
  /** Less than (earlier than, for dates). */
  lt?: unknown;
  /** Text containing this, ignoring case. */
  matches?: string | null | undefined;
};

/** A value of a structured metadata field to set on assets. */
export type MetadataValueInput = {
  /** The field's key. */
  key: string;
  /** For localized fields, the locale (the default locale when omitted). */
  locale?: string | null | undefined;
  /** The value, checked against the field's type, options and validation; null clears it. */
  value?: unknown;
};

/** Match MIME types. */
export type MimeTypeFilter = {
  /** Exactly this type, such as `image/png`. */
  eq?: string | null | undefined;
  /** Any of these types. */
  in?: Array<string> | null | undefined;
  /** Types containing this text, such as `image/` (case-insensitive). */
  matches?: string | null | undefined;
};

/** Matches assets by their review. */
export type ModerationFilter = {
  /** By status. */
  status?: ModerationStatusFilter | null | undefined;
};

/** Where the review of an asset stands. Without moderation (MEDIAGRAPH_MODERATION=off) every asset is APPROVED. */
export type ModerationStatus =
  /** A moderator let it through. */
  | 'APPROVED'
  /** Waiting for a moderator: the asset may not be made PUBLIC nor published by a live entry, and its new bytes are delivered to editors only. */
  | 'PENDING'
  /** A moderator refused it: it is delivered to editors only, never to anyone else. */
  | 'REJECTED';

/** Matches moderation statuses. */
export type ModerationStatusFilter = {
  /** Exactly this status. */
  eq?: ModerationStatus | null | undefined;
  /** Any of these statuses. */
  in?: Array<ModerationStatus> | null | undefined;
};

/** The shape of an image or video. */
export type Orientation =
  /** Wider than tall. */
  | 'LANDSCAPE'
  /** Taller than wide. */
  | 'PORTRAIT'
  /** As wide as tall. */
  | 'SQUARE';

/** Match assets by shape. */
export type OrientationFilter = {
  /** Of this shape. */
  eq?: Orientation | null | undefined;
  /** Of any of these shapes. */
  in?: Array<Orientation> | null | undefined;
};

/** How much of the media a permission reaches. */
export type PermissionScope =
  /** Every asset. */
  | 'ALL'
  /** No asset. */
  | 'NONE'
  /** Only the assets created by members and API tokens of the same role (per role, as microCMS's "media created by members of this role"). */
  | 'OWN';

/** Permissions to give a role; an omitted scope is NONE, an omitted flag false. */
export type PermissionsInput = {
  /** Which assets its holders move to the trash and purge. */
  deleteMedia?: PermissionScope | null | undefined;
  /** Whether they may manage collections. */
  manageCollections?: boolean | null | undefined;
  /** Whether they may change settings. */
  manageSettings?: boolean | null | undefined;
  /** Whether they may manage tags. */
  manageTags?: boolean | null | undefined;
  /** Whether they may manage API tokens. */
  manageTokens?: boolean | null | undefined;
  /** Whether they may manage webhooks. */
  manageWebhooks?: boolean | null | undefined;
  /** Whether they may moderate assets. */
  moderate?: boolean | null | undefined;
  /** Whether they may publish. */
  publishMedia?: boolean | null | undefined;
  /** Which assets its holders read. */
  readMedia?: PermissionScope | null | undefined;
  /** Which assets its holders change. */
  writeMedia?: PermissionScope | null | undefined;
};

/** A class of image size by pixel count. */
export type Resolution =
  /** 8 megapixels or more. */
  | 'LARGE'
  /** From 1 to below 8 megapixels. */
  | 'MEDIUM'
  /** Below 1 megapixel. */
  | 'SMALL';

/** Match assets by resolution class. */
export type ResolutionFilter = {
  /** In this class. */
  eq?: Resolution | null | undefined;
  /** In any of these classes. */
  in?: Array<Resolution> | null | undefined;
};

/** What an API token may do. */
export type Role =
  /** Everything, API tokens included. */
  | 'ADMIN'
  /** Read PUBLIC assets only. */
  | 'DELIVERY'
  /** Read and change media. */
  | 'EDITOR';

/** Match asset statuses. */
export type StatusFilter = {
  /** Exactly this status. */
  eq?: AssetStatus | null | undefined;
  /** Any of these statuses. */
  in?: Array<AssetStatus> | null | undefined;
};

/** Match a value exactly (case-insensitively). */
export type StringFilter = {
  /** Exactly this value. */
  eq?: string | null | undefined;
  /** Any of these values. */
  in?: Array<string> | null | undefined;
};

/** Match assets by tag names (case-insensitive). */
export type TagsFilter = {
  /** Tagged with all of these. */
  allIn?: Array<string> | null | undefined;
  /** Tagged with any of these. */
  anyIn?: Array<string> | null | undefined;
  /** Tagged at all (true) or not at all (false). */
  exists?: boolean | null | undefined;
  /** Tagged with none of these. */
  notIn?: Array<string> | null | undefined;
};

/** Match text. */
export type TextFilter = {
  /** Whether any text is set (true) or none (false). */
  exists?: boolean | null | undefined;
  /** Contains this text, ignoring case. */
  matches?: string | null | undefined;
};

/** Compare an instant. */
export type TimeFilter = {
  /** After. */
  gt?: string | null | undefined;
  /** At or after. */
  gte?: string | null | undefined;
  /** Before. */
  lt?: string | null | undefined;
  /** At or before. */
  lte?: string | null | undefined;
};

/** Changes to assets. An omitted field stays as it is; a nullable field set to null is cleared. */
export type UpdateAssetInput = {
  /** Who made the work. */
  author?: string | null | undefined;
  /** Deliver the asset from this instant on (null: no start). */
  availableFrom?: string | null | undefined;
  /** Deliver the asset until this instant (null: no end). */
  availableUntil?: string | null | undefined;
  /** The collection to move the asset into; null takes it out of every collection. */
  collectionId?: string | null | undefined;
  /** The copyright notice. */
  copyright?: string | null | undefined;
  /** Attribute the assets to this member or API token (ADMIN only; management only). */
  creatorId?: string | null | undefined;
  /** Free-form values in the default locale. */
  customData?: unknown;
  /** Metadata per locale. */
  defaultFieldMetadata?: Array<LocalizedMetadataInput> | null | undefined;
  /** A new filename; it is normalized and keeps the extension of the asset's type. */
  filename?: string | null | undefined;
  /** The focal point in the default locale. */
  focalPoint?: FocalPointInput | null | undefined;
  /** Values of structured metadata fields to set (at most 50). */
  metadata?: Array<MetadataValueInput> | null | undefined;
  /** Editors' notes. */
  notes?: string | null | undefined;
  /** Who may see the asset. An asset a live entry uses cannot become PRIVATE. */
  status?: AssetStatus | null | undefined;
  /** The complete list of tags, by name (replaces the current tags). */
  tags?: Array<string> | null | undefined;
};

/** Whether an asset list has variants in it; without it, lists leave them out. */
export type VariantInclusion =
  /** Originals and variants. */
  | 'INCLUDE'
  /** Variants only. */
  | 'ONLY';

/** A header to send with every delivery. `Mediagraph-*`, `Content-Type`, `Host` and `User-Agent` are the service's. */
export type WebhookHeaderInput = {
  /** The header's name. */
  name: string;
  /** Its value. */
  value: string;
};

export type TransformPresetsQueryVariables = Exact<{ [key: string]: never; }>;


export type TransformPresetsQuery = { transformPresets: Array<{ id: string, name: string, query: string }> };

export type PresetUrlQueryVariables = Exact<{
  id: string;
  preset: string;
}>;


export type PresetUrlQuery = { asset: { id: string, presetUrl: string | null } | null };

export type PlaygroundQueryVariables = Exact<{
  id: string;
  params: ImageParams;
}>;


export type PlaygroundQuery = { asset: { id: string, url: string, transformUrl: string | null } | null };

export type WaveformQueryVariables = Exact<{
  id: string;
}>;


export type WaveformQuery = { asset: { id: string, audio: { waveform: Array<number> | null, waveformReason: string | null } | null } | null };

export type EditImageMutationVariables = Exact<{
  id: string;
  operations: Array<ImageOperationInput> | ImageOperationInput;
}>;


export type EditImageMutation = { editImage: { id: string, version: number, width: number | null, height: number | null, size: number, versions: Array<{ number: number, filename: string, size: number, width: number | null, height: number | null, createdAt: string }> | null } };

export type AssetMetadataQueryVariables = Exact<{
  id: string;
}>;


export type AssetMetadataQuery = { asset: { id: string, metadata: Array<{ locale: string | null, value: unknown, field: { id: string, key: string, label: string, type: MetadataFieldType, options: Array<string>, required: boolean, localized: boolean } }> } | null };

export type SetMetadataMutationVariables = Exact<{
  ids: Array<string> | string;
  metadata: Array<MetadataValueInput> | MetadataValueInput;
}>;


export type SetMetadataMutation = { updateAssets: Array<{ id: string, metadata: Array<{ locale: string | null, value: unknown, field: { id: string, key: string } }> }> };

export type MetadataFieldsQueryVariables = Exact<{ [key: string]: never; }>;


export type MetadataFieldsQuery = { metadataFields: Array<{ id: string, key: string, label: string, type: MetadataFieldType, options: Array<string>, required: boolean, localized: boolean }> };

export type ChildCollectionsQueryVariables = Exact<{
  parentId?: string | null | undefined;
}>;


export type ChildCollectionsQuery = { collections: Array<{ id: string, name: string }> };

export type UploadPresetsQueryVariables = Exact<{ [key: string]: never; }>;


export type UploadPresetsQuery = { uploadPresets: Array<{ id: string, name: string, allowedTypes: Array<string>, maxBytes: number | null, tags: Array<string> }> };

export type SettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type SettingsQuery = { mediaSettings: { locales: Array<string>, defaultLocale: string, maxUploadBytes: number, maxFilesPerUpload: number, maxPageSize: number, uploadTypes: Array<string>, localeFallbacks: Array<{ locale: string, fallbacks: Array<string> }> } };

export type AssetCardFragment = { id: string, kind: AssetKind, status: AssetStatus, filename: string, mimeType: string, size: number, width: number | null, height: number | null, aspectRatio: number | null, createdAt: string, updatedAt: string, blurhash: string | null, lqip: string | null, inUse: boolean, processingError: string | null, version: number, thumb: string, poster: { blurhash: string | null } | null, tags: Array<{ id: string, name: string }>, collection: { id: string, name: string } | null, antivirus: { status: AntivirusStatus, threatName: string | null } | null, moderation: { status: ModerationStatus } | null };

export type AssetsQueryVariables = Exact<{
  filter?: AssetFilter | null | undefined;
  query?: string | null | undefined;
  orderBy?: AssetOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AssetsQuery = { assets: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, kind: AssetKind, status: AssetStatus, filename: string, mimeType: string, size: number, width: number | null, height: number | null, aspectRatio: number | null, createdAt: string, updatedAt: string, blurhash: string | null, lqip: string | null, inUse: boolean, processingError: string | null, version: number, thumb: string, poster: { blurhash: string | null } | null, tags: Array<{ id: string, name: string }>, collection: { id: string, name: string } | null, antivirus: { status: AntivirusStatus, threatName: string | null } | null, moderation: { status: ModerationStatus } | null }> } };

export type AssetDetailQueryVariables = Exact<{
  id: string;
}>;


export type AssetDetailQuery = { asset: { originalFilename: string | null, format: string, duration: number | null, pageCount: number | null, hasAlpha: boolean | null, colorSpace: string | null, frameRate: number | null, videoCodec: string | null, audioCodec: string | null, author: string | null, copyright: string | null, notes: string | null, deletedAt: string | null, id: string, kind: AssetKind, status: AssetStatus, filename: string, mimeType: string, size: number, width: number | null, height: number | null, aspectRatio: number | null, createdAt: string, updatedAt: string, blurhash: string | null, lqip: string | null, inUse: boolean, processingError: string | null, version: number, original: string, gateUrl: string, versionedUrl: string | null, thumb: string, colors: Array<{ hex: string }>, exif: { make: string | null, model: string | null, lensModel: string | null, exposureTime: string | null, fNumber: number | null, iso: number | null, focalLength: number | null, dateTaken: string | null, latitude: number | null, longitude: number | null, altitude: number | null } | null, defaultFieldMetadata: Array<{ locale: string, alt: string | null, title: string | null, focalPoint: { x: number, y: number } | null }>, usages: Array<{ id: string, live: boolean, entry: { type: string, id: string, field: string | null, locale: string | null } }>, versions: Array<{ number: number, filename: string, size: number, width: number | null, height: number | null, createdAt: string, url: string }> | null, antivirus: { status: AntivirusStatus, threatName: string | null, scannedAt: string | null, error: string | null } | null, moderation: { status: ModerationStatus, note: string | null } | null, poster: { blurhash: string | null } | null, tags: Array<{ id: string, name: string }>, collection: { id: string, name: string } | null } | null };

export type AssetLocalizedQueryVariables = Exact<{
  id: string;
  locale: string;
}>;


export type AssetLocalizedQuery = { asset: { id: string, alt: string | null, title: string | null } | null };

export type CollectionsQueryVariables = Exact<{
  parentId?: string | null | undefined;
}>;


export type CollectionsQuery = { collections: Array<{ id: string, name: string, assetCount: number }> };

export type TagsQueryVariables = Exact<{
  search?: string | null | undefined;
}>;


export type TagsQuery = { tags: { nodes: Array<{ id: string, name: string, assetCount: number }> } };

export type UpdateAssetMutationVariables = Exact<{
  id: string;
  input: UpdateAssetInput;
}>;


export type UpdateAssetMutation = { updateAsset: { author: string | null, copyright: string | null, notes: string | null, id: string, kind: AssetKind, status: AssetStatus, filename: string, mimeType: string, size: number, width: number | null, height: number | null, aspectRatio: number | null, createdAt: string, updatedAt: string, blurhash: string | null, lqip: string | null, inUse: boolean, processingError: string | null, version: number, thumb: string, defaultFieldMetadata: Array<{ locale: string, alt: string | null, title: string | null, focalPoint: { x: number, y: number } | null }>, poster: { blurhash: string | null } | null, tags: Array<{ id: string, name: string }>, collection: { id: string, name: string } | null, antivirus: { status: AntivirusStatus, threatName: string | null } | null, moderation: { status: ModerationStatus } | null } };

export type TagAssetsMutationVariables = Exact<{
  ids: Array<string> | string;
  tags: Array<string> | string;
}>;


export type TagAssetsMutation = { tagAssets: Array<{ id: string, tags: Array<{ id: string, name: string }> }> };

export type UntagAssetsMutationVariables = Exact<{
  ids: Array<string> | string;
  tags: Array<string> | string;
}>;


export type UntagAssetsMutation = { untagAssets: Array<{ id: string, tags: Array<{ id: string, name: string }> }> };

export type MoveAssetsMutationVariables = Exact<{
  ids: Array<string> | string;
  collectionId?: string | null | undefined;
}>;


export type MoveAssetsMutation = { moveAssets: Array<{ id: string, collection: { id: string, name: string } | null }> };

export type SetStatusMutationVariables = Exact<{
  ids: Array<string> | string;
  status: AssetStatus;
}>;


export type SetStatusMutation = { setAssetStatus: Array<{ id: string, status: AssetStatus }> };

export type DeleteAssetsMutationVariables = Exact<{
  ids: Array<string> | string;
}>;


export type DeleteAssetsMutation = { deleteAssets: Array<string> };

export type RestoreAssetsMutationVariables = Exact<{
  ids: Array<string> | string;
}>;


export type RestoreAssetsMutation = { restoreAssets: Array<{ id: string, deletedAt: string | null }> };

export type PurgeAssetsMutationVariables = Exact<{
  ids: Array<string> | string;
}>;


export type PurgeAssetsMutation = { purgeAssets: Array<string> };

export type ModerateMutationVariables = Exact<{
  ids: Array<string> | string;
  status: ModerationStatus;
  note?: string | null | undefined;
}>;


export type ModerateMutation = { moderateAssets: Array<{ id: string, moderation: { status: ModerationStatus, note: string | null } | null }> };

export type RestoreVersionMutationVariables = Exact<{
  id: string;
  version: number;
}>;


export type RestoreVersionMutation = { restoreAssetVersion: { id: string, kind: AssetKind, status: AssetStatus, filename: string, mimeType: string, size: number, width: number | null, height: number | null, aspectRatio: number | null, createdAt: string, updatedAt: string, blurhash: string | null, lqip: string | null, inUse: boolean, processingError: string | null, version: number, thumb: string, poster: { blurhash: string | null } | null, tags: Array<{ id: string, name: string }>, collection: { id: string, name: string } | null, antivirus: { status: AntivirusStatus, threatName: string | null } | null, moderation: { status: ModerationStatus } | null } };

export type CreateCollectionMutationVariables = Exact<{
  input: CreateCollectionInput;
}>;


export type CreateCollectionMutation = { createCollection: { id: string, name: string } };

export type RenameCollectionMutationVariables = Exact<{
  id: string;
  name: string;
}>;


export type RenameCollectionMutation = { updateCollection: { id: string, name: string } };

export type MoveCollectionMutationVariables = Exact<{
  id: string;
  parentId?: string | null | undefined;
}>;


export type MoveCollectionMutation = { moveCollection: { id: string } };

export type DeleteCollectionMutationVariables = Exact<{
  id: string;
}>;


export type DeleteCollectionMutation = { deleteCollection: string };

export type AssetEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type AssetEventsSubscription = { assetEvents: { id: string, event: string, assetId: string, asset: { id: string, kind: AssetKind, status: AssetStatus, filename: string, mimeType: string, size: number, width: number | null, height: number | null, aspectRatio: number | null, createdAt: string, updatedAt: string, blurhash: string | null, lqip: string | null, inUse: boolean, processingError: string | null, version: number, thumb: string, poster: { blurhash: string | null } | null, tags: Array<{ id: string, name: string }>, collection: { id: string, name: string } | null, antivirus: { status: AntivirusStatus, threatName: string | null } | null, moderation: { status: ModerationStatus } | null } | null } };

export type TokensQueryVariables = Exact<{ [key: string]: never; }>;


export type TokensQuery = { apiTokens: Array<{ id: string, name: string, role: Role, createdAt: string, lastUsedAt: string | null, revokedAt: string | null }> | null };

export type CreateTokenMutationVariables = Exact<{
  input: CreateApiTokenInput;
}>;


export type CreateTokenMutation = { createApiToken: { secret: string, token: { id: string, name: string, role: Role, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } } };

export type RevokeTokenMutationVariables = Exact<{
  id: string;
}>;


export type RevokeTokenMutation = { revokeApiToken: { id: string, revokedAt: string | null } };

export type WebhooksQueryVariables = Exact<{ [key: string]: never; }>;


export type WebhooksQuery = { webhookEventNames: Array<string>, webhooks: Array<{ id: string, name: string, url: string, events: Array<string>, enabled: boolean, failureCount: number, disabledReason: string | null }> };

export type CreateWebhookMutationVariables = Exact<{
  input: CreateWebhookInput;
}>;


export type CreateWebhookMutation = { createWebhook: { secret: string, webhook: { id: string, name: string, url: string, events: Array<string>, enabled: boolean, failureCount: number, disabledReason: string | null } } };

export type DeleteWebhookMutationVariables = Exact<{
  id: string;
}>;


export type DeleteWebhookMutation = { deleteWebhook: { id: string } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, name: string, role: { id: string, name: string } } | null };

export type MembersQueryVariables = Exact<{ [key: string]: never; }>;


export type MembersQuery = { members: Array<{ id: string, email: string, name: string, deactivatedAt: string | null, createdAt: string, role: { id: string, name: string } }> | null, roles: Array<{ id: string, name: string, builtIn: boolean, permissions: { readMedia: PermissionScope, writeMedia: PermissionScope, deleteMedia: PermissionScope, publishMedia: boolean, manageTags: boolean, manageCollections: boolean, manageTokens: boolean, manageWebhooks: boolean, manageSettings: boolean, moderate: boolean } }> | null };

export type RolesQueryVariables = Exact<{ [key: string]: never; }>;


export type RolesQuery = { roles: Array<{ id: string, name: string, builtIn: boolean }> | null };

export type CreateMemberMutationVariables = Exact<{
  input: CreateMemberInput;
}>;


export type CreateMemberMutation = { createMember: { invitationUrl: string, member: { id: string, email: string, name: string, deactivatedAt: string | null, createdAt: string, role: { id: string, name: string } } } };

export type DeactivateMemberMutationVariables = Exact<{
  id: string;
}>;


export type DeactivateMemberMutation = { deactivateMember: { id: string, deactivatedAt: string | null } };

export type CreateRoleMutationVariables = Exact<{
  input: CreateRoleInput;
}>;


export type CreateRoleMutation = { createRole: { id: string, name: string, builtIn: boolean, permissions: { readMedia: PermissionScope, writeMedia: PermissionScope, deleteMedia: PermissionScope, publishMedia: boolean, manageTags: boolean, manageCollections: boolean, manageTokens: boolean, manageWebhooks: boolean, manageSettings: boolean, moderate: boolean } } };

export type MySessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MySessionsQuery = { mySessions: Array<{ id: string, userAgent: string | null, createdAt: string, lastUsedAt: string, expiresAt: string }> | null };

export type RevokeSessionMutationVariables = Exact<{
  id: string;
}>;


export type RevokeSessionMutation = { revokeSession: string };

export type ChangeCreatorMutationVariables = Exact<{
  ids: Array<string> | string;
  creatorId: string;
}>;


export type ChangeCreatorMutation = { updateAssets: Array<{ id: string }> };

export type CreatorsQueryVariables = Exact<{ [key: string]: never; }>;


export type CreatorsQuery = { members: Array<{ id: string, email: string, name: string, deactivatedAt: string | null }> | null };

export type ZipDownloadMutationVariables = Exact<{
  ids: Array<string> | string;
}>;


export type ZipDownloadMutation = { createZipDownload: { url: string, expiresAt: string, fileCount: number } };

export type FacetsQueryVariables = Exact<{
  filter?: AssetFilter | null | undefined;
}>;


export type FacetsQuery = { assetFacets: { kind: Array<{ value: string, count: number }> | null, status: Array<{ value: string, count: number }> | null, antivirus: Array<{ value: string, count: number }> | null, moderation: Array<{ value: string, count: number }> | null } };

export type SavedFiltersQueryVariables = Exact<{ [key: string]: never; }>;


export type SavedFiltersQuery = { savedFilters: Array<{ id: string, name: string, filter: unknown, orderBy: AssetOrder | null, search: string | null, shared: boolean, mine: boolean }> };

export type CreateSavedFilterMutationVariables = Exact<{
  input: CreateSavedFilterInput;
}>;


export type CreateSavedFilterMutation = { createSavedFilter: { id: string, name: string, filter: unknown, orderBy: AssetOrder | null, search: string | null, shared: boolean, mine: boolean } };

export type DeleteSavedFilterMutationVariables = Exact<{
  id: string;
}>;


export type DeleteSavedFilterMutation = { deleteSavedFilter: string };

export const AssetCardFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssetCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Asset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"mimeType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"aspectRatio"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"blurhash"}},{"kind":"Field","name":{"kind":"Name","value":"lqip"}},{"kind":"Field","name":{"kind":"Name","value":"inUse"}},{"kind":"Field","name":{"kind":"Name","value":"processingError"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"poster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"blurhash"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"thumb"},"name":{"kind":"Name","value":"url"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"params"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"w"},"value":{"kind":"IntValue","value":"320"}},{"kind":"ObjectField","name":{"kind":"Name","value":"h"},"value":{"kind":"IntValue","value":"320"}},{"kind":"ObjectField","name":{"kind":"Name","value":"fit"},"value":{"kind":"EnumValue","value":"MAX"}},{"kind":"ObjectField","name":{"kind":"Name","value":"auto"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"FORMAT"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"signed"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"expiresIn"},"value":{"kind":"IntValue","value":"86400"}}]},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"collection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"antivirus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"threatName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"moderation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<AssetCardFragment, unknown>;
export const TransformPresetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TransformPresets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transformPresets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"query"}}]}}]}}]} as unknown as DocumentNode<TransformPresetsQuery, TransformPresetsQueryVariables>;
export const PresetUrlDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PresetUrl"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"preset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","alias":{"kind":"Name","value":"presetUrl"},"name":{"kind":"Name","value":"transformUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"preset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"preset"}}}]}]}}]}}]} as unknown as DocumentNode<PresetUrlQuery, PresetUrlQueryVariables>;
export const PlaygroundDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Playground"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"params"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImageParams"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"params"},"value":{"kind":"Variable","name":{"kind":"Name","value":"params"}}},{"kind":"Argument","name":{"kind":"Name","value":"signed"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"expiresIn"},"value":{"kind":"IntValue","value":"3600"}}]},{"kind":"Field","name":{"kind":"Name","value":"transformUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"params"},"value":{"kind":"Variable","name":{"kind":"Name","value":"params"}}}]}]}}]}}]} as unknown as DocumentNode<PlaygroundQuery, PlaygroundQueryVariables>;
export const WaveformDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Waveform"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"audio"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waveform"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"buckets"},"value":{"kind":"IntValue","value":"160"}}]},{"kind":"Field","name":{"kind":"Name","value":"waveformReason"}}]}}]}}]}}]} as unknown as DocumentNode<WaveformQuery, WaveformQueryVariables>;
export const EditImageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EditImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"operations"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImageOperationInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"editImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"operations"},"value":{"kind":"Variable","name":{"kind":"Name","value":"operations"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<EditImageMutation, EditImageMutationVariables>;
export const AssetMetadataDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AssetMetadata"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"field"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"options"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"localized"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AssetMetadataQuery, AssetMetadataQueryVariables>;
export const SetMetadataDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetMetadata"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"metadata"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MetadataValueInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAssets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"metadata"},"value":{"kind":"Variable","name":{"kind":"Name","value":"metadata"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"field"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SetMetadataMutation, SetMetadataMutationVariables>;
export const MetadataFieldsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MetadataFields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metadataFields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"options"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"localized"}}]}}]}}]} as unknown as DocumentNode<MetadataFieldsQuery, MetadataFieldsQueryVariables>;
export const ChildCollectionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChildCollections"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"parentId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"collections"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"parentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"parentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ChildCollectionsQuery, ChildCollectionsQueryVariables>;
export const UploadPresetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UploadPresets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadPresets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTypes"}},{"kind":"Field","name":{"kind":"Name","value":"maxBytes"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}}]}}]}}]} as unknown as DocumentNode<UploadPresetsQuery, UploadPresetsQueryVariables>;
export const SettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mediaSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locales"}},{"kind":"Field","name":{"kind":"Name","value":"defaultLocale"}},{"kind":"Field","name":{"kind":"Name","value":"localeFallbacks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"fallbacks"}}]}},{"kind":"Field","name":{"kind":"Name","value":"maxUploadBytes"}},{"kind":"Field","name":{"kind":"Name","value":"maxFilesPerUpload"}},{"kind":"Field","name":{"kind":"Name","value":"maxPageSize"}},{"kind":"Field","name":{"kind":"Name","value":"uploadTypes"}}]}}]}}]} as unknown as DocumentNode<SettingsQuery, SettingsQueryVariables>;
export const AssetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Assets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AssetFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AssetOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssetCard"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssetCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Asset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"mimeType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"aspectRatio"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"blurhash"}},{"kind":"Field","name":{"kind":"Name","value":"lqip"}},{"kind":"Field","name":{"kind":"Name","value":"inUse"}},{"kind":"Field","name":{"kind":"Name","value":"processingError"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"poster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"blurhash"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"thumb"},"name":{"kind":"Name","value":"url"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"params"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"w"},"value":{"kind":"IntValue","value":"320"}},{"kind":"ObjectField","name":{"kind":"Name","value":"h"},"value":{"kind":"IntValue","value":"320"}},{"kind":"ObjectField","name":{"kind":"Name","value":"fit"},"value":{"kind":"EnumValue","value":"MAX"}},{"kind":"ObjectField","name":{"kind":"Name","value":"auto"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"FORMAT"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"signed"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"expiresIn"},"value":{"kind":"IntValue","value":"86400"}}]},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"collection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"antivirus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"threatName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"moderation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<AssetsQuery, AssetsQueryVariables>;
export const AssetDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AssetDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssetCard"}},{"kind":"Field","name":{"kind":"Name","value":"originalFilename"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"pageCount"}},{"kind":"Field","name":{"kind":"Name","value":"hasAlpha"}},{"kind":"Field","name":{"kind":"Name","value":"colorSpace"}},{"kind":"Field","name":{"kind":"Name","value":"frameRate"}},{"kind":"Field","name":{"kind":"Name","value":"videoCodec"}},{"kind":"Field","name":{"kind":"Name","value":"audioCodec"}},{"kind":"Field","name":{"kind":"Name","value":"author"}},{"kind":"Field","name":{"kind":"Name","value":"copyright"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}},{"kind":"Field","alias":{"kind":"Name","value":"original"},"name":{"kind":"Name","value":"url"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"signed"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"expiresIn"},"value":{"kind":"IntValue","value":"86400"}}]},{"kind":"Field","alias":{"kind":"Name","value":"gateUrl"},"name":{"kind":"Name","value":"url"}},{"kind":"Field","alias":{"kind":"Name","value":"versionedUrl"},"name":{"kind":"Name","value":"transformUrl"}},{"kind":"Field","name":{"kind":"Name","value":"colors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hex"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exif"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"make"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"lensModel"}},{"kind":"Field","name":{"kind":"Name","value":"exposureTime"}},{"kind":"Field","name":{"kind":"Name","value":"fNumber"}},{"kind":"Field","name":{"kind":"Name","value":"iso"}},{"kind":"Field","name":{"kind":"Name","value":"focalLength"}},{"kind":"Field","name":{"kind":"Name","value":"dateTaken"}},{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"altitude"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultFieldMetadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"focalPoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"y"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"usages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"live"}},{"kind":"Field","name":{"kind":"Name","value":"entry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"url"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"signed"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"expiresIn"},"value":{"kind":"IntValue","value":"86400"}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"antivirus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"threatName"}},{"kind":"Field","name":{"kind":"Name","value":"scannedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}},{"kind":"Field","name":{"kind":"Name","value":"moderation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssetCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Asset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"mimeType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"aspectRatio"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"blurhash"}},{"kind":"Field","name":{"kind":"Name","value":"lqip"}},{"kind":"Field","name":{"kind":"Name","value":"inUse"}},{"kind":"Field","name":{"kind":"Name","value":"processingError"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"poster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"blurhash"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"thumb"},"name":{"kind":"Name","value":"url"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"params"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"w"},"value":{"kind":"IntValue","value":"320"}},{"kind":"ObjectField","name":{"kind":"Name","value":"h"},"value":{"kind":"IntValue","value":"320"}},{"kind":"ObjectField","name":{"kind":"Name","value":"fit"},"value":{"kind":"EnumValue","value":"MAX"}},{"kind":"ObjectField","name":{"kind":"Name","value":"auto"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"FORMAT"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"signed"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"expiresIn"},"value":{"kind":"IntValue","value":"86400"}}]},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"collection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"antivirus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"threatName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"moderation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<AssetDetailQuery, AssetDetailQueryVariables>;
export const AssetLocalizedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AssetLocalized"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"alt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}]},{"kind":"Field","name":{"kind":"Name","value":"title"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}]}]}}]}}]} as unknown as DocumentNode<AssetLocalizedQuery, AssetLocalizedQueryVariables>;
export const CollectionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Collections"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"parentId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"collections"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"parentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"parentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"assetCount"}}]}}]}}]} as unknown as DocumentNode<CollectionsQuery, CollectionsQueryVariables>;
export const TagsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Tags"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tags"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"assetCount"}}]}}]}}]}}]} as unknown as DocumentNode<TagsQuery, TagsQueryVariables>;
export const UpdateAssetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateAsset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateAssetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAsset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssetCard"}},{"kind":"Field","name":{"kind":"Name","value":"author"}},{"kind":"Field","name":{"kind":"Name","value":"copyright"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"defaultFieldMetadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"focalPoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"y"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssetCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Asset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"mimeType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"aspectRatio"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"blurhash"}},{"kind":"Field","name":{"kind":"Name","value":"lqip"}},{"kind":"Field","name":{"kind":"Name","value":"inUse"}},{"kind":"Field","name":{"kind":"Name","value":"processingError"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"poster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"blurhash"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"thumb"},"name":{"kind":"Name","value":"url"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"params"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"w"},"value":{"kind":"IntValue","value":"320"}},{"kind":"ObjectField","name":{"kind":"Name","value":"h"},"value":{"kind":"IntValue","value":"320"}},{"kind":"ObjectField","name":{"kind":"Name","value":"fit"},"value":{"kind":"EnumValue","value":"MAX"}},{"kind":"ObjectField","name":{"kind":"Name","value":"auto"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"FORMAT"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"signed"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"expiresIn"},"value":{"kind":"IntValue","value":"86400"}}]},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"collection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"antivirus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"threatName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"moderation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<UpdateAssetMutation, UpdateAssetMutationVariables>;
export const TagAssetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TagAssets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tags"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tagAssets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}},{"kind":"Argument","name":{"kind":"Name","value":"tags"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tags"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<TagAssetsMutation, TagAssetsMutationVariables>;
export const UntagAssetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UntagAssets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tags"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"untagAssets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}},{"kind":"Argument","name":{"kind":"Name","value":"tags"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tags"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<UntagAssetsMutation, UntagAssetsMutationVariables>;
export const MoveAssetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MoveAssets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"collectionId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moveAssets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}},{"kind":"Argument","name":{"kind":"Name","value":"collectionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"collectionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"collection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<MoveAssetsMutation, MoveAssetsMutationVariables>;
export const SetStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssetStatus"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setAssetStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SetStatusMutation, SetStatusMutationVariables>;
export const DeleteAssetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteAssets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteAssets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}]}]}}]} as unknown as DocumentNode<DeleteAssetsMutation, DeleteAssetsMutationVariables>;
export const RestoreAssetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreAssets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreAssets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}}]}}]}}]} as unknown as DocumentNode<RestoreAssetsMutation, RestoreAssetsMutationVariables>;
export const PurgeAssetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PurgeAssets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purgeAssets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}]}]}}]} as unknown as DocumentNode<PurgeAssetsMutation, PurgeAssetsMutationVariables>;
export const ModerateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Moderate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ModerationStatus"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moderateAssets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"moderation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]}}]} as unknown as DocumentNode<ModerateMutation, ModerateMutationVariables>;
export const RestoreVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreAssetVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssetCard"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssetCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Asset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"mimeType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"aspectRatio"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"blurhash"}},{"kind":"Field","name":{"kind":"Name","value":"lqip"}},{"kind":"Field","name":{"kind":"Name","value":"inUse"}},{"kind":"Field","name":{"kind":"Name","value":"processingError"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"poster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"blurhash"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"thumb"},"name":{"kind":"Name","value":"url"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"params"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"w"},"value":{"kind":"IntValue","value":"320"}},{"kind":"ObjectField","name":{"kind":"Name","value":"h"},"value":{"kind":"IntValue","value":"320"}},{"kind":"ObjectField","name":{"kind":"Name","value":"fit"},"value":{"kind":"EnumValue","value":"MAX"}},{"kind":"ObjectField","name":{"kind":"Name","value":"auto"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"FORMAT"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"signed"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"expiresIn"},"value":{"kind":"IntValue","value":"86400"}}]},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"collection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"antivirus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"threatName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"moderation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<RestoreVersionMutation, RestoreVersionMutationVariables>;
export const CreateCollectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCollection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCollectionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCollection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CreateCollectionMutation, CreateCollectionMutationVariables>;
export const RenameCollectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RenameCollection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCollection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RenameCollectionMutation, RenameCollectionMutationVariables>;
export const MoveCollectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MoveCollection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"parentId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moveCollection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"parentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"parentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<MoveCollectionMutation, MoveCollectionMutationVariables>;
export const DeleteCollectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteCollection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteCollection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteCollectionMutation, DeleteCollectionMutationVariables>;
export const AssetEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"AssetEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assetEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"assetId"}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssetCard"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssetCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Asset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"mimeType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"aspectRatio"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"blurhash"}},{"kind":"Field","name":{"kind":"Name","value":"lqip"}},{"kind":"Field","name":{"kind":"Name","value":"inUse"}},{"kind":"Field","name":{"kind":"Name","value":"processingError"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"poster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"blurhash"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"thumb"},"name":{"kind":"Name","value":"url"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"params"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"w"},"value":{"kind":"IntValue","value":"320"}},{"kind":"ObjectField","name":{"kind":"Name","value":"h"},"value":{"kind":"IntValue","value":"320"}},{"kind":"ObjectField","name":{"kind":"Name","value":"fit"},"value":{"kind":"EnumValue","value":"MAX"}},{"kind":"ObjectField","name":{"kind":"Name","value":"auto"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"FORMAT"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"signed"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"expiresIn"},"value":{"kind":"IntValue","value":"86400"}}]},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"collection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"antivirus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"threatName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"moderation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<AssetEventsSubscription, AssetEventsSubscriptionVariables>;
export const TokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Tokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiTokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<TokensQuery, TokensQueryVariables>;
export const CreateTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]} as unknown as DocumentNode<CreateTokenMutation, CreateTokenMutationVariables>;
export const RevokeTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<RevokeTokenMutation, RevokeTokenMutationVariables>;
export const WebhooksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Webhooks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhooks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"failureCount"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"webhookEventNames"}}]}}]} as unknown as DocumentNode<WebhooksQuery, WebhooksQueryVariables>;
export const CreateWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateWebhookInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWebhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"webhook"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"failureCount"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}}]}}]}}]}}]} as unknown as DocumentNode<CreateWebhookMutation, CreateWebhookMutationVariables>;
export const DeleteWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteWebhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<DeleteWebhookMutation, DeleteWebhookMutationVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const MembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"deactivatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"builtIn"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"readMedia"}},{"kind":"Field","name":{"kind":"Name","value":"writeMedia"}},{"kind":"Field","name":{"kind":"Name","value":"deleteMedia"}},{"kind":"Field","name":{"kind":"Name","value":"publishMedia"}},{"kind":"Field","name":{"kind":"Name","value":"manageTags"}},{"kind":"Field","name":{"kind":"Name","value":"manageCollections"}},{"kind":"Field","name":{"kind":"Name","value":"manageTokens"}},{"kind":"Field","name":{"kind":"Name","value":"manageWebhooks"}},{"kind":"Field","name":{"kind":"Name","value":"manageSettings"}},{"kind":"Field","name":{"kind":"Name","value":"moderate"}}]}}]}}]}}]} as unknown as DocumentNode<MembersQuery, MembersQueryVariables>;
export const RolesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"builtIn"}}]}}]}}]} as unknown as DocumentNode<RolesQuery, RolesQueryVariables>;
export const CreateMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitationUrl"}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"deactivatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreateMemberMutation, CreateMemberMutationVariables>;
export const DeactivateMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeactivateMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deactivateMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deactivatedAt"}}]}}]}}]} as unknown as DocumentNode<DeactivateMemberMutation, DeactivateMemberMutationVariables>;
export const CreateRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"builtIn"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"readMedia"}},{"kind":"Field","name":{"kind":"Name","value":"writeMedia"}},{"kind":"Field","name":{"kind":"Name","value":"deleteMedia"}},{"kind":"Field","name":{"kind":"Name","value":"publishMedia"}},{"kind":"Field","name":{"kind":"Name","value":"manageTags"}},{"kind":"Field","name":{"kind":"Name","value":"manageCollections"}},{"kind":"Field","name":{"kind":"Name","value":"manageTokens"}},{"kind":"Field","name":{"kind":"Name","value":"manageWebhooks"}},{"kind":"Field","name":{"kind":"Name","value":"manageSettings"}},{"kind":"Field","name":{"kind":"Name","value":"moderate"}}]}}]}}]}}]} as unknown as DocumentNode<CreateRoleMutation, CreateRoleMutationVariables>;
export const MySessionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MySessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mySessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userAgent"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<MySessionsQuery, MySessionsQueryVariables>;
export const RevokeSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<RevokeSessionMutation, RevokeSessionMutationVariables>;
export const ChangeCreatorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangeCreator"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"creatorId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAssets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"creatorId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"creatorId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ChangeCreatorMutation, ChangeCreatorMutationVariables>;
export const CreatorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Creators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"deactivatedAt"}}]}}]}}]} as unknown as DocumentNode<CreatorsQuery, CreatorsQueryVariables>;
export const ZipDownloadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ZipDownload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createZipDownload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"fileCount"}}]}}]}}]} as unknown as DocumentNode<ZipDownloadMutation, ZipDownloadMutationVariables>;
export const FacetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Facets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AssetFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assetFacets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"facets"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"KIND"},{"kind":"EnumValue","value":"STATUS"},{"kind":"EnumValue","value":"ANTIVIRUS"},{"kind":"EnumValue","value":"MODERATION"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"antivirus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"moderation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]} as unknown as DocumentNode<FacetsQuery, FacetsQueryVariables>;
export const SavedFiltersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SavedFilters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"savedFilters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"filter"}},{"kind":"Field","name":{"kind":"Name","value":"orderBy"}},{"kind":"Field","name":{"kind":"Name","value":"search"}},{"kind":"Field","name":{"kind":"Name","value":"shared"}},{"kind":"Field","name":{"kind":"Name","value":"mine"}}]}}]}}]} as unknown as DocumentNode<SavedFiltersQuery, SavedFiltersQueryVariables>;
export const CreateSavedFilterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSavedFilter"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSavedFilterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSavedFilter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"filter"}},{"kind":"Field","name":{"kind":"Name","value":"orderBy"}},{"kind":"Field","name":{"kind":"Name","value":"search"}},{"kind":"Field","name":{"kind":"Name","value":"shared"}},{"kind":"Field","name":{"kind":"Name","value":"mine"}}]}}]}}]} as unknown as DocumentNode<CreateSavedFilterMutation, CreateSavedFilterMutationVariables>;
export const DeleteSavedFilterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteSavedFilter"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteSavedFilter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteSavedFilterMutation, DeleteSavedFilterMutationVariables>;