// Cursor pages of one asset list, each kept subscribed to the normalized cache so that an edit made
// anywhere (a mutation's answer, a live event) shows in the list without refetching it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { AssetsQuery } from '../ops';
import type { AssetCardFragment, AssetFilter, AssetOrder } from '../gql/graphql';

interface Page {
  nodes: AssetCardFragment[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface AssetList {
  items: AssetCardFragment[];
  total: number | null;
  error: unknown;
  loading: boolean;
  loadMore(): void;
}

// The first page is small so the first screen paints soon; the next ones are larger, so that a long
// scroll costs fewer round trips.
export const firstPageSize = 60;
export const pageSize = 200;

export function useAssetList(filter: AssetFilter, orderBy: AssetOrder, reload: number, query: string | null = null): AssetList {
  const client = useClient();
  const [pages, setPages] = useState<Page[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const subs = useRef<{ unsubscribe(): void }[]>([]);
  const key = JSON.stringify([filter, orderBy, query]);
  const generation = useRef(0);

  const fetchPage = useCallback(
    (index: number, after: string | null) => {
      const gen = generation.current;
      setLoading(true);
      const sub = client
        .query(AssetsQuery, { filter, query, orderBy, first: index === 0 ? firstPageSize : pageSize, after }, { requestPolicy: 'cache-and-network' })
        .subscribe((result) => {
          if (gen !== generation.current) return;
          // A cached page comes first, marked stale, and the network's answer may still reorder it.
          setLoading(Boolean(result.stale));
          if (result.error) {
            setError(result.error);
            return;
          }
          const c = result.data?.assets;
          if (!c) return;
          setError(null);
          setTotal(c.totalCount);
          setPages((prev) => {
            const next = prev.slice();
            next[index] = { nodes: c.nodes, endCursor: c.pageInfo.endCursor ?? null, hasNextPage: c.pageInfo.hasNextPage };
            return next;
          });
        });
      subs.current.push(sub);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, key],
  );

  useEffect(() => {
    generation.current++;
    requested.current = 1;
    setPages([]);
    setTotal(null);
    fetchPage(0, null);
    return () => {
      subs.current.forEach((s) => s.unsubscribe());
      subs.current = [];
    };
  }, [fetchPage, reload]);

  // The pages asked for so far: the list asks for the next one once, however often it scrolls near the end.
  const requested = useRef(1);
  const pagesRef = useRef(pages);
  pagesRef.current = pages;
  const loadMore = useCallback(() => {
    const prev = pagesRef.current;
    const last = prev[prev.length - 1];
    if (!last || !last.hasNextPage || requested.current > prev.length) return;
    requested.current = prev.length + 1;
    fetchPage(prev.length, last.endCursor);
  }, [fetchPage]);

  const items = pages.flatMap((p) => p?.nodes ?? []);
  return { items, total, error, loading, loadMore };
}
