// The image editor: crop (free or a fixed ratio), rotate and straighten, flip, brightness, contrast,
// saturation and named filters, previewed live with CSS and applied server-side by editImage, which
// stores the result as the asset's next version.
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { ImageFilter, ImageOperationInput } from '../gql/graphql';
import { ErrorText } from '../lib/errors';

const EditImageMutation = graphql(`
  mutation EditImage($id: ID!, $operations: [ImageOperationInput!]!) {
    editImage(id: $id, operations: $operations) { id version width height size versions { number filename size width height createdAt } }
  }
`);

const ratios: Record<string, number | null> = { free: null, '1:1': 1, '4:3': 4 / 3, '3:2': 3 / 2, '16:9': 16 / 9 };

interface Edit {
  // The crop as percentages of the image (after rotation), left/top and size.
  x: number; y: number; w: number; h: number;
  ratio: string;
  turn: number; straighten: number;
  flip: boolean; flop: boolean;
  brightness: number; contrast: number; saturation: number;
  filter: ImageFilter | '';
}

const none: Edit = { x: 0, y: 0, w: 100, h: 100, ratio: 'free', turn: 0, straighten: 0, flip: false, flop: false, brightness: 1, contrast: 1, saturation: 1, filter: '' };

/** The operations of an edit, in the order the preview shows them: rotate and flip, then crop, then colour. */
export function operationsOf(e: Edit): ImageOperationInput[] {
  const ops: ImageOperationInput[] = [];
  if (e.turn) ops.push({ rotate: e.turn });
  if (e.straighten) ops.push({ rotate: e.straighten });
  if (e.flip) ops.push({ flip: true });
  if (e.flop) ops.push({ flop: true });
  if (e.x !== 0 || e.y !== 0 || e.w !== 100 || e.h !== 100) {
    ops.push({ crop: { x: e.x / 100, y: e.y / 100, width: e.w / 100, height: e.h / 100, unit: 'RELATIVE' } });
  }
  if (e.brightness !== 1 || e.contrast !== 1 || e.saturation !== 1) ops.push({ brightness: e.brightness, contrast: e.contrast, saturation: e.saturation });
  if (e.filter) ops.push({ filter: e.filter });
  return ops;
}

export function ImageEditor({ id, src, width, height, onDone }: { id: string; src: string; width: number; height: number; onDone(): void }) {
  const [e, setE] = useState<Edit>(none);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  const [{ fetching }, edit] = useMutation(EditImageMutation);
  const quarter = ((e.turn / 90) % 2 + 2) % 2 === 1;
  const [iw, ih] = quarter ? [height, width] : [width, height];

  // A fixed ratio keeps the crop's shape: the height follows the width, within the image.
  const fit = (next: Edit): Edit => {
    const r = ratios[next.ratio];
    if (!r) return next;
    let h = (next.w * iw) / r / ih;
    let w = next.w;
    if (h > 100 - next.y) {
      h = 100 - next.y;
      w = (h * ih * r) / iw;
    }
    return { ...next, w: round(w), h: round(h) };
  };
  const set = (p: Partial<Edit>) => setE((cur) => fit({ ...cur, ...p }));
  const num = (k: 'x' | 'y' | 'w' | 'h', label: string) => (
    <label>
      {label} % <input type="number" min={0} max={100} step={1} value={e[k]} disabled={k === 'h' && !!ratios[e.ratio]}
        onChange={(ev) => set({ [k]: clamp(Number(ev.target.value), 0, 100) })} />
    </label>
  );
  const slider = (k: 'brightness' | 'contrast' | 'saturation') => (
    <label>
      {k} <input type="range" min={0} max={2} step={0.05} value={e[k]} onChange={(ev) => set({ [k]: Number(ev.target.value) })} />
      <output>{e[k].toFixed(2)}</output>
    </label>
  );

  const apply = async () => {
    const operations = operationsOf(e);
    if (!operations.length) return;
    const r = await edit({ id, operations });
    setError(r.error ?? null);
    if (r.data) {
      const a = r.data.editImage;
      setSaved(`Saved as version ${a.version}: ${a.width}×${a.height}`);
      setE(none);
      onDone();
    }
  };

  const css = {
    transform: `rotate(${e.turn + e.straighten}deg) scale(${e.flop ? -1 : 1}, ${e.flip ? -1 : 1})`,
    filter: `brightness(${e.brightness}) contrast(${e.contrast}) saturate(${e.saturation})${e.filter === 'GRAYSCALE' ? ' grayscale(1)' : e.filter === 'SEPIA' ? ' sepia(1)' : ''}`,
  };
  return (
    <section aria-labelledby="editor-h" className="editor">
      <h3 id="editor-h">Image editor</h3>
      <div className="editor-stage">
        <img src={src} alt="Preview of the edit" style={css} />
        <div className="crop-box" aria-hidden="true" style={{ left: `${e.x}%`, top: `${e.y}%`, width: `${e.w}%`, height: `${e.h}%` }} />
      </div>
      <fieldset>
        <legend>Crop</legend>
        <label>
          Ratio
          <select value={e.ratio} onChange={(ev) => set({ ratio: ev.target.value })}>
            {Object.keys(ratios).map((r) => <option key={r}>{r}</option>)}
          </select>
        </label>
        {num('x', 'Left')}{num('y', 'Top')}{num('w', 'Width')}{num('h', 'Height')}
      </fieldset>
      <fieldset>
        <legend>Turn</legend>
        <button type="button" onClick={() => set({ turn: (e.turn + 270) % 360 })}>Rotate left</button>
        <button type="button" onClick={() => set({ turn: (e.turn + 90) % 360 })}>Rotate right</button>
        <label>
          Straighten <input type="range" min={-45} max={45} step={0.5} value={e.straighten} onChange={(ev) => set({ straighten: Number(ev.target.value) })} />
          <output>{e.straighten}°</output>
        </label>
        <label><input type="checkbox" checked={e.flop} onChange={(ev) => set({ flop: ev.target.checked })} /> Mirror</label>
        <label><input type="checkbox" checked={e.flip} onChange={(ev) => set({ flip: ev.target.checked })} /> Upside down</label>
      </fieldset>
      <fieldset>
        <legend>Colour</legend>
        {slider('brightness')}{slider('contrast')}{slider('saturation')}
        <label>
          Filter
          <select value={e.filter} onChange={(ev) => set({ filter: ev.target.value as ImageFilter | '' })}>
            <option value="">none</option><option value="GRAYSCALE">grayscale</option><option value="SEPIA">sepia</option>
          </select>
        </label>
      </fieldset>
      <button type="button" onClick={apply} disabled={fetching || !operationsOf(e).length}>Save as new version</button>
      <button type="button" onClick={() => setE(none)}>Reset</button>
      <span role="status">{saved}</span>
      <ErrorText error={error} />
    </section>
  );
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Number.isFinite(v) ? v : lo));
const round = (v: number) => Math.round(v * 100) / 100;
