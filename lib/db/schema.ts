import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

// Table types for Kysely. Column types stay portable: text for ids, ISO-8601 times and JSON documents,
// integer 0/1 for flags, so the same repositories run on SQLite now and PostgreSQL later.

/** JSON document stored as text. */
type Json = string;
/** ISO-8601 UTC timestamp with milliseconds; sorts as text. */
type Iso = string;

export interface RequestsTable {
  id: string;
  idempotency_key: string;
  body_hash: string;
  tsb_request_id: string | null;
  mode: string;
  status: string;
  requester: string | null;
  sign_key_name: string;
  signature_algorithm: string;
  common_name: string;
  certificate_authority: number;
  key_usage: Json;
  extended_key_usage: Json;
  reason: string;
  csr_pem: string;
  csr_sha256: string;
  rule: Json | null;
  approval: Json | null;
  approved_by: Json;
  rejected_by: Json;
  timelock_ends_at: Iso | null;
  expires_at: Iso | null;
  execution_time: Iso | null;
  certificate_pem: string | null;
  result_mismatches: Json;
  imported_label: string | null;
  error: Json | null;
  last_checked_at: Iso | null;
  created_at: Iso;
  updated_at: Iso;
}

export interface RequestEventsTable {
  request_id: string;
  /** Position in the request's history, from 0. */
  seq: number;
  status: string;
  at: Iso;
  note: string | null;
}

export interface CertificatesTable {
  id: string;
  source: 'issued' | 'imported';
  request_id: string | null;
  sign_key_name: string | null;
  imported_label: string | null;
  serial_hex: string;
  subject: string;
  issuer: string;
  common_name: string | null;
  not_before: Iso;
  not_after: Iso;
  sha256_fingerprint: string;
  pem: string;
  created_at: ColumnType<Iso, Iso, never>;
}

/** One audit record; `hash` chains it to the record before (see lib/audit/hash.ts for the format). */
export interface AuditEventsTable {
  seq: number;
  at: Iso;
  actor_id: string | null;
  actor_email: string | null;
  actor_role: string | null;
  action: string;
  target: string | null;
  outcome: string;
  csr_sha256: string | null;
  /** Canonical JSON (sorted keys, no spaces), hashed exactly as stored. */
  details: Json;
  prev_hash: string;
  hash: string;
  /** 'hmac-sha256' when `hash` is an HMAC under AUDIT_HMAC_KEY (migration 0007; older rows 'sha256'). */
  hash_alg: 'sha256' | 'hmac-sha256';
}

/** The chain's head as last written: one row, id 1. */
export interface AuditAnchorTable {
  id: number;
  seq: number;
  hash: string;
  /** HMAC of seq and hash under AUDIT_HMAC_KEY; null when written without the key. */
  mac: string | null;
}

export interface Database {
  requests: RequestsTable;
  request_events: RequestEventsTable;
  certificates: CertificatesTable;
  audit_events: AuditEventsTable;
  audit_anchor: AuditAnchorTable;
}

export type RequestRow = Selectable<RequestsTable>;
export type NewRequestRow = Insertable<RequestsTable>;
export type RequestRowPatch = Updateable<RequestsTable>;
export type RequestEventRow = Selectable<RequestEventsTable>;
export type CertificateRow = Selectable<CertificatesTable>;
export type NewCertificateRow = Insertable<CertificatesTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
