// The collections tree (create, rename, delete, move by drag and drop; assets dropped on a collection
// move into it) and the tags with their counts.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  CollectionsQuery, CreateCollectionMutation, DeleteCollectionMutation, MoveAssetsMutation, MoveCollectionMutation,
  RenameCollectionMutation, TagsQuery,
} from '../ops';
import { ErrorText } from '../lib/errors';
import { setParams } from '../lib/router';
import { dragType } from './AssetViews';

const collectionDrag = 'application/x-mediagraph-collection';


export function Sidebar({ params }: { params: URLSearchParams }) {
  const [tags] = useQuery({ query: TagsQuery, variables: {} });
  const [, create] = useMutation(CreateCollectionMutation);
  const [, moveCol] = useMutation(MoveCollectionMutation);
  const [, moveAssets] = useMutation(MoveAssetsMutation);
  const [problem, setProblem] = useState<unknown>(null);
  const current = params.get('collection');
  const chosenTags = (params.get('tags') ?? '').split(',').filter(Boolean);

  const act = async (p: Promise<{ error?: unknown }>) => {
    const r = await p;
    setProblem(r.error ?? null);
  };

  const onDrop = (target: string | null) => (e: React.DragEvent) => {
    e.preventDefault();
    e.currentTarget.classList.remove('over');
    const ids = e.dataTransfer.getData(dragType);
    const col = e.dataTransfer.getData(collectionDrag);
    if (ids) void act(moveAssets({ ids: JSON.parse(ids), collectionId: target }));
    else if (col && col !== target) void act(moveCol({ id: col, parentId: target }));
  };
  const dropProps = (target: string | null) => ({
    onDragOver: (e: React.DragEvent) => {
      if ([...e.dataTransfer.types].some((t) => t === dragType || t === collectionDrag)) {
        e.preventDefault();
        e.currentTarget.classList.add('over');
      }
    },
    onDragLeave: (e: React.DragEvent) => e.currentTarget.classList.remove('over'),
    onDrop: onDrop(target),
  });

  const branch = (parentId: string | null) => <Branch parentId={parentId} current={current} drop={dropProps} act={act} />;
  return (
    <aside className="sidebar" aria-label="Collections and tags">
      <h2>Collections</h2>
      <div className={`coll${!current ? ' current' : ''}`} {...dropProps(null)}>
        <button type="button" className="link" onClick={() => setParams({ collection: null })}>All assets</button>
        <button type="button" className="tiny" aria-label="New collection" onClick={() => {
          const name = prompt('New collection');
          if (name) void act(create({ input: { name } }));
        }}>+</button>
      </div>
      <div className={`coll${current === 'none' ? ' current' : ''}`}>
        <button type="button" className="link" onClick={() => setParams({ collection: 'none' })}>Not in a collection</button>
      </div>
      {problem ? <ErrorText error={problem} /> : null}
      {branch(null)}
      <h2>Tags</h2>
      <ErrorText error={tags.error} />
      <ul className="tags">
        {tags.data?.tags.nodes.map((t) => {
          const on = chosenTags.includes(t.name);
          return (
            <li key={t.id}>
              <button
                type="button"
                className={on ? 'chip on' : 'chip'}
                aria-pressed={on}
                onClick={() => setParams({ tags: (on ? chosenTags.filter((x) => x !== t.name) : [...chosenTags, t.name]).join(',') })}
              >
                {t.name} <small>{t.assetCount}</small>
              </button>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}

type Act = (p: Promise<{ error?: unknown }>) => Promise<void>;
type Drop = (target: string | null) => Record<string, (e: React.DragEvent) => void>;

/** The collections inside one parent, each with its own branch below it. */
function Branch({ parentId, current, drop, act }: { parentId: string | null; current: string | null; drop: Drop; act: Act }) {
  const [{ data, error }] = useQuery({ query: CollectionsQuery, variables: { parentId } });
  const [, create] = useMutation(CreateCollectionMutation);
  const [, rename] = useMutation(RenameCollectionMutation);
  const [, remove] = useMutation(DeleteCollectionMutation);
  if (error) return <ErrorText error={error} />;
  if (!data?.collections.length) return null;
  return (
    <ul>
      {data.collections.map((c) => (
        <li key={c.id}>
          <div
            className={`coll${current === c.id ? ' current' : ''}`}
            data-collection={c.name}
            draggable
            onDragStart={(e) => e.dataTransfer.setData(collectionDrag, c.id)}
            {...drop(c.id)}
          >
            <button type="button" className="link" aria-current={current === c.id ? 'true' : undefined} onClick={() => setParams({ collection: c.id })}>
              {c.name} <small>{c.assetCount}</small>
            </button>
            <button type="button" className="tiny" aria-label={`New collection in ${c.name}`} onClick={() => {
              const name = prompt(`New collection in ${c.name}`);
              if (name) void act(create({ input: { name, parentId: c.id } }));
            }}>+</button>
            <button type="button" className="tiny" aria-label={`Rename ${c.name}`} onClick={() => {
              const name = prompt('Rename collection', c.name);
              if (name && name !== c.name) void act(rename({ id: c.id, name }));
            }}>✎</button>
            <button type="button" className="tiny" aria-label={`Delete ${c.name}`} onClick={() => {
              if (confirm(`Delete the collection ${c.name}?`)) void act(remove({ id: c.id }));
            }}>×</button>
          </div>
          <Branch parentId={c.id} current={current} drop={drop} act={act} />
        </li>
      ))}
    </ul>
  );
}
