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
  /** A value of a structured metadata field, as JSON: a string (TEXT, SELECT, and DATE written YYYY-MM-DD), a number (NUMBER), a Boolean (BOOLEAN) or a list of strings (MULTI_SELECT). */
  MetadataValue: { input: any; output: any; }
  /** An instant, as an RFC 3339 string in UTC. */
  Time: { input: string; output: string; }
  /** A file part of a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec). */
  Upload: { input: File; output: File; }
};

/** A named set of permissions held by members and API tokens (ADMIN tokens hold Admin, EDITOR tokens Editor). Management only. */
export type AccessRole = Node & {
  __typename?: 'AccessRole';
  /** Whether it is one of the built-in roles (Admin, Editor, Viewer), which cannot be changed or deleted. */
  builtIn: Scalars['Boolean']['output'];
  /** The role's id (`rol_…`). */
  id: Scalars['ID']['output'];
  /** Its name, unique regardless of case. */
  name: Scalars['String']['output'];
  /** What it may do. */
  permissions: Permissions;
};

/** How far the analysis of an asset's bytes is. */
export type AnalysisStatus =
  /** Every fact the bytes give is known. */
  | 'DONE'
  /** The bytes could not be fully read: what was read is kept, and `processingError` says why (management only). */
  | 'FAILED'
  /** Not finished: an image's pixels are still being decoded by a background job. */
  | 'PENDING';

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
export type ApiToken = Node & Principal & {
  __typename?: 'ApiToken';
  /** The role whose permissions the token holds; null for DELIVERY tokens, which are the delivery policy. */
  accessRole: Maybe<AccessRole>;
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
  eq?: InputMaybe<AspectRatioBucket>;
  /** In any of these classes. */
  in?: InputMaybe<Array<AspectRatioBucket>>;
};

/** A file in the media library: its bytes, what is known about them and how editors described them. */
export type Asset = Node & {
  __typename?: 'Asset';
  /** Alternative text, along the fallback chain of the locale. */
  alt: Maybe<Scalars['String']['output']>;
  /** How far the analysis of the current bytes is. An upload answers once an image's header is read; a background job then decodes its pixels, and until then (PENDING) `colors` is empty and `blurhash`, `thumbhash`, `lqip`, `responsiveImage.base64` and `responsiveImage.bgColor` are null. The `asset.analyzed` event says when it is DONE or FAILED. */
  analysis: AssetAnalysis;
  /** The antivirus scan of the current version. Management only: delivery tokens read null, with a FORBIDDEN error. */
  antivirus: Maybe<Antivirus>;
  /** Width divided by height as displayed, for images and videos. */
  aspectRatio: Maybe<Scalars['Float']['output']>;
  /** A sound's waveform; null for other kinds. */
  audio: Maybe<Audio>;
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
  createdBy: Maybe<Principal>;
  /** Free-form values, along the fallback chain of the locale; an empty object when none is set. */
  customData: Scalars['JSON']['output'];
  /** The metadata of every locale that has values. */
  defaultFieldMetadata: Array<LocalizedMetadata>;
  /** When the asset was moved to the trash; null when it is not in the trash. Management only. */
  deletedAt: Maybe<Scalars['Time']['output']>;
  /** The stored results of transforms of this asset, in a stable order; null for a DELIVERY token. Management only. */
  derivatives: Maybe<DerivativeConnection>;
  /** The length in seconds of a sound, a video or an animation. */
  duration: Maybe<Scalars['Float']['output']>;
  /** Camera data and the raw embedded metadata (EXIF, IPTC, XMP, audio/video tags); null when the file carries none. */
  exif: Maybe<Exif>;
  /** The faces found in the image: an empty list when there are none. Null for assets that are not images, before the analysis (`visionAnalysis.status` PENDING), and when no face detector is installed (`visionAnalysis.facesUnavailable` says so). */
  faces: Maybe<Array<Face>>;
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
  /** The values of every structured metadata field, in a locale for localized ones (the query's locale when omitted). */
  metadata: Array<AssetMetadataValue>;
  /** The value of one structured metadata field; null when it has none and no default. */
  metadataValue: Maybe<Scalars['MetadataValue']['output']>;
  /** The MIME type, sniffed from the bytes (never taken from the name or the client). */
  mimeType: Scalars['String']['output'];
  /** The review of the asset. Management only: delivery tokens read null, with a FORBIDDEN error. */
  moderation: Maybe<Moderation>;
  /** Editors' notes. Management only. */
  notes: Maybe<Scalars['String']['output']>;
  /** The text read in the image (OCR), a line of the image a line. Null when it was not read: `visionAnalysis.ocrUnavailable` says why. Management only: delivery tokens read null, with a FORBIDDEN error. */
  ocrText: Maybe<Scalars['String']['output']>;
  /** Landscape, portrait or square as displayed, for images and videos. */
  orientation: Maybe<Orientation>;
  /** The name the current version's file was uploaded under, exactly as given (any script, spaces, case), for display. Management only: it may say more than the published filename. */
  originalFilename: Maybe<Scalars['String']['output']>;
  /** The number of pages of a PDF. */
  pageCount: Maybe<Scalars['Int']['output']>;
  /** The path of the asset under the service's public URL, stable across replacements. */
  path: Scalars['String']['output'];
  /**
   * The still that stands for a video (its poster frame) or a PDF (its first page): null for other kinds,
   * until the background job made it, or when it cannot be made (`posterReason` says why).
   */
  poster: Maybe<Poster>;
  /** Why `poster` is null for a video or a PDF (being made, FFmpeg missing, damaged). Management only. */
  posterReason: Maybe<Scalars['String']['output']>;
  /** Why the bytes could not be fully analyzed (a damaged file, an unknown format); null when they were. The file is stored as uploaded either way, and nothing is invented about it. Management only. */
  processingError: Maybe<Scalars['String']['output']>;
  /** A responsive image for `<img srcset>`, computed from stored facts (no image work at query time); null for assets the gate does not transform (not an image, or damaged). */
  responsiveImage: Maybe<ResponsiveImage>;
  /** The SHA-256 of the bytes, in hex. */
  sha256: Scalars['String']['output'];
  /** The size in bytes. */
  size: Scalars['Int64']['output'];
  /** The smart tags, each with where it came from and how sure its source is: the file's keywords, then what the pixel analysis found. `smartTags` lists the same names. */
  smartTagDetails: Array<SmartTagDetail>;
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
  updatedBy: Maybe<Principal>;
  /**
   * The absolute URL of the asset's bytes, or of a transform of them, through the gate: it follows
   * replacements, so it is cached for five minutes. PUBLIC assets load from it anywhere; PRIVATE ones with an
   * editor token, or when `signed`.
   */
  url: Scalars['String']['output'];
  /** The entries that reference the asset. */
  usages: Array<Usage>;
  /** The original this asset is a variant of; null for an original, or one the caller may not see. */
  variantOf: Maybe<Asset>;
  /** The variants of this asset that the caller may see, oldest first. */
  variants: Array<Asset>;
  /** The number of the current version. */
  version: Scalars['Int']['output'];
  /** Every stored version, oldest first. Management only. */
  versions: Maybe<Array<AssetVersion>>;
  /** A video's streams and preview; null for other kinds. */
  video: Maybe<Video>;
  /** The codec of a video's picture, such as `h264` or `vp9`. */
  videoCodec: Maybe<Scalars['String']['output']>;
  /** The analysis of the image's pixels; null for assets that are not images. */
  visionAnalysis: Maybe<VisionAnalysis>;
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
export type AssetDerivativesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A file in the media library: its bytes, what is known about them and how editors described them. */
export type AssetFocalPointArgs = {
  locale?: InputMaybe<Scalars['String']['input']>;
};


/** A file in the media library: its bytes, what is known about them and how editors described them. */
export type AssetMetadataArgs = {
  locale?: InputMaybe<Scalars['String']['input']>;
};


/** A file in the media library: its bytes, what is known about them and how editors described them. */
export type AssetMetadataValueArgs = {
  key: Scalars['String']['input'];
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
  preset?: InputMaybe<Scalars['String']['input']>;
};


/** A file in the media library: its bytes, what is known about them and how editors described them. */
export type AssetUrlArgs = {
  expiresIn?: InputMaybe<Scalars['Int']['input']>;
  params?: InputMaybe<ImageParams>;
  signed?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Where the analysis of an asset's current bytes stands. */
export type AssetAnalysis = {
  __typename?: 'AssetAnalysis';
  /** When it ended; null while PENDING. */
  analyzedAt: Maybe<Scalars['Time']['output']>;
  /** How far it is. */
  status: AnalysisStatus;
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

/**
 * Counts of the values of each facet over the assets a filter selects. Each facet ignores the filter's own
 * top-level condition on its field (so a UI can show "PNG (12)" beside a checked "JPEG"); a condition inside
 * `AND` or `OR` still holds. The most frequent values come first, ties by value; assets without a value are not
 * counted. A facet left out of `facets` is null.
 */
export type AssetFacets = {
  __typename?: 'AssetFacets';
  /** By antivirus verdict; management only. */
  antivirus: Maybe<Array<FacetValue>>;
  /** By collection id (the collection itself, not those above it). */
  collection: Maybe<Array<FacetValue>>;
  /** By color family; an asset counts once in each family of its dominant colors. */
  colorFamily: Maybe<Array<FacetValue>>;
  /** By format. */
  format: Maybe<Array<FacetValue>>;
  /** By kind. */
  kind: Maybe<Array<FacetValue>>;
  /** By the options of a SELECT or MULTI_SELECT field, ignoring the filter's own `metadata` conditions on it; counted whenever selected. */
  metadata: Maybe<Array<FacetValue>>;
  /** By moderation status; management only. */
  moderation: Maybe<Array<FacetValue>>;
  /** By orientation. */
  orientation: Maybe<Array<FacetValue>>;
  /** By resolution class. */
  resolution: Maybe<Array<FacetValue>>;
  /** By smart tag. */
  smartTag: Maybe<Array<FacetValue>>;
  /** By status. */
  status: Maybe<Array<FacetValue>>;
  /** By editor tag. */
  tag: Maybe<Array<FacetValue>>;
  /** By the year of creation. */
  year: Maybe<Array<FacetValue>>;
};


/**
 * Counts of the values of each facet over the assets a filter selects. Each facet ignores the filter's own
 * top-level condition on its field (so a UI can show "PNG (12)" beside a checked "JPEG"); a condition inside
 * `AND` or `OR` still holds. The most frequent values come first, ties by value; assets without a value are not
 * counted. A facet left out of `facets` is null.
 */
export type AssetFacetsMetadataArgs = {
  key: Scalars['String']['input'];
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
  /** By class of shape: square, portrait, landscape or panorama. */
  aspectRatioBucket?: InputMaybe<AspectRatioBucketFilter>;
  /** By author. */
  author?: InputMaybe<TextFilter>;
  /** By collection. */
  collection?: InputMaybe<CollectionFilter>;
  /** The families of the dominant colors. */
  colorFamily?: InputMaybe<ColorFamilyFilter>;
  /** By dominant colors. */
  colors?: InputMaybe<ColorsFilter>;
  /** By copyright notice. */
  copyright?: InputMaybe<TextFilter>;
  /** By creation time. */
  createdAt?: InputMaybe<TimeFilter>;
  /** By the API token that stored the asset (management only). */
  createdBy?: InputMaybe<IdFilter>;
  /** true lists the trash instead of the library. Only at the top level of a filter. */
  deleted?: InputMaybe<Scalars['Boolean']['input']>;
  /** By duration in seconds (sound and video). */
  duration?: InputMaybe<FloatFilter>;
  /** By the number of faces found in the current version, e.g. `{ gt: 0 }`. An image not analyzed yet, or analyzed without a face detector, has no number: only `exists: false` matches it. */
  faces?: InputMaybe<IntFilter>;
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
  /** Conditions on structured metadata fields; each must hold. */
  metadata?: InputMaybe<Array<MetadataFilter>>;
  /** By MIME type. */
  mimeType?: InputMaybe<MimeTypeFilter>;
  /** Assets lacking (true) or having (false) a value of every required field without a default: requirements are enforced when values change, and reported this way for older assets. */
  missingRequiredMetadata?: InputMaybe<Scalars['Boolean']['input']>;
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
  /**
   * Full-text search over the filename, titles and alt texts in every locale, author, copyright, tags,
   * smart tags, camera make, model and lens, the collection's name, and (management only) the notes and
   * the original filename. Accents and case are ignored. A word matches any word it begins (`cath` finds
   * `cathedral`); `"quoted words"` match as a phrase; `-word` or `-"a phrase"` leaves out the assets
   * matching it. Every other term must match. At most 10 terms. Order by `RELEVANCE` to get the best
   * matches first.
   */
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
  /** Put variants in the list (`INCLUDE`), or list only them (`ONLY`); by default lists leave variants out. Only at the top level of a filter. */
  variants?: InputMaybe<VariantInclusion>;
  /** By width in pixels. */
  width?: InputMaybe<IntFilter>;
  /** By the year the photo was taken, from its EXIF date. */
  year?: InputMaybe<IntFilter>;
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

/** A field's value on an asset. */
export type AssetMetadataValue = {
  __typename?: 'AssetMetadataValue';
  /** The field. */
  field: MetadataField;
  /** The locale the value was found in, for localized fields. */
  locale: Maybe<Scalars['String']['output']>;
  /** The value (the field's default when the asset has none); null when neither. */
  value: Maybe<Scalars['MetadataValue']['output']>;
};

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

/** One stored set of bytes of an asset. Bytes never change: a new upload makes a new version. Management only, like every field of it. */
export type AssetVersion = {
  __typename?: 'AssetVersion';
  /** The antivirus scan of this version. Management only: delivery tokens read null, with a FORBIDDEN error. */
  antivirus: Maybe<Antivirus>;
  /** When this version was stored. */
  createdAt: Scalars['Time']['output'];
  /** The token that stored it; null for the command line. */
  createdBy: Maybe<Principal>;
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

/** A sound's waveform, as a player draws it. */
export type Audio = {
  __typename?: 'Audio';
  /**
   * The sound's peaks in `buckets` equal stretches of time, each the loudest sample of its stretch from 0
   * (silence) to 1 (full scale). Null until the background job computed them, or when they cannot be
   * (`waveformReason` says why). Drawn as an image: `transformUrl(params: { fm: PNG })`.
   */
  waveform: Maybe<Array<Scalars['Float']['output']>>;
  /** Why `waveform` is null: being computed, FFmpeg missing, or a sound that cannot be decoded. Management only. */
  waveformReason: Maybe<Scalars['String']['output']>;
};


/** A sound's waveform, as a player draws it. */
export type AudioWaveformArgs = {
  buckets?: InputMaybe<Scalars['Int']['input']>;
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
  actor: Maybe<Principal>;
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
  anyIn?: InputMaybe<Array<ColorFamily>>;
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
  /** A role whose permissions the token holds (with role EDITOR); omitted, ADMIN tokens hold Admin and EDITOR tokens Editor. */
  roleId?: InputMaybe<Scalars['ID']['input']>;
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

/** A member to invite. */
export type CreateMemberInput = {
  /** Their email. */
  email: Scalars['String']['input'];
  /** Their name; the email when omitted. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Their role (`roles` lists them). */
  roleId: Scalars['ID']['input'];
};

/** A field to define. */
export type CreateMetadataFieldInput = {
  /** The value an asset without one shows. */
  default?: InputMaybe<Scalars['MetadataValue']['input']>;
  /** The key: a lower-case letter, then up to 63 lower-case letters, digits or _. */
  key: Scalars['String']['input'];
  /** Its name per locale. */
  label?: InputMaybe<Array<LocalizedTextInput>>;
  /** Whether it has a value per locale. */
  localized?: InputMaybe<Scalars['Boolean']['input']>;
  /** The options of a SELECT or MULTI_SELECT field (required for those). */
  options?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Whether assets must have a value. */
  required?: InputMaybe<Scalars['Boolean']['input']>;
  /** The type of its values. */
  type: MetadataFieldType;
  /** Bounds of its values. */
  validation?: InputMaybe<MetadataValidationInput>;
};

/** A role to create. */
export type CreateRoleInput = {
  /** Its name. */
  name: Scalars['String']['input'];
  /** What it may do. */
  permissions: PermissionsInput;
};

/** A filter to save. */
export type CreateSavedFilterInput = {
  /** The conditions; every asset when omitted. */
  filter?: InputMaybe<AssetFilter>;
  /** Its name (at most 200 characters). */
  name: Scalars['String']['input'];
  /** The ordering to apply unless a query names one. */
  orderBy?: InputMaybe<AssetOrder>;
  /** Words to search for beside the filter. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Share it with every EDITOR and ADMIN; personal by default. */
  shared?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A new transform preset. */
export type CreateTransformPresetInput = {
  /** Make it as soon as an image is created or replaced; false by default. */
  eager?: InputMaybe<Scalars['Boolean']['input']>;
  /** Its name: 1 to 64 lower-case letters, digits, `-` and `_`, starting and ending with a letter or digit. */
  name: Scalars['String']['input'];
  /** The transform it applies (at least one parameter). */
  params: ImageParams;
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
  /** An upload preset (`uploadPresets`): its settings are defaults for this input, and its limits apply to the declared file. */
  preset?: InputMaybe<Scalars['String']['input']>;
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
  /** Make the new asset a variant of this asset, as `UploadAssetsInput.variantOf`. */
  variantOf?: InputMaybe<Scalars['ID']['input']>;
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

/** A new member with the one-time link where they set their password. Management only. */
export type CreatedMember = {
  __typename?: 'CreatedMember';
  /** The invitation link, valid for 7 days and usable once. */
  invitationUrl: Scalars['String']['output'];
  /** The member. */
  member: Member;
};

/** A new webhook, or one with a new secret, with the secret shown this once. Management only. */
export type CreatedWebhook = {
  __typename?: 'CreatedWebhook';
  /** The secret that signs its deliveries: `Mediagraph-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">`. */
  secret: Scalars['String']['output'];
  /** The webhook. */
  webhook: Webhook;
};

/** A rectangle to keep. Management only. */
export type CropRectInput = {
  /** Height. */
  height: Scalars['Float']['input'];
  /** How the four are measured; pixels by default. */
  unit?: InputMaybe<CropUnit>;
  /** Width. */
  width: Scalars['Float']['input'];
  /** Left edge. */
  x: Scalars['Float']['input'];
  /** Top edge. */
  y: Scalars['Float']['input'];
};

/** How a crop rectangle is measured. */
export type CropUnit =
  /** In pixels of the image as it stands at that step. */
  | 'PIXELS'
  /** As fractions, 0 to 1, of the image's width and height at that step. */
  | 'RELATIVE';

/** What `deleteAllAssets` did. Management only. */
export type DeleteAllAssetsResult = {
  __typename?: 'DeleteAllAssetsResult';
  /** How many it left in place because a live entry uses them (remove those references, then call it again). */
  skippedInUse: Scalars['Int']['output'];
  /** How many assets it moved to the trash. */
  trashed: Scalars['Int']['output'];
};

/** A stored result of a transform of an asset's bytes, kept so that the next request for it is served from the store. Management only. */
export type Derivative = {
  __typename?: 'Derivative';
  /** When it was made and stored. */
  createdAt: Scalars['Time']['output'];
  /** The result's format (`webp`, `jpg`, …); empty when unknown. */
  format: Scalars['String']['output'];
  /** The result's height in pixels, when known. */
  height: Maybe<Scalars['Int']['output']>;
  /** When it was last served from the store, to a day (written at most once a day); null if never since it was made. */
  lastServedAt: Maybe<Scalars['Time']['output']>;
  /** The result's size in bytes. */
  size: Scalars['Int64']['output'];
  /** The transform's URL parameters, as `w=640&fm=webp`; empty for a result stored before they were recorded. */
  spec: Scalars['String']['output'];
  /** The URL that serves it: the versioned transform URL of its parameters (signed when transform URLs must be). */
  url: Scalars['String']['output'];
  /** The result's width in pixels, when known. */
  width: Maybe<Scalars['Int']['output']>;
};

/** A page of an asset's stored transforms. Management only. */
export type DerivativeConnection = {
  __typename?: 'DerivativeConnection';
  /** The stored transforms of this page. */
  nodes: Array<Derivative>;
  /** Where this page is in the list. */
  pageInfo: PageInfo;
  /** How many stored transforms the asset has. */
  totalCount: Scalars['Int']['output'];
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

/** A face found in an image: its box as fractions (0 to 1) of the image's width and height as displayed, from the top-left corner. */
export type Face = {
  __typename?: 'Face';
  /** The box's height, as a fraction of the image's height. */
  height: Scalars['Float']['output'];
  /** The box's width, as a fraction of the image's width. */
  width: Scalars['Float']['output'];
  /** The left edge, as a fraction of the image's width. */
  x: Scalars['Float']['output'];
  /** The top edge, as a fraction of the image's height. */
  y: Scalars['Float']['output'];
};

/** A property of assets that a list can be counted by, as a UI shows next to its filters. */
export type Facet =
  /** The antivirus verdict on the current bytes (`AssetFilter.antivirus`); management only. */
  | 'ANTIVIRUS'
  /** The collection an asset is filed in, by id (`AssetFilter.collection`). */
  | 'COLLECTION'
  /** The families of the dominant colors (`AssetFilter.colorFamily`). */
  | 'COLOR_FAMILY'
  /** The file format, such as `png` (`AssetFilter.format`). */
  | 'FORMAT'
  /** The kind of file (`AssetFilter.kind`). */
  | 'KIND'
  /** The moderation status (`AssetFilter.moderation`); management only. */
  | 'MODERATION'
  /** The shape as displayed (`AssetFilter.orientation`). */
  | 'ORIENTATION'
  /** The class of pixel count (`AssetFilter.resolution`). */
  | 'RESOLUTION'
  /** Smart tags found by analysis (`AssetFilter.smartTags`). */
  | 'SMART_TAG'
  /** PUBLIC or PRIVATE (`AssetFilter.status`). */
  | 'STATUS'
  /** Editor tags, by name (`AssetFilter.tags`). */
  | 'TAG'
  /** The year (UTC) an asset was created; ignores `AssetFilter.createdAt`. */
  | 'YEAR';

/** One value of a facet and how many assets have it. */
export type FacetValue = {
  __typename?: 'FacetValue';
  /** How many assets of the filter have the value. */
  count: Scalars['Int']['output'];
  /** The value, written as the matching filter takes it: an enum value, a format, a tag name, a collection id, a year. */
  value: Scalars['String']['output'];
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
  brightness?: InputMaybe<Scalars['Float']['input']>;
  /** Multiply the contrast around the middle grey, 0 to 4; 1 leaves it. */
  contrast?: InputMaybe<Scalars['Float']['input']>;
  /** Keep this rectangle. */
  crop?: InputMaybe<CropRectInput>;
  /** Apply a named filter. */
  filter?: InputMaybe<ImageFilter>;
  /** Turn upside down. */
  flip?: InputMaybe<Scalars['Boolean']['input']>;
  /** Mirror left to right. */
  flop?: InputMaybe<Scalars['Boolean']['input']>;
  /** Turn clockwise by this many degrees: a multiple of 90 exactly, or from -45 to 45 to straighten (the result is cropped to the largest upright rectangle inside, with no corner of background). */
  rotate?: InputMaybe<Scalars['Float']['input']>;
  /** Multiply the saturation, 0 to 4; 0 is grey, 1 leaves it. */
  saturation?: InputMaybe<Scalars['Float']['input']>;
};

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
  /** A PDF document's page [page], from 1 to its page count; the first when omitted. Only for PDFs. */
  page?: InputMaybe<Scalars['Int']['input']>;
  /** Quality, 1 to 100 [q]; 75 by default (60 with `auto: [COMPRESS]`). */
  q?: InputMaybe<Scalars['Int']['input']>;
  /**
   * A video's frame at this time, in seconds [t], from 0 to the video's duration (millisecond precision).
   * Without it, transforms of a video start from its poster. Only for videos.
   */
  t?: InputMaybe<Scalars['Float']['input']>;
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

/** A text in one locale; management only. */
export type LocalizedText = {
  __typename?: 'LocalizedText';
  /** The locale. */
  locale: Scalars['String']['output'];
  /** The text. */
  text: Scalars['String']['output'];
};

/** A text in one locale, to set. */
export type LocalizedTextInput = {
  /** The locale (one of the library's). */
  locale: Scalars['String']['input'];
  /** The text (at most 200 characters). */
  text: Scalars['String']['input'];
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

/** A person who signs in. Management only. */
export type Member = Node & Principal & {
  __typename?: 'Member';
  /** When they were invited. */
  createdAt: Scalars['Time']['output'];
  /** When they were deactivated; null while they may sign in. */
  deactivatedAt: Maybe<Scalars['Time']['output']>;
  /** Their email, which they sign in with. */
  email: Scalars['String']['output'];
  /** The member's id (`mem_…`). */
  id: Scalars['ID']['output'];
  /** Their name. */
  name: Scalars['String']['output'];
  /** Their role. */
  role: AccessRole;
};

/** A browser session of the signed-in member. Management only. */
export type MemberSession = {
  __typename?: 'MemberSession';
  /** When it signed in. */
  createdAt: Scalars['Time']['output'];
  /** When it ends unless revoked first. */
  expiresAt: Scalars['Time']['output'];
  /** The session's id (`ses_…`); not its secret. */
  id: Scalars['ID']['output'];
  /** When it was last used, to the minute. */
  lastUsedAt: Scalars['Time']['output'];
  /** The browser that signed in, as it described itself. */
  userAgent: Maybe<Scalars['String']['output']>;
};

/** A structured metadata field that an ADMIN defines and editors fill on assets. */
export type MetadataField = {
  __typename?: 'MetadataField';
  /** When it was defined; management only. */
  createdAt: Scalars['Time']['output'];
  /** The value an asset without one shows; management only. */
  default: Maybe<Scalars['MetadataValue']['output']>;
  /** The field's id (`mdf_…`); management only. */
  id: Scalars['ID']['output'];
  /** The key that values, filters and `metadataValue` name it by. */
  key: Scalars['String']['output'];
  /** Its name in a locale (the default when omitted), falling back along the locale chain, then to the key. */
  label: Scalars['String']['output'];
  /** Its name in every locale it has one; management only. */
  labels: Array<LocalizedText>;
  /** Whether it has a value per locale. */
  localized: Scalars['Boolean']['output'];
  /** The options of a SELECT or MULTI_SELECT field; management only. */
  options: Array<Scalars['String']['output']>;
  /** Whether assets must have a value: enforced when a value is set or cleared, reported for older assets; management only. */
  required: Scalars['Boolean']['output'];
  /** The type of its values. */
  type: MetadataFieldType;
  /** When it last changed; management only. */
  updatedAt: Scalars['Time']['output'];
  /** Bounds of its values; management only. */
  validation: MetadataValidation;
};


/** A structured metadata field that an ADMIN defines and editors fill on assets. */
export type MetadataFieldLabelArgs = {
  locale?: InputMaybe<Scalars['String']['input']>;
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
  eq?: InputMaybe<Scalars['MetadataValue']['input']>;
  /** Has a value (true) or none (false). */
  exists?: InputMaybe<Scalars['Boolean']['input']>;
  /** Greater than (later than, for dates). */
  gt?: InputMaybe<Scalars['MetadataValue']['input']>;
  /** Equal to one of these (for MULTI_SELECT: has one of these options). */
  in?: InputMaybe<Array<Scalars['MetadataValue']['input']>>;
  /** The field's key. */
  key: Scalars['String']['input'];
  /** Less than (earlier than, for dates). */
  lt?: InputMaybe<Scalars['MetadataValue']['input']>;
  /** Text containing this, ignoring case. */
  matches?: InputMaybe<Scalars['String']['input']>;
};

/**
 * An ordering by a structured metadata field (`assets(orderByMetadata: …)`): assets without a value come
 * last in either direction; ties, and the assets without a value, are ordered by id.
 */
export type MetadataOrder = {
  /** The direction. */
  direction?: InputMaybe<OrderDirection>;
  /** The key of the field; a MULTI_SELECT field cannot order a list. */
  key: Scalars['String']['input'];
  /** The locale of a localized field's values; the default locale when absent. Ignored for other fields. */
  locale?: InputMaybe<Scalars['String']['input']>;
};

/** Bounds of a field's values: of a NUMBER's value, or of a TEXT's length, and a pattern a TEXT must match; management only. */
export type MetadataValidation = {
  __typename?: 'MetadataValidation';
  /** The largest value (or length) allowed. */
  max: Maybe<Scalars['Float']['output']>;
  /** The smallest value (or length) allowed. */
  min: Maybe<Scalars['Float']['output']>;
  /** A regular expression (RE2) a TEXT value must match. */
  pattern: Maybe<Scalars['String']['output']>;
};

/** Bounds of a field's values, to set. */
export type MetadataValidationInput = {
  /** The largest NUMBER (or TEXT length) allowed; null: none. */
  max?: InputMaybe<Scalars['Float']['input']>;
  /** The smallest NUMBER (or TEXT length) allowed; null: none. */
  min?: InputMaybe<Scalars['Float']['input']>;
  /** A regular expression (RE2) TEXT values must match; null: none. */
  pattern?: InputMaybe<Scalars['String']['input']>;
};

/** A value of a structured metadata field to set on assets. */
export type MetadataValueInput = {
  /** The field's key. */
  key: Scalars['String']['input'];
  /** For localized fields, the locale (the default locale when omitted). */
  locale?: InputMaybe<Scalars['String']['input']>;
  /** The value, checked against the field's type, options and validation; null clears it. */
  value?: InputMaybe<Scalars['MetadataValue']['input']>;
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
  moderatedBy: Maybe<Principal>;
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
  /** Invite a member: returns the one-time link where they set their password (ADMIN only). */
  createMember: CreatedMember;
  /** Define a structured metadata field (ADMIN). */
  createMetadataField: MetadataField;
  /** Create a role (ADMIN only). */
  createRole: AccessRole;
  /** Save a filter, owned by the caller. */
  createSavedFilter: SavedFilter;
  /** A URL that opens an asset, PRIVATE or not, until it expires: for sharing with someone without a token. Editors only. */
  createSignedAssetUrl: Scalars['String']['output'];
  /** Name a transform (ADMIN). */
  createTransformPreset: TransformPreset;
  /** Name a set of upload defaults and limits (ADMIN). */
  createUploadPreset: UploadPreset;
  /** Ask for tickets to send files straight to the store (at most `mediaSettings.maxFilesPerUpload`). */
  createUploads: Array<SignedUpload>;
  /** Create a webhook (ADMIN only, at most 100). Its secret is shown this once. */
  createWebhook: CreatedWebhook;
  /**
   * Make a signed URL that streams a ZIP of assets, built on the fly: folders from the collection tree, names
   * made unique (`name (2).jpg`), each file's bytes checked against their sha256 as they stream (a damaged
   * one cuts the archive off, so it fails to unzip rather than hold wrong bytes). Trashed and quarantined
   * assets are left out. At most `MEDIAGRAPH_ZIP_MAX_FILES` files (TOO_MANY_FILES otherwise). EDITOR or ADMIN.
   */
  createZipDownload: ZipDownload;
  /** Deactivate a member: their sessions end at once; their assets stay, attributed to them (ADMIN only). */
  deactivateMember: Member;
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
  /** Delete a structured metadata field and its values (ADMIN). Returns its id. */
  deleteMetadataField: Scalars['ID']['output'];
  /** Delete a role nobody holds; built-in roles cannot be deleted (ADMIN only). Returns its id. */
  deleteRole: Scalars['ID']['output'];
  /** Delete a saved filter, with the same rights as changing it. Returns its id. */
  deleteSavedFilter: Scalars['ID']['output'];
  /** Delete a tag, taking it off every asset. Returns its id. */
  deleteTag: Scalars['ID']['output'];
  /** Delete a transform preset (ADMIN): URLs naming it answer NOT_FOUND, results made of it stay until their version is replaced. */
  deleteTransformPreset: TransformPreset;
  /** Delete an upload preset (ADMIN): uploads naming it are refused with NOT_FOUND. */
  deleteUploadPreset: UploadPreset;
  /** Delete a webhook with its delivery log (ADMIN only); what it returns is the webhook as it was. */
  deleteWebhook: Webhook;
  /**
   * Edit an image and store the result as its next version, as `replaceAsset` with those bytes would: the
   * `asset.replaced` event, a new antivirus scan, a new review under moderation. The operations apply in
   * order, to the image as its EXIF orientation shows it; the result keeps the image's name and format.
   * A bad operation is VALIDATION_FAILED with field `operations[i].<field>`. EDITOR or ADMIN.
   */
  editImage: Asset;
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
  /**
   * Delete every stored transform of the assets (at most 500), bytes and records: the next request for one
   * makes it again. Returns how many were deleted. EDITOR or ADMIN. Management only.
   */
  purgeDerivatives: Scalars['Int']['output'];
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
  /** End one of the signed-in member's sessions. Returns its id. */
  revokeSession: Scalars['ID']['output'];
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
  /** Change a member's email, name or role (ADMIN only). */
  updateMember: Member;
  /** Change a structured metadata field (ADMIN); a type change converts every stored value or is refused. */
  updateMetadataField: MetadataField;
  /** Change a role; built-in roles cannot be changed (ADMIN only). */
  updateRole: AccessRole;
  /** Change a saved filter: its owner may, and an ADMIN may change a shared one. */
  updateSavedFilter: SavedFilter;
  /** Change a transform preset (ADMIN). */
  updateTransformPreset: TransformPreset;
  /** Replace an upload preset's settings (ADMIN). */
  updateUploadPreset: UploadPreset;
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
export type MutationCreateMemberArgs = {
  input: CreateMemberInput;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationCreateMetadataFieldArgs = {
  input: CreateMetadataFieldInput;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationCreateRoleArgs = {
  input: CreateRoleInput;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationCreateSavedFilterArgs = {
  input: CreateSavedFilterInput;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationCreateSignedAssetUrlArgs = {
  expiresIn?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  params?: InputMaybe<ImageParams>;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationCreateTransformPresetArgs = {
  input: CreateTransformPresetInput;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationCreateUploadPresetArgs = {
  input: UploadPresetInput;
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
export type MutationCreateZipDownloadArgs = {
  input: ZipDownloadInput;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationDeactivateMemberArgs = {
  id: Scalars['ID']['input'];
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
export type MutationDeleteMetadataFieldArgs = {
  id: Scalars['ID']['input'];
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationDeleteRoleArgs = {
  id: Scalars['ID']['input'];
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationDeleteSavedFilterArgs = {
  id: Scalars['ID']['input'];
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationDeleteTagArgs = {
  id: Scalars['ID']['input'];
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationDeleteTransformPresetArgs = {
  id: Scalars['ID']['input'];
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationDeleteUploadPresetArgs = {
  id: Scalars['ID']['input'];
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationDeleteWebhookArgs = {
  id: Scalars['ID']['input'];
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationEditImageArgs = {
  id: Scalars['ID']['input'];
  operations: Array<ImageOperationInput>;
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
export type MutationPurgeDerivativesArgs = {
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
export type MutationRevokeSessionArgs = {
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
export type MutationUpdateMemberArgs = {
  id: Scalars['ID']['input'];
  input: UpdateMemberInput;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationUpdateMetadataFieldArgs = {
  id: Scalars['ID']['input'];
  input: UpdateMetadataFieldInput;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationUpdateRoleArgs = {
  id: Scalars['ID']['input'];
  input: UpdateRoleInput;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationUpdateSavedFilterArgs = {
  id: Scalars['ID']['input'];
  input: UpdateSavedFilterInput;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationUpdateTransformPresetArgs = {
  id: Scalars['ID']['input'];
  input: UpdateTransformPresetInput;
};


/** Change the media library. Management only: DELIVERY tokens may not call mutations. */
export type MutationUpdateUploadPresetArgs = {
  id: Scalars['ID']['input'];
  input: UploadPresetInput;
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

/** A direction of an ordering. */
export type OrderDirection =
  /** Smallest, earliest, A first. */
  | 'ASC'
  /** Largest, latest, Z first. */
  | 'DESC';

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

/** How much of the media a permission reaches. */
export type PermissionScope =
  /** Every asset. */
  | 'ALL'
  /** No asset. */
  | 'NONE'
  /** Only the assets created by members and API tokens of the same role (per role, as microCMS's "media created by members of this role"). */
  | 'OWN';

/** What a role may do. Management only. */
export type Permissions = {
  __typename?: 'Permissions';
  /** Which assets its holders move to the trash and purge. */
  deleteMedia: PermissionScope;
  /** Whether they may manage collections. */
  manageCollections: Scalars['Boolean']['output'];
  /** Whether they may change settings. */
  manageSettings: Scalars['Boolean']['output'];
  /** Whether they may manage tags. */
  manageTags: Scalars['Boolean']['output'];
  /** Whether they may manage API tokens. */
  manageTokens: Scalars['Boolean']['output'];
  /** Whether they may manage webhooks. */
  manageWebhooks: Scalars['Boolean']['output'];
  /** Whether they may moderate assets. */
  moderate: Scalars['Boolean']['output'];
  /** Whether they may publish (set assets PUBLIC). */
  publishMedia: Scalars['Boolean']['output'];
  /** Which assets its holders read; NONE reads what the public does (PUBLIC assets). */
  readMedia: PermissionScope;
  /** Which assets its holders change. */
  writeMedia: PermissionScope;
};

/** Permissions to give a role; an omitted scope is NONE, an omitted flag false. */
export type PermissionsInput = {
  /** Which assets its holders move to the trash and purge. */
  deleteMedia?: InputMaybe<PermissionScope>;
  /** Whether they may manage collections. */
  manageCollections?: InputMaybe<Scalars['Boolean']['input']>;
  /** Whether they may change settings. */
  manageSettings?: InputMaybe<Scalars['Boolean']['input']>;
  /** Whether they may manage tags. */
  manageTags?: InputMaybe<Scalars['Boolean']['input']>;
  /** Whether they may manage API tokens. */
  manageTokens?: InputMaybe<Scalars['Boolean']['input']>;
  /** Whether they may manage webhooks. */
  manageWebhooks?: InputMaybe<Scalars['Boolean']['input']>;
  /** Whether they may moderate assets. */
  moderate?: InputMaybe<Scalars['Boolean']['input']>;
  /** Whether they may publish. */
  publishMedia?: InputMaybe<Scalars['Boolean']['input']>;
  /** Which assets its holders read. */
  readMedia?: InputMaybe<PermissionScope>;
  /** Which assets its holders change. */
  writeMedia?: InputMaybe<PermissionScope>;
};

/**
 * The still image that stands for a video (its poster frame, taken a tenth into it) or a PDF document (its
 * first page): what transforms, `transformUrl` and `responsiveImage` of such an asset start from.
 */
export type Poster = {
  __typename?: 'Poster';
  /** A BlurHash of the poster, for a placeholder while it loads. */
  blurhash: Maybe<Scalars['String']['output']>;
  /** Height of the poster in pixels. */
  height: Scalars['Int']['output'];
  /** The second of the video the poster was taken at; null for a document's page. */
  time: Maybe<Scalars['Float']['output']>;
  /** Width of the poster in pixels. */
  width: Scalars['Int']['output'];
};

/** A value of a structured metadata field that an upload preset puts on uploads; management only. */
export type PresetMetadataValue = {
  __typename?: 'PresetMetadataValue';
  /** The field's key. */
  key: Scalars['String']['output'];
  /** For a localized field, the locale; null for the default locale or a field that is not localized. */
  locale: Maybe<Scalars['String']['output']>;
  /** The value, as the field's type has it. */
  value: Maybe<Scalars['MetadataValue']['output']>;
};

/** Who did something: a member signed in through a browser, or an API token. */
export type Principal = {
  /** The member's (`mem_…`) or token's (`tok_…`) id. */
  id: Scalars['ID']['output'];
  /** The member's or the token's name. */
  name: Scalars['String']['output'];
};

/** Read the media library. */
export type Query = {
  __typename?: 'Query';
  /** Every API token, revoked ones included (ADMIN only; management only). */
  apiTokens: Maybe<Array<ApiToken>>;
  /** One asset; null when it does not exist or the caller may not see it. */
  asset: Maybe<Asset>;
  /** Facet counts over the assets the caller may see that match a filter: a DELIVERY token counts only what it may see. */
  assetFacets: AssetFacets;
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
  /** The signed-in member, or null when the request carries an API token (a token is not a member). Management only. */
  me: Maybe<Member>;
  /** The rules of this library: upload limits and content locales. */
  mediaSettings: MediaSettings;
  /** One member (ADMIN, or the member themself; management only). */
  member: Maybe<Member>;
  /** Every member, deactivated ones included (ADMIN only; management only). */
  members: Maybe<Array<Member>>;
  /** The structured metadata fields, by key; management only. */
  metadataFields: Array<MetadataField>;
  /** The signed-in member's live sessions; empty for an API token (management only). */
  mySessions: Maybe<Array<MemberSession>>;
  /** Any object by its global id; null when it does not exist or the caller may not see it. */
  node: Maybe<Node>;
  /** Every role, built-in ones first (management only). */
  roles: Maybe<Array<AccessRole>>;
  /** The caller's saved filters and the shared ones, by name; management only. */
  savedFilters: Array<SavedFilter>;
  /** Tags in name order. Delivery tokens see only tags that some PUBLIC asset carries. */
  tags: TagConnection;
  /** The transform presets, by name (editors and admins). Management only. */
  transformPresets: Array<TransformPreset>;
  /** One of the caller's uploads (ADMINs: anyone's), to follow its progress. Management only. */
  upload: Maybe<SignedUpload>;
  /** The upload presets, by name (editors and admins). Management only. */
  uploadPresets: Array<UploadPreset>;
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
export type QueryAssetFacetsArgs = {
  facets?: InputMaybe<Array<Facet>>;
  filter?: InputMaybe<AssetFilter>;
  limit?: InputMaybe<Scalars['Int']['input']>;
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
  orderByMetadata?: InputMaybe<MetadataOrder>;
  query?: InputMaybe<Scalars['String']['input']>;
  savedFilter?: InputMaybe<Scalars['ID']['input']>;
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
export type QueryMemberArgs = {
  id: Scalars['ID']['input'];
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
 * A filter of the asset list saved under a name, to apply again with `assets(savedFilter:)`: personal to the
 * principal that saved it, or shared with every EDITOR and ADMIN. Management only.
 */
export type SavedFilter = {
  __typename?: 'SavedFilter';
  /** When it was saved. */
  createdAt: Scalars['Time']['output'];
  /** The filter, in the shape of the `AssetFilter` input. */
  filter: Scalars['JSON']['output'];
  /** The saved filter's id (`sfl_…`). */
  id: Scalars['ID']['output'];
  /** Whether the caller saved it. */
  mine: Scalars['Boolean']['output'];
  /** Its name, as a UI lists it. */
  name: Scalars['String']['output'];
  /** The ordering it applies unless the query names one. */
  orderBy: Maybe<AssetOrder>;
  /** The id of the principal (an API token) that saved it. */
  ownerId: Scalars['String']['output'];
  /** Words searched for beside the filter. */
  search: Maybe<Scalars['String']['output']>;
  /** Whether every EDITOR and ADMIN sees it (true) or only its owner (false). */
  shared: Scalars['Boolean']['output'];
  /** When it last changed. */
  updatedAt: Scalars['Time']['output'];
};

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

/** A smart tag, with where it came from and how sure its source is. */
export type SmartTagDetail = {
  __typename?: 'SmartTagDetail';
  /** From 0 to 1: 1 for keywords; the share of the pixels for a color; Tesseract's confidence for text; the face detector's precision for its tags. */
  confidence: Scalars['Float']['output'];
  /** The tag, as `smartTags` lists it. */
  name: Scalars['String']['output'];
  /** Where it came from. */
  source: SmartTagSource;
};

/** Where a smart tag came from. */
export type SmartTagSource =
  /** A named color covering at least a fifth of the image. */
  | 'COLOR'
  /** The file's own keywords (IPTC, XMP). */
  | 'KEYWORD'
  /** A trained model looking at the pixels: OpenCV's face detector (`face`, `person`, `portrait`, `group`). No image classifier ships in a package this service can install, so there are no other model tags. */
  | 'MODEL'
  /** The text read in the image: `text`, `document`, and the words Tesseract read with the most confidence. */
  | 'OCR';

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

/**
 * A named transform (Cloudinary's transformation template, imgix's preset): `?preset=NAME` at the gate, or
 * `transformUrl(preset: NAME)`, applies its parameters. A preset URL needs no signature even when signing is
 * on, so a site uses presets without a signer; it takes no transform parameter of its own. Management only.
 */
export type TransformPreset = {
  __typename?: 'TransformPreset';
  /** When it was created. */
  createdAt: Scalars['Time']['output'];
  /** Whether it is made as soon as an image is created or replaced, so that its first visitor gets a stored result. */
  eager: Scalars['Boolean']['output'];
  /** The preset's id (`tpr_…`). */
  id: Scalars['ID']['output'];
  /** Its name, a slug: what `?preset=` and `transformUrl(preset:)` take. */
  name: Scalars['String']['output'];
  /** Its parameters as a delivery URL's query string, such as `fit=crop&h=300&w=400`. */
  query: Scalars['String']['output'];
  /** When it was last changed. */
  updatedAt: Scalars['Time']['output'];
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
  /** Attribute the assets to this member or API token (ADMIN only; management only). */
  creatorId?: InputMaybe<Scalars['ID']['input']>;
  /** Free-form values in the default locale. */
  customData?: InputMaybe<Scalars['JSON']['input']>;
  /** Metadata per locale. */
  defaultFieldMetadata?: InputMaybe<Array<LocalizedMetadataInput>>;
  /** A new filename; it is normalized and keeps the extension of the asset's type. */
  filename?: InputMaybe<Scalars['String']['input']>;
  /** The focal point in the default locale. */
  focalPoint?: InputMaybe<FocalPointInput>;
  /** Values of structured metadata fields to set (at most 50). */
  metadata?: InputMaybe<Array<MetadataValueInput>>;
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

/** Changes to a member; omitted fields stay as they are. */
export type UpdateMemberInput = {
  /** Their email. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Their name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Their role. */
  roleId?: InputMaybe<Scalars['ID']['input']>;
};

/** Changes to a field; an omitted field stays as it is. */
export type UpdateMetadataFieldInput = {
  /** A new default (null: none). */
  default?: InputMaybe<Scalars['MetadataValue']['input']>;
  /** A new key. */
  key?: InputMaybe<Scalars['String']['input']>;
  /** New names per locale (replacing all of them). */
  label?: InputMaybe<Array<LocalizedTextInput>>;
  /** Whether it has a value per locale. */
  localized?: InputMaybe<Scalars['Boolean']['input']>;
  /** New options. */
  options?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Whether assets must have a value. */
  required?: InputMaybe<Scalars['Boolean']['input']>;
  /** A new type: allowed only when every stored value converts to it. */
  type?: InputMaybe<MetadataFieldType>;
  /** New bounds. */
  validation?: InputMaybe<MetadataValidationInput>;
};

/** Changes to a role; omitted fields stay as they are. */
export type UpdateRoleInput = {
  /** Its name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** What it may do (replaces every permission). */
  permissions?: InputMaybe<PermissionsInput>;
};

/** Changes to a saved filter; an omitted field stays as it is, a nullable one set to null is cleared. */
export type UpdateSavedFilterInput = {
  /** New conditions (null: every asset). */
  filter?: InputMaybe<AssetFilter>;
  /** A new name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** A new ordering (null: none). */
  orderBy?: InputMaybe<AssetOrder>;
  /** New words to search for (null: none). */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Share it, or make it personal again. */
  shared?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Changes to a transform preset; an omitted field stays as it is. URLs naming it serve the new transform. */
export type UpdateTransformPresetInput = {
  /** Make it as soon as an image is created or replaced. */
  eager?: InputMaybe<Scalars['Boolean']['input']>;
  /** A new name; URLs with the old one stop working. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The new transform. */
  params?: InputMaybe<ImageParams>;
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
  /**
   * Values of structured metadata fields for every file (at most 50). An upload that gives any (here or
   * through its preset) must give every required field without a default, or it is refused with
   * VALIDATION_FAILED on `input.metadata.<key>`; an upload giving none is not held to it.
   */
  metadata?: InputMaybe<Array<MetadataValueInput>>;
  /** Editors' notes. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** An upload preset (`uploadPresets`): its settings are defaults for this input, and its limits apply to the files. */
  preset?: InputMaybe<Scalars['String']['input']>;
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
  /** Make the new assets variants of this asset (an art-directed crop, a hand-made WebP): they follow its visibility, and the gate serves a variant whose format and width a request of the original asks for exactly. */
  variantOf?: InputMaybe<Scalars['ID']['input']>;
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

/**
 * A named set of upload defaults and limits (Cloudinary's upload presets): `preset` in `uploadAssets`,
 * `createUploads` and `createAssetFromUrl` (`input.asset.preset`) applies it. Each default is one the call's
 * own input overrides; the limits narrow the library's (`mediaSettings`), never widen them.
 * Management only, like every field of it.
 */
export type UploadPreset = {
  __typename?: 'UploadPreset';
  /** The types uploads may have, as `MEDIAGRAPH_UPLOAD_TYPES` writes them (`image/*`); empty: the library's. Both lists must admit a file. */
  allowedTypes: Array<Scalars['String']['output']>;
  /** The author of uploads that name none. */
  author: Maybe<Scalars['String']['output']>;
  /** The collection of uploads that name none. */
  collectionId: Maybe<Scalars['ID']['output']>;
  /** The copyright notice of uploads that give none. */
  copyright: Maybe<Scalars['String']['output']>;
  /** When it was created. */
  createdAt: Scalars['Time']['output'];
  /** Metadata per locale of uploads that give none for that locale. */
  defaultFieldMetadata: Array<LocalizedMetadata>;
  /** The preset's id (`upp_…`). */
  id: Scalars['ID']['output'];
  /** The largest file, in bytes; the library's limits apply as well. Null: only the library's. */
  maxBytes: Maybe<Scalars['Int64']['output']>;
  /** Values of structured metadata fields put on uploads that give none of that key and locale; management only. */
  metadata: Array<PresetMetadataValue>;
  /** Its name, a slug: what `preset` takes. */
  name: Scalars['String']['output'];
  /** Who may see uploads that say nothing; the library's default (PRIVATE) when null. */
  status: Maybe<AssetStatus>;
  /** Tags put on uploads that give none, by name. */
  tags: Array<Scalars['String']['output']>;
  /** When it was last changed. */
  updatedAt: Scalars['Time']['output'];
};

/** An upload preset: every setting at once (an update replaces them all). */
export type UploadPresetInput = {
  /** The types uploads may have (`image/png`, `image/*`); empty: the library's. */
  allowedTypes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The author of uploads that name none. */
  author?: InputMaybe<Scalars['String']['input']>;
  /** The collection of uploads that name none. */
  collectionId?: InputMaybe<Scalars['ID']['input']>;
  /** The copyright notice of uploads that give none. */
  copyright?: InputMaybe<Scalars['String']['input']>;
  /** Metadata per locale of uploads that give none for that locale. */
  defaultFieldMetadata?: InputMaybe<Array<LocalizedMetadataInput>>;
  /** The largest file, in bytes. */
  maxBytes?: InputMaybe<Scalars['Int64']['input']>;
  /**
   * Values of structured metadata fields for uploads that give none of that key (and locale), checked when
   * the preset is saved. An upload through a preset with values counts as giving metadata: it and the preset
   * together must give every required field.
   */
  metadata?: InputMaybe<Array<MetadataValueInput>>;
  /** Its name: 1 to 64 lower-case letters, digits, `-` and `_`, starting and ending with a letter or digit; in an update, null keeps it. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Who may see uploads that say nothing. */
  status?: InputMaybe<AssetStatus>;
  /** Tags put on uploads that give none, by name. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
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

/** Whether an asset list has variants in it; without it, lists leave them out. */
export type VariantInclusion =
  /** Originals and variants. */
  | 'INCLUDE'
  /** Variants only. */
  | 'ONLY';

/**
 * A video's streaming and preview URLs, as DatoCMS's `video` field gives them. The ladder is H.264 + AAC in
 * 6-second fMP4 segments, at 360p, 720p and 1080p up to the video's own height; a replacement is encoded anew.
 */
export type Video = {
  __typename?: 'Video';
  /**
   * The absolute URL of the HLS master playlist (for hls.js, Safari, ExoPlayer); null until `status` is
   * READY. A PRIVATE asset's plays with `signed`: the grant travels in the path, so every playlist and
   * segment the player fetches carries it.
   */
  hlsUrl: Maybe<Scalars['String']['output']>;
  /**
   * The absolute URL of a progressive MP4 of the rendition whose height is the largest at most `resolution`
   * (the smallest when none is); the largest when `resolution` is omitted. Null until READY.
   */
  mp4Url: Maybe<Scalars['String']['output']>;
  /** The fraction of the encode done, from 0 to 1 (1 when READY). */
  progress: Scalars['Float']['output'];
  /** Why there is no stream (HLS off, FFmpeg missing, the encode failed). Management only. */
  reason: Maybe<Scalars['String']['output']>;
  /** The renditions of the ladder, smallest first; empty until READY. */
  renditions: Array<VideoRendition>;
  /** How far the HLS encode is. */
  status: VideoStatus;
  /** The absolute URL of the poster as a JPEG through the gate (any `ImageParams` apply to it at `transformUrl`). */
  thumbnailUrl: Maybe<Scalars['String']['output']>;
};


/**
 * A video's streaming and preview URLs, as DatoCMS's `video` field gives them. The ladder is H.264 + AAC in
 * 6-second fMP4 segments, at 360p, 720p and 1080p up to the video's own height; a replacement is encoded anew.
 */
export type VideoHlsUrlArgs = {
  expiresIn?: InputMaybe<Scalars['Int']['input']>;
  signed?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * A video's streaming and preview URLs, as DatoCMS's `video` field gives them. The ladder is H.264 + AAC in
 * 6-second fMP4 segments, at 360p, 720p and 1080p up to the video's own height; a replacement is encoded anew.
 */
export type VideoMp4UrlArgs = {
  expiresIn?: InputMaybe<Scalars['Int']['input']>;
  resolution?: InputMaybe<Scalars['Int']['input']>;
  signed?: InputMaybe<Scalars['Boolean']['input']>;
};

/** One size of a video's HLS ladder. */
export type VideoRendition = {
  __typename?: 'VideoRendition';
  /** Height in pixels. */
  height: Scalars['Int']['output'];
  /** Width in pixels. */
  width: Scalars['Int']['output'];
};

/** How far a video's HLS encode is. */
export type VideoStatus =
  /** Being encoded: see `progress`. */
  | 'ENCODING'
  /** The encode failed; editors read why in `reason`. */
  | 'FAILED'
  /** HLS is off on this server (`MEDIAGRAPH_HLS`): the video is served as uploaded. */
  | 'OFF'
  /** Waiting for the background encode. */
  | 'PENDING'
  /** Encoded: `hlsUrl` and `mp4Url` are set. */
  | 'READY';

/** The analysis of an image's pixels (faces, text, smart tags), run by a background job on each new version. */
export type VisionAnalysis = {
  __typename?: 'VisionAnalysis';
  /** When it was done. */
  analyzedAt: Maybe<Scalars['Time']['output']>;
  /** Why the analysis FAILED. Management only. */
  error: Maybe<Scalars['String']['output']>;
  /** Why `faces` is null once DONE: no face detector (OpenCV or its cascade file is not installed) or it failed. Management only. */
  facesUnavailable: Maybe<Scalars['String']['output']>;
  /** Why `ocrText` is null once DONE: the image does not look like a document or a screenshot, Tesseract is not installed, or it failed or ran out of time. Management only. */
  ocrUnavailable: Maybe<Scalars['String']['output']>;
  /** How far it is. */
  status: VisionStatus;
};

/** How far the analysis of an image's pixels is. */
export type VisionStatus =
  /** Done: `faces`, `ocrText` and the smart tags hold what it found. */
  | 'DONE'
  /** The image could not be decoded; `error` says why. */
  | 'FAILED'
  /** Queued: the background job has not looked at the current version yet. */
  | 'PENDING';

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

/** A ZIP download made by `createZipDownload`. Management only. */
export type ZipDownload = {
  __typename?: 'ZipDownload';
  /** When the URL stops opening (one hour after it was made); a download started before goes on. */
  expiresAt: Scalars['Time']['output'];
  /** How many files the archive holds, as of its making. */
  fileCount: Scalars['Int']['output'];
  /**
   * The signed URL that streams the archive (`GET`), until `expiresAt`. Revoking the token that made it
   * voids it; `revokeSignedUrls` on an asset leaves that asset out.
   */
  url: Scalars['String']['output'];
};

/**
 * Which assets a ZIP download holds. The assets of `ids`, and those of `collectionId` (with the collections
 * below it) that match `filter`, or those of `filter` alone; at least one of the three. Management only.
 */
export type ZipDownloadInput = {
  /** A collection to include with every collection below it; the archive's folders start at the root of the tree. */
  collectionId?: InputMaybe<Scalars['ID']['input']>;
  /** Only assets that match (within `collectionId` when given), as in `assets(filter)`. */
  filter?: InputMaybe<AssetFilter>;
  /** Assets to include; an unknown id is NOT_FOUND (field `input.ids[i]`). */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Also include every older version of each asset, beside the current one, as `name.v1.jpg`. */
  includeVersions?: InputMaybe<Scalars['Boolean']['input']>;
};
