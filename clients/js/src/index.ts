import { Transport, type ClientOptions, type RequestOptions, type TypedDocument } from './client.js';
import { Uploads } from './uploads.js';
import { Assets } from './assets.js';
import { verifySignature } from './webhooks.js';

export { MediagraphError, CanceledPromiseError } from './errors.js';
export type { CancelablePromise, GraphQLErrorEntry } from './errors.js';
export type { ClientOptions, RequestOptions, TypedDocument } from './client.js';
export type { UploadPhase, UploadProgress, UploadOptions, AssetOptions, LocalFileOptions, FileOrBlobOptions, UrlOptions } from './uploads.js';
export type { ListOptions } from './assets.js';
export type { Asset, AssetStatus, UpdateAssetInput, LocalizedMetadataInput } from './types.js';
export { verifySignature } from './webhooks.js';
export type { VerifyOptions } from './webhooks.js';

export interface Client {
  /** Sends one GraphQL operation; an answer with errors throws a MediagraphError. */
  request<TResult = any, TVariables = Record<string, unknown>>(
    query: TypedDocument<TResult, TVariables>, variables?: TVariables, options?: RequestOptions,
  ): Promise<TResult>;
  uploads: Uploads;
  assets: Assets;
  webhooks: { verifySignature: typeof verifySignature };
}

/** A client of one Mediagraph: `createClient({ url: 'http://localhost:8080', token })`. */
export function createClient(options: ClientOptions): Client {
  const transport = new Transport(options);
  return {
    request: (query, variables, opts) => transport.request(query, variables as never, opts),
    uploads: new Uploads(transport),
    assets: new Assets(transport),
    webhooks: { verifySignature },
  };
}
