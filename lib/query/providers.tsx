'use client';

import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useRequestEvents } from './events';
import { getQueryClient } from './query-client';
import { requestKeys } from './requests';

/**
 * The query cache and the request event stream, for the pages whose views use queries: placed by those
 * pages (or their section's layout), not by the dashboard layout, so that pages rendered on the server do
 * not load TanStack Query. Every placement shares the tab's one client, so navigation keeps the cache.
 */
export function Providers({ children }: { children: ReactNode }) {
  // Not useState: if React suspends during the first render it would throw the state away.
  const queryClient = getQueryClient();
  useRequestEvents(queryClient, requestKeys);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
