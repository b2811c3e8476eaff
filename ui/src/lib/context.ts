import { createContext, useContext } from 'react';
import { useQuery } from 'urql';
import type { Api } from './api';
import { SettingsQuery } from '../ops';

export const ApiContext = createContext<Api | null>(null);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside a signed-in shell');
  return api;
}

/** mediaSettings: locales, fallbacks and upload limits, read once per session. */
export function useSettings() {
  const [{ data }] = useQuery({ query: SettingsQuery, requestPolicy: 'cache-first' });
  return data?.mediaSettings;
}

export { useLive } from './live';
