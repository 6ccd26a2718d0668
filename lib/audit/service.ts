import 'server-only';
import type { Actor } from '@/lib/auth/types';
import { toCsv } from '@/lib/certificates/csv';
import { getAuditConfig } from '@/lib/config';
import { listAuditRows, readAuditChain, type AuditEventRow } from '@/lib/db/audit';
import { verifyChain } from './chain';
import { openIntents } from './completeness';
import type { AuditEvent, AuditListQuery, AuditPage, AuditVerification } from './dto';
import { auditActor, recordAudit } from './record';

// Reading the audit log, itself audited (SECURITY.md row 38): browsing writes one 'audit.read' record per
// reader per minute (the filters of that minute's first page; paging and refetches inside the minute add
// none, so the log does not drown in its own reads); every export writes an 'audit.export' record and
// every verification an 'audit.verify' record. Each is written before the log is read: a reader is
// refused when the record cannot be written.

export const readThrottleMs = 60_000;

const state = globalThis as typeof globalThis & { __certdeskAuditReads?: Map<string, number> };
const lastRead = (state.__certdeskAuditReads ??= new Map<string, number>());

function filtersOf(query: AuditListQuery): Record<string, unknown> {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return filters;
}

async function noteRead(reader: Actor, query: AuditListQuery, now = Date.now()): Promise<void> {
  const key = reader.userId;
  const last = lastRead.get(key);
  if (last !== undefined && now - last < readThrottleMs) return;
  await recordAudit({
    actor: auditActor(reader),
    action: 'audit.read',
    target: null,
    outcome: 'success',
    details: { filters: filtersOf(query) },
  });
  lastRead.set(key, now);
  // Forget readers who left, so the map stays as small as the set of recent readers.
  for (const [user, at] of lastRead) if (now - at >= readThrottleMs) lastRead.delete(user);
}

export function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    seq: row.seq,
    at: row.at,
    actor: { userId: row.actor_id, email: row.actor_email, role: row.actor_role },
    action: row.action,
    target: row.target,
    outcome: row.outcome,
    csrSha256: row.csr_sha256,
    details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
    hashAlg: row.hash_alg,
  };
}

/** One page of audit events matching `query`; audited as 'audit.read' at most once a minute per reader. */
export async function listAuditEvents(query: AuditListQuery, reader: Actor): Promise<AuditPage> {
  await noteRead(reader, query);
  const { rows, total } = await listAuditRows(query);
  return { events: rows.map(toAuditEvent), total, page: query.page, pageSize: query.pageSize };
}

const csvColumns: { header: string; value: (row: AuditEventRow) => string | number | null }[] = [
  { header: 'seq', value: (r) => r.seq },
  { header: 'at', value: (r) => r.at },
  { header: 'actor_id', value: (r) => r.actor_id },
  { header: 'actor_email', value: (r) => r.actor_email },
  { header: 'actor_role', value: (r) => r.actor_role },
  { header: 'action', value: (r) => r.action },
  { header: 'target', value: (r) => r.target },
  { header: 'outcome', value: (r) => r.outcome },
  { header: 'csr_sha256', value: (r) => r.csr_sha256 },
  { header: 'details', value: (r) => r.details },
  { header: 'prev_hash', value: (r) => r.prev_hash },
  { header: 'hash', value: (r) => r.hash },
  { header: 'hash_alg', value: (r) => r.hash_alg },
];

/**
 * Every event matching the filters (paging ignored) as CSV, cells guarded against formula injection. The
 * columns are the stored fields, so the hashes can be recomputed from an export (see ./hash.ts) except
 * where the guard prefixed a cell with an apostrophe.
 */
export async function exportAuditEvents(
  query: AuditListQuery,
  reader: Actor,
): Promise<{ body: string; type: string; name: string }> {
  await recordAudit({
    actor: auditActor(reader),
    action: 'audit.export',
    target: null,
    outcome: 'success',
    details: { filters: filtersOf(query), format: 'csv' },
  });
  const { rows } = await listAuditRows(query, { all: true });
  const stamp = new Date().toISOString().slice(0, 10);
  return { body: toCsv(csvColumns, rows), type: 'text/csv; charset=utf-8', name: `audit-${stamp}.csv` };
}

/**
 * Verifies the whole chain against its anchor, keyed records with AUDIT_HMAC_KEY, and lists intents left
 * without an outcome, then records who verified it and what was found.
 */
export async function verifyAuditLog(reader: Actor): Promise<AuditVerification> {
  const { rows, anchor } = await readAuditChain();
  const verdict = {
    ...verifyChain(rows, anchor, getAuditConfig().hmacKey),
    openIntents: openIntents(rows),
  };
  const found = {
    ...(verdict.ok ? {} : { problems: verdict.problems.length }),
    ...(verdict.keyed ? { keyed: verdict.keyed } : {}),
    openIntents: verdict.openIntents.length,
  };
  await recordAudit({
    actor: auditActor(reader),
    action: 'audit.verify',
    target: null,
    outcome: verdict.ok ? 'success' : 'failure',
    details: { count: verdict.count, head: verdict.head, ...found },
  });
  return verdict;
}
