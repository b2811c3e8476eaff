import { useEffect, useRef, useState } from 'react';
import { decode } from 'blurhash';
import type { AssetCardFragment } from '../gql/graphql';

const kindIcon: Record<string, string> = { VIDEO: '▶', AUDIO: '♪', DOCUMENT: '📄', ARCHIVE: '🗜', OTHER: '•' };

/** The placeholder (LQIP, else the blurhash drawn small) shows until the transform has loaded. */
export function Thumb({ asset }: { asset: AssetCardFragment }) {
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState(false);
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (asset.lqip || !asset.blurhash || !canvas.current) return;
    try {
      const px = decode(asset.blurhash, 16, 16);
      const ctx = canvas.current.getContext('2d');
      const img = ctx?.createImageData(16, 16);
      if (ctx && img) {
        img.data.set(px);
        ctx.putImageData(img, 0, 0);
      }
    } catch {
      // A malformed hash leaves the plain background.
    }
  }, [asset.blurhash, asset.lqip]);

  // A video or PDF with its poster made has a still to show, through the same transform URL.
  const still = asset.kind === 'IMAGE' || !!asset.poster;
  if (!still || failed) {
    return (
      <div className="thumb icon" aria-hidden="true">
        <span>{kindIcon[asset.kind] ?? '🖼'}</span>
        <small>{asset.mimeType}</small>
      </div>
    );
  }
  return (
    <div className="thumb" style={asset.lqip && !loaded ? { backgroundImage: `url("${asset.lqip}")` } : undefined}>
      {!asset.lqip && asset.blurhash && !loaded && <canvas ref={canvas} width={16} height={16} aria-hidden="true" />}
      <img
        src={asset.thumb}
        alt=""
        loading="lazy"
        decoding="async"
        className={loaded ? 'in' : ''}
        onLoad={() => setLoaded(true)}
        onError={() => setFailed(true)}
      />
      {asset.kind !== 'IMAGE' && <span className="kind-mark" aria-hidden="true" data-poster>{kindIcon[asset.kind]}</span>}
    </div>
  );
}

export function Badges({ asset }: { asset: AssetCardFragment }) {
  const b: { cls: string; text: string }[] = [];
  b.push(asset.status === 'PUBLIC' ? { cls: 'public', text: 'public' } : { cls: 'private', text: 'private' });
  if (asset.inUse) b.push({ cls: 'inuse', text: 'in use' });
  if (asset.antivirus?.status === 'INFECTED') b.push({ cls: 'threat', text: 'threat detected' });
  if (asset.antivirus?.status === 'PENDING') b.push({ cls: 'processing', text: 'processing' });
  if (asset.moderation?.status === 'PENDING') b.push({ cls: 'pending', text: 'pending moderation' });
  if (asset.moderation?.status === 'REJECTED') b.push({ cls: 'threat', text: 'rejected' });
  if (asset.processingError) b.push({ cls: 'threat', text: 'processing failed' });
  return (
    <span className="badges">
      {b.map((x) => (
        <span key={x.text} className={`badge ${x.cls}`}>{x.text}</span>
      ))}
    </span>
  );
}
