import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api/fetcher';
import { trackerStatusSchema } from '@/lib/api/dto';

export const trackerKeys = {
  status: ['tracker', 'status'] as const,
};

export const trackerStatusQueryOptions = () =>
  queryOptions({
    queryKey: trackerKeys.status,
    queryFn: ({ signal }) => apiFetch('/api/tracker', { schema: trackerStatusSchema, signal }),
    // Counted in the server's memory, no TSB call: cheap enough to follow while the page is open.
    refetchInterval: 5_000,
  });

export function useTrackerStatus() {
  return useQuery(trackerStatusQueryOptions());
}
