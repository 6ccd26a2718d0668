import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { z } from 'zod';
import { apiFetch, isApiError } from '@/lib/api/fetcher';
import {
  requestViewSchema,
  terminalStatuses,
  type ImportCertificate,
  type RequestView,
  type SubmitRequest,
} from '@/lib/api/dto';

const requestListSchema = z.object({ requests: z.array(requestViewSchema) });

/** How often an open request is re-read while someone looks at it. */
export const openRequestPollMs = 2_000;

export const requestKeys = {
  all: ['requests'] as const,
  list: () => [...requestKeys.all, 'list'] as const,
  detail: (id: string) => [...requestKeys.all, 'detail', id] as const,
};

export const requestsQueryOptions = () =>
  queryOptions({
    queryKey: requestKeys.list(),
    queryFn: ({ signal }) =>
      apiFetch('/api/requests', { schema: requestListSchema, signal }).then((r) => r.requests),
    // Lists are glanced at, not watched: refresh slowly, and only while something is still open.
    refetchInterval: (query) => (query.state.data?.some((r) => !isTerminal(r)) ? 10_000 : false),
  });

export const requestQueryOptions = (id: string) =>
  queryOptions({
    queryKey: requestKeys.detail(id),
    queryFn: ({ signal }) =>
      apiFetch(`/api/requests/${encodeURIComponent(id)}`, { schema: requestViewSchema, signal }),
    refetchInterval: (query) => {
      if (query.state.data && isTerminal(query.state.data)) return false;
      // An unknown id stays unknown; keep polling through transient upstream errors only.
      if (isApiError(query.state.error) && query.state.error.status === 404) return false;
      return openRequestPollMs;
    },
  });

export function isTerminal(request: Pick<RequestView, 'status'>): boolean {
  return terminalStatuses.includes(request.status);
}

export function useRequests() {
  return useQuery(requestsQueryOptions());
}

export function useRequest(id: string) {
  return useQuery(requestQueryOptions(id));
}

/** Stores a fresh request view under its detail key and marks the list stale. */
function useStoreRequest() {
  const queryClient = useQueryClient();
  return (view: RequestView) => {
    queryClient.setQueryData(requestKeys.detail(view.id), view);
    void queryClient.invalidateQueries({ queryKey: requestKeys.list() });
  };
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

export function useImportCertificate(id: string) {
  const store = useStoreRequest();
  return useMutation({
    mutationFn: (body: ImportCertificate) =>
      apiFetch(`/api/requests/${encodeURIComponent(id)}/import`, {
        method: 'POST',
        body,
        schema: requestViewSchema,
      }),
    onSuccess: store,
  });
}
