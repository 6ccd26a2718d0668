import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '@/lib/api/fetcher';
import { keySummarySchema } from '@/lib/api/dto';

const keysResponseSchema = z.object({ keys: z.array(keySummarySchema) });

export const keyKeys = {
  all: ['keys'] as const,
  list: () => [...keyKeys.all, 'list'] as const,
};

export const keysQueryOptions = () =>
  queryOptions({
    queryKey: keyKeys.list(),
    queryFn: ({ signal }) =>
      apiFetch('/api/keys', { schema: keysResponseSchema, signal }).then((r) => r.keys),
    // Keys and their policies change rarely; do not refetch them on every focus.
    staleTime: 60_000,
  });

export function useKeys() {
  return useQuery(keysQueryOptions());
}
