// The two clients of a session: urql with a normalized cache (graphcache) for queries, mutations and
// the live subscription over graphql-ws, and the project's own client for uploads with progress.
import { Client, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { cacheExchange, type UpdateResolver } from '@urql/exchange-graphcache';
import { createClient as createWS } from 'graphql-ws';
import { createClient as createMediagraph, type Client as Mediagraph } from '@mediagraph/client';
import { authHeaders, type Session } from './session';
import { setLive } from './live';

// Types without an id of their own live inside their parent's record.
const embedded = [
  'AssetConnection', 'AssetEdge', 'PageInfo', 'Color', 'Exif', 'FocalPoint', 'LocalizedMetadata',
  'AssetVersion', 'Antivirus', 'Moderation', 'MediaSettings', 'LocaleFallback', 'TagConnection', 'TagEdge',
  'EntryRef', 'CreatedApiToken', 'CreatedWebhook', 'ResponsiveImage', 'WebhookHeader', 'AssetEvent',
  'AssetFacets', 'FacetValue', 'ZipDownload', 'CreatedMember', 'Permissions',
];

/** A mutation's update that drops the cached lists it changes, under every set of arguments. */
function stale(...fields: string[]): UpdateResolver {
  return (_result, _args, cache) => {
    for (const f of cache.inspectFields('Query')) {
      if (fields.includes(f.fieldName)) cache.invalidate('Query', f.fieldName, f.arguments ?? undefined);
    }
  };
}

export interface Api {
  urql: Client;
  uploads: Mediagraph;
  /** The session's headers, for the requests urql does not send (multipart replacements). */
  headers: Record<string, string>;
  close(): void;
}

export function createApi(session: Session, onAuthError: () => void): Api {
  const headers = authHeaders(session);
  const ws = createWS({
    url: location.origin.replace(/^http/, 'ws') + '/graphql',
    connectionParams: session.kind === 'token' ? { Authorization: headers.Authorization } : {},
    lazy: true,
    retryAttempts: Infinity,
    on: {
      connected: () => setLive(true),
      closed: () => setLive(false),
    },
  });
  const urql = new Client({
    url: '/graphql',
    fetchOptions: () => ({ headers, credentials: 'same-origin' }),
    requestPolicy: 'cache-and-network',
    exchanges: [
      // A session that ended (expired, signed out elsewhere, token revoked) returns to the sign-in page.
      mapExchange({
        onError(error) {
          const status = (error.response as Response | undefined)?.status;
          if (status === 401 || error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) onAuthError();
        },
      }),
      cacheExchange({
        keys: Object.fromEntries(embedded.map((t) => [t, () => null])),
        updates: {
          Mutation: {
            deleteAssets: stale('assets', 'collections'),
            purgeAssets: stale('assets', 'collections'),
            restoreAssets: stale('assets', 'collections'),
            moveAssets: stale('collections'),
            createCollection: stale('collections'),
            updateCollection: stale('collections'),
            deleteCollection: stale('collections'),
            moveCollection: stale('collections'),
            tagAssets: stale('tags'),
            untagAssets: stale('tags'),
            createApiToken: stale('apiTokens'),
            createWebhook: stale('webhooks'),
            createSavedFilter: stale('savedFilters'),
            deleteSavedFilter: stale('savedFilters'),
            deleteWebhook: stale('webhooks'),
          },
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  const uploads = createMediagraph({
    url: location.origin,
    token: session.kind === 'token' ? session.token : undefined,
    headers: session.kind === 'cookie' ? headers : {},
    fetch: async (input, init) => {
      // The signed PUTs to /storage/upload go with the session cookie too, so they need the CSRF header
      // the server asks of every cookie request.
      if (session.kind === 'cookie' && new URL(String(input), location.origin).origin === location.origin) {
        const h = new Headers(init?.headers);
        h.set('X-Mediagraph-CSRF', '1');
        init = { ...init, headers: h };
      }
      const res = await fetch(input, init);
      if (res.status === 401) onAuthError();
      return res;
    },
  });
  return { urql, uploads, headers, close: () => void ws.dispose() };
}
