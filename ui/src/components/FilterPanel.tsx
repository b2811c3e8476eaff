// A control for the AssetFilter fields editors use most, each one URL parameter (lib/filter.ts), and
// the advanced box for any AssetFilter as JSON, where AND/OR groups are written.
import { setParams } from '../lib/router';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { CreateSavedFilterMutation, DeleteSavedFilterMutation, FacetsQuery, SavedFiltersQuery } from '../ops';
import type { AssetFilter, AssetOrder } from '../gql/graphql';
import { ErrorText } from '../lib/errors';

const kinds = ['IMAGE', 'VIDEO', 'AUDIO', 'DOCUMENT', 'ARCHIVE', 'OTHER'];

type Counts = Record<string, number>;

export function FilterPanel({ params, filter, order }: { params: URLSearchParams; filter: AssetFilter; order: AssetOrder }) {
  // Each facet ignores its own condition, so the counts say what choosing another value would give.
  const [{ data: facets }] = useQuery({ query: FacetsQuery, variables: { filter } });
  const counts = (k: 'kind' | 'status' | 'antivirus' | 'moderation'): Counts =>
    Object.fromEntries((facets?.assetFacets[k] ?? []).map((v) => [v.value, v.count]));
  const kindCounts = counts('kind');
  const facetOf: Record<string, Counts> = { status: counts('status'), av: counts('antivirus'), mod: counts('moderation') };
  const chosenKinds = (params.get('kind') ?? '').split(',').filter(Boolean);
  const text = (name: string, label: string, type = 'text') => (
    <label>
      {label}
      <input type={type} defaultValue={params.get(name) ?? ''} onChange={(e) => setParams({ [name]: e.target.value })} />
    </label>
  );
  const select = (name: string, label: string, options: string[]) => (
    <label>
      {label}
      <select value={params.get(name) ?? ''} onChange={(e) => setParams({ [name]: e.target.value })}>
        <option value="">any</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o.toLowerCase().replace('_', ' ')}{facetOf[name] && ` (${facetOf[name]![o] ?? 0})`}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="filters" aria-label="Filters">
      <fieldset>
        <legend>Kind</legend>
        {kinds.map((k) => (
          <label key={k} className="check">
            <input
              type="checkbox"
              checked={chosenKinds.includes(k)}
              onChange={(e) => setParams({ kind: (e.target.checked ? [...chosenKinds, k] : chosenKinds.filter((x) => x !== k)).join(',') })}
            />
            {k.toLowerCase()} <span className="count" data-facet={`kind.${k}`}>{kindCounts[k] ?? 0}</span>
          </label>
        ))}
      </fieldset>
      {select('status', 'Status', ['PUBLIC', 'PRIVATE'])}
      {select('inUse', 'In use', ['true', 'false'])}
      {select('av', 'Antivirus', ['PENDING', 'CLEAN', 'INFECTED', 'SKIPPED', 'FAILED'])}
      {select('mod', 'Moderation', ['PENDING', 'APPROVED', 'REJECTED'])}
      {text('name', 'Filename contains')}
      {text('author', 'Author contains')}
      {text('format', 'Formats (jpg,png…)')}
      {text('minSize', 'Min size (bytes)', 'number')}
      {text('maxSize', 'Max size (bytes)', 'number')}
      <label className="wide">
        Advanced filter (AssetFilter JSON, with AND/OR groups)
        <textarea
          rows={2}
          defaultValue={params.get('where') ?? ''}
          placeholder='{"OR":[{"kind":{"eq":"VIDEO"}},{"tags":{"anyIn":["hero"]}}]}'
          onBlur={(e) => setParams({ where: e.target.value.trim() })}
        />
      </label>
      <button type="button" onClick={() => setParams({ kind: null, status: null, inUse: null, av: null, mod: null, name: null, author: null, format: null, minSize: null, maxSize: null, where: null, tags: null })}>
        Clear filters
      </button>
      <SavedFilters params={params} filter={filter} order={order} />
    </section>
  );
}

/** Saved filters, personal or shared: applying one puts its filter, words and order in the URL. */
function SavedFilters({ params, filter, order }: { params: URLSearchParams; filter: AssetFilter; order: AssetOrder }) {
  const [{ data, error }] = useQuery({ query: SavedFiltersQuery });
  const [, save] = useMutation(CreateSavedFilterMutation);
  const [, remove] = useMutation(DeleteSavedFilterMutation);
  const [problem, setProblem] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const { search, ...rest } = filter;
  return (
    <fieldset className="saved wide">
      <legend>Saved filters</legend>
      <ul>
        {data?.savedFilters.map((f) => (
          <li key={f.id} data-saved-filter={f.name}>
            <button type="button" onClick={() => setParams({ ...cleared, where: JSON.stringify(f.filter), q: f.search ?? null, sort: f.orderBy ?? null })}>
              {f.name}
            </button>
            <small>{f.shared ? 'shared' : 'personal'}</small>
            {f.mine && (
              <button type="button" aria-label={`Delete saved filter ${f.name}`} onClick={async () => setProblem((await remove({ id: f.id })).error ?? null)}>×</button>
            )}
          </li>
        ))}
      </ul>
      <label>Name <input value={name} onChange={(e) => setName(e.target.value)} /></label>
      <label className="check"><input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} /> Shared with every editor</label>
      <button type="button" disabled={!name.trim()} onClick={async () => {
        const r = await save({ input: { name: name.trim(), filter: rest, search: search ?? params.get('q') ?? null, orderBy: order, shared } });
        setProblem(r.error ?? null);
        if (r.data) setName('');
      }}>Save this filter</button>
      <ErrorText error={error} />
      <ErrorText error={problem} />
    </fieldset>
  );
}

const cleared = { kind: null, status: null, inUse: null, av: null, mod: null, name: null, author: null, format: null, minSize: null, maxSize: null, tags: null };
