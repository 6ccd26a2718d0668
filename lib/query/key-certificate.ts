import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch, isApiError } from '@/lib/api/fetcher';
import { keyKeys } from './keys';

const keyCertificateSchema = z.object({ label: z.string(), pem: z.string() });

export const keyCertificateQueryOptions = (label: string) =>
  queryOptions({
    queryKey: [...keyKeys.all, 'certificate', label] as const,
    queryFn: ({ signal }) =>
      apiFetch(`/api/keys/${encodeURIComponent(label)}/certificate`, {
        schema: keyCertificateSchema,
        signal,
      }).then((reply) => reply.pem),
    // A CA's certificate changes only when it is renewed; a 404 (none attached) is an answer, not a fault.
    staleTime: 10 * 60_000,
    retry: (failureCount, error) => failureCount < 2 && !(isApiError(error) && error.status < 500),
  });

/** GET /api/keys/{label}/certificate: the PEM of the certificate attached to a CA key; idle without a label. */
export function useKeyCertificate(label: string | null) {
  return useQuery({ ...keyCertificateQueryOptions(label ?? ''), enabled: label !== null });
}
