// The shapes the helpers read and send, from the schema's generated types.
import type * as schema from './generated/schema.js';

export type { AssetStatus, AssetFilter, AssetOrder, LocalizedMetadataInput, UpdateAssetInput, CreateUploadInput } from './generated/schema.js';

/** The fields every helper asks for an asset (`assetFields`). */
export type Asset = Pick<
  schema.Asset,
  'id' | 'kind' | 'status' | 'filename' | 'mimeType' | 'size' | 'sha256' | 'width' | 'height' | 'url' | 'createdAt'
> & { tags: Pick<schema.Tag, 'name'>[] };

export const assetFields = 'id kind status filename mimeType size sha256 width height url createdAt tags { name }';
