import 'server-only';
import { EventEmitter } from 'node:events';
import type { RequestListQuery, RequestStatus, RequestView } from '@/lib/api/dto';
import type { Rule } from '@/lib/policy';

// The request registry. In memory for now, behind this small async interface so a database can replace
// it without touching the services.

export type StoredRequest = RequestView & {
  idempotencyKey: string;
  /** SHA-256 of the submitted body, to tell a replay from a different request under the same key. */
  bodyHash: string;
  /** The key's use-rule as it was at submission; approvals are evaluated against it. */
  rule: Rule | null;
  approvedBy: string[];
  rejectedBy: string[];
};

export const openStatuses: readonly RequestStatus[] = ['SUBMITTING', 'UNKNOWN', 'PENDING', 'APPROVED'];

type Store = { byId: Map<string, StoredRequest>; byIdempotencyKey: Map<string, string>; events: EventEmitter };

// Kept on globalThis so that dev-mode module reloads do not forget submissions.
const globalStore = globalThis as typeof globalThis & { __certdeskRequests?: Store };
const store: Store = (globalStore.__certdeskRequests ??= { byId: new Map(), byIdempotencyKey: new Map(), events: new EventEmitter() });

/** Strips what only the server needs. */
export function toView(request: StoredRequest): RequestView {
  const { idempotencyKey: _k, bodyHash: _h, rule: _r, approvedBy: _a, rejectedBy: _j, ...view } = request;
  return view;
}

function changed(row: StoredRequest): void {
  store.events.emit('change', toView(row));
}

/** Calls `listener` after every insert and update in this process; returns the unsubscribe. */
export function onRequestChange(listener: (view: RequestView) => void): () => void {
  store.events.on('change', listener);
  return () => store.events.off('change', listener);
}

/** Inserts a new request; a second row under the same Idempotency-Key is refused. */
export function insertRequest(request: StoredRequest): Promise<void> {
  if (store.byIdempotencyKey.has(request.idempotencyKey)) return Promise.reject(new Error('duplicate idempotency key'));
  store.byId.set(request.id, request);
  store.byIdempotencyKey.set(request.idempotencyKey, request.id);
  changed(request);
  return Promise.resolve();
}

/** Applies `patch`, records a status change in the history and stamps updatedAt. */
export function updateRequest(id: string, patch: Partial<StoredRequest>): Promise<StoredRequest> {
  const current = store.byId.get(id);
  if (!current) return Promise.reject(new Error(`request ${id} vanished from the store`));
  const at = new Date().toISOString();
  const history =
    patch.status && patch.status !== current.status
      ? [...current.history, { status: patch.status, at, note: patch.error?.message ?? null }]
      : current.history;
  const next = { ...current, ...patch, history, updatedAt: at };
  store.byId.set(id, next);
  changed(next);
  return Promise.resolve(next);
}

export function findRequest(id: string): Promise<StoredRequest | undefined> {
  return Promise.resolve(store.byId.get(id));
}

export function findByIdempotencyKey(key: string): Promise<StoredRequest | undefined> {
  const id = store.byIdempotencyKey.get(key);
  return Promise.resolve(id === undefined ? undefined : store.byId.get(id));
}

export function findByTsbRequestId(tsbId: string): Promise<StoredRequest | undefined> {
  return Promise.resolve([...store.byId.values()].find((row) => row.tsbRequestId === tsbId));
}

/** Requests still waiting on the submission or the TSB. */
export function listOpenRequests(): Promise<StoredRequest[]> {
  return Promise.resolve([...store.byId.values()].filter((row) => openStatuses.includes(row.status)));
}

function matches(row: StoredRequest, query: RequestListQuery): boolean {
  if (query.status?.length && !query.status.includes(row.status)) return false;
  if (query.key && row.signKeyName !== query.key) return false;
  if (query.requester && row.requester !== query.requester) return false;
  if (!query.q) return true;
  const q = query.q.toLowerCase();
  return [row.commonName, row.id, row.tsbRequestId, row.signKeyName, row.requester].some((v) => v?.toLowerCase().includes(q));
}

/** One page of requests, filtered and sorted as asked. */
export function listRequestPage(query: RequestListQuery): Promise<{ rows: StoredRequest[]; total: number }> {
  const direction = query.order === 'asc' ? 1 : -1;
  const all = [...store.byId.values()]
    .filter((row) => matches(row, query))
    .sort((a, b) => direction * String(a[query.sort]).localeCompare(String(b[query.sort])));
  const start = (query.page - 1) * query.pageSize;
  return Promise.resolve({ rows: all.slice(start, start + query.pageSize), total: all.length });
}
