import 'server-only';
import { ApiError } from '@/lib/api/errors';
import type { RequestView, SubmitRequest } from '@/lib/api/dto';
import { checkCsr, decodeCsr, sha256Hex } from '@/lib/pki';
import { signatureAlgorithmsFor } from '@/lib/pki/usages';
import { getKeyAttributes, TsbError, type KeyAttributes } from '@/lib/tsb';
import { userDeadline } from './deadline';
import { newRow } from './new-row';
import { issuerCertificatePem } from './result';
import { deadlinePassed, sendUpstream } from './send';
import { DuplicateKeyError, findByIdempotencyKey, insertRequest, toView, type StoredRequest } from './store';

// Submission: the server re-checks everything the browser previewed, records the request before the TSB
// call, and never sends the same Idempotency-Key twice.

async function checkedCsr(csrPem: string) {
  const decoded = await decodeCsr(csrPem);
  if (!decoded.ok) throw new ApiError(422, 'invalid_csr', decoded.error, { csrPem: [decoded.error] });
  const errors = checkCsr(decoded.view).filter((finding) => finding.severity === 'error');
  if (errors.length > 0) {
    throw new ApiError(422, 'invalid_csr', errors[0]!.message, { csrPem: errors.map((e) => e.message) });
  }
  return decoded.view;
}

async function signingKey(label: string, signal: AbortSignal): Promise<KeyAttributes> {
  try {
    return await getKeyAttributes(label, signal);
  } catch (error) {
    if (error instanceof TsbError && error.errorCode === 650) {
      throw new ApiError(422, 'key_not_found', `The TSB has no key ${label}.`, {
        signKeyName: ['The TSB has no such key.'],
      });
    }
    throw error;
  }
}

function checkKeyFits(key: KeyAttributes, input: SubmitRequest): void {
  if (key.attributes?.sign === false) {
    throw new ApiError(422, 'key_cannot_sign', `The key ${key.label} is not allowed to sign.`, {
      signKeyName: ['This key is not allowed to sign.'],
    });
  }
  if (!signatureAlgorithmsFor(key.algorithm).includes(input.signatureAlgorithm)) {
    const message = `A ${key.algorithm} key cannot sign with ${input.signatureAlgorithm}.`;
    throw new ApiError(422, 'algorithm_not_supported', message, { signatureAlgorithm: [message] });
  }
}

function replayOf(
  existing: StoredRequest,
  bodyHash: string,
  requester: string | null,
): { request: RequestView; replayed: true } {
  // Keys are scoped to their submitter: another user's key never returns that user's request.
  if (existing.bodyHash !== bodyHash || existing.requester !== requester) {
    throw new ApiError(
      422,
      'idempotency_key_reused',
      'This Idempotency-Key was already used for a different request.',
    );
  }
  if (existing.status === 'SUBMITTING') {
    throw new ApiError(409, 'submission_in_progress', 'This submission is still being sent to the TSB.');
  }
  return { request: toView(existing), replayed: true };
}

/**
 * Submits a certificate request under `idempotencyKey`, sending it to the TSB at most once. The request is
 * stored (SUBMITTING) before the signing call, and the database's unique key decides which of concurrent
 * submissions sends it. A replay of a finished submission returns it (`replayed: true`); the same key while
 * in flight is a 409, with another body (or by another requester) a 422. `requester` is the signed-in
 * submitter's e-mail; null only for tools and tests that submit outside any session. All TSB calls end by
 * `signal` (default: userDeadline()); a signing call it cuts short leaves the request UNKNOWN.
 */
export async function submitRequest(
  input: SubmitRequest,
  idempotencyKey: string,
  requester: string | null = null,
  signal: AbortSignal = userDeadline(),
): Promise<{ request: RequestView; replayed: boolean }> {
  const bodyHash = await sha256Hex(new TextEncoder().encode(JSON.stringify(input)));
  const existing = await findByIdempotencyKey(idempotencyKey);
  if (existing) return replayOf(existing, bodyHash, requester);
  const csr = await checkedCsr(input.csrPem);
  const key = await signingKey(input.signKeyName, signal);
  checkKeyFits(key, input);
  const row = { ...newRow(input, key, csr.sha256, idempotencyKey, bodyHash), requester };
  // Read before signing, so that a TSB failing here stops the submission before anything is signed rather
  // than leaving a signed certificate unchecked.
  const issuerCertPem = row.mode === 'sync' ? await issuerCertificatePem(key.label, signal) : null;
  if (signal.aborted) throw deadlinePassed();
  try {
    await insertRequest(row);
  } catch (error) {
    const winner =
      error instanceof DuplicateKeyError ? await findByIdempotencyKey(idempotencyKey) : undefined;
    if (!winner) throw error;
    return replayOf(winner, bodyHash, requester);
  }
  return { request: toView(await sendUpstream(row, input, { signal, issuerCertPem })), replayed: false };
}
