import { keepPreviousData, queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '@/lib/api/fetcher';
import { auditListQuerySchema, auditPageSchema, auditVerificationSchema } from '@/lib/audit/dto';
import { toSearchParams } from './search-params';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional();

/**
 * The audit list query as the /audit page keeps it in its address: days stay days (the server turns
 * them into UTC bounds), so a shared link reads as it was typed.
 */
export const auditPageQuerySchema = auditListQuerySchema.extend({ from: day, to: day });
export type AuditPageQuery = z.infer<typeof auditPageQuerySchema>;

export const auditListDefaults: AuditPageQuery = auditPageQuerySchema.parse({});

export const auditKeys = {
  all: ['audit'] as const,
  list: (query: Partial<AuditPageQuery> = {}) => [...auditKeys.all, 'list', query] as const,
};

/** The CSV download of every event matching the filters, in the current order (no page). */
export function auditExportHref(query: AuditPageQuery): string {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return `/api/audit/export?${toSearchParams({ format: 'csv', ...filters }).toString()}`;
}

/** The /audit timeline of one request. */
export function requestAuditHref(requestId: string): string {
  return `/audit?${toSearchParams({ target: `request:${requestId}`, order: 'asc' }).toString()}`;
}

export const auditListQueryOptions = (query: AuditPageQuery) =>
  queryOptions({
    queryKey: auditKeys.list(query),
    queryFn: ({ signal }) =>
      apiFetch(`/api/audit?${toSearchParams(query).toString()}`, { schema: auditPageSchema, signal }),
    placeholderData: keepPreviousData,
  });

export function useAuditList(query: AuditPageQuery) {
  return useQuery(auditListQueryOptions(query));
}

/** Verifies the whole chain on the server; each run is itself recorded, so the list is refreshed after. */
export function useVerifyChain(onSettled?: () => void) {
  return useMutation({
    // An empty JSON body: mutating endpoints accept application/json only (CSRF defence).
    mutationFn: () =>
      apiFetch('/api/audit/verify', { method: 'POST', body: {}, schema: auditVerificationSchema }),
    onSettled,
  });
}
