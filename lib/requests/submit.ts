import 'server-only';
import { randomUUID } from 'node:crypto';
import { ApiError } from '@/lib/api/errors';
import type { RequestView, SubmitRequest } from '@/lib/api/dto';
import { checkCsr, decodeCsr, sha256Hex } from '@/lib/pki';
import { signatureAlgorithmsFor } from '@/lib/pki/usages';
import { approvalDeadlines, evaluateApproval } from '@/lib/policy';
import { getKeyAttributes, signCertificate, signCertificateSync, TsbError, type KeyAttributes } from '@/lib/tsb';
import { settleExecuted } from './result';
import { findByIdempotencyKey, insertRequest, toView, updateRequest, type StoredRequest } from './store';

// Submission: the server re-checks everything the browser previewed, records the request before the TSB
// call, and never sends the same Idempotency-Key twice.

const inFlight = new Set<string>();

async function checkedCsr(csrPem: string) {
  const decoded = await decodeCsr(csrPem);
  if (!decoded.ok) throw new ApiError(422, 'invalid_csr', decoded.error, { csrPem: [decoded.error] });
  const errors = checkCsr(decoded.view).filter((finding) => finding.severity === 'error');
  if (errors.length > 0) {
    throw new ApiError(422, 'invalid_csr', errors[0]!.message, { csrPem: errors.map((e) => e.message) });
  }
  return decoded.view;
}

async function signingKey(label: string): Promise<KeyAttributes> {
  try {
    return await getKeyAttributes(label);
  } catch (error) {
    if (error instanceof TsbError && error.errorCode === 650) {
      throw new ApiError(422, 'key_not_found', `The TSB has no key ${label}.`, { signKeyName: ['The TSB has no such key.'] });
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

/** The approvers' view of the request (TSB metaData): base64 JSON, as the Authorization App expects. */
function metaDataFor(input: SubmitRequest, csrSha256: string): string {
  const time = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const { commonName, keyUsage, extendedKeyUsage, certificateAuthority, reason } = input;
  const meta = { time, app: 'CertDesk', type: 'Certificate', reason, commonName, csrSha256, keyUsage, extendedKeyUsage, certificateAuthority };
  return Buffer.from(JSON.stringify(meta)).toString('base64');
}

function newRow(input: SubmitRequest, key: KeyAttributes, csrSha256: string, idempotencyKey: string, bodyHash: string) {
  const now = new Date();
  const rule = key.policy?.ruleUse?.tokens?.length ? key.policy.ruleUse : null;
  const deadlines = approvalDeadlines(rule, now);
  const row: StoredRequest = {
    ...input,
    id: randomUUID(),
    tsbRequestId: null,
    mode: rule ? 'async' : 'sync',
    status: 'SUBMITTING',
    csrPem: input.csrPem.trim(),
    csrSha256,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    executionTime: null,
    timelockEndsAt: deadlines.timelockEndsAt?.toISOString() ?? null,
    expiresAt: deadlines.expiresAt?.toISOString() ?? null,
    approval: rule ? evaluateApproval(rule, { approvedBy: [], rejectedBy: [] }) : null,
    certificatePem: null,
    resultMismatches: [],
    importedLabel: null,
    error: null,
    requester: null,
    history: [{ status: 'SUBMITTING', at: now.toISOString(), note: null }],
    lastCheckedAt: null,
    idempotencyKey,
    bodyHash,
    rule,
    approvedBy: [],
    rejectedBy: [],
  };
  return row;
}

async function sendUpstream(row: StoredRequest, input: SubmitRequest): Promise<StoredRequest> {
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
  try {
    if (row.mode === 'sync') {
      const pem = await signCertificateSync(fields);
      return await settleExecuted(row, pem, new Date().toISOString());
    }
    const tsbRequestId = await signCertificate(fields, metaDataFor(input, row.csrSha256));
    return await updateRequest(row.id, { status: 'PENDING', tsbRequestId });
  } catch (error) {
    // An answer that never arrived may still have been acted on: the request is UNKNOWN, not failed.
    if (error instanceof TsbError && (error.kind === 'timeout' || error.kind === 'network')) {
      return await updateRequest(row.id, { status: 'UNKNOWN', error: { code: error.kind, message: error.message } });
    }
    const message = error instanceof Error ? error.message : 'The TSB refused the request';
    await updateRequest(row.id, { status: 'FAILED', error: { code: 'tsb_refused', message } });
    throw error;
  }
}

/**
 * Submits a certificate request under `idempotencyKey`. A replay of a finished submission returns it
 * (`replayed: true`); the same key while in flight is a 409, with another body a 422.
 */
export async function submitRequest(input: SubmitRequest, idempotencyKey: string): Promise<{ request: RequestView; replayed: boolean }> {
  const bodyHash = await sha256Hex(new TextEncoder().encode(JSON.stringify(input)));
  const existing = await findByIdempotencyKey(idempotencyKey);
  if (existing || inFlight.has(idempotencyKey)) {
    if (existing && existing.bodyHash !== bodyHash) {
      throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request.');
    }
    if (!existing || existing.status === 'SUBMITTING') {
      throw new ApiError(409, 'submission_in_progress', 'This submission is still being sent to the TSB.');
    }
    return { request: toView(existing), replayed: true };
  }
  inFlight.add(idempotencyKey);
  try {
    const csr = await checkedCsr(input.csrPem);
    const key = await signingKey(input.signKeyName);
    checkKeyFits(key, input);
    const row = newRow(input, key, csr.sha256, idempotencyKey, bodyHash);
    await insertRequest(row);
    return { request: toView(await sendUpstream(row, input)), replayed: false };
  } finally {
    inFlight.delete(idempotencyKey);
  }
}
