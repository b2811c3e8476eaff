// The client against a real `mediagraph serve` on loopback, on the disk store and on S3 (versitygw).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { readFile, writeFile, mkdtemp, rm, readdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, MediagraphError, CanceledPromiseError, verifySignature } from '../dist/index.js';
import { startMediagraph, fixture } from './harness.mjs';

const sha256 = (b) => createHash('sha256').update(b).digest('hex');
const partOf = (url) => new URL(url, 'http://x').searchParams.get('part') ?? new URL(url, 'http://x').searchParams.get('partNumber');
const isPut = (e) => e.method === 'PUT';

/** A JPEG padded to size with a byte of its own, so each test's file has its own checksum. */
async function bigJpeg(dir, name, size, fill) {
  const jpeg = await readFile(fixture('cmyk.jpg'));
  const bytes = Buffer.alloc(size, fill);
  jpeg.copy(bytes);
  const path = join(dir, name);
  await writeFile(path, bytes);
  return { path, bytes };
}

/** Checks the phases come in order, each one's bytes never go back, and each moving phase ends full. */
function assertPhases(events, want, total) {
  const phases = events.map((e) => e.type).filter((t, i, all) => all[i - 1] !== t);
  assert.deepEqual(phases, want);
  for (const phase of ['HASHING_FILE', 'UPLOADING_FILE', 'DOWNLOADING_FILE']) {
    const of = events.filter((e) => e.type === phase);
    if (!of.length) continue;
    for (let i = 1; i < of.length; i++) assert.ok(of[i].sent >= of[i - 1].sent, `${phase} went back: ${JSON.stringify(of)}`);
    assert.equal(of.at(-1).sent, total, `${phase} ends at the total`);
    assert.ok(of.every((e) => e.total === total), `${phase} total`);
  }
}

const uploadPhases = ['HASHING_FILE', 'REQUESTING_UPLOAD_URL', 'UPLOADING_FILE', 'CREATING_UPLOAD_OBJECT'];

for (const store of ['disk', 's3']) {
  describe(`@mediagraph/client on the ${store} store`, () => {
    let env, client, dir;
    const puts = (from) => env.bucket.log.slice(from).filter(isPut);

    before(async () => {
      env = await startMediagraph(store);
      if (!env) return;
      client = createClient({ url: env.url, token: env.token });
      dir = await mkdtemp(join(tmpdir(), 'mediagraph-client-files-'));
    });
    after(async () => {
      await env?.stop();
      if (dir) await rm(dir, { recursive: true, force: true });
    });
    const skip = (t) => {
      if (!env) t.skip('versitygw is missing (make .tools/versitygw)');
      return !env;
    };

    it('throws MediagraphError with the code, field and request id', async (t) => {
      if (skip(t)) return;
      const from = env.api.log.length;
      const err = await client
        .request('mutation($in: [CreateUploadInput!]!) { createUploads(input: $in) { id } }', {
          in: [{ filename: 'a.jpg', mimeType: 'image/jpeg', size: -1 }],
        })
        .catch((e) => e);
      assert.ok(err instanceof MediagraphError, String(err));
      assert.equal(err.code, 'VALIDATION_FAILED');
      assert.equal(err.field, 'input[0].size');
      assert.match(err.requestId ?? '', /\S/);
      assert.equal(env.api.log.length - from, 1);
      const denied = await createClient({ url: env.url, token: 'mg_wrong' }).request('{ assets { totalCount } }').catch((e) => e);
      assert.ok(denied instanceof MediagraphError);
      assert.equal(denied.code, 'UNAUTHENTICATED');
    });

    it('uploads a JPEG in one PUT with its progress and sha256', async (t) => {
      if (skip(t)) return;
      const path = fixture('cmyk.jpg');
      const bytes = await readFile(path);
      const events = [];
      const from = env.bucket.log.length;
      const asset = await client.uploads.createFromLocalFile({
        localPath: path, tags: ['client'], author: 'Test', onProgress: (e) => events.push(e),
      });
      assert.equal(asset.sha256, sha256(bytes));
      assert.equal(asset.size, bytes.length);
      assert.equal(asset.mimeType, 'image/jpeg');
      assert.deepEqual(asset.tags.map((x) => x.name), ['client']);
      assertPhases(events, uploadPhases, bytes.length);
      assert.equal(puts(from).length, 1);
    });

    it('uploads 30 MB in parts, then again with skipIfExists to the same asset without a PUT', async (t) => {
      if (skip(t)) return;
      const { path, bytes } = await bigJpeg(dir, `big-${store}.jpg`, 30 << 20, 1);
      const events = [];
      let from = env.bucket.log.length;
      const asset = await client.uploads.createFromLocalFile({ localPath: path, skipIfExists: true, onProgress: (e) => events.push(e) });
      assert.equal(asset.sha256, sha256(bytes));
      assert.equal(asset.size, bytes.length);
      assertPhases(events, uploadPhases, bytes.length);
      assert.equal(events.filter((e) => e.type === 'UPLOADING_FILE' && e.sent > 0).length, 4, 'one report per part');
      assert.deepEqual(puts(from).map((e) => partOf(e.url)).sort(), ['1', '2', '3', '4']);

      from = env.bucket.log.length;
      const again = [];
      const same = await client.uploads.createFromFileOrBlob({
        fileOrBlob: new Blob([bytes], { type: 'image/jpeg' }), filename: 'again.jpg', skipIfExists: true, onProgress: (e) => again.push(e),
      });
      assert.equal(same.id, asset.id);
      assert.equal(puts(from).length, 0, 'a known file sends no bytes');
      assert.ok(!again.some((e) => e.type === 'UPLOADING_FILE'));
    });

    it('retries a part that failed twice with 500, and one whose connection broke', async (t) => {
      if (skip(t)) return;
      const { path, bytes } = await bigJpeg(dir, `retry-${store}.jpg`, 20 << 20, 2);
      env.bucket.fail((req) => req.method === 'PUT' && partOf(req.url) === '2', 2);
      env.bucket.fail((req) => req.method === 'PUT' && partOf(req.url) === '3', 1, 'reset');
      const from = env.bucket.log.length;
      const asset = await client.uploads.createFromLocalFile({ localPath: path });
      assert.equal(asset.sha256, sha256(bytes));
      const second = puts(from).filter((e) => partOf(e.url) === '2');
      assert.deepEqual(second.map((e) => e.status), [500, 500, 200]);
      assert.deepEqual(puts(from).filter((e) => partOf(e.url) === '3').map((e) => e.status), ['reset', 200]);
    });

    it('gives up on a 4xx at once, with its code', async (t) => {
      if (skip(t)) return;
      const bytes = await readFile(fixture('cmyk.jpg'));
      env.bucket.fail(isPut, 1, 403, { 'Mediagraph-Error-Code': 'FORBIDDEN', 'X-Request-Id': 'req-test' });
      const from = env.bucket.log.length;
      const err = await client.uploads.createFromFileOrBlob({ fileOrBlob: new Blob([bytes]), filename: 'x.jpg' }).catch((e) => e);
      assert.ok(err instanceof MediagraphError, String(err));
      assert.equal(err.status, 403);
      assert.equal(err.code, 'FORBIDDEN');
      assert.equal(err.requestId, 'req-test');
      assert.equal(puts(from).length, 1, 'not retried');
    });

    it('cancels in the middle of the parts: CanceledPromiseError and no asset', async (t) => {
      if (skip(t)) return;
      const { path, bytes } = await bigJpeg(dir, `cancel-${store}.jpg`, 40 << 20, 3);
      const count = async () => (await client.request('{ assets { totalCount } }')).assets.totalCount;
      const before = await count();
      let p;
      p = client.uploads.createFromLocalFile({
        localPath: path, concurrency: 1,
        onProgress: (e) => { if (e.type === 'UPLOADING_FILE' && e.sent > 0) p.cancel(); },
      });
      await assert.rejects(p, CanceledPromiseError);
      const ac = new AbortController();
      const q = client.uploads.createFromLocalFile({
        localPath: path, concurrency: 1, signal: ac.signal,
        onProgress: (e) => { if (e.type === 'UPLOADING_FILE' && e.sent > 0) ac.abort(); },
      });
      await assert.rejects(q, CanceledPromiseError);
      assert.equal(await count(), before);
      const found = await client.request('query($f: AssetFilter) { assets(filter: $f) { totalCount } }', { f: { sha256: sha256(bytes) } }).catch(() => null);
      if (found) assert.equal(found.assets.totalCount, 0);
    });

    it('uploads from a URL the test serves, downloading first', async (t) => {
      if (skip(t)) return;
      const bytes = await readFile(fixture('rotated-orientation-6.jpg'));
      const site = createServer((_, res) => res.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': bytes.length }).end(bytes));
      await new Promise((r) => site.listen(0, '127.0.0.1', r));
      try {
        const events = [];
        const asset = await client.uploads.createFromUrl({
          url: `http://127.0.0.1:${site.address().port}/photos/rotated.jpg`, onProgress: (e) => events.push(e),
        });
        assert.equal(asset.sha256, sha256(bytes));
        assert.match(asset.filename, /^rotated/);
        assertPhases(events, ['DOWNLOADING_FILE', 'REQUESTING_UPLOAD_URL', 'UPLOADING_FILE', 'CREATING_UPLOAD_OBJECT'], bytes.length);
      } finally {
        site.close();
      }
    });

    it('lists 120 assets in pages of 50, and the thin helpers change them', async (t) => {
      if (skip(t)) return;
      const jpeg = await readFile(fixture('rotated-orientation-6.jpg'));
      const tag = `bulk-${store}`;
      const todo = Array.from({ length: 120 }, (_, i) => i);
      const work = async () => {
        for (let i = todo.shift(); i !== undefined; i = todo.shift()) {
          const unique = Buffer.concat([jpeg, Buffer.from(`#${i}`)]);
          await client.uploads.createFromFileOrBlob({ fileOrBlob: new Blob([unique], { type: 'image/jpeg' }), filename: `bulk-${i}.jpg`, tags: [tag] });
        }
      };
      await Promise.all([work(), work(), work(), work()]);
      const from = env.api.log.length;
      const seen = [];
      for await (const a of client.assets.list({ filter: { tags: { anyIn: [tag] } }, pageSize: 50 })) seen.push(a.id);
      assert.equal(seen.length, 120);
      assert.equal(new Set(seen).size, 120);
      assert.equal(env.api.log.slice(from).length, 3, 'three pages');

      const [first, second] = seen;
      const updated = await client.assets.update(first, { filename: 'renamed' });
      assert.match(updated.filename, /^renamed/);
      const tagged = await client.assets.tag([first, second], ['picked']);
      assert.ok(tagged.every((a) => a.tags.some((x) => x.name === 'picked')));
      const published = await client.assets.setStatus([first], 'PUBLIC');
      assert.equal(published[0].status, 'PUBLIC');
      const moved = await client.assets.move([first], null);
      assert.equal(moved[0].id, first);
    });
  });
}

/** Every file under dir, as paths relative to it. */
async function files(dir) {
  return (await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []))
    .filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name).slice(dir.length)).sort();
}

for (const store of ['disk', 's3']) {
  // A server of its own whose tickets run out in seconds, so its sweep runs while the test waits.
  describe(`a canceled upload on the ${store} store`, () => {
    let env;
    before(async () => {
      env = await startMediagraph(store, { MEDIAGRAPH_UPLOAD_TICKET_TTL: '3s', MEDIAGRAPH_UPLOAD_SWEEP_INTERVAL: '250ms' });
    });
    after(() => env?.stop());

    it('leaves nothing in the store once the sweep expired it', async (t) => {
      if (!env) return t.skip('versitygw is missing (make .tools/versitygw)');
      const client = createClient({ url: env.url, token: env.token });
      const dir = await mkdtemp(join(tmpdir(), 'mediagraph-client-files-'));
      t.after(() => rm(dir, { recursive: true, force: true }));
      const { path } = await bigJpeg(dir, 'sweep.jpg', 20 << 20, 4);
      const before = await files(env.storeDir);
      let uploadId;
      let p;
      p = client.uploads.createFromLocalFile({
        localPath: path, concurrency: 1,
        onProgress: (e) => {
          uploadId ??= e.uploadId;
          if (e.type === 'UPLOADING_FILE' && e.sent > 0) p.cancel();
        },
      });
      await assert.rejects(p, CanceledPromiseError);
      assert.ok(env.bucket.log.some((e) => e.method === 'PUT' && e.status === 200), 'a part arrived before the cancel');
      assert.notDeepEqual(await files(env.storeDir), before, 'the part is in the store until the sweep');
      const status = async () => (await client.request('query($id: ID!) { upload(id: $id) { status } }', { id: uploadId })).upload.status;
      // Bounded wait for the sweep: the ticket runs out after 3 s and the sweep runs every 250 ms.
      for (let i = 0; i < 120 && (await status()) === 'PENDING'; i++) await new Promise((r) => setTimeout(r, 250));
      assert.equal(await status(), 'EXPIRED');
      assert.deepEqual(await files(env.storeDir), before);
      assert.equal((await client.request('{ assets { totalCount } }')).assets.totalCount, 0);
    });
  });
}

describe('webhooks.verifySignature', () => {
  const secret = 'whsec_test';
  const body = JSON.stringify({ id: 'evt_1', event: 'asset.created', occurredAt: '2026-12-02T00:00:00Z', asset: { id: 'ast_1' } });
  const sign = (t, b) => `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${b}`).digest('hex')}`;
  const now = Math.floor(Date.now() / 1000);

  it('accepts a delivery signed as API.md says and refuses a tampered one', async () => {
    const client = createClient({ url: 'http://127.0.0.1:1' });
    assert.equal(await client.webhooks.verifySignature(body, sign(now, body), secret), true);
    assert.equal(await verifySignature(new TextEncoder().encode(body), sign(now, body), secret), true);
    assert.equal(await verifySignature(body.replace('ast_1', 'ast_2'), sign(now, body), secret), false);
    assert.equal(await verifySignature(body, sign(now, body), 'another secret'), false);
    assert.equal(await verifySignature(body, sign(now - 3600, body), secret), false, 'an old signature is a replay');
    assert.equal(await verifySignature(body, sign(now - 3600, body), secret, { tolerance: 0 }), true);
    assert.equal(await verifySignature(body, 'v1=00', secret), false);
    assert.equal(await verifySignature(body, undefined, secret), false);
  });
});

describe('webhooks.verifySignature on a real delivery', () => {
  let env, receiver;
  const deliveries = [];
  before(async () => {
    receiver = createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        deliveries.push({ body: Buffer.concat(chunks).toString('utf8'), signature: req.headers['mediagraph-signature'] });
        res.end('ok');
      });
    });
    await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
    env = await startMediagraph('disk', { MEDIAGRAPH_WEBHOOK_RETRY_BASE: '10ms' });
  });
  after(async () => {
    await env?.stop();
    await new Promise((r) => receiver?.close(r));
  });

  it('accepts what Mediagraph sent and refuses it tampered', async () => {
    const client = createClient({ url: env.url, token: env.token });
    const { createWebhook } = await client.request(
      'mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret } }',
      { input: { name: 'client test', url: `http://127.0.0.1:${receiver.address().port}/hook`, events: ['asset.created'] } },
    );
    await client.uploads.createFromLocalFile({ localPath: fixture('alpha.png') });
    for (let i = 0; i < 200 && deliveries.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(deliveries.length, 1, 'one delivery within 10 s');
    const { body, signature } = deliveries[0];
    assert.equal(JSON.parse(body).event, 'asset.created');
    assert.equal(await verifySignature(body, signature, createWebhook.secret), true);
    assert.equal(await verifySignature(body.replace('asset.created', 'asset.deleted'), signature, createWebhook.secret), false);
  });
});

describe('the JavaScript SHA-256 browsers use', () => {
  it('matches Node crypto on every padding boundary and on chunks of any size', async () => {
    const { Sha256 } = await import('../dist/sha256.js');
    const data = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) & 255));
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, data.length]) {
      const h = new Sha256();
      for (let i = 0, step = 1; i < n; i += step, step = step * 3 + 1) h.update(data.subarray(i, Math.min(n, i + step)));
      assert.equal(h.hex(), sha256(data.subarray(0, n)), `${n} bytes`);
    }
  });
});
