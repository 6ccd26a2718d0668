import 'server-only';
import type { SubmitRequest } from '@/lib/api/dto';
import { ApiError } from '@/lib/api/errors';
import { signCertificate, signCertificateSync } from '@/lib/tsb';
import { outcomeUnknown } from './deadline';
import { metaDataFor } from './new-row';
import { settleExecuted } from './result';
import { updateRequest, type StoredRequest } from './store';

async function sign(
  row: StoredRequest,
  input: SubmitRequest,
  signal: AbortSignal,
): Promise<{ pem: string } | { tsbRequestId: string }> {
  const fields = {
    signKeyName: input.signKeyName,
    keyPassword: null,
    signatureAlgorithm: input.signatureAlgorithm,
    commonName: input.commonName,
    certificateAuthority: input.certificateAuthority,
    certificateSigningRequest: row.csrPem,
    keyUsage: input.keyUsage,
    extendedKeyUsage: input.extendedKeyUsage,
  };
  if (row.mode === 'sync') return { pem: await signCertificateSync(fields, signal) };
  return { tsbRequestId: await signCertificate(fields, metaDataFor(input, row.csrSha256), signal) };
}

export const deadlinePassed = () =>
  new ApiError(504, 'timeout', 'The TSB did not answer in time; nothing was sent to it. Submit again.');

/** What a synchronous signing needs besides the request: the CA key's certificate, read before it. */
export type SendContext = { signal: AbortSignal; issuerCertPem: string | null };

/**
 * Sends a stored SUBMITTING request to the TSB, once, within `signal` (the user's deadline). A lost answer,
 * the deadline passing included, leaves it UNKNOWN for reconciliation, never resent; a refusal makes it
 * FAILED and is thrown on, and so is a deadline that passed before anything was sent.
 */
export async function sendUpstream(
  row: StoredRequest,
  input: SubmitRequest,
  context: SendContext,
): Promise<StoredRequest> {
  if (context.signal.aborted) {
    await updateRequest(row.id, {
      status: 'FAILED',
      error: { code: 'not_sent', message: 'Not sent: the time limit passed first.' },
    });
    throw deadlinePassed();
  }
  let answer: Awaited<ReturnType<typeof sign>>;
  try {
    answer = await sign(row, input, context.signal);
  } catch (error) {
    if (outcomeUnknown(error)) {
      const code = error.kind === 'http' ? 'upstream_error' : error.kind;
      return updateRequest(row.id, { status: 'UNKNOWN', error: { code, message: error.message } });
    }
    const message = error instanceof Error ? error.message : 'The TSB refused the request';
    await updateRequest(row.id, { status: 'FAILED', error: { code: 'tsb_refused', message } });
    throw error;
  }
  if ('pem' in answer)
    return settleExecuted(row, answer.pem, new Date().toISOString(), context.issuerCertPem);
  return updateRequest(row.id, { status: 'PENDING', tsbRequestId: answer.tsbRequestId });
}
