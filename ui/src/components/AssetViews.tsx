// The three views of one list, each virtualized: only the rows near the viewport are in the DOM, and
// the next cursor page is asked for as the end comes near.
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';

import { useVirtualizer } from '@tanstack/react-virtual';
import type { AssetCardFragment, AssetOrder } from '../gql/graphql';
import { Badges, Thumb } from './Thumb';
import { bytes, date } from '../lib/format';

export type View = 'grid' | 'masonry' | 'table';

export interface ViewProps {
  items: AssetCardFragment[];
  selected: Set<string>;
  current: string | null;
  onPick(index: number, e: MouseEvent | KeyboardEvent): void;
  onOpen(id: string): void;
  onNearEnd(): void;
  order: AssetOrder;
  onSort(o: AssetOrder): void;
}

function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [w, setW] = useState(1000);
  useEffect(() => {
    if (!ref.current) return;
    const ro = new ResizeObserver(([e]) => setW(e!.contentRect.width));
    ro.observe(ref.current);
    return () => ro.disconnect();
  }, [ref]);
  return w;
}

const dragType = 'application/x-mediagraph-assets';
export { dragType };

function dragIds(e: React.DragEvent, id: string, selected: Set<string>) {
  const ids = selected.has(id) ? [...selected] : [id];
  e.dataTransfer.setData(dragType, JSON.stringify(ids));
  e.dataTransfer.effectAllowed = 'move';
}

/** Arrow keys move between assets, Enter opens one, Space selects it. */
function keys(props: ViewProps, index: number, perRow: number) {
  return (e: KeyboardEvent<HTMLElement>) => {
    const move = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: perRow, ArrowUp: -perRow }[e.key];
    if (move !== undefined) {
      e.preventDefault();
      const next = Math.max(0, Math.min(props.items.length - 1, index + move));
      document.querySelector<HTMLElement>(`[data-index="${next}"] [data-open]`)?.focus();
    } else if (e.key === ' ' && (e.shiftKey || e.ctrlKey)) {
      e.preventDefault();
      props.onPick(index, e);
    }
  };
}

function Card({ props, index, perRow }: { props: ViewProps; index: number; perRow: number }) {
  const a = props.items[index]!;
  const picked = props.selected.has(a.id);
  return (
    <div
      className={`card${picked ? ' selected' : ''}${props.current === a.id ? ' current' : ''}`}
      data-asset={a.id}
      draggable
      onDragStart={(e) => dragIds(e, a.id, props.selected)}
    >
      <input
        type="checkbox"
        className="pick"
        aria-label={`Select ${a.filename}`}
        checked={picked}
        onClick={(e) => {
          e.stopPropagation();
          props.onPick(index, e);
        }}
        onChange={() => undefined}
      />
      <button
        type="button"
        className="open"
        data-open
        onClick={(e) => (e.shiftKey || e.metaKey || e.ctrlKey ? props.onPick(index, e) : props.onOpen(a.id))}
        onKeyDown={keys(props, index, perRow)}
      >
        <Thumb asset={a} />
        <span className="name">{a.filename}</span>
      </button>
      <Badges asset={a} />
    </div>
  );
}

export function CardsView(props: ViewProps & { masonry: boolean }) {
  const scroller = useRef<HTMLDivElement>(null);
  const width = useWidth(scroller);
  // Two columns even on a phone: a single column of full-width cards scrolls too far to find anything.
  const lanes = Math.max(1, Math.floor(width / (width < 500 ? 170 : 190)));
  const col = width / lanes;
  const caption = 52;
  const v = useVirtualizer({
    count: props.items.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => {
      if (!props.masonry) return col + caption;
      const a = props.items[i]!;
      const ratio = a.width && a.height ? a.height / a.width : 1;
      return Math.min(Math.max(ratio, 0.4), 2.5) * col + caption;
    },
    lanes,
    overscan: lanes * 2,
  });
  useEffect(() => v.measure(), [lanes, props.masonry, v]);
  const vis = v.getVirtualItems();
  const last = vis[vis.length - 1];
  useEffect(() => {
    if (last && last.index >= props.items.length - lanes * 4) props.onNearEnd();
  }, [last?.index, props.items.length, lanes, props]);
  return (
    <div ref={scroller} className="scroller" aria-label={`Assets, ${props.items.length} loaded`} role="region" tabIndex={-1}>
      <div style={{ height: v.getTotalSize(), position: 'relative' }}>
        {vis.map((it) => (
          <div
            key={it.key}
            data-index={it.index}
            className={props.masonry ? 'cell masonry' : 'cell'}
            style={{ position: 'absolute', top: 0, left: it.lane * col, width: col, height: it.size, transform: `translateY(${it.start}px)` }}
          >
            <Card props={props} index={it.index} perRow={lanes} />
          </div>
        ))}
      </div>
    </div>
  );
}

interface Column {
  key: string;
  label: string;
  sort?: [AssetOrder, AssetOrder];
  cell(a: AssetCardFragment): React.ReactNode;
}

export const columns: Column[] = [
  { key: 'filename', label: 'Name', sort: ['FILENAME_ASC', 'FILENAME_DESC'], cell: (a) => a.filename },
  { key: 'kind', label: 'Kind', cell: (a) => a.kind.toLowerCase() },
  { key: 'size', label: 'Size', sort: ['SIZE_ASC', 'SIZE_DESC'], cell: (a) => bytes(a.size) },
  { key: 'dimensions', label: 'Dimensions', sort: ['WIDTH_ASC', 'WIDTH_DESC'], cell: (a) => (a.width ? `${a.width}×${a.height}` : '') },
  { key: 'status', label: 'Status', cell: (a) => <Badges asset={a} /> },
  { key: 'tags', label: 'Tags', cell: (a) => a.tags.map((t) => t.name).join(', ') },
  { key: 'collection', label: 'Collection', cell: (a) => a.collection?.name ?? '' },
  { key: 'created', label: 'Created', sort: ['CREATED_AT_ASC', 'CREATED_AT_DESC'], cell: (a) => date(a.createdAt) },
  { key: 'updated', label: 'Updated', sort: ['UPDATED_AT_ASC', 'UPDATED_AT_DESC'], cell: (a) => date(a.updatedAt) },
];

const columnsKey = 'mediagraph.columns';
const defaultColumns = ['filename', 'kind', 'size', 'dimensions', 'status', 'created'];

export function useColumns(): [string[], (keys: string[]) => void] {
  const [chosen, setChosen] = useState<string[]>(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(columnsKey) ?? 'null');
      return Array.isArray(saved) ? saved : defaultColumns;
    } catch {
      return defaultColumns;
    }
  });
  return [
    chosen,
    (keys) => {
      localStorage.setItem(columnsKey, JSON.stringify(keys));
      setChosen(keys);
    },
  ];
}

export function TableView(props: ViewProps & { chosen: string[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const row = 44;
  const v = useVirtualizer({ count: props.items.length, getScrollElement: () => scroller.current, estimateSize: () => row, overscan: 10 });
  const vis = v.getVirtualItems();
  const last = vis[vis.length - 1];
  useEffect(() => {
    if (last && last.index >= props.items.length - 20) props.onNearEnd();
  }, [last?.index, props.items.length, props]);
  const cols = columns.filter((c) => props.chosen.includes(c.key));
  const template = `2.5rem 3rem ${cols.map((c) => (c.key === 'filename' ? 'minmax(12rem,2fr)' : 'minmax(6rem,1fr)')).join(' ')}`;
  return (
    <div ref={scroller} className="scroller table" role="table" aria-label="Assets" aria-rowcount={props.items.length + 1}>
      <div className="tr th" role="row" style={{ gridTemplateColumns: template }}>
        <span role="columnheader"><span className="sr">Selected</span></span>
        <span role="columnheader"><span className="sr">Preview</span></span>
        {cols.map((c) => {
          const dir = c.sort && (props.order === c.sort[0] ? 'ascending' : props.order === c.sort[1] ? 'descending' : 'none');
          return (
            <span key={c.key} role="columnheader" aria-sort={dir}>
              {c.sort ? (
                <button type="button" onClick={() => props.onSort(props.order === c.sort![0] ? c.sort![1] : c.sort![0])}>
                  {c.label} {dir === 'ascending' ? '▲' : dir === 'descending' ? '▼' : ''}
                </button>
              ) : (
                c.label
              )}
            </span>
          );
        })}
      </div>
      <div style={{ height: v.getTotalSize(), position: 'relative' }} role="rowgroup">
        {vis.map((it) => {
          const a = props.items[it.index]!;
          return (
            <div
              key={it.key}
              data-index={it.index}
              data-asset={a.id}
              role="row"
              className={`tr${props.selected.has(a.id) ? ' selected' : ''}${props.current === a.id ? ' current' : ''}`}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: row, transform: `translateY(${it.start}px)`, gridTemplateColumns: template }}
              draggable
              onDragStart={(e) => dragIds(e, a.id, props.selected)}
            >
              <span role="cell">
                <input
                  type="checkbox"
                  aria-label={`Select ${a.filename}`}
                  checked={props.selected.has(a.id)}
                  onClick={(e) => {
                    e.stopPropagation();
                    props.onPick(it.index, e);
                  }}
                  onChange={() => undefined}
                />
              </span>
              <span role="cell" className="mini"><Thumb asset={a} /></span>
              {cols.map((c) => (
                <span key={c.key} role="cell" data-col={c.key}>
                  {c.key === 'filename' ? (
                    <button
                      type="button"
                      className="open link"
                      data-open
                      onClick={(e) => (e.shiftKey || e.metaKey || e.ctrlKey ? props.onPick(it.index, e) : props.onOpen(a.id))}
                      onKeyDown={keys(props, it.index, 1)}
                    >
                      {a.filename}
                    </button>
                  ) : (
                    c.cell(a)
                  )}
                </span>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
