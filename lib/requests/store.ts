import 'server-only';
import { EventEmitter } from 'node:events';
import type { RequestListQuery, RequestView } from '@/lib/api/dto';
import { getDb, type TransactionWrite } from '@/lib/db';
import {
  findRequestRecord,
  insertRequestRecord,
  linkedTsbRequestIds,
  listRequestRecords,
  listRequestsByStatus,
  updateRequestRecord,
} from '@/lib/db/requests';
import { openStatuses, type StoredRequest } from './record';

// The request registry: the services' one interface to stored requests, over the database. Every write
// is announced in process so that live views (the SSE route) follow without polling.

export { DuplicateKeyError } from '@/lib/db/requests';
export { openStatuses, type StoredRequest } from './record';

// Kept on globalThis so that dev-mode module reloads keep one bus and one recovery per opened database.
const state = globalThis as typeof globalThis & {
  __certdeskRequestEvents?: EventEmitter;
  __certdeskRecovery?: WeakMap<object, Promise<number>>;
};
const events = (state.__certdeskRequestEvents ??= new EventEmitter().setMaxListeners(0));
const recoveries = (state.__certdeskRecovery ??= new WeakMap());

/** Strips what only the server needs. */
export function toView(request: StoredRequest): RequestView {
  const { idempotencyKey: _k, bodyHash: _h, rule: _r, approvedBy: _a, rejectedBy: _j, ...view } = request;
  return view;
}

function announce(row: StoredRequest): void {
  events.emit('change', toView(row));
}

/** Calls `listener` after every insert and update in this process; returns the unsubscribe. */
export function onRequestChange(listener: (view: RequestView) => void): () => void {
  events.on('change', listener);
  return () => events.off('change', listener);
}

/** A status change appends to the history (`note`, else the error message); updatedAt is always set. */
function applyPatch(current: StoredRequest, patch: Partial<StoredRequest>, note?: string): StoredRequest {
  const at = new Date().toISOString();
  const history =
    patch.status && patch.status !== current.status
      ? [...current.history, { status: patch.status, at, note: note ?? patch.error?.message ?? null }]
      : current.history;
  return {
    ...current,
    ...patch,
    id: current.id,
    idempotencyKey: current.idempotencyKey,
    history,
    updatedAt: at,
  };
}

const interrupted = {
  code: 'interrupted',
  message: 'CertDesk stopped while sending this request; whether the TSB received it is being checked.',
};

async function markInterrupted(): Promise<number> {
  const rows = await listRequestsByStatus(['SUBMITTING']);
  for (const row of rows) {
    const next = await updateRequestRecord(row.id, (current) =>
      applyPatch(current, { status: 'UNKNOWN', error: interrupted }),
    );
    if (next) announce(next);
  }
  return rows.length;
}

/**
 * Submissions a stopped process left SUBMITTING may or may not have reached the TSB: they become UNKNOWN
 * for reconciliation. Runs once per opened database, before any other registry access, so it never
 * touches a submission this process is sending. Resolves to the number of requests recovered.
 */
export async function recoverInterrupted(): Promise<number> {
  const db = await getDb();
  let recovery = recoveries.get(db);
  if (!recovery) {
    recovery = markInterrupted();
    recoveries.set(db, recovery);
    recovery.catch(() => recoveries.delete(db));
  }
  return recovery;
}

/** Inserts a new request; a second one under the same Idempotency-Key is refused with DuplicateKeyError. */
export async function insertRequest(row: StoredRequest): Promise<void> {
  await recoverInterrupted();
  await insertRequestRecord(row);
  announce(row);
}

/**
 * Applies `patch`; a status change is recorded in the history (with `note`, else the error's message);
 * updatedAt is set. `alongside` is stored in the same transaction: when it fails, the request is unchanged.
 */
export async function updateRequest(
  id: string,
  patch: Partial<StoredRequest>,
  { note, alongside }: { note?: string; alongside?: TransactionWrite } = {},
): Promise<StoredRequest> {
  await recoverInterrupted();
  const next = await updateRequestRecord(id, (current) => applyPatch(current, patch, note), alongside);
  if (!next) throw new Error(`request ${id} vanished from the registry`);
  announce(next);
  return next;
}

export async function findRequest(id: string): Promise<StoredRequest | undefined> {
  await recoverInterrupted();
  return findRequestRecord('id', id);
}

export async function findByIdempotencyKey(key: string): Promise<StoredRequest | undefined> {
  await recoverInterrupted();
  return findRequestRecord('idempotency_key', key);
}

export async function findByTsbRequestId(tsbId: string): Promise<StoredRequest | undefined> {
  await recoverInterrupted();
  return findRequestRecord('tsb_request_id', tsbId);
}

/** Requests still waiting on their submission or on the TSB, oldest first. */
export async function listOpenRequests(): Promise<StoredRequest[]> {
  await recoverInterrupted();
  return listRequestsByStatus(openStatuses);
}

/** One page of requests, filtered and sorted as asked, with the total that match. */
export async function listRequestPage(
  query: RequestListQuery,
): Promise<{ rows: StoredRequest[]; total: number }> {
  await recoverInterrupted();
  return listRequestRecords(query);
}

/** Which of these TSB request ids a stored request is linked to. */
export async function linkedTsbIds(tsbRequestIds: string[]): Promise<Set<string>> {
  await recoverInterrupted();
  return linkedTsbRequestIds(tsbRequestIds);
}
