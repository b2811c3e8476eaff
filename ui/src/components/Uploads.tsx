// Uploads through the project's client: each file hashed, sent straight to the store with progress,
// cancelable and retryable; a folder's tree becomes collections; skipIfExists reports duplicates.
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { useClient, useQuery } from 'urql';
import type { CancelablePromise } from '@mediagraph/client';
import { useApi, useSettings } from '../lib/context';
import { bytes } from '../lib/format';
import { CreateCollectionMutation } from '../ops';
import { graphql } from '../gql';
import { describe } from '../lib/errors';
import { setParams } from '../lib/router';

const ChildrenQuery = graphql(`
  query ChildCollections($parentId: ID) { collections(parentId: $parentId) { id name } }
`);

export interface Job {
  key: number;
  file: File;
  /** The folders it was in, from the dropped or chosen folder down. */
  dirs: string[];
  state: 'waiting' | 'hashing' | 'uploading' | 'done' | 'duplicate' | 'failed' | 'canceled';
  sent: number;
  total: number;
  /** The upload preset chosen when it was added, if any. */
  preset?: string;
  error?: string;
  assetId?: string;
  run?: CancelablePromise<unknown>;
}

interface Uploads {
  jobs: Job[];
  add(files: { file: File; dirs: string[] }[], collectionId: string | null): void;
  cancel(key: number): void;
  retry(key: number): void;
  clear(): void;
  /** The upload preset new files take (`uploadPresets`); '' for none. */
  preset: string;
  setPreset(name: string): void;
}

const Ctx = createContext<Uploads | null>(null);
export const useUploads = () => useContext(Ctx)!;

/** Files of a drop, walking dropped folders (webkitGetAsEntry) so their tree is kept. */
export async function droppedFiles(dt: DataTransfer): Promise<{ file: File; dirs: string[] }[]> {
  const out: { file: File; dirs: string[] }[] = [];
  const walk = async (entry: FileSystemEntry, dirs: string[]): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej));
      out.push({ file, dirs });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
        if (!batch.length) break;
        for (const e of batch) await walk(e, [...dirs, entry.name]);
      }
    }
  };
  const entries = [...dt.items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (!entries.length) return [...dt.files].map((file) => ({ file, dirs: [] }));
  for (const e of entries) await walk(e, []);
  return out;
}

/** Files of an <input type=file webkitdirectory>, whose relative paths name their folders. */
export function chosenFiles(list: FileList): { file: File; dirs: string[] }[] {
  return [...list].map((file) => ({ file, dirs: (file.webkitRelativePath || file.name).split('/').slice(0, -1) }));
}

export function UploadProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const urql = useClient();
  const settings = useSettings();
  const [jobs, setJobs] = useState<Job[]>([]);
  const [preset, setPreset] = useState('');
  const next = useRef(1);
  const folders = useRef(new Map<string, Promise<string>>());
  const targets = useRef(new Map<number, string | null>());

  const patch = useCallback((key: number, p: Partial<Job>) => setJobs((js) => js.map((j) => (j.key === key ? { ...j, ...p } : j))), []);

  // A folder path's collection: an existing child of that name, else a new one; asked for once per path.
  const folder = useCallback(
    (parent: string | null, dirs: string[]): Promise<string | null> => {
      if (!dirs.length) return Promise.resolve(parent);
      const path = `${parent ?? ''}/${dirs.join('/')}`;
      let p = folders.current.get(path);
      if (!p) {
        p = (async () => {
          const up = await folder(parent, dirs.slice(0, -1));
          const name = dirs[dirs.length - 1]!;
          const kids = await urql.query(ChildrenQuery, { parentId: up }, { requestPolicy: 'network-only' }).toPromise();
          const found = kids.data?.collections.find((c) => c.name === name);
          if (found) return found.id;
          const made = await urql.mutation(CreateCollectionMutation, { input: { name, parentId: up } }).toPromise();
          if (made.error) throw made.error;
          return made.data!.createCollection.id;
        })();
        p.catch(() => folders.current.delete(path));
        folders.current.set(path, p);
      }
      return p;
    },
    [urql],
  );

  const start = useCallback(
    async (job: Job) => {
      const started = Date.now();
      if (settings && job.file.size > settings.maxUploadBytes) {
        patch(job.key, { state: 'failed', error: `Larger than the limit of ${bytes(settings.maxUploadBytes)} (FILE_TOO_LARGE)` });
        return;
      }
      try {
        const collectionId = await folder(targets.current.get(job.key) ?? null, job.dirs);
        const run = api.uploads.uploads.createFromFileOrBlob({
          fileOrBlob: job.file,
          skipIfExists: true,
          ...(job.preset ? { preset: job.preset } : {}),
          ...(collectionId ? { collectionId } : {}),
          onProgress: (p) => patch(job.key, { state: p.type === 'HASHING_FILE' ? 'hashing' : 'uploading', sent: p.sent, total: p.total }),
        });
        patch(job.key, { run, state: 'hashing' });
        const asset = await run;
        // skipIfExists answers with the asset that already held these bytes: one made before this upload.
        const dup = new Date(asset.createdAt).getTime() < started - 2000;
        patch(job.key, { state: dup ? 'duplicate' : 'done', assetId: asset.id, sent: job.file.size, run: undefined });
      } catch (err) {
        const d = describe(err);
        const canceled = (err as Error)?.name === 'CanceledPromiseError';
        patch(job.key, { state: canceled ? 'canceled' : 'failed', error: canceled ? undefined : `${d?.message}${d?.code ? ` (${d.code})` : ''}`, run: undefined });
      }
    },
    [api, folder, patch, settings, urql],
  );

  const value: Uploads = {
    jobs,
    preset,
    setPreset,
    add(files, collectionId) {
      const made = files.map(({ file, dirs }) => ({ key: next.current++, file, dirs, state: 'waiting' as const, sent: 0, total: file.size, preset: preset || undefined }));
      made.forEach((j) => targets.current.set(j.key, collectionId));
      setJobs((js) => [...js, ...made]);
      // Two at a time: hashing and sending a big file already keeps a core and the link busy.
      const queue = [...made];
      const worker = async () => {
        for (let j = queue.shift(); j; j = queue.shift()) await start(j);
      };
      void Promise.all([worker(), worker()]);
    },
    cancel(key) {
      jobs.find((j) => j.key === key)?.run?.cancel('canceled by the user');
    },
    retry(key) {
      const j = jobs.find((x) => x.key === key);
      if (j) {
        patch(key, { state: 'waiting', error: undefined, sent: 0 });
        void start(j);
      }
    },
    clear() {
      setJobs((js) => js.filter((j) => j.state === 'waiting' || j.state === 'hashing' || j.state === 'uploading'));
    },
  };
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function UploadPanel() {
  const u = useUploads();
  const settings = useSettings();
  if (!u.jobs.length) return null;
  return (
    <section className="uploads" aria-label="Uploads">
      <header>
        <h2>Uploads</h2>
        {settings && <small>up to {bytes(settings.maxUploadBytes)} a file</small>}
        <button type="button" onClick={u.clear}>Clear finished</button>
      </header>
      <ul>
        {u.jobs.map((j) => (
          <li key={j.key} data-upload={j.file.name} data-state={j.state}>
            <span className="name">{[...j.dirs, j.file.name].join('/')}</span>
            {j.preset && <small data-preset={j.preset}>preset {j.preset}</small>}
            <progress max={j.total || 1} value={j.sent} aria-label={`Progress of ${j.file.name}`} />
            <span className="state">
              {j.state === 'duplicate' ? (
                <>already in the library <a href={`/?asset=${j.assetId}`} onClick={(e) => (e.preventDefault(), setParams({ asset: j.assetId }, false))}>open</a></>
              ) : j.state === 'done' ? (
                <a href={`/?asset=${j.assetId}`} onClick={(e) => (e.preventDefault(), setParams({ asset: j.assetId }, false))}>done</a>
              ) : (
                j.state
              )}
            </span>
            {j.error && <span className="error" role="alert">{j.error}</span>}
            {(j.state === 'hashing' || j.state === 'uploading') && (
              <button type="button" onClick={() => u.cancel(j.key)} aria-label={`Cancel ${j.file.name}`}>Cancel</button>
            )}
            {(j.state === 'failed' || j.state === 'canceled') && (
              <button type="button" onClick={() => u.retry(j.key)} aria-label={`Retry ${j.file.name}`}>Retry</button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

const UploadPresetsQuery = graphql(`
  query UploadPresets { uploadPresets { id name allowedTypes maxBytes tags } }
`);

/** The upload preset new files take; shown only where the library has presets. */
export function UploadPresetPicker() {
  const u = useUploads();
  const [{ data }] = useQuery({ query: UploadPresetsQuery });
  const presets = data?.uploadPresets ?? [];
  if (!presets.length) return null;
  const chosen = presets.find((p) => p.name === u.preset);
  return (
    <label title={chosen ? presetLimits(chosen) : undefined}>
      Upload preset
      <select value={u.preset} onChange={(e) => u.setPreset(e.target.value)}>
        <option value="">none</option>
        {presets.map((p) => <option key={p.id} value={p.name}>{p.name}</option>)}
      </select>
    </label>
  );
}

function presetLimits(p: { allowedTypes: string[]; maxBytes?: number | null; tags: string[] }): string {
  return [p.allowedTypes.length ? `types ${p.allowedTypes.join(', ')}` : '', p.maxBytes ? `up to ${bytes(p.maxBytes)}` : '', p.tags.length ? `tags ${p.tags.join(', ')}` : '']
    .filter(Boolean).join('; ');
}
