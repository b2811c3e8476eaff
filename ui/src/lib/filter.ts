// The view's filter lives in the URL: each AssetFilter field the panel edits has one parameter, and
// `where` carries any AssetFilter as JSON (AND/OR groups included), ANDed with the rest.
import type { AssetFilter, AssetKind, AssetOrder, AssetStatus, AntivirusStatus, ModerationStatus } from '../gql/graphql';

export type Mode = 'library' | 'trash' | 'moderation';

const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);

export function filterOf(params: URLSearchParams, mode: Mode): { filter: AssetFilter; problem: string | null } {
  const f: AssetFilter = {};
  const and: AssetFilter[] = [];
  let problem: string | null = null;
  const q = params.get('q')?.trim();
  if (q) f.search = q;
  const kinds = list(params.get('kind')) as AssetKind[];
  if (kinds.length) f.kind = { in: kinds };
  const status = params.get('status') as AssetStatus | null;
  if (status) f.status = { eq: status };
  const tags = list(params.get('tags'));
  if (tags.length) f.tags = { allIn: tags };
  const col = params.get('collection');
  if (col === 'none') f.collection = { exists: false };
  else if (col) f.collection = { eq: col, descendants: params.get('descendants') === '1' };
  const inUse = params.get('inUse');
  if (inUse) f.inUse = inUse === 'true';
  const av = params.get('av') as AntivirusStatus | null;
  if (av) f.antivirus = { status: { eq: av } };
  const name = params.get('name');
  if (name) f.filename = { matches: name };
  const author = params.get('author');
  if (author) f.author = { matches: author };
  const format = list(params.get('format'));
  if (format.length) f.format = { in: format };
  const min = params.get('minSize');
  const max = params.get('maxSize');
  if (min || max) f.size = { ...(min ? { gte: Number(min) } : {}), ...(max ? { lte: Number(max) } : {}) };
  const mod = params.get('mod') as ModerationStatus | null;
  if (mod) f.moderation = { status: { eq: mod } };
  else if (mode === 'moderation') f.moderation = { status: { eq: 'PENDING' } };
  if (mode === 'trash') f.deleted = true;
  const where = params.get('where');
  if (where) {
    try {
      and.push(JSON.parse(where) as AssetFilter);
    } catch (e) {
      problem = `The advanced filter is not JSON: ${(e as Error).message}`;
    }
  }
  if (and.length) f.AND = and;
  return { filter: f, problem };
}

export const orders: { value: AssetOrder; label: string }[] = [
  { value: 'CREATED_AT_DESC', label: 'Newest first' },
  { value: 'CREATED_AT_ASC', label: 'Oldest first' },
  { value: 'UPDATED_AT_DESC', label: 'Recently changed' },
  { value: 'FILENAME_ASC', label: 'Name A–Z' },
  { value: 'FILENAME_DESC', label: 'Name Z–A' },
  { value: 'SIZE_DESC', label: 'Largest first' },
  { value: 'SIZE_ASC', label: 'Smallest first' },
];

export function orderOf(params: URLSearchParams): AssetOrder {
  return (params.get('sort') as AssetOrder) || 'CREATED_AT_DESC';
}
