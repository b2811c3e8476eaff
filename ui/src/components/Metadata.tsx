// Structured metadata fields (metadataFields): every field's value on one asset, edited by type, and
// one field set on a whole selection from the bulk bar.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { MetadataFieldType } from '../gql/graphql';
import { ErrorText } from '../lib/errors';

const AssetMetadataQuery = graphql(`
  query AssetMetadata($id: ID!) {
    asset(id: $id) { id metadata { locale value field { id key label type options required localized } } }
  }
`);
const SetMetadataMutation = graphql(`
  mutation SetMetadata($ids: [ID!]!, $metadata: [MetadataValueInput!]!) {
    updateAssets(ids: $ids, input: { metadata: $metadata }) { id metadata { locale value field { id key } } }
  }
`);
const MetadataFieldsQuery = graphql(`
  query MetadataFields { metadataFields { id key label type options required localized } }
`);

interface Field { key: string; label: string; type: MetadataFieldType; options: string[]; required: boolean }

/** The control of one field's value, by type; '' and [] stand for no value. */
function ValueInput({ f, value, onChange }: { f: Field; value: unknown; onChange(v: unknown): void }) {
  const label = `${f.label}${f.required ? ' (required)' : ''}`;
  switch (f.type) {
    case 'BOOLEAN':
      return <label className="check"><input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} /> {label}</label>;
    case 'SELECT':
      return (
        <label>{label}
          <select name={f.key} value={String(value ?? '')} onChange={(e) => onChange(e.target.value || null)}>
            <option value="">none</option>
            {f.options.map((o) => <option key={o}>{o}</option>)}
          </select>
        </label>
      );
    case 'MULTI_SELECT': {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      return (
        <label>{label}
          <select multiple value={chosen} onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}>
            {f.options.map((o) => <option key={o}>{o}</option>)}
          </select>
        </label>
      );
    }
    case 'NUMBER':
      return <label>{label} <input type="number" value={value == null ? '' : String(value)} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))} /></label>;
    case 'DATE':
      return <label>{label} <input type="date" value={String(value ?? '').slice(0, 10)} onChange={(e) => onChange(e.target.value || null)} /></label>;
    default:
      return <label>{label} <input value={String(value ?? '')} onChange={(e) => onChange(e.target.value || null)} /></label>;
  }
}

export function MetadataPane({ id }: { id: string }) {
  const [{ data, error }] = useQuery({ query: AssetMetadataQuery, variables: { id } });
  const [, set] = useMutation(SetMetadataMutation);
  const [edits, setEdits] = useState<Record<string, unknown>>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  const values = data?.asset?.metadata ?? [];
  if (!values.length && !error) return null;
  return (
    <section aria-labelledby="meta-h" className="metadata">
      <h3 id="meta-h">Metadata fields</h3>
      <ErrorText error={error} />
      {values.map((v) => (
        <div key={v.field.id} data-metadata={v.field.key}>
          <ValueInput f={v.field} value={v.field.key in edits ? edits[v.field.key] : v.value} onChange={(x) => setEdits({ ...edits, [v.field.key]: x })} />
        </div>
      ))}
      <button type="button" disabled={!Object.keys(edits).length} onClick={async () => {
        const metadata = Object.entries(edits).map(([key, value]) => ({ key, value }));
        const r = await set({ ids: [id], metadata });
        setProblem(r.error ?? null);
        if (!r.error) {
          setEdits({});
          setSaved('Saved');
        }
      }}>Save metadata</button>
      <span role="status">{saved}</span>
      <ErrorText error={problem} />
    </section>
  );
}

export function BulkMetadata({ ids, onDone }: { ids: string[]; onDone(what: string, error: unknown): void }) {
  const [{ data }] = useQuery({ query: MetadataFieldsQuery });
  const [, set] = useMutation(SetMetadataMutation);
  const [key, setKey] = useState('');
  const [value, setValue] = useState<unknown>(null);
  const fields = data?.metadataFields ?? [];
  if (!fields.length) return null;
  const f = fields.find((x) => x.key === key);
  return (
    <span className="bulk-meta">
      <label>
        Field
        <select value={key} onChange={(e) => (setKey(e.target.value), setValue(null))}>
          <option value="">metadata…</option>
          {fields.map((x) => <option key={x.id} value={x.key}>{x.label}</option>)}
        </select>
      </label>
      {f && <ValueInput f={f} value={value} onChange={setValue} />}
      {f && (
        <button type="button" onClick={async () => {
          const r = await set({ ids, metadata: [{ key: f.key, value }] });
          onDone(`${f.label} set`, r.error ?? null);
        }}>Set field</button>
      )}
    </span>
  );
}
