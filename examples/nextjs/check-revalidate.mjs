// The webhook route, end to end, against the Mediagraph at $MEDIAGRAPH_PUBLIC_URL ($MEDIAGRAPH_ADMIN_TOKEN):
//   node check-revalidate.mjs create <route url>   creates a webhook POSTing there; prints its secret
//   node check-revalidate.mjs check <site url>     a forged POST gets 401; a changed alt text reaches the
//                                                  served pages through the webhook and revalidateTag
import { createHmac } from 'node:crypto';

const api = `${process.env.MEDIAGRAPH_PUBLIC_URL}/graphql`;
const [command, target] = process.argv.slice(2);
const deadline = 60_000;

async function gql(token, query, variables = {}) {
  const res = await fetch(api, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const out = await res.json();
  if (!res.ok || out.errors) throw new Error(`revalidate: HTTP ${res.status}: ${JSON.stringify(out.errors ?? out)}`);
  return out.data;
}
const admin = (query, variables) => gql(process.env.MEDIAGRAPH_ADMIN_TOKEN, query, variables);

function fail(message) {
  console.error(`revalidate: ${message}`);
  process.exit(1);
}

async function page(url) {
  const res = await fetch(url);
  if (!res.ok) fail(`${url} answered ${res.status}`);
  return res.text();
}

// until polls check every 200 ms until it holds, for at most a minute.
async function until(what, check) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > deadline) fail(`${what}: not within ${deadline / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return Date.now() - start;
}

async function create(url) {
  const { createWebhook } = await admin(
    `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id } secret } }`,
    { input: { name: 'example site', url } },
  );
  console.log(createWebhook.secret);
}

async function forged(site, assetId) {
  const body = JSON.stringify({ id: 'evt_forged', event: 'asset.updated', occurredAt: new Date().toISOString(), asset: { id: assetId } });
  const t = Math.floor(Date.now() / 1000);
  const sign = (secret, at) => `t=${at},v1=${createHmac('sha256', secret).update(`${at}.${body}`).digest('hex')}`;
  // Another secret, no signature, and the right secret an hour ago (a replay, outside the tolerance).
  for (const signature of [sign('not the secret', t), '', sign(process.env.MEDIAGRAPH_WEBHOOK_SECRET, t - 3600)]) {
    const res = await fetch(`${site}/api/revalidate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Mediagraph-Signature': signature },
      body,
    });
    if (res.status !== 401) fail(`a forged delivery (signature "${signature}") answered ${res.status}, want 401`);
  }
}

async function check(site) {
  const { assets } = await gql(process.env.MEDIAGRAPH_TOKEN, '{ assets(first: 1, filter: { kind: { eq: IMAGE } }) { nodes { id alt } } }');
  const [asset] = assets.nodes;
  const pages = [`${site}/`, `${site}/asset/${asset.id}`];
  // Both pages are rendered and cached before the change, so only a revalidation can show the new text.
  for (const url of pages) {
    if (!(await page(url)).includes(asset.alt)) fail(`${url} does not show "${asset.alt}"`);
  }
  await forged(site, asset.id);

  const alt = `Revalidated at ${Date.now()}`;
  await admin(
    `mutation($id: ID!, $alt: String!) { updateAsset(id: $id, input: { defaultFieldMetadata: [{ locale: "en", alt: $alt }] }) { id } }`,
    { id: asset.id, alt },
  );
  for (const url of pages) {
    const ms = await until(`${url} showing "${alt}"`, async () => (await page(url)).includes(alt));
    console.log(`revalidate: ${url} showed the new alt text ${ms} ms after updateAsset`);
  }

  const { webhooks } = await admin('{ webhooks { deliveries(first: 100) { nodes { event responseStatus responseBody } } } }');
  const delivered = webhooks.flatMap((w) => w.deliveries.nodes).find((d) => d.event === 'asset.updated' && d.responseStatus === 200);
  if (!delivered?.responseBody.includes(`asset:${asset.id}`)) fail(`no asset.updated delivery answered 200 with asset:${asset.id}`);
  console.log(`revalidate: the route answered ${delivered.responseBody}`);
}

if (command === 'create') await create(target);
else if (command === 'check') await check(target);
else fail('usage: check-revalidate.mjs create <route url> | check <site url>');
