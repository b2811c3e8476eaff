// Whether the live connection (graphql-ws) is up, for the header's dot and for tests
// (html[data-live]): a list follows changes made elsewhere only while it is.
import { useSyncExternalStore } from 'react';

let up = false;
const listeners = new Set<() => void>();

export function setLive(v: boolean): void {
  up = v;
  document.documentElement.dataset.live = v ? 'connected' : 'closed';
  listeners.forEach((l) => l());
}

export function useLive(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => up,
  );
}
