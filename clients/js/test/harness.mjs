// Starts what the client's tests talk to, all on loopback: a Mediagraph built from this checkout
// (`serve`, SQLite, the disk store or versitygw), and in front of it — and of the bucket — a proxy the
// test controls, which counts requests and fails the ones it is told to.
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm, mkdir, access } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(here, '..', '..', '..');
/** The shared test media beside the checkout (../shared/fixtures). */
export const fixture = (name) => join(repoRoot, '..', 'shared', 'fixtures', name);

const run = promisify(execFile);

async function freePort() {
  const s = createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

/** The mediagraph binary: $MEDIAGRAPH_BIN (make clients builds it), else built here once. */
let built;
export async function binary() {
  if (process.env.MEDIAGRAPH_BIN) return process.env.MEDIAGRAPH_BIN;
  built ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mediagraph-bin-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const out = join(dir, 'mediagraph');
    await run('go', ['build', '-o', out, './cmd/mediagraph'], { cwd: repoRoot, maxBuffer: 1 << 24 });
    return out;
  })();
  return built;
}

/**
 * A proxy to target that keeps the Host header (so S3 signatures still match), logs every request
 * and answers 500 to those `fail` says to.
 */
export async function startProxy(target) {
  const log = [];
  const faults = [];
  const server = createServer((req, res) => {
    const entry = { method: req.method, url: req.url, status: 0 };
    log.push(entry);
    const fault = faults.find((f) => f.times > 0 && f.match(req));
    if (fault) {
      fault.times--;
      if (fault.status === 'reset') {
        entry.status = 'reset';
        req.socket.destroy();
        return;
      }
      entry.status = fault.status;
      req.resume();
      req.on('end', () => res.writeHead(fault.status, { 'Content-Type': 'text/plain', ...fault.headers }).end('injected failure'));
      return;
    }
    const up = httpRequest({ host: '127.0.0.1', port: target, method: req.method, path: req.url, headers: req.headers }, (r) => {
      entry.status = r.statusCode;
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    log,
    /** Answers status (500 by default; 'reset' closes the connection) to the next `times` requests that match. */
    fail(match, times, status = 500, headers = {}) {
      faults.push({ match, times, status, headers });
    },
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
  };
}

async function versitygw() {
  const candidates = [process.env.VERSITYGW, join(repoRoot, '.tools', 'versitygw')].filter(Boolean);
  for (const c of candidates) {
    try {
      await access(c);
      return c;
    } catch {}
  }
  return null;
}

async function waitFor(url, proc, what) {
  for (let i = 0; i < 200; i++) {
    if (proc.exitCode !== null) throw new Error(`${what} exited with ${proc.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} did not answer at ${url} within 10 s`);
}

/**
 * Starts Mediagraph on the given store ('disk' or 's3'); resolves to its proxied URL, an ADMIN token,
 * the proxies and stop(). For 's3' it resolves to null where versitygw is missing (unless required).
 * storeDir is where the store keeps its files. With direct, URLs name Mediagraph itself (benchmarks), the proxy is only for what a test sends it.
 */
export async function startMediagraph(store, extraEnv = {}, { direct = false } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'mediagraph-client-'));
  const procs = [];
  const proxies = [];
  const stop = async () => {
    for (const p of proxies) await p.close();
    for (const p of procs) {
      if (p.exitCode === null) {
        p.kill('SIGTERM');
        await new Promise((r) => p.once('exit', r));
      }
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const bin = await binary();
    const port = await freePort();
    const api = await startProxy(port);
    proxies.push(api);
    const env = {
      ...process.env,
      MEDIAGRAPH_ADDR: `127.0.0.1:${port}`,
      MEDIAGRAPH_DATA_DIR: join(dir, 'data'),
      MEDIAGRAPH_PUBLIC_URL: direct ? `http://127.0.0.1:${port}` : api.url,
      MEDIAGRAPH_FETCH_ALLOW_NETWORKS: '127.0.0.0/8',
      ...extraEnv,
    };
    let bucket = api;
    let storeDir = join(dir, 'data', 'blobs');
    if (store === 's3') {
      const gw = await versitygw();
      if (!gw) {
        if (process.env.MEDIAGRAPH_REQUIRE_S3 === '1') throw new Error('versitygw is missing: make .tools/versitygw');
        await stop();
        return null;
      }
      const gwPort = await freePort();
      storeDir = join(dir, 's3');
      await mkdir(join(storeDir, 'media'), { recursive: true });
      const p = spawn(gw, ['--port', `127.0.0.1:${gwPort}`, '--access', 'client', '--secret', 'client-secret', 'posix', join(dir, 's3')], { stdio: 'ignore' });
      procs.push(p);
      await waitFor(`http://127.0.0.1:${gwPort}`, p, 'versitygw');
      bucket = await startProxy(gwPort);
      proxies.push(bucket);
      Object.assign(env, {
        S3_BUCKET: 'media', S3_ENDPOINT: bucket.url, S3_FORCE_PATH_STYLE: 'true', S3_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'client', AWS_SECRET_ACCESS_KEY: 'client-secret',
      });
    }
    const { stdout } = await run(bin, ['token', 'create', '--role', 'ADMIN', '--name', 't'], { env });
    const token = stdout.trim();
    const serve = spawn(bin, ['serve'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    procs.push(serve);
    let stderr = '';
    serve.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
    await waitFor(`http://127.0.0.1:${port}/healthz`, serve, `mediagraph serve (${stderr})`);
    return { url: direct ? `http://127.0.0.1:${port}` : api.url, token, api, bucket, storeDir, stop, logs: () => stderr };
  } catch (err) {
    await stop();
    throw err;
  }
}
