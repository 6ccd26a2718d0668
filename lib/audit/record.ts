import 'server-only';
import type { KeyObject } from 'node:crypto';
import { ApiError } from '@/lib/api/errors';
import type { Actor } from '@/lib/auth/types';
import { getAuditConfig } from '@/lib/config';
import { appendAuditEvent } from '@/lib/db/audit';
import { anchorMac, canonicalJson, genesisHash, recordHash, type AuditRecord } from './hash';
import { shipAuditRecord } from './ship';
import type { AuditInput } from './types';

// The one writer of the audit log. Callers await it before acting: it throws when the record cannot be
// written, and the caller's action is then refused (fail closed).

export const anonymousActor: AuditInput['actor'] = { userId: null, email: null, role: null };

/** The audit actor for a signed-in user, or the anonymous actor. */
export function auditActor(
  actor: Pick<Actor, 'userId' | 'email' | 'role'> | null | undefined,
): AuditInput['actor'] {
  return actor ? { userId: actor.userId, email: actor.email, role: actor.role } : anonymousActor;
}

function nextRecord(
  input: AuditInput,
  head: { seq: number; hash: string } | null,
  key: KeyObject | null,
): Required<AuditRecord> {
  const fields = {
    seq: (head?.seq ?? 0) + 1,
    // Taken under the write lock, so times never go backwards along the chain (clock steps aside).
    at: new Date().toISOString(),
    actor_id: input.actor.userId,
    actor_email: input.actor.email,
    actor_role: input.actor.role,
    action: input.action,
    target: input.target,
    outcome: input.outcome,
    csr_sha256: input.csrSha256 ?? null,
    details: canonicalJson(input.details ?? {}),
    prev_hash: head?.hash ?? genesisHash,
    hash_alg: key ? ('hmac-sha256' as const) : ('sha256' as const),
  };
  return { ...fields, hash: recordHash(fields, key) };
}

/**
 * Appends one record to the hash-chained audit log (seq = previous + 1, hash over the previous hash;
 * format in ./hash.ts; keyed with HMAC-SHA-256, the anchor too, when AUDIT_HMAC_KEY is set) and, when
 * AUDIT_LOG_FILE is set, ships it as one JSON line. Throws an AuditUnavailableError (an ApiError, 503)
 * when the record cannot be written or shipped, or the key is malformed; the caller must then refuse the
 * action it was about to take. Never call it inside a database transaction: it takes the database's one
 * connection for its own write and would wait for that transaction forever.
 */
export async function recordAudit(input: AuditInput): Promise<void> {
  await appendAuditRecord(input);
}

/** recordAudit, answering the record as stored. */
export async function appendAuditRecord(input: AuditInput): Promise<AuditRecord> {
  try {
    const key = getAuditConfig().hmacKey;
    return await appendAuditEvent((head) => nextRecord(input, head, key), {
      afterCommit: shipAuditRecord,
      anchorMac: key ? (head) => anchorMac(head, key) : undefined,
    });
  } catch (error) {
    // The cause stays in the server log; the caller only learns that its action was refused.
    console.error(
      `audit: a '${input.action}' record could not be written:`,
      error instanceof Error ? error.message : 'unknown error',
    );
    throw new AuditUnavailableError();
  }
}

/** The audit log cannot be written: the action that wanted a record is refused (503). */
export class AuditUnavailableError extends ApiError {
  constructor() {
    super(
      503,
      'audit_unavailable',
      'The audit log cannot be written right now, so CertDesk refused the action. Try again later.',
    );
  }
}
