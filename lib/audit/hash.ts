import { createHash, createHmac, type KeyObject } from 'node:crypto';

// The audit chain's hash format, version 1. Pure (no database, no server-only) so that the
// `audit:verify` script and any external verifier compute exactly what the writer did.
//
//   hash = lowercase hex SHA-256 over the UTF-8 bytes of
//          JSON.stringify(["certdesk-audit-v1", seq, at, actor_id, actor_email, actor_role,
//                          action, target, outcome, csr_sha256, details, prev_hash])
//
// A keyed record (hash_alg 'hmac-sha256', written while AUDIT_HMAC_KEY is set) takes HMAC-SHA-256 under
// that key instead, over the same array with "certdesk-audit-v1:hmac-sha256" as its first element: the
// marker is inside what the key covers, so nobody without the key can make a record that verifies as
// keyed. Plain records (hash_alg 'sha256', the column's default) keep the text above unchanged.
//
// - seq is a JSON integer; every other element is a JSON string or null, as stored in audit_events.
// - details is the stored column text (itself canonical JSON: object keys sorted by UTF-16 code unit,
//   no whitespace), hashed as a string, so a verifier never re-serializes it.
// - JSON.stringify is ECMA-262's: no whitespace, `"` `\` and U+0000–U+001F escaped (\b \f \n \r \t,
//   else \u00XX lowercase), lone surrogates as \uDXXX, everything else as is. Python's
//   json.dumps(value, ensure_ascii=False, separators=(",", ":")) produces the same bytes.
// - prev_hash of the first record (seq 1) is 64 zeros; every other record's is its predecessor's hash.

export const hashFormat = 'certdesk-audit-v1';
export const genesisHash = '0'.repeat(64);

/** How a record's hash was made: plain SHA-256, or HMAC-SHA-256 under AUDIT_HMAC_KEY. */
export type HashAlgorithm = 'sha256' | 'hmac-sha256';

/** The stored fields of one audit record. */
export type AuditRecord = {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_email: string | null;
  actor_role: string | null;
  action: string;
  target: string | null;
  outcome: string;
  csr_sha256: string | null;
  details: string;
  prev_hash: string;
  hash: string;
  /** Absent in rows read from before the column existed: those are plain. */
  hash_alg?: HashAlgorithm;
};

/** Whether `record`'s hash is an HMAC under the audit key. */
export function isKeyed(record: Pick<AuditRecord, 'hash_alg'>): boolean {
  return record.hash_alg === 'hmac-sha256';
}

/** The exact text the hash is taken over (see the format above). */
export function hashedText(record: Omit<AuditRecord, 'hash'>): string {
  const {
    seq,
    at,
    actor_id,
    actor_email,
    actor_role,
    action,
    target,
    outcome,
    csr_sha256,
    details,
    prev_hash,
  } = record;
  return JSON.stringify([
    isKeyed(record) ? `${hashFormat}:hmac-sha256` : hashFormat,
    seq,
    at,
    actor_id,
    actor_email,
    actor_role,
    action,
    target,
    outcome,
    csr_sha256,
    details,
    prev_hash,
  ]);
}

/** SHA-256 of the record's text, whatever its hash_alg says: what someone without the key can compute. */
export function plainHash(record: Omit<AuditRecord, 'hash'>): string {
  return createHash('sha256').update(hashedText(record), 'utf8').digest('hex');
}

/**
 * The record's hash as its hash_alg says: SHA-256 of its text, or for a keyed record HMAC-SHA-256 of it
 * under `key`. Throws for a keyed record without a key.
 */
export function recordHash(record: Omit<AuditRecord, 'hash'>, key: KeyObject | null = null): string {
  if (!isKeyed(record)) return plainHash(record);
  if (!key) throw new Error(`audit record #${record.seq} is keyed: its hash needs the key`);
  return createHmac('sha256', key).update(hashedText(record), 'utf8').digest('hex');
}

/**
 * The anchor's MAC under the key: HMAC-SHA-256 over JSON.stringify(["certdesk-audit-anchor-v1", seq,
 * hash]). Without the key nobody can move the anchor of a keyed log, so a cut-off tail shows.
 */
export function anchorMac(anchor: { seq: number; hash: string }, key: KeyObject): string {
  const text = JSON.stringify(['certdesk-audit-anchor-v1', anchor.seq, anchor.hash]);
  return createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

function serialize(value: unknown): string | undefined {
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    return serialize((value as { toJSON: () => unknown }).toJSON());
  }
  if (Array.isArray(value)) return `[${value.map((item) => serialize(item) ?? 'null').join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  // Written by hand: an object rebuilt in sorted order would still list integer-like keys first.
  const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const members = keys.flatMap((key) => {
    const text = serialize((value as Record<string, unknown>)[key]);
    return text === undefined ? [] : [`${JSON.stringify(key)}:${text}`];
  });
  return `{${members.join(',')}}`;
}

/** JSON with object keys sorted (by UTF-16 code unit) at every depth and no whitespace: one text per value. */
export function canonicalJson(value: unknown): string {
  return serialize(value ?? {}) ?? '{}';
}
