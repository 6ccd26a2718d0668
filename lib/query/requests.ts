import {
  keepPreviousData,
  mutationOptions,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useRef } from 'react';
import { apiFetch, isApiError } from '@/lib/api/fetcher';
import {
  requestListQuerySchema,
  requestPageSchema,
  requestViewSchema,
  terminalStatuses,
  type ImportCertificate,
  type RequestListQuery,
  type RequestPage,
  type RequestView,
  type SubmitRequest,
} from '@/lib/api/dto';
import { useLivePolling } from './events';
import { toSearchParams } from './search-params';

/** How often an open request is re-read while someone looks at it. */
export const openRequestPollMs = 2_000;

/** The list query with every default filled in: no filter, newest first, first page of 25. */
export const requestListDefaults: RequestListQuery = requestListQuerySchema.parse({});

export const requestKeys = {
  all: ['requests'] as const,
  /** Without an argument: every list, whatever its filters (query keys match objects partially). */
  list: (query: Partial<RequestListQuery> = {}) => [...requestKeys.all, 'list', query] as const,
  detail: (id: string) => [...requestKeys.all, 'detail', id] as const,
};

export function requestListSearch(query: RequestListQuery): URLSearchParams {
  return toSearchParams(query);
}

export const requestListQueryOptions = (query: RequestListQuery, refetchInterval: number | false = false) =>
  queryOptions({
    queryKey: requestKeys.list(query),
    queryFn: ({ signal }) =>
      apiFetch(`/api/requests?${requestListSearch(query).toString()}`, { schema: requestPageSchema, signal }),
    // A new page or filter keeps the previous rows on screen until its answer arrives.
    placeholderData: keepPreviousData,
    refetchInterval,
  });

export const requestQueryOptions = (id: string, pollMs: number | false = openRequestPollMs) =>
  queryOptions({
    queryKey: requestKeys.detail(id),
    queryFn: ({ signal }) =>
      apiFetch(`/api/requests/${encodeURIComponent(id)}`, { schema: requestViewSchema, signal }),
    refetchInterval: (query) => {
      if (pollMs === false || (query.state.data && isTerminal(query.state.data))) return false;
      // An unknown id stays unknown; keep polling through transient upstream errors only.
      if (isApiError(query.state.error) && query.state.error.status === 404) return false;
      return pollMs;
    },
  });

export function isTerminal(request: Pick<RequestView, 'status'>): boolean {
  return terminalStatuses.includes(request.status);
}

export function useRequestList(query: RequestListQuery, refetchInterval: number | false = false) {
  return useQuery(requestListQueryOptions(query, refetchInterval));
}

export function useRequest(id: string) {
  // While changes are pushed the open request needs no polling; while the stream is down it polls.
  return useQuery(requestQueryOptions(id, useLivePolling(openRequestPollMs)));
}

/**
 * Puts a fresh view of one request in the cache: its detail at once, its row in every loaded list at once,
 * then every list marked stale, since the change may move the request in or out of a filter.
 */
export function storeRequestView(queryClient: QueryClient, view: RequestView): void {
  queryClient.setQueryData(requestKeys.detail(view.id), view);
  queryClient.setQueriesData<RequestPage>({ queryKey: requestKeys.list() }, (page) =>
    page ? { ...page, requests: page.requests.map((r) => (r.id === view.id ? view : r)) } : page,
  );
  void queryClient.invalidateQueries({ queryKey: requestKeys.list() });
}

function useStoreRequest() {
  const queryClient = useQueryClient();
  return (view: RequestView) => storeRequestView(queryClient, view);
}

type SubmitAttempt = { payload: string; idempotencyKey: string };

/**
 * The Idempotency-Key for submitting `body`: the previous attempt's when the payload is unchanged (a retry
 * after a timeout or a 5xx, which the server then answers without signing twice), a fresh one otherwise.
 */
export function submitAttempt(previous: SubmitAttempt | null, body: SubmitRequest): SubmitAttempt {
  const payload = JSON.stringify(body);
  return previous?.payload === payload ? previous : { payload, idempotencyKey: crypto.randomUUID() };
}

export function useSubmitRequest() {
  const store = useStoreRequest();
  const attempt = useRef<SubmitAttempt | null>(null);
  return useMutation({
    mutationFn: (body: SubmitRequest) => {
      attempt.current = submitAttempt(attempt.current, body);
      return apiFetch('/api/requests', {
        method: 'POST',
        body,
        schema: requestViewSchema,
        headers: { 'Idempotency-Key': attempt.current.idempotencyKey },
      });
    },
    onSuccess: store,
  });
}

export function useCancelRequest(id: string) {
  const store = useStoreRequest();
  return useMutation({
    mutationFn: () =>
      // An empty JSON body: mutating endpoints accept application/json only (CSRF defence).
      apiFetch(`/api/requests/${encodeURIComponent(id)}/cancel`, {
        method: 'POST',
        body: {},
        schema: requestViewSchema,
      }),
    onSuccess: store,
  });
}

/**
 * Imports the request's certificate into the HSM. Whatever the answer, the request is then re-read: a lost
 * TSB answer (504 `import_unknown`) is stored on the request, which is final and no longer polled, so only
 * this re-read brings that state to its page. The mutation settles once the re-read has landed.
 */
export function importCertificateMutationOptions(queryClient: QueryClient, id: string) {
  return mutationOptions({
    mutationKey: [...requestKeys.detail(id), 'import'],
    mutationFn: (body: ImportCertificate) =>
      apiFetch(`/api/requests/${encodeURIComponent(id)}/import`, {
        method: 'POST',
        body,
        schema: requestViewSchema,
      }),
    onSuccess: (view: RequestView) => storeRequestView(queryClient, view),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: requestKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: requestKeys.list() }),
      ]),
  });
}

export function useImportCertificate(id: string) {
  return useMutation(importCertificateMutationOptions(useQueryClient(), id));
}
