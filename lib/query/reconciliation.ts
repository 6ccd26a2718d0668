import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api/fetcher';
import { reconciliationSchema } from '@/lib/api/dto';

export const reconciliationKeys = {
  all: ['reconciliation'] as const,
};

export const reconciliationQueryOptions = () =>
  queryOptions({
    queryKey: reconciliationKeys.all,
    queryFn: ({ signal }) => apiFetch('/api/reconciliation', { schema: reconciliationSchema, signal }),
    // Each read asks the TSB for its open requests: keep it to someone looking, not every focus.
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  });

export function useReconciliation() {
  return useQuery(reconciliationQueryOptions());
}
