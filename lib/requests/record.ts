import type { RequestStatus, RequestView } from '@/lib/api/dto';
import type { Rule } from '@/lib/policy';

/** A request as the registry keeps it: what the API shows plus what only the server needs. */
export type StoredRequest = RequestView & {
  idempotencyKey: string;
  /** SHA-256 of the submitted body, to tell a replay from a different request under the same key. */
  bodyHash: string;
  /** The key's use-rule as it was at submission; approvals are evaluated against it. */
  rule: Rule | null;
  approvedBy: string[];
  rejectedBy: string[];
};

export type HistoryEntry = StoredRequest['history'][number];

/** Requests still waiting on their submission or on the TSB. */
export const openStatuses: readonly RequestStatus[] = ['SUBMITTING', 'UNKNOWN', 'PENDING', 'APPROVED'];
