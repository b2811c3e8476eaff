// The shapes the helpers read and send, by hand until the schema's types are generated.

export type AssetStatus = 'PUBLIC' | 'PRIVATE';

export interface LocalizedMetadataInput {
  locale: string;
  alt?: string | null;
  title?: string | null;
  focalPoint?: { x: number; y: number } | null;
  customData?: Record<string, unknown> | null;
}

/** The fields every helper asks for an asset. */
export interface Asset {
  id: string;
  kind: string;
  status: AssetStatus;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  width: number | null;
  height: number | null;
  url: string;
  createdAt: string;
  tags: { name: string }[];
}

export const assetFields = 'id kind status filename mimeType size sha256 width height url createdAt tags { name }';

export interface UpdateAssetInput {
  filename?: string;
  status?: AssetStatus;
  collectionId?: string | null;
  tags?: string[];
  author?: string | null;
  copyright?: string | null;
  notes?: string | null;
  defaultFieldMetadata?: LocalizedMetadataInput[];
  [field: string]: unknown;
}
