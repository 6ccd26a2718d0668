import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '@/lib/api/fetcher';
import { certificateListQuerySchema, certificatePageSchema, type CertificateListQuery } from '@/lib/api/dto';
import { toSearchParams } from './search-params';

/** The list query as pages read it from their address: soonest expiry first unless asked otherwise. */
export const certificatePageQuerySchema = certificateListQuerySchema.extend({
  order: z.enum(['asc', 'desc']).default('asc'),
});

export const certificateListDefaults: CertificateListQuery = certificatePageQuerySchema.parse({});

export const certificateKeys = {
  all: ['certificates'] as const,
  list: (query: Partial<CertificateListQuery> = {}) => [...certificateKeys.all, 'list', query] as const,
};

/** Filters and order, without the page: what an export carries so it holds every matching certificate. */
export function certificateExportHref(query: CertificateListQuery, format: 'csv' | 'json'): string {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return `/api/certificates/export?${toSearchParams({ format, ...filters }).toString()}`;
}

export const certificateListQueryOptions = (query: CertificateListQuery) =>
  queryOptions({
    queryKey: certificateKeys.list(query),
    queryFn: ({ signal }) =>
      apiFetch(`/api/certificates?${toSearchParams(query).toString()}`, {
        schema: certificatePageSchema,
        signal,
      }),
    placeholderData: keepPreviousData,
  });

export function useCertificateList(query: CertificateListQuery) {
  return useQuery(certificateListQueryOptions(query));
}
