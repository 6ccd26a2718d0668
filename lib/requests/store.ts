import 'server-only';
import type { RequestView } from '@/lib/api/dto';
import type { Rule } from '@/lib/policy';

// The request registry. In memory for now, behind this small interface so a database can replace it
// without touching the services.

export type StoredRequest = RequestView & {
  idempotencyKey: string;
  /** SHA-256 of the submitted body, to tell a replay from a different request under the same key. */
  bodyHash: string;
  /** The key's use-rule as it was at submission; approvals are evaluated against it. */
  rule: Rule | null;
  approvedBy: string[];
  rejectedBy: string[];
};

type Store = { byId: Map<string, StoredRequest>; byIdempotencyKey: Map<string, string> };

// Kept on globalThis so that dev-mode module reloads do not forget submissions.
const globalStore = globalThis as typeof globalThis & { __certdeskRequests?: Store };
const store: Store = (globalStore.__certdeskRequests ??= { byId: new Map(), byIdempotencyKey: new Map() });

export function insertRequest(request: StoredRequest): void {
  store.byId.set(request.id, request);
  store.byIdempotencyKey.set(request.idempotencyKey, request.id);
}

export function updateRequest(id: string, patch: Partial<StoredRequest>): StoredRequest {
  const current = store.byId.get(id);
  if (!current) throw new Error(`request ${id} vanished from the store`);
  const at = new Date().toISOString();
  const history =
    patch.status && patch.status !== current.status
      ? [...current.history, { status: patch.status, at, note: patch.error?.message ?? null }]
      : current.history;
  const next = { ...current, ...patch, history, updatedAt: at };
  store.byId.set(id, next);
  return next;
}

export function findRequest(id: string): StoredRequest | undefined {
  return store.byId.get(id);
}

export function findByIdempotencyKey(key: string): StoredRequest | undefined {
  const id = store.byIdempotencyKey.get(key);
  return id === undefined ? undefined : store.byId.get(id);
}

/** Newest first. */
export function listStoredRequests(): StoredRequest[] {
  return [...store.byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Strips what only the server needs. */
export function toView(request: StoredRequest): RequestView {
  const { idempotencyKey: _k, bodyHash: _h, rule: _r, approvedBy: _a, rejectedBy: _j, ...view } = request;
  return view;
}
