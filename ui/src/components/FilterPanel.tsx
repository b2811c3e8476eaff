// A control for the AssetFilter fields editors use most, each one URL parameter (lib/filter.ts), and
// the advanced box for any AssetFilter as JSON, where AND/OR groups are written.
import { setParams } from '../lib/router';
import { Seam } from '../seams';

const kinds = ['IMAGE', 'VIDEO', 'AUDIO', 'DOCUMENT', 'ARCHIVE', 'OTHER'];

export function FilterPanel({ params }: { params: URLSearchParams }) {
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
        {options.map((o) => <option key={o} value={o}>{o.toLowerCase().replace('_', ' ')}</option>)}
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
            {k.toLowerCase()}
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
      <Seam name="savedFilters" />
      <Seam name="facets" />
    </section>
  );
}
