// What a selection can have done to it at once; every answer's error is shown.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  ChangeCreatorMutation, CollectionsQuery, CreatorsQuery, DeleteAssetsMutation, ModerateMutation, MoveAssetsMutation, PurgeAssetsMutation, RestoreAssetsMutation,
  SetStatusMutation, TagAssetsMutation, UntagAssetsMutation, ZipMutation,
} from '../ops';
import { ErrorText } from '../lib/errors';
import { BulkMetadata } from './Metadata';
import type { Mode } from '../lib/filter';

export function BulkBar({ ids, mode, onDone, onSelectAll }: { ids: string[]; mode: Mode; onDone(clear: boolean): void; onSelectAll(): void }) {
  const [tag, setTag] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [{ data: cols }] = useQuery({ query: CollectionsQuery, variables: { parentId: null } });
  const [, tagM] = useMutation(TagAssetsMutation);
  const [, untagM] = useMutation(UntagAssetsMutation);
  const [, moveM] = useMutation(MoveAssetsMutation);
  const [, statusM] = useMutation(SetStatusMutation);
  const [, deleteM] = useMutation(DeleteAssetsMutation);
  const [, restoreM] = useMutation(RestoreAssetsMutation);
  const [, purgeM] = useMutation(PurgeAssetsMutation);
  const [, moderateM] = useMutation(ModerateMutation);
  const [, creatorM] = useMutation(ChangeCreatorMutation);
  const [, zipM] = useMutation(ZipMutation);
  const [zip, setZip] = useState<{ url: string; fileCount: number } | null>(null);
  // Only admins may list members (and change a creator): for the others the control is not shown.
  const [{ data: people }] = useQuery({ query: CreatorsQuery });

  const run = async (what: string, p: Promise<{ error?: unknown }>, clear = false) => {
    const r = await p;
    setError(r.error ?? null);
    if (!r.error) {
      setNotice(`${what}: ${ids.length} asset${ids.length === 1 ? '' : 's'}`);
      onDone(clear);
    }
  };
  const tags = tag.split(',').map((t) => t.trim()).filter(Boolean);

  return (
    <section className="bulk" aria-label="Selection">
      <strong>{ids.length} selected</strong>
      <button type="button" onClick={onSelectAll}>Select all loaded</button>
      <button type="button" onClick={() => onDone(true)}>Clear selection</button>
      {mode === 'library' && (
        <>
          <label>
            Tags <input value={tag} onChange={(e) => setTag(e.target.value)} placeholder="tag, tag" />
          </label>
          <button type="button" disabled={!tags.length} onClick={() => run('Tagged', tagM({ ids, tags }))}>Tag</button>
          <button type="button" disabled={!tags.length} onClick={() => run('Untagged', untagM({ ids, tags }))}>Untag</button>
          <label>
            Move to
            <select value="" onChange={(e) => run('Moved', moveM({ ids, collectionId: e.target.value === 'none' ? null : e.target.value }))}>
              <option value="">collection…</option>
              <option value="none">no collection</option>
              {(cols?.collections ?? []).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </label>
          <label>
            Status
            <select value="" onChange={(e) => e.target.value && run('Status set', statusM({ ids, status: e.target.value as 'PUBLIC' | 'PRIVATE' }))}>
              <option value="">set…</option>
              <option value="PUBLIC">public</option>
              <option value="PRIVATE">private</option>
            </select>
          </label>
          {!!people?.members?.length && (
            <label>
              Creator
              <select name="creator" value="" onChange={(e) => e.target.value && run('Creator changed', creatorM({ ids, creatorId: e.target.value }))}>
                <option value="">change to…</option>
                {people.members.filter((m) => !m.deactivatedAt).map((m) => <option key={m.id} value={m.id}>{m.name} ({m.email})</option>)}
              </select>
            </label>
          )}
          <BulkMetadata ids={ids} onDone={(what, err) => (err ? setError(err) : run(what, Promise.resolve({})))} />
          <button type="button" className="danger" onClick={() => run('Moved to the trash', deleteM({ ids }), true)}>Delete</button>
          <button type="button" onClick={async () => {
            const r = await zipM({ ids });
            setError(r.error ?? null);
            if (r.data) {
              setZip(r.data.createZipDownload);
              setNotice(`ZIP of ${r.data.createZipDownload.fileCount} files ready`);
            }
          }}>Download ZIP</button>
          {zip && <a href={zip.url} download data-zip>Download the ZIP ({zip.fileCount} files)</a>}
        </>
      )}
      {mode === 'trash' && (
        <>
          <button type="button" onClick={() => run('Restored', restoreM({ ids }), true)}>Restore</button>
          <button type="button" className="danger" onClick={() => confirm(`Purge ${ids.length} assets for good?`) && run('Purged', purgeM({ ids }), true)}>Purge</button>
        </>
      )}
      {mode === 'moderation' && (
        <>
          <button type="button" onClick={() => run('Approved', moderateM({ ids, status: 'APPROVED' }), true)}>Approve</button>
          <button type="button" className="danger" onClick={() => run('Rejected', moderateM({ ids, status: 'REJECTED' }), true)}>Reject</button>
        </>
      )}
      <span role="status">{notice}</span>
      <ErrorText error={error} />
    </section>
  );
}
