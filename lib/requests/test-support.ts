import type { SubmitRequest } from '@/lib/api/dto';
import { makeCsr } from '@/mocks/tsb/testing';

// Shared by the registry's specs.

/** A submission body for a fresh CSR; the approval key unless `overrides` says otherwise. */
export async function submission(overrides: Partial<SubmitRequest> = {}): Promise<SubmitRequest> {
  const commonName = overrides.commonName ?? 'svc.example';
  return {
    csrPem: await makeCsr(commonName),
    signKeyName: 'CA.approver.example',
    signatureAlgorithm: 'SHA256_WITH_RSA',
    commonName,
    certificateAuthority: false,
    keyUsage: ['DIGITAL_SIGNATURE', 'KEY_ENCIPHERMENT'],
    extendedKeyUsage: ['SERVER_AUTH'],
    reason: 'registry test',
    ...overrides,
  };
}

/** A rejection, awaited. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}
