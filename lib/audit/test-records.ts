import type { KeyObject } from 'node:crypto';
import { canonicalJson, recordHash, type AuditRecord } from './hash';

// Audit records for the chain specs: plausible fields, each hashed as the writer would.

/** Record `seq` chained to `prevHash`; keyed records (hash_alg 'hmac-sha256') are hashed under `key`. */
export function testRecord(
  seq: number,
  prevHash: string,
  overrides: Partial<AuditRecord> = {},
  key: KeyObject | null = null,
): AuditRecord {
  const fields = {
    seq,
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
    actor_id: `u-${seq % 3}`,
    actor_email: `user${seq % 3}@example.test`,
    actor_role: 'operator',
    action: seq % 2 ? 'request.submit.intent' : 'request.submit',
    target: `request:r${Math.ceil(seq / 2)}`,
    outcome: 'success',
    csr_sha256: 'ab'.repeat(32),
    details: canonicalJson({ n: seq }),
    prev_hash: prevHash,
    ...overrides,
  };
  return { ...fields, hash: recordHash(fields, key) };
}
