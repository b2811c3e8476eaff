import { useCallback, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { setParams, useLocation } from '../lib/router';
import { filterOf, orderOf, orders, type Mode } from '../lib/filter';
import { useAssetList } from '../lib/pages';
import { CardsView, TableView, columns, useColumns, type View } from '../components/AssetViews';
import { Sidebar } from '../components/Sidebar';
import { FilterPanel } from '../components/FilterPanel';
import { BulkBar } from '../components/BulkBar';
import { DetailPane } from '../components/Detail';
import { UploadPanel, UploadPresetPicker, chosenFiles, droppedFiles, useUploads } from '../components/Uploads';
import { ErrorText } from '../lib/errors';
import { SearchBox } from '../components/SearchBox';
import { useSettings } from '../lib/context';
import { bytes } from '../lib/format';

const titles: Record<Mode, string> = { library: 'Library', trash: 'Trash', moderation: 'Moderation queue' };

export function Library({ mode, reload }: { mode: Mode; reload: number }) {
  const { params } = useLocation();
  const { filter, problem } = filterOf(params, mode);
  const order = orderOf(params);
  const view = (params.get('view') as View) || 'grid';
  const list = useAssetList(filter, order, reload, params.get('qx')?.trim() || null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const anchor = useRef<number | null>(null);
  const [showFilters, setShowFilters] = useState(false);
  const [chosen, setChosen] = useColumns();
  const uploads = useUploads();
  const settings = useSettings();
  const [dragging, setDragging] = useState(false);
  const current = params.get('asset');
  const collection = params.get('collection');
  const target = collection && collection !== 'none' ? collection : null;

  const pick = useCallback(
    (index: number, e: MouseEvent | KeyboardEvent) => {
      const id = list.items[index]!.id;
      setSelected((prev) => {
        const next = new Set(prev);
        if (e.shiftKey && anchor.current !== null) {
          const [a, b] = [Math.min(anchor.current, index), Math.max(anchor.current, index)];
          for (let i = a; i <= b; i++) next.add(list.items[i]!.id);
        } else if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
      anchor.current = index;
    },
    [list.items],
  );

  const viewProps = {
    items: list.items,
    selected,
    current,
    onPick: pick,
    onOpen: (id: string) => setParams({ asset: id }, false),
    onNearEnd: list.loadMore,
    order,
    onSort: (o: typeof order) => setParams({ sort: o }),
  };

  const fromFiles = (files: { file: File; dirs: string[] }[]) => files.length && uploads.add(files, target);

  return (
    <div
      className={`library${dragging ? ' dropping' : ''}${current ? ' with-detail' : ''}`}
      onDragOver={(e) => {
        if (mode === 'library' && e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={async (e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(false);
        fromFiles(await droppedFiles(e.dataTransfer));
      }}
    >
      {mode === 'library' && <Sidebar params={params} />}
      <section className="content" aria-labelledby="page-title" aria-busy={list.loading}>
        <div className="toolbar">
          <h1 id="page-title">{titles[mode]}</h1>
          <SearchBox params={params} error={list.error} />
          <div className="views" role="group" aria-label="View">
            {(['grid', 'masonry', 'table'] as View[]).map((v) => (
              <button key={v} type="button" aria-pressed={view === v} onClick={() => setParams({ view: v === 'grid' ? null : v })}>
                {v}
              </button>
            ))}
          </div>
          <label>
            <span className="sr">Sort</span>
            <select value={order} onChange={(e) => setParams({ sort: e.target.value })}>
              {orders.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          </label>
          <button type="button" aria-expanded={showFilters} onClick={() => setShowFilters(!showFilters)}>Filters</button>
          {mode === 'library' && (
            <>
              <UploadPresetPicker />
              <label className="button">
                Upload files
                <input type="file" multiple className="sr" onChange={(e) => (fromFiles(chosenFiles(e.target.files!)), (e.target.value = ''))} />
              </label>
              <label className="button">
                Upload folder
                <input
                  type="file"
                  className="sr"
                  ref={(el) => el?.setAttribute('webkitdirectory', '')}
                  onChange={(e) => (fromFiles(chosenFiles(e.target.files!)), (e.target.value = ''))}
                />
              </label>
            </>
          )}
          <span className="count" role="status">{list.total === null ? 'loading…' : `${list.total} assets`}</span>
        </div>
        {mode === 'library' && settings && (
          <p className="limits">
            Drop files or folders anywhere. Up to {bytes(settings.maxUploadBytes)} a file; types: {settings.uploadTypes.join(', ')}.
          </p>
        )}
        {showFilters && <FilterPanel params={params} filter={filter} order={order} />}
        {view === 'table' && (
          <details className="columns">
            <summary>Columns</summary>
            {columns.map((c) => (
              <label key={c.key} className="check">
                <input
                  type="checkbox"
                  disabled={c.key === 'filename'}
                  checked={chosen.includes(c.key)}
                  onChange={(e) => setChosen(e.target.checked ? [...chosen, c.key] : chosen.filter((k) => k !== c.key))}
                />
                {c.label}
              </label>
            ))}
          </details>
        )}
        {problem && <p className="error" role="alert">{problem}</p>}
        <ErrorText error={list.error} />
        {selected.size > 0 && (
          <BulkBar
            ids={[...selected]}
            mode={mode}
            onSelectAll={() => setSelected(new Set(list.items.map((a) => a.id)))}
            onDone={(clear) => clear && setSelected(new Set())}
          />
        )}
        <UploadPanel />
        {view === 'table' ? <TableView {...viewProps} chosen={chosen.includes('filename') ? chosen : ['filename', ...chosen]} /> : <CardsView {...viewProps} masonry={view === 'masonry'} />}
      </section>
      {current && <DetailPane id={current} mode={mode} onClose={() => setParams({ asset: null }, false)} />}
    </div>
  );
}
