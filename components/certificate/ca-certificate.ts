import type { CaCertificate } from '@/components/pki/ca-note';

/** The CA certificate query's state as the downloads show it; `label` null means the issuer is not known. */
export function caCertificateOf(
  label: string | null,
  query: { data?: string; error: Error | null; isPending: boolean },
): CaCertificate {
  if (label === null) return { state: 'unavailable', reason: 'the signing key is not known.' };
  if (query.data !== undefined) return { state: 'ready', pem: query.data };
  if (query.error)
    return {
      state: 'unavailable',
      reason: `the CA certificate of ${label} could not be read (${query.error.message}).`,
    };
  return query.isPending
    ? { state: 'loading' }
    : { state: 'unavailable', reason: 'the CA certificate is not known.' };
}
