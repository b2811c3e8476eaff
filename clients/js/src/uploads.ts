import { CanceledPromiseError, MediagraphError, isAbort, type CancelablePromise } from './errors.js';
import { errorCodeHeader, requestIdHeader, type Doc, type Transport } from './client.js';
import { newHasher } from './sha256.js';
import type { Asset, CreateUploadInput } from './types.js';
import { assetFields } from './types.js';

/** The phases of an upload, in the order they happen (DOWNLOADING_FILE only for createFromUrl). */
export type UploadPhase =
  | 'DOWNLOADING_FILE'
  | 'HASHING_FILE'
  | 'REQUESTING_UPLOAD_URL'
  | 'UPLOADING_FILE'
  | 'CREATING_UPLOAD_OBJECT';

/** One progress report: the phase, and for the phases that move bytes how many of how many. */
export interface UploadProgress {
  type: UploadPhase;
  /** Bytes read (downloading, hashing) or acknowledged by the store (uploading) so far. */
  sent: number;
  /** Bytes in all; 0 where a download's size is unknown. */
  total: number;
  /** The upload's id (`upl_…`) once createUploads gave it, to follow it with the `upload` query. */
  uploadId?: string;
}

/** How to file and describe the new asset (createUploads' CreateUploadInput). */
export type AssetOptions = Partial<Pick<CreateUploadInput,
  'status' | 'collectionId' | 'tags' | 'author' | 'copyright' | 'notes' | 'defaultFieldMetadata' | 'preset'>>;

export interface UploadOptions extends AssetOptions {
  /** The file's name; by default the local file's, the File's or the URL's last segment. */
  filename?: string;
  /** The file's type; by default the Blob's, the download's, or guessed from the filename. */
  mimeType?: string;
  /** When an asset with the same bytes exists, resolve to it without sending the file again. */
  skipIfExists?: boolean;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
  /** Parts sent at once for a large file (default 3). */
  concurrency?: number;
  /** Retries of a request failing on the network or with a 5xx (default 4), with exponential backoff. */
  retries?: number;
}

export interface LocalFileOptions extends UploadOptions {
  localPath: string;
}
export interface FileOrBlobOptions extends UploadOptions {
  fileOrBlob: Blob;
}
export interface UrlOptions extends UploadOptions {
  url: string;
}

/** Where the bytes are read from: once whole for the hash, then by ranges for the requests. */
interface Source {
  size: number;
  chunks(): AsyncIterable<Uint8Array>;
  range(start: number, end: number): Promise<Blob | Uint8Array<ArrayBuffer>>;
}

interface Ticket {
  id: string;
  status: string;
  url: string | null;
  method: string | null;
  headers: { name: string; value: string }[] | null;
  partSize: number | null;
  parts: { number: number; size: number; url: string; headers: { name: string; value: string }[] }[] | null;
  asset: Asset | null;
}

const createUploads: Doc<{ createUploads: Ticket[] }> = `mutation CreateUploads($input: [CreateUploadInput!]!) {
  createUploads(input: $input) {
    id status url method headers { name value } partSize
    parts { number size url headers { name value } }
    asset { ${assetFields} }
  }
}`;

const completeUploads: Doc<{ completeUploads: Asset[] }> = `mutation CompleteUploads($ids: [ID!]!, $parts: [CompletedPartsInput!]) {
  completeUploads(ids: $ids, parts: $parts) { ${assetFields} }
}`;

const mimeTypes: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp',
  avif: 'image/avif', heic: 'image/heic', tif: 'image/tiff', tiff: 'image/tiff', svg: 'image/svg+xml',
  pdf: 'application/pdf', mp4: 'video/mp4', mov: 'video/quicktime', webm: 'video/webm',
  mp3: 'audio/mpeg', wav: 'audio/wav', ogg: 'audio/ogg', txt: 'text/plain', json: 'application/json',
};

function guessType(filename: string): string {
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  return mimeTypes[ext] ?? 'application/octet-stream';
}

const assetKeys = ['status', 'collectionId', 'tags', 'author', 'copyright', 'notes', 'defaultFieldMetadata', 'preset'] as const;

/** The options that describe the asset, as createUploads takes them; the rest are the client's. */
function assetOptions(options: AssetOptions): AssetOptions {
  const out: Record<string, unknown> = {};
  for (const k of assetKeys) if (options[k] !== undefined) out[k] = options[k];
  return out as AssetOptions;
}

function basename(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? 'file';
}

/** Runs work under a signal of its own, aborted by options.signal or by `.cancel()`. */
function cancelable<T>(outer: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): CancelablePromise<T> {
  const ctl = new AbortController();
  const onAbort = () => ctl.abort(outer?.reason);
  if (outer?.aborted) onAbort();
  else outer?.addEventListener('abort', onAbort, { once: true });
  const p = (async () => {
    try {
      return await work(ctl.signal);
    } catch (err) {
      if (ctl.signal.aborted || isAbort(err)) {
        throw err instanceof CanceledPromiseError ? err : new CanceledPromiseError(undefined, { cause: err });
      }
      throw err;
    } finally {
      outer?.removeEventListener('abort', onAbort);
    }
  })() as CancelablePromise<T>;
  p.cancel = (reason?: string) => ctl.abort(new CanceledPromiseError(reason));
  return p;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const done = () => {
      clearTimeout(t);
      reject(signal.reason);
    };
    const t = setTimeout(() => {
      signal.removeEventListener('abort', done);
      resolve();
    }, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

export class Uploads {
  constructor(private readonly transport: Transport) {}

  /** Uploads a file of the local disk (Node): hashed while read, sent in parts when large. */
  createFromLocalFile(options: LocalFileOptions): CancelablePromise<Asset> {
    return cancelable(options.signal, async (signal) => {
      const source = await localSource(options.localPath);
      return this.upload(source, options.filename ?? basename(options.localPath), options.mimeType, options, signal);
    });
  }

  /** Uploads a File or Blob (browsers and Node). */
  createFromFileOrBlob(options: FileOrBlobOptions): CancelablePromise<Asset> {
    return cancelable(options.signal, async (signal) => {
      const blob = options.fileOrBlob;
      const name = options.filename ?? ((blob as { name?: string }).name || 'file');
      return this.upload(blobSource(blob), name, options.mimeType ?? (blob.type || undefined), options, signal);
    });
  }

  /**
   * Downloads url here (to a temporary file in Node, a Blob in browsers) while hashing it, then uploads
   * it as createFromLocalFile does; the server never fetches it.
   */
  createFromUrl(options: UrlOptions): CancelablePromise<Asset> {
    return cancelable(options.signal, async (signal) => {
      const res = await this.transport.fetch(options.url, { signal });
      if (!res.ok || !res.body) {
        throw new MediagraphError({ message: `download ${options.url}: HTTP ${res.status}`, code: 'DOWNLOAD_FAILED', status: res.status });
      }
      const name = options.filename ?? basename(new URL(options.url).pathname);
      const type = options.mimeType ?? res.headers.get('Content-Type')?.split(';')[0]?.trim() ?? undefined;
      const total = Number(res.headers.get('Content-Length') ?? 0);
      const downloaded = await download(res.body, total, options.onProgress, signal);
      try {
        return await this.upload(downloaded.source, name, type, options, signal, downloaded.sha256);
      } finally {
        await downloaded.dispose();
      }
    });
  }

  private async upload(
    source: Source, filename: string, mimeType: string | undefined, options: UploadOptions,
    signal: AbortSignal, knownSha256?: string,
  ): Promise<Asset> {
    const report = options.onProgress ?? (() => {});
    const total = source.size;
    const sha256 = knownSha256 ?? (await hashSource(source, report, signal));
    report({ type: 'REQUESTING_UPLOAD_URL', sent: 0, total });
    const input: CreateUploadInput = {
      ...assetOptions(options), filename, mimeType: mimeType ?? guessType(filename), size: total, sha256, skipIfExists: options.skipIfExists ?? false,
    };
    const ticket = (await this.transport.request(createUploads, { input: [input] }, { signal })).createUploads[0]!;
    if (ticket.status === 'COMPLETED' && ticket.asset) {
      report({ type: 'CREATING_UPLOAD_OBJECT', sent: total, total, uploadId: ticket.id });
      return ticket.asset;
    }
    const parts = await send(this.transport.fetch, source, ticket, options, signal, (sent) => report({ type: 'UPLOADING_FILE', sent, total, uploadId: ticket.id }));
    report({ type: 'CREATING_UPLOAD_OBJECT', sent: total, total, uploadId: ticket.id });
    const done = await this.transport.request(
      completeUploads, { ids: [ticket.id], parts: parts ? [{ uploadId: ticket.id, parts }] : null }, { signal });
    return done.completeUploads[0]!;
  }
}

/** Sends the ticket's one PUT or its parts; resolves to the parts' ETags, for a file sent in parts. */
async function send(
  fetch: typeof globalThis.fetch, source: Source, ticket: Ticket, options: UploadOptions, signal: AbortSignal, progress: (sent: number) => void,
): Promise<{ number: number; etag: string }[] | undefined> {
  const sender = new Sender(fetch, options.retries ?? 4, signal);
  progress(0);
  if (ticket.parts?.length) return sender.parts(source, ticket, options.concurrency ?? 3, progress);
  if (!ticket.url) {
    throw new MediagraphError({ message: `upload ${ticket.id}: the ticket has neither a URL nor parts`, code: 'INTERNAL' });
  }
  await sender.put(ticket.method ?? 'PUT', ticket.url, ticket.headers ?? [], () => source.range(0, source.size));
  progress(source.size);
  return undefined;
}

async function hashSource(source: Source, report: (p: UploadProgress) => void, signal: AbortSignal): Promise<string> {
  const hasher = await newHasher();
  let read = 0;
  report({ type: 'HASHING_FILE', sent: 0, total: source.size });
  for await (const chunk of source.chunks()) {
    signal.throwIfAborted();
    hasher.update(chunk);
    read += chunk.length;
    report({ type: 'HASHING_FILE', sent: read, total: source.size });
  }
  return hasher.hex();
}

/** Sends the signed requests of one upload, retrying what the network or the store failed. */
class Sender {
  constructor(private readonly fetch: typeof globalThis.fetch, private readonly retries: number, private readonly signal: AbortSignal) {}

  /** One request, retried with exponential backoff on network errors and 5xx; resolves to its ETag. */
  async put(method: string, url: string, headers: { name: string; value: string }[], body: () => Promise<Blob | Uint8Array<ArrayBuffer>>, signal = this.signal): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      let retry: unknown;
      try {
        const res = await this.fetch(url, {
          method, headers: headers.map((h) => [h.name, h.value] as [string, string]), body: await body(), signal,
        });
        await res.arrayBuffer();
        if (res.ok) return res.headers.get('ETag') ?? '';
        const e = new MediagraphError({
          message: `${method} of the upload: HTTP ${res.status}`,
          code: res.headers.get(errorCodeHeader) ?? `HTTP_${res.status}`,
          requestId: res.headers.get(requestIdHeader) ?? undefined, status: res.status,
        });
        if (res.status < 500) throw e;
        retry = e;
      } catch (err) {
        if (signal.aborted || !(err instanceof TypeError)) throw err;
        retry = err;
      }
      if (attempt >= this.retries) throw retry;
      await sleep(Math.min(200 * 2 ** attempt, 5000) * (0.5 + Math.random() / 2), signal);
    }
  }

  /** The parts, `concurrency` at a time; the first that fails for good stops the others. */
  async parts(source: Source, t: Ticket, concurrency: number, progress: (sent: number) => void): Promise<{ number: number; etag: string }[]> {
    const ctl = new AbortController();
    const stop = () => ctl.abort(this.signal.reason);
    this.signal.addEventListener('abort', stop, { once: true });
    const todo = [...t.parts!];
    const done: { number: number; etag: string }[] = [];
    let sent = 0;
    const worker = async () => {
      for (let p = todo.shift(); p; p = todo.shift()) {
        const from = (p.number - 1) * (t.partSize ?? 0);
        const part = p;
        const etag = await this.put('PUT', part.url, part.headers, () => source.range(from, from + part.size), ctl.signal);
        done.push({ number: part.number, etag });
        sent += part.size;
        progress(sent);
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.max(1, concurrency) }, () => worker().catch((err) => {
        ctl.abort(err);
        throw err;
      })));
    } finally {
      this.signal.removeEventListener('abort', stop);
    }
    return done.sort((a, b) => a.number - b.number);
  }
}

function blobSource(blob: Blob): Source {
  return {
    size: blob.size,
    async *chunks() {
      const reader = blob.stream().getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    },
    range: async (start, end) => blob.slice(start, end),
  };
}

async function localSource(path: string): Promise<Source> {
  const fs = await import('node:fs');
  const { size } = await fs.promises.stat(path);
  return {
    size,
    chunks: () => fs.createReadStream(path, { highWaterMark: 1 << 20 }),
    async range(start, end) {
      const fh = await fs.promises.open(path, 'r');
      try {
        const buf = new Uint8Array(end - start);
        let off = 0;
        while (off < buf.length) {
          const { bytesRead } = await fh.read(buf, off, buf.length - off, start + off);
          if (bytesRead === 0) throw new Error(`${path} shrank while it was uploaded`);
          off += bytesRead;
        }
        return buf;
      } finally {
        await fh.close();
      }
    },
  };
}

/** A download kept where the upload can read it by ranges, hashed as it arrived. */
async function download(
  body: ReadableStream<Uint8Array>, total: number, onProgress: UploadOptions['onProgress'], signal: AbortSignal,
): Promise<{ source: Source; sha256: string; dispose(): Promise<void> }> {
  const report = onProgress ?? (() => {});
  const hasher = await newHasher();
  let read = 0;
  const reader = body.getReader();
  const next = async () => {
    signal.throwIfAborted();
    const r = await reader.read();
    if (!r.done) {
      hasher.update(r.value);
      read += r.value.length;
      report({ type: 'DOWNLOADING_FILE', sent: read, total });
    }
    return r;
  };
  report({ type: 'DOWNLOADING_FILE', sent: 0, total });
  if (typeof process === 'undefined' || !process.versions?.node) {
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    for (let r = await next(); !r.done; r = await next()) chunks.push(r.value as Uint8Array<ArrayBuffer>);
    return { source: blobSource(new Blob(chunks)), sha256: hasher.hex(), dispose: async () => {} };
  }
  const [fs, os, pathMod] = await Promise.all([import('node:fs'), import('node:os'), import('node:path')]);
  const dir = await fs.promises.mkdtemp(pathMod.join(os.tmpdir(), 'mediagraph-'));
  const dispose = () => fs.promises.rm(dir, { recursive: true, force: true });
  try {
    const file = pathMod.join(dir, 'download');
    const fh = await fs.promises.open(file, 'w');
    try {
      for (let r = await next(); !r.done; r = await next()) await fh.write(r.value);
    } finally {
      await fh.close();
    }
    return { source: await localSource(file), sha256: hasher.hex(), dispose };
  } catch (err) {
    await dispose();
    throw err;
  }
}
