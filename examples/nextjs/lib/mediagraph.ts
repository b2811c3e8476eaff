import type { TypedDocumentString } from './gql/graphql';

// query runs a typed query (written with graphql() from ./gql, which `npm run codegen` generates from
// Mediagraph's schema) with the site's DELIVERY token: read-only and PUBLIC assets only, so it may
// reach browsers too.
export async function query<Result, Variables>(doc: TypedDocumentString<Result, Variables>, variables: Variables): Promise<Result> {
  const res = await fetch(`${process.env.MEDIAGRAPH_PUBLIC_URL}/graphql`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.MEDIAGRAPH_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: doc.toString(), variables }),
    // On-demand revalidation (revalidateTag('mediagraph') from a webhook route) is left for Mediagraph's webhooks.
    next: { tags: ['mediagraph'] },
  });
  const body = await res.json();
  if (!res.ok || body.errors) {
    throw new Error(`Mediagraph: HTTP ${res.status}: ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data as Result;
}
