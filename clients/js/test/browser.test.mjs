// The same upload from a page in Chromium on another origin, through CORS: the client as a browser
// loads it (ES modules, fetch, SHA-256 in JavaScript), driven by internal/browser's playwright-core.
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startMediagraph, fixture, repoRoot } from './harness.mjs';

const browserDir = join(repoRoot, 'internal', 'browser');
const dist = join(repoRoot, 'clients', 'js', 'dist');

const page = (cfg) => `<!doctype html><meta charset="utf-8"><title>client upload</title>
<progress id="bar" max="1" value="0"></progress>
<script type="module">
import { createClient, MediagraphError } from '/client/index.js';
const cfg = ${JSON.stringify(cfg)};
const result = { events: [] };
try {
  const client = createClient({ url: cfg.api, token: cfg.token });
  const file = new File([await (await fetch('/file.jpg')).blob()], 'browser.jpg', { type: 'image/jpeg' });
  const asset = await client.uploads.createFromFileOrBlob({
    fileOrBlob: file, tags: ['browser'],
    onProgress: (e) => { result.events.push(e); document.getElementById('bar').value = e.total ? e.sent / e.total : 0; },
  });
  result.asset = { id: asset.id, sha256: asset.sha256, size: asset.size, filename: asset.filename };
  const err = await client.request('{ nope }').catch((e) => e);
  result.error = { isMediagraphError: err instanceof MediagraphError, code: err.code, requestId: err.requestId };
} catch (e) {
  result.failure = String(e.stack || e);
}
window.mediagraphResult = result;
</script>`;

let env, site, bytes, skipReason;

before(async () => {
  const missing = await Promise.all([
    access('/usr/bin/chromium').then(() => null, () => (process.env.CHROMIUM ? null : 'chromium is missing')),
    access(join(browserDir, 'node_modules', 'playwright-core')).then(() => null, () => 'playwright-core is not installed: npm ci in internal/browser'),
  ]);
  skipReason = missing.find(Boolean);
  if (skipReason && process.env.MEDIAGRAPH_REQUIRE_BROWSER === '1') throw new Error(skipReason);
  if (skipReason) return;
  const jpeg = await readFile(fixture('cmyk.jpg'));
  bytes = Buffer.alloc(10 << 20, 5); // two parts
  jpeg.copy(bytes);
  let html = '';
  site = createServer(async (req, res) => {
    if (req.url === '/file.jpg') return res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(bytes);
    if (req.url.startsWith('/client/')) {
      const name = req.url.slice('/client/'.length).replace(/[^a-z0-9._/-]/gi, '');
      try {
        return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(await readFile(join(dist, name)));
      } catch {
        return res.writeHead(404).end();
      }
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise((r) => site.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${site.address().port}`;
  env = await startMediagraph('disk', { MEDIAGRAPH_CORS_ORIGINS: origin });
  html = page({ api: env.url, token: env.token });
});

after(async () => {
  await env?.stop();
  site?.close();
});

it('uploads from a page on another origin in Chromium, with progress', async (t) => {
  if (skipReason) return t.skip(skipReason);
  const { stdout, stderr } = await promisify(execFile)('node', [join(browserDir, 'visit.mjs'), `http://127.0.0.1:${site.address().port}/`], {
    cwd: browserDir, maxBuffer: 1 << 24, timeout: 120_000,
  });
  const got = JSON.parse(stdout);
  assert.equal(got.failure, undefined, `${got.failure}\n${stderr}`);
  assert.equal(got.asset.sha256, createHash('sha256').update(bytes).digest('hex'));
  assert.equal(got.asset.size, bytes.length);
  const phases = got.events.map((e) => e.type).filter((x, i, all) => all[i - 1] !== x);
  assert.deepEqual(phases, ['HASHING_FILE', 'REQUESTING_UPLOAD_URL', 'UPLOADING_FILE', 'CREATING_UPLOAD_OBJECT']);
  assert.equal(got.events.filter((e) => e.type === 'UPLOADING_FILE').at(-1).sent, bytes.length);
  assert.deepEqual(env.api.log.filter((e) => e.method === 'PUT').map((e) => e.status), [200, 200]);
  assert.equal(got.error.isMediagraphError, true);
  assert.equal(got.error.code, 'VALIDATION_FAILED');
  assert.match(got.error.requestId ?? '', /\S/, 'a page reads the request id of a failed request (CORS exposes X-Request-Id)');
});
