import { useQueries } from '@tanstack/react-query';
import { requestStatuses, type RequestStatus } from '@/lib/api/dto';
import { requestListDefaults, requestListQueryOptions } from './requests';

export type RequestCounts =
  | { state: 'pending' }
  | { state: 'error'; error: Error; refetch: () => void }
  | { state: 'done'; counts: Record<RequestStatus, number>; total: number };

/**
 * How many requests are in each status, counted by the server: one single-row page per status, whose
 * total is the count. Exact however many requests there are, and no request bodies travel.
 */
export function useRequestCounts(refetchInterval: number | false = false): RequestCounts {
  return useQueries({
    queries: requestStatuses.map((status) =>
      requestListQueryOptions({ ...requestListDefaults, status: [status], pageSize: 1 }, refetchInterval),
    ),
    combine: (results): RequestCounts => {
      const failed = results.find((r) => r.error);
      if (failed?.error) {
        const refetch = () => results.forEach((r) => void r.refetch());
        return { state: 'error', error: failed.error, refetch };
      }
      if (results.some((r) => !r.data)) return { state: 'pending' };
      const entries = requestStatuses.map((status, i) => [status, results[i]?.data?.total ?? 0] as const);
      const counts = Object.fromEntries(entries) as Record<RequestStatus, number>;
      return { state: 'done', counts, total: entries.reduce((n, [, count]) => n + count, 0) };
    },
  });
}
