import { createContext, useContext } from 'react';
import type { Api } from '../api';

/** The API client, made once in main.tsx. */
export const ApiContext = createContext<Api | undefined>(undefined);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiContext');
  return api;
}
