// One asset: preview, per-locale texts with their fallbacks, focal point with its crops, credits,
// EXIF, colors, usages, versions, replace, URLs, the Image API playground, antivirus and moderation.
import { useEffect, useMemo, useState } from 'react';
import { ImageEditor } from './ImageEditor';
import { MetadataPane } from './Metadata';
import { useMutation, useQuery } from 'urql';
import { AssetDetailQuery, LocalizedQuery, ModerateMutation, RestoreVersionMutation, UpdateAssetMutation } from '../ops';
import type { AssetDetailQuery as Detail, ImageParams } from '../gql/graphql';
import { graphql } from '../gql';
import { ErrorText, describe } from '../lib/errors';
import { useApi, useSettings } from '../lib/context';
import { bytes, date } from '../lib/format';
import { Badges } from './Thumb';
import type { Mode } from '../lib/filter';

type A = NonNullable<Detail['asset']>;

const TransformPresetsQuery = graphql(`
  query TransformPresets { transformPresets { id name query } }
`);
const PresetUrlQuery = graphql(`
  query PresetUrl($id: ID!, $preset: String!) { asset(id: $id) { id presetUrl: transformUrl(preset: $preset) } }
`);
const PlaygroundQuery = graphql(`
  query Playground($id: ID!, $params: ImageParams!) { asset(id: $id) { id url(params: $params, signed: true, expiresIn: 3600) transformUrl(params: $params) } }
`);

export function DetailPane({ id, mode, onClose }: { id: string; mode: Mode; onClose(): void }) {
  const [{ data, error, fetching }, refetch] = useQuery({ query: AssetDetailQuery, variables: { id } });
  const a = data?.asset;
  useEffect(() => {
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', esc);
    return () => window.removeEventListener('keydown', esc);
  }, [onClose]);
  return (
    <aside className="detail" aria-label="Asset details">
      <header>
        <h2>{a?.filename ?? (fetching ? 'Loading…' : 'Asset')}</h2>
        <button type="button" onClick={onClose} aria-label="Close details">×</button>
      </header>
      <ErrorText error={error} />
      {data && !a && <p className="error" role="alert">This asset does not exist (NOT_FOUND)</p>}
      {a && <Body key={a.id} a={a} mode={mode} refetch={() => refetch({ requestPolicy: 'network-only' })} />}
    </aside>
  );
}

function Body({ a, mode, refetch }: { a: A; mode: Mode; refetch(): void }) {
  const infected = a.antivirus?.status === 'INFECTED';
  const [showAnyway, setShowAnyway] = useState(false);
  return (
    <div className="body">
      <Badges asset={a} />
      {infected && !showAnyway ? (
        <div className="warning" role="alert">
          <h3>Threat detected</h3>
          <p>The antivirus found <strong>{a.antivirus?.threatName ?? 'a threat'}</strong> in this file. It is not delivered.</p>
          <button type="button" onClick={() => setShowAnyway(true)}>Show the details anyway</button>
        </div>
      ) : (
        <>
          <Preview a={a} />
          <Texts a={a} />
          <FocalPoint a={a} />
          <Credits a={a} />
          <Facts a={a} />
          <Versions a={a} refetch={refetch} />
          <Urls a={a} />
          {a.kind === 'IMAGE' && <Playground a={a} />}
          {a.kind === 'IMAGE' && !!a.width && !!a.height && (
            <ImageEditor key={a.version} id={a.id} src={a.thumb} width={a.width} height={a.height} onDone={refetch} />
          )}
          <MetadataPane id={a.id} />
        </>
      )}
      <Safety a={a} mode={mode} />
    </div>
  );
}

const WaveformQuery = graphql(`
  query Waveform($id: ID!) { asset(id: $id) { id audio { waveform(buckets: 160) waveformReason } } }
`);

/** The sound's peaks as bars; the background job computes them, so a fresh upload may have none yet. */
function Waveform({ id }: { id: string }) {
  const [{ data }] = useQuery({ query: WaveformQuery, variables: { id } });
  const peaks = data?.asset?.audio?.waveform;
  if (!peaks?.length) return data?.asset?.audio?.waveformReason ? <p>No waveform: {data.asset.audio.waveformReason}</p> : null;
  return (
    <svg className="waveform" viewBox={`0 0 ${peaks.length} 100`} preserveAspectRatio="none" role="img" aria-label="Waveform" data-buckets={peaks.length}>
      {peaks.map((p, i) => <rect key={i} x={i + 0.1} width={0.8} y={50 - p * 50} height={Math.max(1, p * 100)} />)}
    </svg>
  );
}

function Preview({ a }: { a: A }) {
  switch (a.kind) {
    case 'IMAGE':
      return <img className="preview" src={a.thumb} alt={a.defaultFieldMetadata.find((m) => m.alt)?.alt ?? ''} />;
    case 'VIDEO':
      return <video className="preview" src={a.original} poster={a.poster ? a.thumb : undefined} controls preload="metadata" aria-label={`Video ${a.filename}`} />;
    case 'AUDIO':
      return (
        <>
          <Waveform id={a.id} />
          <audio src={a.original} controls preload="metadata" aria-label={`Audio ${a.filename}`} />
        </>
      );
    default:
      return a.mimeType === 'application/pdf' ? (
        <iframe className="preview" src={a.original} title={`PDF ${a.filename}`} />
      ) : (
        <p>No preview for {a.mimeType}.</p>
      );
  }
}

/** The locales a locale falls back to, in order (mediaSettings.localeFallbacks), then the default. */
function chain(locale: string, fallbacks: { locale: string; fallbacks: string[] }[], def: string): string[] {
  const direct = fallbacks.find((f) => f.locale === locale)?.fallbacks ?? [];
  return [...direct, def].filter((l, i, all) => l !== locale && all.indexOf(l) === i);
}

function Texts({ a }: { a: A }) {
  const settings = useSettings();
  const [, update] = useMutation(UpdateAssetMutation);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  const [saves, setSaves] = useState(0);
  const initial = useMemo(() => Object.fromEntries(a.defaultFieldMetadata.map((m) => [m.locale, { alt: m.alt ?? '', title: m.title ?? '' }])), [a]);
  const [values, setValues] = useState<Record<string, { alt: string; title: string }>>(initial);
  if (!settings) return null;
  const get = (l: string) => values[l] ?? { alt: '', title: '' };
  const fallback = (l: string, field: 'alt' | 'title') => {
    for (const f of chain(l, settings.localeFallbacks, settings.defaultLocale)) {
      const v = get(f)[field];
      if (v) return { from: f, value: v };
    }
    return null;
  };
  const save = async () => {
    const defaultFieldMetadata = settings.locales.map((locale) => {
      const v = get(locale);
      const focal = a.defaultFieldMetadata.find((m) => m.locale === locale)?.focalPoint;
      return { locale, alt: v.alt || null, title: v.title || null, ...(focal ? { focalPoint: { x: focal.x, y: focal.y } } : {}) };
    });
    const r = await update({ id: a.id, input: { defaultFieldMetadata } });
    setError(r.error ?? null);
    setSaved(r.error ? '' : 'Saved');
    setSaves((n) => n + 1);
  };
  return (
    <section aria-labelledby="texts-h">
      <h3 id="texts-h">Alt text and title</h3>
      <table className="locales">
        <tbody>
          {settings.locales.map((l) => (
            <tr key={l} data-locale={l}>
              <th scope="row">{l}</th>
              {(['alt', 'title'] as const).map((field) => {
                const fb = get(l)[field] ? null : fallback(l, field);
                return (
                  <td key={field}>
                    <label>
                      <span className="sr">{field} ({l})</span>
                      <input
                        aria-label={`${field === 'alt' ? 'Alt' : 'Title'} ${l}`}
                        value={get(l)[field]}
                        placeholder={fb ? `${fb.value} (from ${fb.from})` : field}
                        onChange={(e) => setValues({ ...values, [l]: { ...get(l), [field]: e.target.value } })}
                      />
                    </label>
                    {fb && <small className="fallback" data-fallback={`${l}.${field}`}>falls back to {fb.from}: “{fb.value}”</small>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={save}>Save texts</button> <span role="status">{saved}</span>
      {/* Asked again after each save: the texts delivered depend on every locale's, not on one field. */}
      <ServerAlt key={saves} id={a.id} locales={settings.locales} />
      <ErrorText error={error} />
    </section>
  );
}

/** What the API answers for each locale, fallbacks applied: the proof that the UI's view of them holds. */
function ServerAlt({ id, locales }: { id: string; locales: string[] }) {
  const [locale, setLocale] = useState(locales[locales.length - 1] ?? 'en');
  const [{ data, error }] = useQuery({ query: LocalizedQuery, variables: { id, locale }, requestPolicy: 'network-only' });
  return (
    <p className="served">
      <label>
        As delivered in{' '}
        <select value={locale} onChange={(e) => setLocale(e.target.value)}>
          {locales.map((l) => <option key={l}>{l}</option>)}
        </select>
      </label>
      : alt <q data-served-alt={locale}>{data?.asset?.alt ?? ''}</q>
      <ErrorText error={error} />
    </p>
  );
}

function FocalPoint({ a }: { a: A }) {
  const settings = useSettings();
  const [, update] = useMutation(UpdateAssetMutation);
  const [error, setError] = useState<unknown>(null);
  const def = settings?.defaultLocale ?? 'en';
  const stored = a.defaultFieldMetadata.find((m) => m.locale === def)?.focalPoint;
  const [fp, setFp] = useState({ x: stored?.x ?? 0.5, y: stored?.y ?? 0.5 });
  if (a.kind !== 'IMAGE') return null;
  const save = async (p: { x: number; y: number }) => {
    const r = await update({ id: a.id, input: { focalPoint: p } });
    setError(r.error ?? null);
  };
  const pos = `${(fp.x * 100).toFixed(1)}% ${(fp.y * 100).toFixed(1)}%`;
  const nudge = (dx: number, dy: number) => {
    const p = { x: Math.min(1, Math.max(0, fp.x + dx)), y: Math.min(1, Math.max(0, fp.y + dy)) };
    setFp(p);
    void save(p);
  };
  return (
    <section aria-labelledby="fp-h">
      <h3 id="fp-h">Focal point</h3>
      <div
        className="focal"
        data-focal={`${fp.x.toFixed(3)},${fp.y.toFixed(3)}`}
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          const p = { x: (e.clientX - r.left) / r.width, y: (e.clientY - r.top) / r.height };
          setFp(p);
          void save(p);
        }}
      >
        <img src={a.thumb} alt="" />
        <button
          type="button"
          className="dot"
          style={{ left: `${fp.x * 100}%`, top: `${fp.y * 100}%` }}
          aria-label={`Focal point at ${Math.round(fp.x * 100)}%, ${Math.round(fp.y * 100)}%; arrow keys move it`}
          onClick={(e) => e.stopPropagation()}
          onKeyDown={(e) => {
            const d = { ArrowLeft: [-0.05, 0], ArrowRight: [0.05, 0], ArrowUp: [0, -0.05], ArrowDown: [0, 0.05] }[e.key];
            if (d) {
              e.preventDefault();
              nudge(d[0]!, d[1]!);
            }
          }}
        />
      </div>
      <div className="crops" aria-label="Crops made by this focal point">
        {[['1:1', 1], ['16:9', 16 / 9], ['9:16', 9 / 16]].map(([label, ratio]) => (
          <figure key={label as string}>
            <img src={a.thumb} alt="" data-crop={label as string} style={{ aspectRatio: String(ratio), objectPosition: pos }} />
            <figcaption>{label}</figcaption>
          </figure>
        ))}
      </div>
      <ErrorText error={error} />
    </section>
  );
}

function Credits({ a }: { a: A }) {
  const [, update] = useMutation(UpdateAssetMutation);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  return (
    <form
      aria-labelledby="credits-h"
      onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const r = await update({
          id: a.id,
          input: { filename: String(f.get('filename')), author: String(f.get('author')), copyright: String(f.get('copyright')), notes: String(f.get('notes')) },
        });
        setError(r.error ?? null);
        setSaved(r.error ? '' : 'Saved');
      }}
    >
      <h3 id="credits-h">Name and credits</h3>
      <label>Filename <input name="filename" defaultValue={a.filename} /></label>
      <label>Author <input name="author" defaultValue={a.author ?? ''} /></label>
      <label>Copyright <input name="copyright" defaultValue={a.copyright ?? ''} /></label>
      <label>Notes <textarea name="notes" rows={2} defaultValue={a.notes ?? ''} /></label>
      <button type="submit">Save</button> <span role="status">{saved}</span>
      <ErrorText error={error} />
    </form>
  );
}

function Facts({ a }: { a: A }) {
  const e = a.exif;
  const rows: [string, unknown][] = [
    ['Type', a.mimeType], ['Size', bytes(a.size)], ['Dimensions', a.width ? `${a.width}×${a.height}` : null],
    ['Duration', a.duration ? `${a.duration.toFixed(1)} s` : null], ['Pages', a.pageCount], ['Codecs', [a.videoCodec, a.audioCodec].filter(Boolean).join(', ') || null],
    ['Collection', a.collection?.name], ['Tags', a.tags.map((t) => t.name).join(', ')], ['Uploaded', date(a.createdAt)],
    ['Camera', e ? [e.make, e.model].filter(Boolean).join(' ') : null], ['Lens', e?.lensModel], ['Exposure', e?.exposureTime],
    ['Aperture', e?.fNumber ? `f/${e.fNumber}` : null], ['ISO', e?.iso], ['Focal length', e?.focalLength ? `${e.focalLength} mm` : null], ['Taken', date(e?.dateTaken)],
  ];
  return (
    <section aria-labelledby="facts-h">
      <h3 id="facts-h">Facts</h3>
      <dl className="facts">
        {rows.filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => (
          <div key={k}><dt>{k}</dt><dd>{String(v)}</dd></div>
        ))}
        {e?.latitude != null && e.longitude != null && (
          <div>
            <dt>Location</dt>
            <dd>
              <a href={`https://www.openstreetmap.org/?mlat=${e.latitude}&mlon=${e.longitude}#map=15/${e.latitude}/${e.longitude}`} target="_blank" rel="noreferrer">
                {e.latitude.toFixed(5)}, {e.longitude.toFixed(5)} (map)
              </a>
            </dd>
          </div>
        )}
      </dl>
      {a.colors.length > 0 && (
        <ul className="colors" aria-label="Colors">
          {a.colors.map((c) => <li key={c.hex} style={{ background: c.hex }} title={c.hex}><span className="sr">{c.hex}</span></li>)}
        </ul>
      )}
      <h3>Usages</h3>
      {a.usages.length ? (
        <ul>{a.usages.map((u) => <li key={u.id}>{u.entry.type} {u.entry.id}{u.entry.field ? ` · ${u.entry.field}` : ''}{u.entry.locale ? ` (${u.entry.locale})` : ''}{u.live ? ' · live' : ' · draft'}</li>)}</ul>
      ) : (
        <p>Not used by any entry.</p>
      )}
    </section>
  );
}

function Versions({ a, refetch }: { a: A; refetch(): void }) {
  const api = useApi();
  const [, restore] = useMutation(RestoreVersionMutation);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [newUrl, setNewUrl] = useState(false);
  const replace = async (file: File) => {
    setBusy(true);
    setError(null);
    const body = new FormData();
    body.append('operations', JSON.stringify({
      query: 'mutation Replace($id: ID!, $file: Upload!, $input: ReplaceAssetInput) { replaceAsset(id: $id, file: $file, input: $input) { id version } }',
      variables: { id: a.id, file: null, input: { newUrl } },
    }));
    body.append('map', JSON.stringify({ 0: ['variables.file'] }));
    body.append('0', file, file.name);
    try {
      const res = await fetch('/graphql', { method: 'POST', headers: api.headers, body, credentials: 'same-origin' });
      const json = await res.json().catch(() => ({ message: `HTTP ${res.status}` }));
      if (json.errors?.length) {
        const e = json.errors[0];
        setError({ message: e.message, code: e.extensions?.code, field: e.extensions?.field });
      } else if (!res.ok) setError({ message: json.message ?? `HTTP ${res.status}`, code: json.code });
      else refetch();
    } catch (err) {
      setError(describe(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="versions-h">
      <h3 id="versions-h">Versions</h3>
      <ol className="versions">
        {(a.versions ?? []).map((v) => (
          <li key={v.number} data-version={v.number}>
            <a href={v.url} target="_blank" rel="noreferrer">v{v.number}</a> {v.filename} · {bytes(v.size)}
            {v.width ? ` · ${v.width}×${v.height}` : ''} · {date(v.createdAt)}
            {v.number === a.version ? (
              <strong> current</strong>
            ) : (
              <button type="button" onClick={async () => {
                const r = await restore({ id: a.id, version: v.number });
                setError(r.error ?? null);
                if (!r.error) refetch();
              }}>Restore v{v.number}</button>
            )}
          </li>
        ))}
      </ol>
      <label className="check">
        <input type="checkbox" checked={newUrl} onChange={(e) => setNewUrl(e.target.checked)} /> give the replacement a new URL
      </label>
      <label className="button">
        {busy ? 'Replacing…' : 'Replace file'}
        <input type="file" className="sr" disabled={busy} onChange={(e) => e.target.files?.[0] && (replace(e.target.files[0]), (e.target.value = ''))} />
      </label>
      <ErrorText error={error} />
    </section>
  );
}

function Copy({ label, value }: { label: string; value: string | null | undefined }) {
  const [done, setDone] = useState(false);
  if (!value) return null;
  return (
    <div className="copy">
      <label>
        {label} <input readOnly value={value} onFocus={(e) => e.target.select()} />
      </label>
      <button type="button" onClick={() => navigator.clipboard.writeText(value).then(() => setDone(true), () => setDone(false))}>
        {done ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}

function Urls({ a }: { a: A }) {
  return (
    <section aria-labelledby="urls-h">
      <h3 id="urls-h">URLs</h3>
      <Copy label="Gate URL (follows replacements)" value={a.gateUrl} />
      <Copy label="This version (cached for a year)" value={a.versionedUrl} />
    </section>
  );
}

function Playground({ a }: { a: A }) {
  const [p, setP] = useState<ImageParams>({ w: 600, fit: 'CROP', crop: 'FOCALPOINT', ar: '16:9', q: 80 });
  const [debounced, setDebounced] = useState(p);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(p), 300);
    return () => clearTimeout(t);
  }, [p]);
  const [{ data, error }] = useQuery({ query: PlaygroundQuery, variables: { id: a.id, params: debounced } });
  const num = (k: 'w' | 'h' | 'q') => (
    <label>
      {k} <input type="number" min={1} value={p[k] ?? ''} onChange={(e) => setP({ ...p, [k]: e.target.value ? Number(e.target.value) : null })} />
    </label>
  );
  const sel = (k: 'fit' | 'crop' | 'fm', options: string[]) => (
    <label>
      {k}
      <select value={(p[k] as string) ?? ''} onChange={(e) => setP({ ...p, [k]: e.target.value || null })}>
        <option value="">default</option>
        {options.map((o) => <option key={o}>{o}</option>)}
      </select>
    </label>
  );
  return (
    <section aria-labelledby="play-h">
      <h3 id="play-h">Image API playground</h3>
      <div className="params">
        {num('w')}
        {num('h')}
        <label>ar <input value={p.ar ?? ''} onChange={(e) => setP({ ...p, ar: e.target.value || null })} /></label>
        {sel('fit', ['CROP', 'CLIP', 'MAX', 'FILL', 'SCALE'])}
        {sel('crop', ['FOCALPOINT', 'CENTER', 'TOP', 'BOTTOM', 'LEFT', 'RIGHT', 'ENTROPY'])}
        {sel('fm', ['JPG', 'PNG', 'WEBP', 'AVIF', 'GIF'])}
        {num('q')}
      </div>
      <PresetPreview a={a} />
      <ErrorText error={error} />
      {data?.asset && (
        <>
          <img className="preview" src={data.asset.url} alt="The transform with these parameters" />
          <Copy label="Transform URL" value={data.asset.transformUrl ?? data.asset.url} />
        </>
      )}
    </section>
  );
}

/** A named transform preset's URL for the asset, unsigned (presets need no signature), and its result. */
function PresetPreview({ a }: { a: A }) {
  const [{ data: list }] = useQuery({ query: TransformPresetsQuery });
  const [preset, setPreset] = useState('');
  const [{ data, error }] = useQuery({ query: PresetUrlQuery, variables: { id: a.id, preset }, pause: !preset });
  const presets = list?.transformPresets ?? [];
  if (!presets.length) return null;
  const url = preset ? data?.asset?.presetUrl : null;
  return (
    <div className="preset-preview">
      <label>
        Transform preset
        <select value={preset} onChange={(e) => setPreset(e.target.value)}>
          <option value="">none</option>
          {presets.map((p) => <option key={p.id} value={p.name} title={p.query}>{p.name}</option>)}
        </select>
      </label>
      {preset && <small>{presets.find((p) => p.name === preset)?.query}</small>}
      {preset && a.status === 'PRIVATE' && <p role="note">A preset URL carries no signature: it opens this asset once it is PUBLIC.</p>}
      <ErrorText error={error} />
      {url && (
        <>
          <img className="preview" src={url} alt={`The asset through the preset ${preset}`} data-preset-preview={preset} />
          <Copy label="Preset URL" value={url} />
        </>
      )}
    </div>
  );
}

function Safety({ a }: { a: A; mode: Mode }) {
  const [, moderate] = useMutation(ModerateMutation);
  const [error, setError] = useState<unknown>(null);
  const av = a.antivirus;
  return (
    <section aria-labelledby="safety-h">
      <h3 id="safety-h">Safety</h3>
      <p>
        Antivirus: <strong>{av?.status?.toLowerCase() ?? 'not scanned'}</strong>
        {av?.threatName ? ` — ${av.threatName}` : ''}
        {av?.scannedAt ? ` (${date(av.scannedAt)})` : ''}
        {av?.error ? ` — ${av.error}` : ''}
      </p>
      {a.moderation && (
        <p>
          Moderation: <strong>{a.moderation.status.toLowerCase()}</strong>
          {a.moderation.note ? ` — ${a.moderation.note}` : ''}{' '}
          {(['APPROVED', 'REJECTED'] as const).map((s) => (
            <button key={s} type="button" disabled={a.moderation?.status === s} onClick={async () => {
              const r = await moderate({ ids: [a.id], status: s });
              setError(r.error ?? null);
            }}>{s === 'APPROVED' ? 'Approve' : 'Reject'}</button>
          ))}
        </p>
      )}
      <ErrorText error={error} />
    </section>
  );
}
