'use client';

import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useRequestEvents } from './events';
import { getQueryClient } from './query-client';
import { requestKeys } from './requests';

export function Providers({ children }: { children: ReactNode }) {
  // Not useState: if React suspends during the first render it would throw the state away.
  const queryClient = getQueryClient();
  // One event stream per tab, whatever the page: it keeps every request view in the cache current.
  useRequestEvents(queryClient, requestKeys);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
