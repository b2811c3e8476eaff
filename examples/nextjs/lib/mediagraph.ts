import type { TypedDocumentString } from './gql/graphql';

// The cache tags of the site's Mediagraph data, which the webhook route (app/api/revalidate) drops when
// media changes: every list of assets carries listTag, every page about one asset its assetTag.
export const listTag = 'mediagraph';
export const assetTag = (id: string) => `asset:${id}`;

// query runs a typed query (written with graphql() from ./gql, which `npm run codegen` generates from
// Mediagraph's schema) with the site's DELIVERY token: read-only and PUBLIC assets only, so it may
// reach browsers too. Its answer is cached under tags until a webhook revalidates one of them.
export async function query<Result, Variables>(
  doc: TypedDocumentString<Result, Variables>,
  variables: Variables,
  tags: string[],
): Promise<Result> {
  const res = await fetch(`${process.env.MEDIAGRAPH_PUBLIC_URL}/graphql`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.MEDIAGRAPH_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: doc.toString(), variables }),
    cache: 'force-cache',
    next: { tags },
  });
  const body = await res.json();
  if (!res.ok || body.errors) {
    throw new Error(`Mediagraph: HTTP ${res.status}: ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data as Result;
}
