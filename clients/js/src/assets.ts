import type { Doc, Transport } from './client.js';
import { assetFields, type Asset, type AssetFilter, type AssetOrder, type AssetStatus, type UpdateAssetInput } from './types.js';

export interface ListOptions {
  filter?: AssetFilter;
  orderBy?: AssetOrder;
  /** Assets per request (default 50, at most 500). */
  pageSize?: number;
  locale?: string;
  signal?: AbortSignal;
}

const listQuery = `query ListAssets($filter: AssetFilter, $orderBy: AssetOrder, $first: Int, $after: String, $locale: String) {
  assets(filter: $filter, orderBy: $orderBy, first: $first, after: $after, locale: $locale) {
    nodes { ${assetFields} }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Page {
  assets: { nodes: Asset[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

export class Assets {
  constructor(private readonly transport: Transport) {}

  /** Every asset the filter selects, fetched a page at a time as the iteration reaches it. */
  async *list(options: ListOptions = {}): AsyncGenerator<Asset, void, undefined> {
    let after: string | null = null;
    for (;;) {
      const vars: Record<string, unknown> = { filter: options.filter ?? null, first: options.pageSize ?? 50, after, locale: options.locale ?? null };
      if (options.orderBy) vars.orderBy = options.orderBy;
      const page: Page = await this.transport.request(listQuery as Doc<Page>, vars, { signal: options.signal });
      yield* page.assets.nodes;
      if (!page.assets.pageInfo.hasNextPage || !page.assets.pageInfo.endCursor) return;
      after = page.assets.pageInfo.endCursor;
    }
  }

  async get(id: string): Promise<Asset | null> {
    const q = `query Asset($id: ID!) { asset(id: $id) { ${assetFields} } }` as Doc<{ asset: Asset | null }>;
    return (await this.transport.request(q, { id })).asset;
  }

  async update(id: string, input: UpdateAssetInput): Promise<Asset> {
    const q = `mutation UpdateAsset($id: ID!, $input: UpdateAssetInput!) { updateAsset(id: $id, input: $input) { ${assetFields} } }`;
    return (await this.transport.request(q as Doc<{ updateAsset: Asset }>, { id, input })).updateAsset;
  }

  async tag(ids: string[], tags: string[]): Promise<Asset[]> {
    const q = `mutation TagAssets($ids: [ID!]!, $tags: [String!]!) { tagAssets(ids: $ids, tags: $tags) { ${assetFields} } }`;
    return (await this.transport.request(q as Doc<{ tagAssets: Asset[] }>, { ids, tags })).tagAssets;
  }

  async untag(ids: string[], tags: string[]): Promise<Asset[]> {
    const q = `mutation UntagAssets($ids: [ID!]!, $tags: [String!]!) { untagAssets(ids: $ids, tags: $tags) { ${assetFields} } }`;
    return (await this.transport.request(q as Doc<{ untagAssets: Asset[] }>, { ids, tags })).untagAssets;
  }

  /** Puts the assets in a collection; null takes them out of every collection. */
  async move(ids: string[], collectionId: string | null): Promise<Asset[]> {
    const q = `mutation MoveAssets($ids: [ID!]!, $collectionId: ID) { moveAssets(ids: $ids, collectionId: $collectionId) { ${assetFields} } }`;
    return (await this.transport.request(q as Doc<{ moveAssets: Asset[] }>, { ids, collectionId })).moveAssets;
  }

  async setStatus(ids: string[], status: AssetStatus): Promise<Asset[]> {
    const q = `mutation SetAssetStatus($ids: [ID!]!, $status: AssetStatus!) { setAssetStatus(ids: $ids, status: $status) { ${assetFields} } }`;
    return (await this.transport.request(q as Doc<{ setAssetStatus: Asset[] }>, { ids, status })).setAssetStatus;
  }

  /** Moves the assets to the trash; resolves to their ids. */
  async delete(ids: string[]): Promise<string[]> {
    const q = `mutation DeleteAssets($ids: [ID!]!) { deleteAssets(ids: $ids) }`;
    return (await this.transport.request(q as Doc<{ deleteAssets: string[] }>, { ids })).deleteAssets;
  }
}
