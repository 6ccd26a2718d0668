import type { RequestStatus } from '@/lib/api/dto';
import type { HistoryEntry, StoredRequest } from '@/lib/requests/record';
import type { NewRequestRow, RequestEventRow, RequestRow } from './schema';

// Stored request ↔ table row. JSON columns are written here only, so reading them back with a cast is safe.

const json = (value: unknown) => JSON.stringify(value);
const parsed = <T>(text: string): T => JSON.parse(text) as T;
const parsedOrNull = <T>(text: string | null): T | null => (text === null ? null : parsed<T>(text));

export function toRow(record: StoredRequest): NewRequestRow {
  return {
    id: record.id,
    idempotency_key: record.idempotencyKey,
    body_hash: record.bodyHash,
    tsb_request_id: record.tsbRequestId,
    mode: record.mode,
    status: record.status,
    requester: record.requester,
    sign_key_name: record.signKeyName,
    signature_algorithm: record.signatureAlgorithm,
    common_name: record.commonName,
    certificate_authority: record.certificateAuthority ? 1 : 0,
    key_usage: json(record.keyUsage),
    extended_key_usage: json(record.extendedKeyUsage),
    reason: record.reason,
    csr_pem: record.csrPem,
    csr_sha256: record.csrSha256,
    rule: record.rule === null ? null : json(record.rule),
    approval: record.approval === null ? null : json(record.approval),
    approved_by: json(record.approvedBy),
    rejected_by: json(record.rejectedBy),
    timelock_ends_at: record.timelockEndsAt,
    expires_at: record.expiresAt,
    execution_time: record.executionTime,
    certificate_pem: record.certificatePem,
    result_mismatches: json(record.resultMismatches),
    imported_label: record.importedLabel,
    error: record.error === null ? null : json(record.error),
    last_checked_at: record.lastCheckedAt,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
  };
}

export function fromRow(row: RequestRow, events: RequestEventRow[]): StoredRequest {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    bodyHash: row.body_hash,
    tsbRequestId: row.tsb_request_id,
    mode: row.mode as StoredRequest['mode'],
    status: row.status as RequestStatus,
    requester: row.requester,
    signKeyName: row.sign_key_name,
    signatureAlgorithm: row.signature_algorithm as StoredRequest['signatureAlgorithm'],
    commonName: row.common_name,
    certificateAuthority: row.certificate_authority === 1,
    keyUsage: parsed(row.key_usage),
    extendedKeyUsage: parsed(row.extended_key_usage),
    reason: row.reason,
    csrPem: row.csr_pem,
    csrSha256: row.csr_sha256,
    rule: parsedOrNull(row.rule),
    approval: parsedOrNull(row.approval),
    approvedBy: parsed(row.approved_by),
    rejectedBy: parsed(row.rejected_by),
    timelockEndsAt: row.timelock_ends_at,
    expiresAt: row.expires_at,
    executionTime: row.execution_time,
    certificatePem: row.certificate_pem,
    resultMismatches: parsed(row.result_mismatches),
    importedLabel: row.imported_label,
    error: parsedOrNull(row.error),
    lastCheckedAt: row.last_checked_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    history: events.map(toHistoryEntry),
  };
}

function toHistoryEntry(event: RequestEventRow): HistoryEntry {
  return { status: event.status as RequestStatus, at: event.at, note: event.note };
}

export function toEventRows(id: string, history: HistoryEntry[], from = 0): RequestEventRow[] {
  return history.slice(from).map((entry, index) => ({ request_id: id, seq: from + index, ...entry }));
}
