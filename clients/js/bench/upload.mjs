// node bench/upload.mjs [runs]: upload throughput of a 30 MB file (four 8 MiB parts) to a fresh
// Mediagraph on loopback (disk store), through the client and with curl sending the same signed PUTs
// three at a time, as the client does. Prints MB/s of the PUTs alone and of the client's whole upload.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { createClient } from '../dist/index.js';
import { startMediagraph, fixture } from '../test/harness.mjs';

const runs = Number(process.argv[2] ?? 5);
const size = 30 << 20;
const mb = size / 1e6;
const dir = await mkdtemp(join(tmpdir(), 'mediagraph-bench-'));
const env = await startMediagraph('disk', {}, { direct: true });
const client = createClient({ url: env.url, token: env.token });
const curl = promisify(execFile);

const file = async (i) => {
  const bytes = Buffer.alloc(size, i);
  (await readFile(fixture('cmyk.jpg'))).copy(bytes);
  const path = join(dir, `f${i}.jpg`);
  await writeFile(path, bytes);
  return { path, bytes };
};

async function viaClient(i) {
  const { path } = await file(i);
  let putStart = 0, putEnd = 0;
  const t0 = performance.now();
  await client.uploads.createFromLocalFile({
    localPath: path,
    onProgress: (e) => {
      if (e.type === 'UPLOADING_FILE' && !putStart) putStart = performance.now();
      if (e.type === 'CREATING_UPLOAD_OBJECT') putEnd = performance.now();
    },
  });
  return { puts: putEnd - putStart, total: performance.now() - t0 };
}

async function viaCurl(i) {
  const { bytes } = await file(100 + i);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { createUploads: [t] } = await client.request(
    'mutation($in: [CreateUploadInput!]!) { createUploads(input: $in) { id partSize parts { number size url headers { name value } } } }',
    { in: [{ filename: 'curl.jpg', mimeType: 'image/jpeg', size, sha256 }] });
  const partFiles = [];
  for (const p of t.parts) {
    const from = (p.number - 1) * t.partSize;
    const path = join(dir, `curl-${i}-${p.number}`);
    await writeFile(path, bytes.subarray(from, from + p.size));
    partFiles.push({ ...p, path });
  }
  const todo = [...partFiles];
  const etags = [];
  const t0 = performance.now();
  const worker = async () => {
    for (let p = todo.shift(); p; p = todo.shift()) {
      const args = ['-sS', '-f', '-o', '/dev/null', '-D', '-', '-T', p.path, ...p.headers.flatMap((h) => ['-H', `${h.name}: ${h.value}`]), '-H', 'Expect:', p.url];
      const { stdout } = await curl('curl', args);
      etags.push({ number: p.number, etag: /^etag:\s*(.+?)\r?$/im.exec(stdout)[1] });
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  const puts = performance.now() - t0;
  await client.request('mutation($ids: [ID!]!, $parts: [CompletedPartsInput!]) { completeUploads(ids: $ids, parts: $parts) { id } }',
    { ids: [t.id], parts: [{ uploadId: t.id, parts: etags.sort((a, b) => a.number - b.number) }] });
  return { puts };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  await viaClient(200); // warm-up
  const c = [], k = [];
  for (let i = 0; i < runs; i++) {
    c.push(await viaClient(i));
    k.push(await viaCurl(i));
  }
  const rate = (ms) => (mb / (ms / 1000)).toFixed(0);
  console.log(`30 MB, 4 parts, 3 at a time, ${runs} runs, median:`);
  console.log(`  client PUTs   ${rate(median(c.map((x) => x.puts)))} MB/s`);
  console.log(`  curl PUTs     ${rate(median(k.map((x) => x.puts)))} MB/s`);
  console.log(`  client whole  ${rate(median(c.map((x) => x.total)))} MB/s (hash, ticket, PUTs, completion)`);
} finally {
  await env.stop();
  await rm(dir, { recursive: true, force: true });
}
