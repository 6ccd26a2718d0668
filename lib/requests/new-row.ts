import 'server-only';
import { randomUUID } from 'node:crypto';
import type { SubmitRequest } from '@/lib/api/dto';
import { approvalDeadlines, evaluateApproval } from '@/lib/policy';
import type { KeyAttributes } from '@/lib/tsb';
import type { StoredRequest } from './record';

/** The approvers' view of the request (TSB metaData): base64 JSON, as the Authorization App expects. */
export function metaDataFor(input: SubmitRequest, csrSha256: string): string {
  const time = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const { commonName, keyUsage, extendedKeyUsage, certificateAuthority, reason } = input;
  const meta = {
    time,
    app: 'CertDesk',
    type: 'Certificate',
    reason,
    commonName,
    csrSha256,
    keyUsage,
    extendedKeyUsage,
    certificateAuthority,
  };
  return Buffer.from(JSON.stringify(meta)).toString('base64');
}

export function newRow(
  input: SubmitRequest,
  key: KeyAttributes,
  csrSha256: string,
  idempotencyKey: string,
  bodyHash: string,
) {
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
