// Generated from schema/*.graphqls by `npm run codegen`; do not edit.
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A 64-bit integer, sent as a JSON number: byte sizes pass 2 GiB. */
  Int64: { input: number; output: number; }
  /** A JSON object. */
  JSON: { input: unknown; output: unknown; }
  /** An instant, as an RFC 3339 string in UTC. */
  Time: { input: string; output: string; }
  /** A file part of a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec). */
  Upload: { input: File; output: File; }
};

/** What the antivirus scan of a version's bytes found. Management only. */
export type Antivirus = {
  __typename?: 'Antivirus';
  /** How many attempts were made. */
  attempts: Scalars['Int']['output'];
  /** Why the bytes were SKIPPED, or why the last attempt failed. */
  error: Maybe<Scalars['String']['output']>;
  /** When the last attempt ended; null before the first. */
  scannedAt: Maybe<Scalars['Time']['output']>;
  /** Where the scan stands. */
  status: AntivirusStatus;
  /** The name of the threat found, for INFECTED bytes, such as `Win.Test.EICAR_HDB-1`. */
  threatName: Maybe<Scalars['String']['output']>;
};

/** Matches assets by the antivirus scan of their current version. */
export type AntivirusFilter = {
  /** By status. */
  status?: InputMaybe<AntivirusStatusFilter>;
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
  eq?: InputMaybe<AntivirusStatus>;
  /** Any of these statuses. */
  in?: InputMaybe<Array<AntivirusStatus>>;
};

/** A credential for the API. Only a hash of its secret is stored. Management only, like every field of it. */
export type ApiToken = Node & {
  __typename?: 'ApiToken';
  /** When it was created. */
  createdAt: Scalars['Time']['output'];
  /** The token's id (`tok_…`); not the secret. */
  id: Scalars['ID']['output'];
  /** When it was last used, to the minute. */
  lastUsedAt: Maybe<Scalars['Time']['output']>;
  /** Whether this EDITOR token may also moderate assets (`moderateAssets`), as ADMIN tokens do. */
  moderator: Scalars['Boolean']['output'];
  /** A name saying who or what uses it. */
  name: Scalars['String']['output'];
  /** When it was revoked; null while it is valid. */
  revokedAt: Maybe<Scalars['Time']['output']>;
  /** What it may do. */
  role: Role;
};

/** A file in the media library: its bytes, what is known about them and how editors described them. */
export type Asset = Node & {
  __typename?: 'Asset';
  /** Alternative text, along the fallback chain of the locale. */
  alt: Maybe<Scalars['String']['output']>;
  /** The antivirus scan of the current version. Management only: delivery tokens read null, with a FORBIDDEN error. */
  antivirus: Maybe<Antivirus>;
  /** Width divided by height as displayed, for images and videos. */
  aspectRatio: Maybe<Scalars['Float']['output']>;
  /** The codec of the sound of a video or audio file, such as `aac` or `mp3`. */
  audioCodec: Maybe<Scalars['String']['output']>;
  /** Who made the work. */
  author: Maybe<Scalars['String']['output']>;
  /** The asset may be delivered from this instant on; before it, the gate refuses it to everyone but editors. */
  availableFrom: Maybe<Scalars['Time']['output']>;
  /** The asset may be delivered until this instant; after it, the gate refuses it to everyone but editors. */
  availableUntil: Maybe<Scalars['Time']['output']>;
  /** The filename without its extension. */
  basename: Scalars['String']['output'];
  /** The average bitrate of a sound or video, in bits per second. */
  bitrate: Maybe<Scalars['Int64']['output']>;
  /** A [BlurHash](https://blurha.sh) of an image: a compact placeholder string. */
  blurhash: Maybe<Scalars['String']['output']>;
  /** The collection the asset is in, if any. */
  collection: Maybe<Collection>;
  /** The color space the image is stored in, such as `srgb`, `cmyk` or `b-w`. */
  colorSpace: Maybe<Scalars['String']['output']>;
  /** Up to five dominant colors of an image, most common first. */
  colors: Array<Color>;
  /** The copyright notice. */
  copyright: Maybe<Scalars['String']['output']>;
  /** When the asset was created. */
  createdAt: Scalars['Time']['output'];
  /** The token that created the asset; null for the command line. Management only. */
  createdBy: Maybe<ApiToken>;
  /** Free-form values, along the fallback chain of the locale; an empty object when none is set. */
  customData: Scalars['JSON']['output'];
  /** The metadata of every locale that has values. */
  defaultFieldMetadata: Array<LocalizedMetadata>;
  /** When the asset was moved to the trash; null when it is not in the trash. Management only. */
  deletedAt: Maybe<Scalars['Time']['output']>;
  /** The length in seconds of a sound, a video or an animation. */
  duration: Maybe<Scalars['Float']['output']>;
  /** Camera data and the raw embedded metadata (EXIF, IPTC, XMP, audio/video tags); null when the file carries none. */
  exif: Maybe<Exif>;
  /**
   * The URL-safe filename: the uploaded name transliterated to Latin letters, every character other than
   * letters, digits and `_` made `-` (runs of them collapsed), with the extension of the sniffed type.
   */
  filename: Scalars['String']['output'];
  /** Focal point, along the fallback chain of the locale. */
  focalPoint: Maybe<FocalPoint>;
  /** The file format, such as `jpg`, `png`, `mp4` or `pdf` (`bin` when unknown). */
  format: Scalars['String']['output'];
  /** The number of frames of an animated image; null for a still image. */
  frameCount: Maybe<Scalars['Int']['output']>;
  /** Frames per second of a video. */
  frameRate: Maybe<Scalars['Float']['output']>;
  /** Whether an image has an alpha channel (transparency). */
  hasAlpha: Maybe<Scalars['Boolean']['output']>;
  /** The height in pixels as displayed (EXIF orientation applied), for images and videos. */
  height: Maybe<Scalars['Int']['output']>;
  /** The asset's id (`ast_…`), stable across replacements of its bytes. */
  id: Scalars['ID']['output'];
  /** Whether any entry, draft or live, references the asset. */
  inUse: Scalars['Boolean']['output'];
  /** What kind of media it is. */
  kind: AssetKind;
  /** A tiny blurred version of an image as a data URI (under 1 KB), to show while the image loads. */
  lqip: Maybe<Scalars['String']['output']>;
  /** The MD5 of the bytes, in hex. */
  md5: Scalars['String']['output'];
  /** The MIME type, sniffed from the bytes (never taken from the name or the client). */
  mimeType: Scalars['String']['output'];
  /** The review of the asset. Management only: delivery tokens read null, with a FORBIDDEN error. */
  moderation: Maybe<Moderation>;
  /** Editors' notes. Management only. */
  notes: Maybe<Scalars['String']['output']>;
  /** Landscape, portrait or square as displayed, for images and videos. */
  orientation: Maybe<Orientation>;
  /** The name the current version's file was uploaded under, exactly as given (any script, spaces, case), for display. Management only: it may say more than the published filename. */
  originalFilename: Maybe<Scalars['String']['output']>;
  /** The number of pages of a PDF. */
  pageCount: Maybe<Scalars['Int']['output']>;
  /** The path of the asset under the service's public URL, stable across replacements. */
  path: Scalars['String']['output'];
  /** Why the bytes could not be fully analyzed (a damaged file, an unknown format); null when they were. The file is stored as uploaded either way, and nothing is invented about it. Management only. */
  processingError: Maybe<Scalars['String']['output']>;
  /** A responsive image for `<img srcset>`, computed from stored facts (no image work at query time); null for assets the gate does not transform (not an image, or damaged). */
  responsiveImage: Maybe<ResponsiveImage>;
  /** The SHA-256 of the bytes, in hex. */
  sha256: Scalars['String']['output'];
  /** The size in bytes. */
  size: Scalars['Int64']['output'];
  /** Tags derived from the file itself (IPTC/XMP keywords), kept apart from the tags editors set. */
  smartTags: Array<Scalars['String']['output']>;
  /** Who may see it. */
  status: AssetStatus;
  /** The tags on the asset, by name. */
  tags: Array<Tag>;
  /** A [ThumbHash](https://evanw.github.io/thumbhash/) of an image, base64-encoded: a placeholder that keeps the aspect ratio and transparency. */
  thumbhash: Maybe<Scalars['String']['output']>;
  /** Title, along the fallback chain of the locale. */
  title: Maybe<Scalars['String']['output']>;
  /**
   * The absolute URL of this version's bytes, or of a transform of them: it never changes meaning, so it is
   * cached for a year; replacing the asset gives new URLs. Null when `params` ask for a transform of an
   * asset the gate does not transform (not an image, or damaged); without them, the original's.
   */
  transformUrl: Maybe<Scalars['String']['output']>;
  /** When the asset or its description last changed. */
  updatedAt: Scalars['Time']['output'];
  /** The token of the latest change to the asset (management only). */
  updatedBy: Maybe<ApiToken>;
  /**
   * The absolute URL of the asset's bytes, or of a transform of them, through the gate: it follows
   * replacements, so it is cached for five minutes. PUBLIC assets load from it anywhere; PRIVATE ones with an
   * editor token, or when `signed`.
   */
  url: Scalars['String']['output'];
  /** The entries that reference the asset. */
  usages: Array<Usage>;
  /** The number of the current version. */
  version: Scalars['Int']['output'];
  /** Every stored version, oldest first. Management only. */
  versions: Maybe<Array<AssetVersion>>;
  /** The codec of a video's picture, such as `h264` or `vp9`. */
  videoCodec: Maybe<Scalars['String']['output']>;
  /** The width in pixels as displayed (EXIF orientation applied), for images and videos. */
  width: Maybe<Scalars['Int']['output']>;
};


/** A file in the media library: its bytes, what is known about them and how editors described them. */
export type AssetAltArgs = {
  locale?: InputMaybe<Scalars['String']['input']>;
};


/** A file in the media library: its bytes, what is known about them and how editors described them. */
export type AssetCustomDataArgs = {
  locale?: InputMaybe<Scalars['String']['input']>;
};


/** A file in the media library: its bytes, what is known about them and how editors described them. */
export type AssetFocalPointArgs = {
  locale?: InputMaybe<Scalars['String']['input']>;
};


/** A file in the media library: its bytes, what is known about them and how editors described them. */
export type AssetResponsiveImageArgs = {
  locale?: InputMaybe<Scalars['String']['input']>;
  params?: InputMaybe<ImageParams>;
  sizes?: InputMaybe<Scalars['String']['input']>;
};


/** A file in the media library: its bytes, what is known about them and how editors described them. */
export type AssetTitleArgs = {
  locale?: InputMaybe<Scalars['String']['input']>;
};


/** A file in the media library: its bytes, what is known about them and how editors described them. */
export type AssetTransformUrlArgs = {
  params?: InputMaybe<ImageParams>;
};


/** A file in the media library: its bytes, what is known about them and how editors described them. */
export type AssetUrlArgs = {
  expiresIn?: InputMaybe<Scalars['Int']['input']>;
  params?: InputMaybe<ImageParams>;
  signed?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A page of assets. */
export type AssetConnection = {
  __typename?: 'AssetConnection';
  /** The assets of the page, with their cursors. */
  edges: Array<AssetEdge>;
  /** The assets of the page. */
  nodes: Array<Asset>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** How many assets the filter selects in all pages. */
  totalCount: Scalars['Int64']['output'];
};

/** An asset in a list, with its position. */
export type AssetEdge = {
  __typename?: 'AssetEdge';
  /** The position of this asset in the list; pass it as `after` or `before`. */
  cursor: Scalars['String']['output'];
  /** The asset. */
  node: Asset;
};

/** An event about one asset. */
export type AssetEvent = {
  __typename?: 'AssetEvent';
  /** The asset as it is now; null once it is purged. */
  asset: Maybe<Asset>;
  /** The asset's id, also when it is gone. */
  assetId: Scalars['ID']['output'];
  /** The event's name, such as `asset.updated`. */
  event: Scalars['String']['output'];
  /** The event's id and the asset's, as in webhook payloads. */
  id: Scalars['ID']['output'];
  /** When the change committed. */
  occurredAt: Scalars['Time']['output'];
};

/** Conditions on assets. Every condition set must hold; `AND` and `OR` combine nested filters. */
export type AssetFilter = {
  /** Every one of these filters must hold. */
  AND?: InputMaybe<Array<AssetFilter>>;
  /** At least one of these filters must hold. */
  OR?: InputMaybe<Array<AssetFilter>>;
  /** By alternative text, in any locale. */
  alt?: InputMaybe<TextFilter>;
  /** By the antivirus scan of the current version. Management only: refused (FORBIDDEN) for delivery tokens. */
  antivirus?: InputMaybe<AntivirusFilter>;
  /** By width divided by height. */
  aspectRatio?: InputMaybe<FloatFilter>;
  /** By author. */
  author?: InputMaybe<TextFilter>;
  /** By collection. */
  collection?: InputMaybe<CollectionFilter>;
  /** By dominant colors. */
  colors?: InputMaybe<ColorsFilter>;
  /** By copyright notice. */
  copyright?: InputMaybe<TextFilter>;
  /** By creation time. */
  createdAt?: InputMaybe<TimeFilter>;
  /** true lists the trash instead of the library. Only at the top level of a filter. */
  deleted?: InputMaybe<Scalars['Boolean']['input']>;
  /** By filename. */
  filename?: InputMaybe<TextFilter>;
  /** By format, such as `jpg`. */
  format?: InputMaybe<StringFilter>;
  /** By height in pixels. */
  height?: InputMaybe<IntFilter>;
  /** By id. */
  ids?: InputMaybe<IdFilter>;
  /** Referenced by any entry (true) or by none (false). */
  inUse?: InputMaybe<Scalars['Boolean']['input']>;
  /** By kind. */
  kind?: InputMaybe<KindFilter>;
  /** By MD5, in hex. */
  md5?: InputMaybe<StringFilter>;
  /** By MIME type. */
  mimeType?: InputMaybe<MimeTypeFilter>;
  /** By review, such as the queue of PENDING assets. Management only: refused (FORBIDDEN) for delivery tokens. */
  moderation?: InputMaybe<ModerationFilter>;
  /** By editors' notes. */
  notes?: InputMaybe<TextFilter>;
  /** By shape as displayed. */
  orientation?: InputMaybe<OrientationFilter>;
  /** By the name the current version's file was uploaded under, exactly as given (any script). */
  originalFilename?: InputMaybe<TextFilter>;
  /** By pixel count: SMALL below 1 megapixel, MEDIUM below 8, LARGE from 8. */
  resolution?: InputMaybe<ResolutionFilter>;
  /** Every word must appear, ignoring case, in the filename, a title, an alt text, the notes or a tag name. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** By size in bytes. */
  size?: InputMaybe<Int64Filter>;
  /** By smart tag names (keywords from the file's metadata). */
  smartTags?: InputMaybe<TagsFilter>;
  /** By status. */
  status?: InputMaybe<StatusFilter>;
  /** By tag names. */
  tags?: InputMaybe<TagsFilter>;
  /** By title, in any locale. */
  title?: InputMaybe<TextFilter>;
  /** By last change. */
  updatedAt?: InputMaybe<TimeFilter>;
  /** By width in pixels. */
  width?: InputMaybe<IntFilter>;
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

/** One stored set of bytes of an asset. Bytes never change: a new upload makes a new version. Management only, like every field of it. */
export type AssetVersion = {
  __typename?: 'AssetVersion';
  /** The antivirus scan of this version. Management only: delivery tokens read null, with a FORBIDDEN error. */
  antivirus: Maybe<Antivirus>;
  /** When this version was stored. */
  createdAt: Scalars['Time']['output'];
  /** The token that stored it; null for the command line. */
  createdBy: Maybe<ApiToken>;
  /** The filename of this version. */
  filename: Scalars['String']['output'];
  /** The height in pixels, for images. */
  height: Maybe<Scalars['Int']['output']>;
  /** The MD5 of the bytes, in hex. */
  md5: Scalars['String']['output'];
  /** The MIME type sniffed from the bytes. */
  mimeType: Scalars['String']['output'];
  /** The version number, from 1. */
  number: Scalars['Int']['output'];
  /** The name this version's file was uploaded under, exactly as given (any script, spaces, case). */
  originalFilename: Scalars['String']['output'];
  /** The SHA-256 of the bytes, in hex. */
  sha256: Scalars['String']['output'];
  /** The size in bytes. */
  size: Scalars['Int64']['output'];
  /**
   * The absolute URL of a transform of this version's bytes, cached for a year. Null when `params` ask for a
   * transform of a version the gate does not transform (not an image, or damaged); without them, the
   * version's original bytes.
   */
  transformUrl: Maybe<Scalars['String']['output']>;
  /**
   * The absolute URL of this version's own bytes through the gate (`/media/v/{id}/{number}/{filename}`),
   * cached for a year: it keeps naming these bytes after the asset is replaced or restored. A PRIVATE
   * asset's opens with an editor token, or when `signed`.
   */
  url: Scalars['String']['output'];
  /** The width in pixels, for images. */
  width: Maybe<Scalars['Int']['output']>;
};


/** One stored set of bytes of an asset. Bytes never change: a new upload makes a new version. Management only, like every field of it. */
export type AssetVersionTransformUrlArgs = {
  params?: InputMaybe<ImageParams>;
};


/** One stored set of bytes of an asset. Bytes never change: a new upload makes a new version. Management only, like every field of it. */
export type AssetVersionUrlArgs = {
  expiresIn?: InputMaybe<Scalars['Int']['input']>;
  signed?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A field one change set to another value. Management only. */
export type AuditChange = {
  __typename?: 'AuditChange';
  /** Its value after, as JSON text. */
  after: Scalars['String']['output'];
  /** The asset. */
  assetId: Scalars['ID']['output'];
  /** Its value before, as JSON text (`null` when it had none; for `tags`, not kept). */
  before: Scalars['String']['output'];
  /** The field, as named in `UpdateAssetInput`. */
  field: Scalars['String']['output'];
};

/** One change to the catalogue: who made it, when, and for updates what it changed. Management only. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** The API token that made the change; null for the service's own work (analysis, sweeps). */
  actor: Maybe<ApiToken>;
  /** The assets it concerns. */
  assetIds: Array<Scalars['ID']['output']>;
  /** For `asset.updated` by `updateAssets`: each field that changed, per asset. */
  changes: Array<AuditChange>;
  /** The collections it concerns. */
  collectionIds: Array<Scalars['ID']['output']>;
  /** What happened, such as `asset.updated`. */
  event: Scalars['String']['output'];
  /** The event's id (`evt_…`). */
  id: Scalars['ID']['output'];
  /** When the change committed. */
  occurredAt: Scalars['Time']['output'];
  /** The tags it concerns. */
  tagIds: Array<Scalars['ID']['output']>;
  /** The signed upload it completed, for `upload.completed`. */
  uploadId: Maybe<Scalars['ID']['output']>;
};

/** A page of the audit log. Management only. */
export type AuditLogConnection = {
  __typename?: 'AuditLogConnection';
  /** The entries, newest first. */
  nodes: Array<AuditEntry>;
  /** Where the page stands; pass `endCursor` as `after` for the next one. */
  pageInfo: PageInfo;
};

/** Which entries of the audit log to list; absent fields select every entry. */
export type AuditLogFilter = {
  /** Only changes made with this API token (its id, `tok_…`). */
  actor?: InputMaybe<Scalars['ID']['input']>;
  /** Only changes of these assets (at most 100). */
  assetIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Only these events, such as `asset.updated` or `tag.merged`. */
  events?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only changes at or after this time. */
  from?: InputMaybe<Scalars['Time']['input']>;
  /** Only changes before this time. */
  to?: InputMaybe<Scalars['Time']['input']>;
};

/** A folder of assets. Collections form a tree; an asset is in at most one collection. */
export type Collection = Node & {
  __typename?: 'Collection';
  /** The collections from the root down to its parent, for breadcrumbs. */
  ancestors: Array<Collection>;
  /** How many assets the caller may see are directly in it. */
  assetCount: Scalars['Int64']['output'];
  /** The collections inside it, by name. */
  children: Array<Collection>;
  /** When it was created. */
  createdAt: Scalars['Time']['output'];
  /** The collection's id (`col_…`). */
  id: Scalars['ID']['output'];
  /** The name, unique among its siblings regardless of case. */
  name: Scalars['String']['output'];
  /** The collection it is in; null at the root. */
  parent: Maybe<Collection>;
  /** When it was last renamed or moved. */
  updatedAt: Scalars['Time']['output'];
};

/** Match assets by collection. */
export type CollectionFilter = {
  /** With `eq`: also in any collection inside it. */
  descendants?: InputMaybe<Scalars['Boolean']['input']>;
  /** In this collection. */
  eq?: InputMaybe<Scalars['ID']['input']>;
  /** In some collection (true) or in none (false). */
  exists?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A dominant color of an image. */
export type Color = {
  __typename?: 'Color';
  /** The opacity, 0 (transparent) to 255 (opaque). */
  alpha: Scalars['Int']['output'];
  /** The blue channel, 0 to 255. */
  blue: Scalars['Int']['output'];
  /** The green channel, 0 to 255. */
  green: Scalars['Int']['output'];
  /** The color as CSS writes it: `#rrggbb`. */
  hex: Scalars['String']['output'];
  /** The red channel, 0 to 255. */
  red: Scalars['Int']['output'];
};

/** Match assets by their dominant colors. */
export type ColorsFilter = {
  /** One of the asset's dominant colors is near (within 60 in RGB distance) one of these, written `#rrggbb`. */
  anyIn?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A part sent for a multipart upload, as the store acknowledged it. */
export type CompletedPartInput = {
  /** The ETag header the store answered the part's PUT with. */
  etag: Scalars['String']['input'];
  /** The part's number. */
  number: Scalars['Int']['input'];
};

/** The parts sent for one upload. */
export type CompletedPartsInput = {
  /** Its parts. */
  parts: Array<CompletedPartInput>;
  /** The upload. */
  uploadId: Scalars['ID']['input'];
};

/** A token to create. */
export type CreateApiTokenInput = {
  /** Let an EDITOR token moderate assets; ADMIN tokens moderate anyway. False by default. */
  moderator?: InputMaybe<Scalars['Boolean']['input']>;
  /** A name saying who or what will use it. */
  name: Scalars['String']['input'];
  /** What it may do. */
  role: Role;
};

/** A remote file to make an asset of. */
export type CreateAssetFromUrlInput = {
  /** How to file and describe the new asset. */
  asset?: InputMaybe<UploadAssetsInput>;
  /** The file's name; by default the last segment of the URL's path. */
  filename?: InputMaybe<Scalars['String']['input']>;
  /** When a live asset already holds the same bytes, return it instead of storing a copy (as `UploadAssetsInput.skipIfExists`, which this overrides). */
  skipIfExists?: InputMaybe<Scalars['Boolean']['input']>;
  /** An http or https URL. Private, loopback and link-local addresses are refused, on every redirect too. */
  url: Scalars['String']['input'];
};

/** A new collection. */
export type CreateCollectionInput = {
  /** Its name: 1 to 200 characters, no `/`. */
  name: Scalars['String']['input'];
  /** The collection to create it in; the root when null. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
};

/** A file to send straight to the store. */
export type CreateUploadInput = {
  /** Who made the work. */
  author?: InputMaybe<Scalars['String']['input']>;
  /** The collection to put it in. */
  collectionId?: InputMaybe<Scalars['ID']['input']>;
  /** The copyright notice. */
  copyright?: InputMaybe<Scalars['String']['input']>;
  /** Metadata per locale. */
  defaultFieldMetadata?: InputMaybe<Array<LocalizedMetadataInput>>;
  /** The file's name; it is normalized and gets the extension of its type. */
  filename: Scalars['String']['input'];
  /** The file's MD5 in hexadecimal, checked on completion. */
  md5?: InputMaybe<Scalars['String']['input']>;
  /** The file's type; it must be accepted (`mediaSettings.uploadTypes`) and match the bytes sent. */
  mimeType: Scalars['String']['input'];
  /** Editors' notes. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** The file's SHA-256 in hexadecimal, checked on completion. */
  sha256?: InputMaybe<Scalars['String']['input']>;
  /** The exact size in bytes. */
  size: Scalars['Int64']['input'];
  /**
   * With sha256 or md5: when a live asset holds the same bytes, the ticket comes back already COMPLETED with
   * that `asset` and no URL, and nothing is sent; the rest of this input is not applied to it. Trashed assets
   * do not count. Without a match, completing checks again after the bytes arrived.
   */
  skipIfExists?: InputMaybe<Scalars['Boolean']['input']>;
  /** Who may see the new asset; PRIVATE by default. */
  status?: InputMaybe<AssetStatus>;
  /** Tags to put on it, by name. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A webhook to create. */
export type CreateWebhookInput = {
  /** Up to 100 events per POST (default false). */
  batch?: InputMaybe<Scalars['Boolean']['input']>;
  /** Whether events are delivered (default true). */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** The event names to receive (see `webhookEventNames`); empty or absent: every one. */
  events?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only events of assets matching this filter, as they are when the event is delivered (no `deleted`). */
  filter?: InputMaybe<AssetFilter>;
  /** Headers to send with every delivery (at most 20). */
  headers?: InputMaybe<Array<WebhookHeaderInput>>;
  /** Add the asset's management fields to payloads (default false). */
  includeManagementFields?: InputMaybe<Scalars['Boolean']['input']>;
  /** A name saying who receives it. */
  name: Scalars['String']['input'];
  /** Where events are POSTed (http or https, on the public internet or an allowed network). */
  url: Scalars['String']['input'];
};

/** A new token with its secret, which is shown this once and never again. Management only. */
export type CreatedApiToken = {
  __typename?: 'CreatedApiToken';
  /** The bearer secret, to send as `Authorization: Bearer <secret>`. */
  secret: Scalars['String']['output'];
  /** The token. */
  token: ApiToken;
};

/** A new webhook, or one with a new secret, with the secret shown this once. Management only. */
export type CreatedWebhook = {
  __typename?: 'CreatedWebhook';
  /** The secret that signs its deliveries: `Mediagraph-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">`. */
  secret: Scalars['String']['output'];
  /** The webhook. */
  webhook: Webhook;
};

/** What `deleteAllAssets` did. Management only. */
export type DeleteAllAssetsResult = {
  __typename?: 'DeleteAllAssetsResult';
  /** How many it left in place because a live entry uses them (remove those references, then call it again). */
  skippedInUse: Scalars['Int']['output'];
  /** How many assets it moved to the trash. */
  trashed: Scalars['Int']['output'];
};

/** A place in a CMS entry that references assets. */
export type EntryRef = {
  __typename?: 'EntryRef';
  /** The field holding the reference, if the reference is tied to one. */
  field: Maybe<Scalars['String']['output']>;
  /** The entry's id in the CMS. */
  id: Scalars['String']['output'];
  /** The locale of the reference, if it is tied to one. */
  locale: Maybe<Scalars['String']['output']>;
  /** The entry's type, such as `article`. */
  type: Scalars['String']['output'];
};

/** A place in a CMS entry. */
export type EntryRefInput = {
  /** The field holding the references; when reading, omit it to cover every field. */
  field?: InputMaybe<Scalars['String']['input']>;
  /** The entry's id in the CMS. */
  id: Scalars['String']['input'];
  /** The locale of the references; when reading, omit it to cover every locale. */
  locale?: InputMaybe<Scalars['String']['input']>;
  /** The entry's type, such as `article`. */
  type: Scalars['String']['input'];
};

/**
 * The codes every error carries in `extensions.code`, so clients can react without parsing messages.
 * Validation errors also carry `extensions.field`, the input path at fault.
 */
export type ErrorCode =
  /** The asset is private and the request may not see it. */
  | 'ASSET_ACCESS_DENIED'
  /** The asset is used by a live entry, which forbids the change. */
  | 'ASSET_IN_USE'
  /** The asset awaits a moderator's approval (MEDIAGRAPH_MODERATION=manual), so it may not be published or delivered yet. */
  | 'ASSET_NOT_APPROVED'
  /** A virus scan found a threat in the asset's bytes: they are quarantined and never delivered. */
  | 'ASSET_QUARANTINED'
  /** The change collides with existing data, such as a name already taken. */
  | 'CONFLICT'
  /** A file's bytes do not match what was declared. */
  | 'CONTENT_MISMATCH'
  /** A file is larger than the configured limit. */
  | 'FILE_TOO_LARGE'
  /** The collection still holds collections or assets. */
  | 'FOLDER_HAS_CONTENT'
  /** The token is valid but its role may not do this. */
  | 'FORBIDDEN'
  /** Something failed on the server; the message carries a request id to report. */
  | 'INTERNAL'
  /** A file's type is not among the allowed types. */
  | 'MIME_TYPE_NOT_ALLOWED'
  /** The object does not exist or the caller may not see it. */
  | 'NOT_FOUND'
  /** Too many requests; retry later. */
  | 'RATE_LIMITED'
  /** More files were sent in one call than allowed. */
  | 'TOO_MANY_FILES'
  /** No valid API token was sent. */
  | 'UNAUTHENTICATED'
  /** An upload ticket expired before it was completed. */
  | 'UPLOAD_EXPIRED'
  /** An upload was completed before all of its bytes arrived. */
  | 'UPLOAD_INCOMPLETE'
  /** An argument is wrong; `extensions.field` names it. */
  | 'VALIDATION_FAILED';

/** The camera data of a photo, and everything the file's metadata says. */
export type Exif = {
  __typename?: 'Exif';
  /** Altitude in metres, negative below sea level. Management only. */
  altitude: Maybe<Scalars['Float']['output']>;
  /** When the photo was taken (the camera's clock; UTC when the file names no offset). */
  dateTaken: Maybe<Scalars['Time']['output']>;
  /** The exposure time as photographers write it, such as `1/250`. */
  exposureTime: Maybe<Scalars['String']['output']>;
  /** The aperture as an f-number, such as 8. */
  fNumber: Maybe<Scalars['Float']['output']>;
  /** The focal length in millimetres. */
  focalLength: Maybe<Scalars['Float']['output']>;
  /** The ISO sensitivity. */
  iso: Maybe<Scalars['Int']['output']>;
  /** Latitude in decimal degrees, negative south of the equator. Management only: where the photographer stood. */
  latitude: Maybe<Scalars['Float']['output']>;
  /** The lens. */
  lensModel: Maybe<Scalars['String']['output']>;
  /** Longitude in decimal degrees, negative west of Greenwich. Management only. */
  longitude: Maybe<Scalars['Float']['output']>;
  /** The camera maker. */
  make: Maybe<Scalars['String']['output']>;
  /** The camera model. */
  model: Maybe<Scalars['String']['output']>;
  /** The EXIF orientation, 1 to 8 (width and height of the asset already account for it). */
  orientation: Maybe<Scalars['Int']['output']>;
  /** Every readable field of the embedded metadata, grouped by block (`exif`, `iptc`, `xmp`, `tags`). Management only: it holds GPS and serial numbers. */
  raw: Maybe<Scalars['JSON']['output']>;
};

/** Compare a fractional number. */
export type FloatFilter = {
  /** Equal to. */
  eq?: InputMaybe<Scalars['Float']['input']>;
  /** Greater than. */
  gt?: InputMaybe<Scalars['Float']['input']>;
  /** Greater than or equal to. */
  gte?: InputMaybe<Scalars['Float']['input']>;
  /** Less than. */
  lt?: InputMaybe<Scalars['Float']['input']>;
  /** Less than or equal to. */
  lte?: InputMaybe<Scalars['Float']['input']>;
};

/** The point of interest of an image, kept in view when it is cropped. */
export type FocalPoint = {
  __typename?: 'FocalPoint';
  /** Fraction of the width from the left edge, 0 to 1. */
  x: Scalars['Float']['output'];
  /** Fraction of the height from the top edge, 0 to 1. */
  y: Scalars['Float']['output'];
};

/** A focal point to set. */
export type FocalPointInput = {
  /** Fraction of the width from the left edge, 0 to 1. */
  x: Scalars['Float']['input'];
  /** Fraction of the height from the top edge, 0 to 1. */
  y: Scalars['Float']['input'];
};

/** Match ids. */
export type IdFilter = {
  /** Any of these ids (at most 500). */
  in?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** None of these ids (at most 500). */
  notIn?: InputMaybe<Array<Scalars['ID']['input']>>;
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
  /** The focal point: `fpX`/`fpY`, else the asset's focal point, else the centre. */
  | 'FOCALPOINT'
  /** The left edge. */
  | 'LEFT'
  /** The right edge. */
  | 'RIGHT'
  /** The top edge. */
  | 'TOP';

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

/** A transform of an image, applied on the fly by the delivery gate. Each field maps to the query parameter in brackets. */
export type ImageParams = {
  /** An aspect ratio such as `16:9` [ar]: with `w` or `h`, it sets the other. */
  ar?: InputMaybe<Scalars['String']['input']>;
  /** Automatic choices [auto]. */
  auto?: InputMaybe<Array<ImageAuto>>;
  /** Gaussian blur, 1 to 100 [blur]. */
  blur?: InputMaybe<Scalars['Int']['input']>;
  /** What `fit: CROP` keeps [crop]; CENTER by default. */
  crop?: InputMaybe<ImageCrop>;
  /** Device pixel ratio, up to 3 [dpr]: multiplies `w` and `h`. */
  dpr?: InputMaybe<Scalars['Float']['input']>;
  /** How to fit the image into `w`×`h` [fit]; CLIP by default, CROP when `ar` is set. */
  fit?: InputMaybe<ImageFit>;
  /** The output format [fm]; by default the original's (JPEG for formats browsers lack). */
  fm?: InputMaybe<ImageFormat>;
  /** The focal point's x, 0 to 1 [fp-x]; by default the asset's. */
  fpX?: InputMaybe<Scalars['Float']['input']>;
  /** The focal point's y, 0 to 1 [fp-y]; by default the asset's. */
  fpY?: InputMaybe<Scalars['Float']['input']>;
  /** Height in CSS pixels [h], 1 to 8192. */
  h?: InputMaybe<Scalars['Int']['input']>;
  /** Quality, 1 to 100 [q]; 75 by default (60 with `auto: [COMPRESS]`). */
  q?: InputMaybe<Scalars['Int']['input']>;
  /** Width in CSS pixels [w], 1 to 8192. */
  w?: InputMaybe<Scalars['Int']['input']>;
};

/** Compare a size in bytes. */
export type Int64Filter = {
  /** Equal to. */
  eq?: InputMaybe<Scalars['Int64']['input']>;
  /** Greater than. */
  gt?: InputMaybe<Scalars['Int64']['input']>;
  /** Greater than or equal to. */
  gte?: InputMaybe<Scalars['Int64']['input']>;
  /** Less than. */
  lt?: InputMaybe<Scalars['Int64']['input']>;
  /** Less than or equal to. */
  lte?: InputMaybe<Scalars['Int64']['input']>;
};

/** Compare a number of pixels. */
export type IntFilter = {
  /** Equal to. */
  eq?: InputMaybe<Scalars['Int']['input']>;
  /** Whether the value is known (true) or absent (false). */
  exists?: InputMaybe<Scalars['Boolean']['input']>;
  /** Greater than. */
  gt?: InputMaybe<Scalars['Int']['input']>;
  /** Greater than or equal to. */
  gte?: InputMaybe<Scalars['Int']['input']>;
  /** Less than. */
  lt?: InputMaybe<Scalars['Int']['input']>;
  /** Less than or equal to. */
  lte?: InputMaybe<Scalars['Int']['input']>;
};

/** Match asset kinds. */
export type KindFilter = {
  /** Exactly this kind. */
  eq?: InputMaybe<AssetKind>;
  /** Any of these kinds. */
  in?: InputMaybe<Array<AssetKind>>;
};

/** A content locale and where its missing values are looked for. */
export type LocaleFallback = {
  __typename?: 'LocaleFallback';
  /** The locales searched, in order, before the default locale. */
  fallbacks: Array<Scalars['String']['output']>;
  /** The locale, such as `it`. */
  locale: Scalars['String']['output'];
};

/** The default field metadata of an asset in one locale. */
export type LocalizedMetadata = {
  __typename?: 'LocalizedMetadata';
  /** Alternative text for screen readers. */
  alt: Maybe<Scalars['String']['output']>;
  /** Free-form values of this locale. */
  customData: Scalars['JSON']['output'];
  /** The point of interest for cropping. */
  focalPoint: Maybe<FocalPoint>;
  /** The locale these values are in. */
  locale: Scalars['String']['output'];
  /** A title, for captions and tooltips. */
  title: Maybe<Scalars['String']['output']>;
};

/** Metadata for one locale. An omitted field stays as it is; a field set to null is cleared. */
export type LocalizedMetadataInput = {
  /** Alternative text. */
  alt?: InputMaybe<Scalars['String']['input']>;
  /** Free-form values (replaces the whole object). */
  customData?: InputMaybe<Scalars['JSON']['input']>;
  /** Focal point. */
  focalPoint?: InputMaybe<FocalPointInput>;
  /** The locale, one of `mediaSettings.locales`. */
  locale: Scalars['String']['input'];
  /** Title. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** The rules of this library, as configured. */
export type MediaSettings = {
  __typename?: 'MediaSettings';
  /** The locale every localized value falls back to in the end. */
  defaultLocale: Scalars['String']['output'];
  /** The configured fallbacks per locale. */
  localeFallbacks: Array<LocaleFallback>;
  /** Every content locale, default first. */
  locales: Array<Scalars['String']['output']>;
  /** The most files one `uploadAssets` call accepts. */
  maxFilesPerUpload: Scalars['Int']['output'];
  /** The largest `first` or `last` a list accepts. */
  maxPageSize: Scalars['Int']['output'];
  /** The largest file createUploads accepts, in bytes. */
  maxSignedUploadBytes: Scalars['Int64']['output'];
  /** The largest file a signed upload sends in one request; larger ones go in parts. */
  maxSinglePutBytes: Scalars['Int64']['output'];
  /** The largest file `uploadAssets` accepts, in bytes. */
  maxUploadBytes: Scalars['Int64']['output'];
  /** How long a signed upload ticket lasts, in seconds. */
  uploadTicketTtlSeconds: Scalars['Int']['output'];
  /** The types every way in accepts (`image/*` names a family; HTML, JavaScript, executables and SVGs with script only when listed by their own type). */
  uploadTypes: Array<Scalars['String']['output']>;
};

/** Match MIME types. */
export type MimeTypeFilter = {
  /** Exactly this type, such as `image/png`. */
  eq?: InputMaybe<Scalars['String']['input']>;
  /** Any of these types. */
  in?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Types containing this text, such as `image/` (case-insensitive). */
  matches?: InputMaybe<Scalars['String']['input']>;
};

/** A moderator's review of an asset's current bytes; a replacement starts a new review. Management only. */
export type Moderation = {
  __typename?: 'Moderation';
  /** When the moderator decided. */
  moderatedAt: Maybe<Scalars['Time']['output']>;
  /** The token of the moderator who decided; null before a decision, or when the command line decided. */
  moderatedBy: Maybe<ApiToken>;
  /** What the moderator wrote, for the uploader. */
  note: Maybe<Scalars['String']['output']>;
  /** Where the review stands. */
  status: ModerationStatus;
};

/** Matches assets by their review. */
export type ModerationFilter = {
  /** By status. */
  status?: InputMaybe<ModerationStatusFilter>;
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
  eq?: InputMaybe<ModerationStatus>;
  /** Any of these statuses. */
  in?: InputMaybe<Array<ModerationStatus>>;
};

/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Check what arrived for uploads and make assets of it; completing again returns the same assets. */
  completeUploads: Array<Asset>;
  /** Create an API token (ADMIN only). */
  createApiToken: CreatedApiToken;
  /** Fetch a remote file (at most `mediaSettings.maxUploadBytes`, following at most 5 redirects) and create an asset of it. */
  createAssetFromUrl: Asset;
  /** Create a collection. */
  createCollection: Collection;
  /** A URL that opens an asset, PRIVATE or not, until it expires: for sharing with someone without a token. Editors only. */
  createSignedAssetUrl: Scalars['String']['output'];
  /** Ask for tickets to send files straight to the store (at most `mediaSettings.maxFilesPerUpload`). */
  createUploads: Array<SignedUpload>;
  /** Create a webhook (ADMIN only, at most 100). Its secret is shown this once. */
  createWebhook: CreatedWebhook;
  /**
   * Move every asset not in the trash to it, but those a live entry uses, which are counted instead. ADMIN
   * only. `confirm` must be `"DELETE ALL"` exactly (VALIDATION_FAILED, field `confirm`, otherwise).
   */
  deleteAllAssets: DeleteAllAssetsResult;
  /**
   * Delete an earlier version of an asset for good: its bytes and its stored transforms. The current
   * version cannot be deleted (VALIDATION_FAILED, field `version`): replace the asset or restore another
   * version first. Returns the asset.
   */
  deleteAssetVersion: Asset;
  /** Move assets to the trash, from where `restoreAssets` brings them back. An asset a live entry uses cannot be deleted (ASSET_IN_USE). Returns the ids. */
  deleteAssets: Array<Scalars['ID']['output']>;
  /** Delete an empty collection (FOLDER_HAS_CONTENT otherwise). Returns its id. */
  deleteCollection: Scalars['ID']['output'];
  /** Delete a tag, taking it off every asset. Returns its id. */
  deleteTag: Scalars['ID']['output'];
  /** Delete a webhook with its delivery log (ADMIN only); what it returns is the webhook as it was. */
  deleteWebhook: Webhook;
  /**
   * Purge every asset in the trash now, as `purgeAssets` does (an `asset.purged` event for them); without it,
   * trashed assets are purged once `MEDIAGRAPH_TRASH_RETENTION` has passed. ADMIN only. Returns how many
   * were purged.
   */
  emptyTrash: Scalars['Int']['output'];
  /** Move every asset of the source tags onto the target tag, then delete the sources. */
  mergeTags: Tag;
  /** Approve or reject assets (ADMIN tokens, and EDITOR tokens created with `moderator: true`). Records an `asset.moderation_changed` event. */
  moderateAssets: Array<Asset>;
  /** Put assets into a collection. */
  moveAssets: Array<Asset>;
  /** Move a collection, with all it holds, under another parent. A collection cannot move into itself or its descendants. */
  moveCollection: Collection;
  /** Delete trashed assets for good, with the bytes of every version. Returns the ids. */
  purgeAssets: Array<Scalars['ID']['output']>;
  /** Send again what a delivery sent, as a new delivery (ADMIN only). */
  redeliverWebhookEvent: WebhookDelivery;
  /** Rename a tag. A name another tag has is a CONFLICT: use mergeTags. */
  renameTag: Tag;
  /**
   * Store new bytes (GraphQL multipart request) as the asset's next version. Its id, `url`, description,
   * tags, collection and usages stay; `transformUrl` and `responsiveImage` give new URLs, so caches never
   * serve the old bytes. The name keeps its basename and takes the new type's extension. The new bytes pass
   * the same upload policy as any upload; bytes of another kind are refused while live entries use the asset
   * (ASSET_IN_USE), unless `input.allowKindChange`.
   */
  replaceAsset: Asset;
  /**
   * Make an earlier version's bytes the asset's new current version (the next number), as `replaceAsset`
   * with those bytes would: the `asset.replaced` event, a new antivirus scan, a new review under moderation.
   * The asset keeps its name; the version keeps the facts its analysis learned. The bytes are copied to an
   * object of the new version's own. A quarantined version cannot be restored (ASSET_QUARANTINED), nor the
   * current one (VALIDATION_FAILED, field `version`), nor one of another kind while live entries use the
   * asset (ASSET_IN_USE, field `version`).
   */
  restoreAssetVersion: Asset;
  /** Bring trashed assets back. */
  restoreAssets: Array<Asset>;
  /** Revoke an API token at once (ADMIN only). */
  revokeApiToken: ApiToken;
  /**
   * Make every signed URL of these assets made so far stop opening them, whoever signed it (editors only);
   * URLs signed from now on work. Revoking an API token also voids the URLs it signed. Trashed assets may be
   * listed: restoring one does not bring its old links back.
   */
  revokeSignedUrls: Array<Asset>;
  /** Give a webhook a new secret, shown this once; the old one also signs for 24 hours (ADMIN only). */
  rotateWebhookSecret: CreatedWebhook;
  /** Make assets PUBLIC or PRIVATE. An asset a live entry uses cannot become PRIVATE (ASSET_IN_USE). */
  setAssetStatus: Array<Asset>;
  /**
   * Make an entry's references exactly these assets (idempotent). With `live: true` the entry is published:
   * every referenced PRIVATE asset becomes PUBLIC.
   */
  syncEntryReferences: Array<Usage>;
  /** Add tags to assets, by name; missing tags are created. */
  tagAssets: Array<Asset>;
  /** Send a `ping` event to a webhook, enabled or not (ADMIN only). */
  testWebhook: WebhookDelivery;
  /** Take tags off assets, by name. */
  untagAssets: Array<Asset>;
  /** Change one asset. */
  updateAsset: Asset;
  /** Apply the same changes to several assets, in one transaction. */
  updateAssets: Array<Asset>;
  /** Rename a collection. */
  updateCollection: Collection;
  /** Change a webhook (ADMIN only). */
  updateWebhook: Webhook;
  /** Upload files (GraphQL multipart request) and create an asset for each. All or nothing: when one file fails, none is kept. */
  uploadAssets: Array<Asset>;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationCompleteUploadsArgs = {
  ids: Array<Scalars['ID']['input']>;
  parts?: InputMaybe<Array<CompletedPartsInput>>;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationCreateApiTokenArgs = {
  input: CreateApiTokenInput;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationCreateAssetFromUrlArgs = {
  input: CreateAssetFromUrlInput;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationCreateCollectionArgs = {
  input: CreateCollectionInput;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationCreateSignedAssetUrlArgs = {
  expiresIn?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  params?: InputMaybe<ImageParams>;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationCreateUploadsArgs = {
  input: Array<CreateUploadInput>;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationCreateWebhookArgs = {
  input: CreateWebhookInput;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationDeleteAllAssetsArgs = {
  confirm: Scalars['String']['input'];
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationDeleteAssetVersionArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationDeleteAssetsArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationDeleteCollectionArgs = {
  id: Scalars['ID']['input'];
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationDeleteTagArgs = {
  id: Scalars['ID']['input'];
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationDeleteWebhookArgs = {
  id: Scalars['ID']['input'];
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationMergeTagsArgs = {
  sourceIds: Array<Scalars['ID']['input']>;
  targetId: Scalars['ID']['input'];
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationModerateAssetsArgs = {
  ids: Array<Scalars['ID']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  status: ModerationStatus;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationMoveAssetsArgs = {
  collectionId?: InputMaybe<Scalars['ID']['input']>;
  ids: Array<Scalars['ID']['input']>;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationMoveCollectionArgs = {
  id: Scalars['ID']['input'];
  parentId?: InputMaybe<Scalars['ID']['input']>;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationPurgeAssetsArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationRedeliverWebhookEventArgs = {
  deliveryId: Scalars['ID']['input'];
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationRenameTagArgs = {
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationReplaceAssetArgs = {
  file: Scalars['Upload']['input'];
  id: Scalars['ID']['input'];
  input?: InputMaybe<ReplaceAssetInput>;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationRestoreAssetVersionArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationRestoreAssetsArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationRevokeApiTokenArgs = {
  id: Scalars['ID']['input'];
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationRevokeSignedUrlsArgs = {
  assetIds: Array<Scalars['ID']['input']>;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationRotateWebhookSecretArgs = {
  id: Scalars['ID']['input'];
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationSetAssetStatusArgs = {
  ids: Array<Scalars['ID']['input']>;
  status: AssetStatus;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationSyncEntryReferencesArgs = {
  assetIds: Array<Scalars['ID']['input']>;
  entry: EntryRefInput;
  live: Scalars['Boolean']['input'];
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationTagAssetsArgs = {
  ids: Array<Scalars['ID']['input']>;
  tags: Array<Scalars['String']['input']>;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationTestWebhookArgs = {
  id: Scalars['ID']['input'];
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationUntagAssetsArgs = {
  ids: Array<Scalars['ID']['input']>;
  tags: Array<Scalars['String']['input']>;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationUpdateAssetArgs = {
  id: Scalars['ID']['input'];
  input: UpdateAssetInput;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationUpdateAssetsArgs = {
  ids: Array<Scalars['ID']['input']>;
  input: UpdateAssetInput;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationUpdateCollectionArgs = {
  id: Scalars['ID']['input'];
  input: UpdateCollectionInput;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationUpdateWebhookArgs = {
  id: Scalars['ID']['input'];
  input: UpdateWebhookInput;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationUploadAssetsArgs = {
  files: Array<Scalars['Upload']['input']>;
  input?: InputMaybe<UploadAssetsInput>;
};

/** An object with a global id. `node(id:)` finds any of them. */
export type Node = {
  /** The global id. Its prefix tells the type: `ast_` asset, `tag_` tag, `col_` collection, `usg_` usage, `tok_` API token. */
  id: Scalars['ID']['output'];
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
  eq?: InputMaybe<Orientation>;
  /** Of any of these shapes. */
  in?: InputMaybe<Array<Orientation>>;
};

/** Where a page of a list sits in the whole list (Relay cursor connections). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last item of the page; pass it as `after` for the next page. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether items precede this page. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first item of the page; pass it as `before` for the previous page. */
  startCursor: Maybe<Scalars['String']['output']>;
};

/** Read the media library. */
export type Query = {
  __typename?: 'Query';
  /** Every API token, revoked ones included (ADMIN only; management only). */
  apiTokens: Maybe<Array<ApiToken>>;
  /** One asset; null when it does not exist or the caller may not see it. */
  asset: Maybe<Asset>;
  /** Where an asset is used. */
  assetUsages: Array<Usage>;
  /** A page of the assets the caller may see. Trashed assets appear only with `filter: { deleted: true }`. */
  assets: AssetConnection;
  /** The audit log, newest first, kept for `MEDIAGRAPH_AUDIT_RETENTION` (ADMIN and EDITOR only; management only). */
  auditLog: AuditLogConnection;
  /** One collection; null when it does not exist. */
  collection: Maybe<Collection>;
  /** The collections inside a parent, by name; the root collections when parentId is null. */
  collections: Array<Collection>;
  /** The assets an entry references that the caller may see, in reference order. */
  entryAssets: Array<Asset>;
  /** The rules of this library: upload limits and content locales. */
  mediaSettings: MediaSettings;
  /** Any object by its global id; null when it does not exist or the caller may not see it. */
  node: Maybe<Node>;
  /** Tags in name order. Delivery tokens see only tags that some PUBLIC asset carries. */
  tags: TagConnection;
  /** One of the caller's uploads (ADMINs: anyone's), to follow its progress. Management only. */
  upload: Maybe<SignedUpload>;
  /** One webhook; null when it does not exist (ADMIN only; management only). */
  webhook: Maybe<Webhook>;
  /** The names of the events webhooks and subscriptions may ask for. */
  webhookEventNames: Array<Scalars['String']['output']>;
  /** Every webhook (ADMIN only; management only). */
  webhooks: Array<Webhook>;
};


/** Read the media library. */
export type QueryAssetArgs = {
  id: Scalars['ID']['input'];
  locale?: InputMaybe<Scalars['String']['input']>;
};


/** Read the media library. */
export type QueryAssetUsagesArgs = {
  assetId: Scalars['ID']['input'];
};


/** Read the media library. */
export type QueryAssetsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AssetFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  locale?: InputMaybe<Scalars['String']['input']>;
  orderBy?: InputMaybe<AssetOrder>;
};


/** Read the media library. */
export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditLogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read the media library. */
export type QueryCollectionArgs = {
  id: Scalars['ID']['input'];
};


/** Read the media library. */
export type QueryCollectionsArgs = {
  parentId?: InputMaybe<Scalars['ID']['input']>;
};


/** Read the media library. */
export type QueryEntryAssetsArgs = {
  entry: EntryRefInput;
  locale?: InputMaybe<Scalars['String']['input']>;
};


/** Read the media library. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Read the media library. */
export type QueryTagsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


/** Read the media library. */
export type QueryUploadArgs = {
  id: Scalars['ID']['input'];
};


/** Read the media library. */
export type QueryWebhookArgs = {
  id: Scalars['ID']['input'];
};

/** How to replace an asset's bytes. */
export type ReplaceAssetInput = {
  /** Accept bytes of another kind (an image replaced by a video) even while live entries use the asset; refused with ASSET_IN_USE otherwise. */
  allowKindChange?: InputMaybe<Scalars['Boolean']['input']>;
  /** Take the new file's name, and so a new `url`; by default the asset keeps its name (basename) and URL. */
  newUrl?: InputMaybe<Scalars['Boolean']['input']>;
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
  eq?: InputMaybe<Resolution>;
  /** In any of these classes. */
  in?: InputMaybe<Array<Resolution>>;
};

/** A ready-made responsive image, with the field names of DatoCMS's `responsiveImage`, so existing Next.js and Astro components render it as is. */
export type ResponsiveImage = {
  __typename?: 'ResponsiveImage';
  /** Alternative text, in the requested locale. */
  alt: Maybe<Scalars['String']['output']>;
  /** Width divided by height. */
  aspectRatio: Scalars['Float']['output'];
  /** The same candidates as AVIF. */
  avifSrcSet: Scalars['String']['output'];
  /** A tiny blurred placeholder as a data URI, to show while the image loads; it has the shape of `width`/`height`, cut as the transform cuts the image. */
  base64: Maybe<Scalars['String']['output']>;
  /** The dominant color, as `#rrggbb`, to paint while the image loads (of the part shown, when the transform cuts the image). */
  bgColor: Maybe<Scalars['String']['output']>;
  /** A BlurHash of the image. */
  blurhash: Maybe<Scalars['String']['output']>;
  /** The height of `src` in pixels. */
  height: Scalars['Int']['output'];
  /** The `sizes` attribute. */
  sizes: Scalars['String']['output'];
  /** The URL of the image at the requested size. */
  src: Scalars['String']['output'];
  /** `srcset` candidates at 0.25×, 0.5×, 0.75×, 1×, 1.5×, 2×, 3× and 4× the requested width, never wider than the original. */
  srcSet: Scalars['String']['output'];
  /** Title, in the requested locale. */
  title: Maybe<Scalars['String']['output']>;
  /** The same candidates as WebP. */
  webpSrcSet: Scalars['String']['output'];
  /** The width of `src` in pixels. */
  width: Scalars['Int']['output'];
};

/** What an API token may do. */
export type Role =
  /** Everything, API tokens included. */
  | 'ADMIN'
  /** Read PUBLIC assets only. */
  | 'DELIVERY'
  /** Read and change media. */
  | 'EDITOR';

/**
 * A ticket to send a file straight to the store, then what became of it. (API.md calls it `Upload`, a name
 * the file scalar of `uploadAssets` already holds: clients write that one in their variable types.)
 * Management only, like every field of it.
 */
export type SignedUpload = Node & {
  __typename?: 'SignedUpload';
  /** The asset it became, once completed. */
  asset: Maybe<Asset>;
  /** Why it failed, for a FAILED upload. */
  error: Maybe<Scalars['String']['output']>;
  /** When the ticket stops working. */
  expiresAt: Scalars['Time']['output'];
  /** The file's name, normalized. */
  filename: Scalars['String']['output'];
  /** Headers that request must carry, as given. */
  headers: Maybe<Array<UploadHeader>>;
  /** The upload's id (`upl_…`). */
  id: Scalars['ID']['output'];
  /** The method of that request (PUT). */
  method: Maybe<Scalars['String']['output']>;
  /** The declared type. */
  mimeType: Scalars['String']['output'];
  /** For a file sent in parts: how large each part is but the last. */
  partSize: Maybe<Scalars['Int64']['output']>;
  /** For a file sent in parts: one request per part; only in the answer of createUploads. */
  parts: Maybe<Array<UploadPart>>;
  /** The declared size in bytes. */
  size: Scalars['Int64']['output'];
  /** Where it is in its life. */
  status: UploadStatus;
  /** Where to send the whole file, for a file sent in one request; only in the answer of createUploads. */
  url: Maybe<Scalars['String']['output']>;
};

/** Match asset statuses. */
export type StatusFilter = {
  /** Exactly this status. */
  eq?: InputMaybe<AssetStatus>;
  /** Any of these statuses. */
  in?: InputMaybe<Array<AssetStatus>>;
};

/** Match a value exactly (case-insensitively). */
export type StringFilter = {
  /** Exactly this value. */
  eq?: InputMaybe<Scalars['String']['input']>;
  /** Any of these values. */
  in?: InputMaybe<Array<Scalars['String']['input']>>;
};

/**
 * Live changes, over the graphql-transport-ws protocol at /graphql: the API token goes in the payload of
 * `connection_init` (`{ "Authorization": "Bearer mg_…" }`). Changes committed by any instance arrive
 * within a poll interval (`MEDIAGRAPH_SUBSCRIPTION_POLL`).
 */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * The asset events from now on, one per asset (see `webhookEventNames`). A DELIVERY token receives only
   * events of assets it may see, as it may see them; at most 20 subscriptions per token and instance.
   */
  assetEvents: AssetEvent;
};


/**
 * Live changes, over the graphql-transport-ws protocol at /graphql: the API token goes in the payload of
 * `connection_init` (`{ "Authorization": "Bearer mg_…" }`). Changes committed by any instance arrive
 * within a poll interval (`MEDIAGRAPH_SUBSCRIPTION_POLL`).
 */
export type SubscriptionAssetEventsArgs = {
  events?: InputMaybe<Array<Scalars['String']['input']>>;
  filter?: InputMaybe<AssetFilter>;
};

/** A label on assets. Names are unique regardless of case. */
export type Tag = Node & {
  __typename?: 'Tag';
  /** How many assets the caller may see carry it. */
  assetCount: Scalars['Int64']['output'];
  /** When the tag was created. */
  createdAt: Scalars['Time']['output'];
  /** The tag's id (`tag_…`). */
  id: Scalars['ID']['output'];
  /** The name, as first written. */
  name: Scalars['String']['output'];
};

/** A page of tags, in name order. */
export type TagConnection = {
  __typename?: 'TagConnection';
  /** The tags of the page, with their cursors. */
  edges: Array<TagEdge>;
  /** The tags of the page. */
  nodes: Array<Tag>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** How many tags the search selects in all pages. */
  totalCount: Scalars['Int64']['output'];
};

/** A tag in a list, with its position. */
export type TagEdge = {
  __typename?: 'TagEdge';
  /** The position of this tag in the list; pass it as `after`. */
  cursor: Scalars['String']['output'];
  /** The tag. */
  node: Tag;
};

/** Match assets by tag names (case-insensitive). */
export type TagsFilter = {
  /** Tagged with all of these. */
  allIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Tagged with any of these. */
  anyIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Tagged at all (true) or not at all (false). */
  exists?: InputMaybe<Scalars['Boolean']['input']>;
  /** Tagged with none of these. */
  notIn?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Match text. */
export type TextFilter = {
  /** Whether any text is set (true) or none (false). */
  exists?: InputMaybe<Scalars['Boolean']['input']>;
  /** Contains this text, ignoring case. */
  matches?: InputMaybe<Scalars['String']['input']>;
};

/** Compare an instant. */
export type TimeFilter = {
  /** After. */
  gt?: InputMaybe<Scalars['Time']['input']>;
  /** At or after. */
  gte?: InputMaybe<Scalars['Time']['input']>;
  /** Before. */
  lt?: InputMaybe<Scalars['Time']['input']>;
  /** At or before. */
  lte?: InputMaybe<Scalars['Time']['input']>;
};

/** Changes to assets. An omitted field stays as it is; a nullable field set to null is cleared. */
export type UpdateAssetInput = {
  /** Who made the work. */
  author?: InputMaybe<Scalars['String']['input']>;
  /** Deliver the asset from this instant on (null: no start). */
  availableFrom?: InputMaybe<Scalars['Time']['input']>;
  /** Deliver the asset until this instant (null: no end). */
  availableUntil?: InputMaybe<Scalars['Time']['input']>;
  /** The collection to move the asset into; null takes it out of every collection. */
  collectionId?: InputMaybe<Scalars['ID']['input']>;
  /** The copyright notice. */
  copyright?: InputMaybe<Scalars['String']['input']>;
  /** Free-form values in the default locale. */
  customData?: InputMaybe<Scalars['JSON']['input']>;
  /** Metadata per locale. */
  defaultFieldMetadata?: InputMaybe<Array<LocalizedMetadataInput>>;
  /** A new filename; it is normalized and keeps the extension of the asset's type. */
  filename?: InputMaybe<Scalars['String']['input']>;
  /** The focal point in the default locale. */
  focalPoint?: InputMaybe<FocalPointInput>;
  /** Editors' notes. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** Who may see the asset. An asset a live entry uses cannot become PRIVATE. */
  status?: InputMaybe<AssetStatus>;
  /** The complete list of tags, by name (replaces the current tags). */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Changes to a collection. */
export type UpdateCollectionInput = {
  /** A new name. */
  name: Scalars['String']['input'];
};

/** Changes to a webhook; absent fields stay as they are. */
export type UpdateWebhookInput = {
  /** Up to 100 events per POST, or one. */
  batch?: InputMaybe<Scalars['Boolean']['input']>;
  /** Turn deliveries on or off; turning them on clears `disabledReason`. */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** The event names to receive; empty: every one. */
  events?: InputMaybe<Array<Scalars['String']['input']>>;
  /** A new filter; null removes it. */
  filter?: InputMaybe<AssetFilter>;
  /** The headers, replacing the present ones. */
  headers?: InputMaybe<Array<WebhookHeaderInput>>;
  /** Add the asset's management fields to payloads, or not. */
  includeManagementFields?: InputMaybe<Scalars['Boolean']['input']>;
  /** A new name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** A new URL. */
  url?: InputMaybe<Scalars['String']['input']>;
};

/** How to file and describe every file of an upload. */
export type UploadAssetsInput = {
  /** Who made the work. */
  author?: InputMaybe<Scalars['String']['input']>;
  /** The collection to put them in. */
  collectionId?: InputMaybe<Scalars['ID']['input']>;
  /** The copyright notice. */
  copyright?: InputMaybe<Scalars['String']['input']>;
  /** Free-form values in the default locale. */
  customData?: InputMaybe<Scalars['JSON']['input']>;
  /** Metadata per locale. */
  defaultFieldMetadata?: InputMaybe<Array<LocalizedMetadataInput>>;
  /** The focal point in the default locale. */
  focalPoint?: InputMaybe<FocalPointInput>;
  /** Editors' notes. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /**
   * When a live asset already holds the same bytes (SHA-256, computed while the file streams in), return it
   * instead of storing a copy: the new bytes are deleted and the rest of this input is not applied to it.
   * An asset in the trash does not count: a new asset is made.
   */
  skipIfExists?: InputMaybe<Scalars['Boolean']['input']>;
  /** Who may see the new assets; PRIVATE by default. */
  status?: InputMaybe<AssetStatus>;
  /** Tags to put on them, by name; missing tags are created. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A header a signed request must carry as given. Management only. */
export type UploadHeader = {
  __typename?: 'UploadHeader';
  /** The header's name. */
  name: Scalars['String']['output'];
  /** Its value. */
  value: Scalars['String']['output'];
};

/** The signed request that sends one part of a large file. Management only. */
export type UploadPart = {
  __typename?: 'UploadPart';
  /** Headers the request must carry. */
  headers: Array<UploadHeader>;
  /** The part's number, from 1. */
  number: Scalars['Int']['output'];
  /** How many bytes the part carries: the file's bytes from (number - 1) × partSize on. */
  size: Scalars['Int64']['output'];
  /** Where to send the part with PUT, adding its headers; the answer's ETag header goes to completeUploads. */
  url: Scalars['String']['output'];
};

/** Where a signed upload is in its life. */
export type UploadStatus =
  /** Its bytes became an asset. */
  | 'COMPLETED'
  /** Its ticket ran out before it was completed. */
  | 'EXPIRED'
  /** Its bytes were not what was declared; they were deleted. */
  | 'FAILED'
  /** Waiting for its bytes and for completeUploads. */
  | 'PENDING';

/** A reference from a CMS entry to an asset. */
export type Usage = Node & {
  __typename?: 'Usage';
  /** The referenced asset. */
  asset: Asset;
  /** When the reference was first recorded. */
  createdAt: Scalars['Time']['output'];
  /** Where the reference is. */
  entry: EntryRef;
  /** The usage's id (`usg_…`). */
  id: Scalars['ID']['output'];
  /** Whether the entry is published: a live usage keeps the asset PUBLIC and undeletable. */
  live: Scalars['Boolean']['output'];
  /** When the reference last changed. */
  updatedAt: Scalars['Time']['output'];
};

/**
 * A receiver of events: an HTTP endpoint Mediagraph POSTs signed JSON to after each change it subscribes
 * to (ADMIN only). Every event is delivered at least once; the order of deliveries is not promised.
 * Management only, like every field of it.
 */
export type Webhook = {
  __typename?: 'Webhook';
  /** Whether it receives up to 100 events per POST, as `{ events: [...] }`, instead of one per POST. */
  batch: Scalars['Boolean']['output'];
  /** When it was created. */
  createdAt: Scalars['Time']['output'];
  /** Its delivery log, newest first, kept for `MEDIAGRAPH_WEBHOOK_LOG_RETENTION`. */
  deliveries: WebhookDeliveryConnection;
  /** Why the service turned it off; null when it did not. */
  disabledReason: Maybe<Scalars['String']['output']>;
  /** Whether events are delivered to it; the service turns it off when the receiver answers 410 Gone. */
  enabled: Scalars['Boolean']['output'];
  /** The event names it receives (see `webhookEventNames`); empty: every one. */
  events: Array<Scalars['String']['output']>;
  /** How many deliveries failed after their last attempt. */
  failureCount: Scalars['Int']['output'];
  /** Headers sent with every delivery, such as a receiver's own credential. */
  headers: Array<WebhookHeader>;
  /** The webhook's id (`whk_…`). */
  id: Scalars['ID']['output'];
  /** Whether payloads carry the management fields of the asset as well as the delivery ones. */
  includeManagementFields: Scalars['Boolean']['output'];
  /** A name saying who receives it. */
  name: Scalars['String']['output'];
  /** Until when the previous secret still signs, after `rotateWebhookSecret`; null outside a rotation. */
  previousSecretExpiresAt: Maybe<Scalars['Time']['output']>;
  /** When it was last changed. */
  updatedAt: Scalars['Time']['output'];
  /** Where events are POSTed; it passes the same address rules as `createAssetFromUrl`, at every attempt. */
  url: Scalars['String']['output'];
};


/**
 * A receiver of events: an HTTP endpoint Mediagraph POSTs signed JSON to after each change it subscribes
 * to (ADMIN only). Every event is delivered at least once; the order of deliveries is not promised.
 * Management only, like every field of it.
 */
export type WebhookDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One POST to a webhook — one event, a batch, or a ping — with the log of its latest attempt. Management only. */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  /** How many times it was sent. */
  attempts: Scalars['Int']['output'];
  /** When it was created. */
  createdAt: Scalars['Time']['output'];
  /** How long the latest attempt took, in milliseconds. */
  durationMs: Maybe<Scalars['Int']['output']>;
  /** Why the latest attempt got no answer. */
  error: Maybe<Scalars['String']['output']>;
  /** The event's name, sent as `Mediagraph-Event`: `batch` for a batch, `ping` for `testWebhook`. */
  event: Scalars['String']['output'];
  /** The delivery's id (`dlv_…`), sent as `Mediagraph-Delivery`: the same at every retry. */
  id: Scalars['ID']['output'];
  /** The JSON body, the same at every retry. */
  requestBody: Scalars['String']['output'];
  /** The headers of the latest request, signature included. */
  requestHeaders: Array<WebhookHeader>;
  /** The first 4 KB of the latest answer's body. */
  responseBody: Maybe<Scalars['String']['output']>;
  /** The HTTP status of the latest answer; null when there was none (timeout, refused address…). */
  responseStatus: Maybe<Scalars['Int']['output']>;
  /** Where it stands. */
  status: WebhookDeliveryStatus;
  /** When it last changed. */
  updatedAt: Scalars['Time']['output'];
};

/** A page of a webhook's deliveries. Management only. */
export type WebhookDeliveryConnection = {
  __typename?: 'WebhookDeliveryConnection';
  /** The deliveries, newest first. */
  nodes: Array<WebhookDelivery>;
  /** Where the page stands in the log. */
  pageInfo: PageInfo;
};

/** Where a delivery stands. */
export type WebhookDeliveryStatus =
  /** The receiver answered 2xx. */
  | 'DELIVERED'
  /** The last attempt failed, or the receiver answered 410 Gone. */
  | 'FAILED'
  /** Attempts remain, or one is under way. */
  | 'PENDING';

/** A header of a webhook's deliveries, or of a logged request. Management only. */
export type WebhookHeader = {
  __typename?: 'WebhookHeader';
  /** The header's name. */
  name: Scalars['String']['output'];
  /** Its value. */
  value: Scalars['String']['output'];
};

/** A header to send with every delivery. `Mediagraph-*`, `Content-Type`, `Host` and `User-Agent` are the service's. */
export type WebhookHeaderInput = {
  /** The header's name. */
  name: Scalars['String']['input'];
  /** Its value. */
  value: Scalars['String']['input'];
};
