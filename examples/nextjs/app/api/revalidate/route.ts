import { revalidateTag } from 'next/cache';
import { assetTag, listTag } from '@/lib/mediagraph';
import { verifyMediagraph } from '@/lib/verify-mediagraph';

// Mediagraph's webhook: POST /api/revalidate. A delivery signed with the webhook's secret
// (MEDIAGRAPH_WEBHOOK_SECRET, shown once by createWebhook) drops the cached Mediagraph data of the pages
// it concerns, so the next visit renders them anew: the lists (tag `mediagraph`) and each asset's own
// pages (tag `asset:<id>`). Anything unsigned is refused before its body is looked at.

type Event = { id: string; event: string; asset?: { id: string } | null };

export async function POST(request: Request): Promise<Response> {
  const secret = process.env.MEDIAGRAPH_WEBHOOK_SECRET;
  if (!secret) return Response.json({ error: 'MEDIAGRAPH_WEBHOOK_SECRET is not set' }, { status: 500 });
  // The signature covers the bytes as sent: read the raw body, never a re-serialized JSON.
  const body = await request.text();
  if (!verifyMediagraph(body, request.headers.get('mediagraph-signature') ?? '', secret)) {
    return Response.json({ error: 'invalid signature' }, { status: 401 });
  }
  const payload = JSON.parse(body) as Event | { events: Event[] };
  // A webhook created with `batch: true` sends { events: [...] }; a ping has no asset.
  const events = 'events' in payload ? payload.events : [payload];
  const tags = new Set<string>();
  for (const e of events) {
    if (!e.asset?.id) continue;
    tags.add(listTag);
    tags.add(assetTag(e.asset.id));
  }
  for (const tag of tags) revalidateTag(tag);
  return Response.json({ revalidated: [...tags], events: events.map((e) => e.id) });
}
