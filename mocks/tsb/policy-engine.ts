import { evaluateApproval, isRejected, type Rule } from '@/lib/policy';
import type { RequestRecord, RequestStatus } from './state';

// Where a request stands under its key's rule (tsb-api.md §4.1): the quorum arithmetic is lib/policy's,
// the timing is added here. Evaluated lazily at every read, so no timers are needed.

export type Outcome =
  { status: Exclude<RequestStatus, 'EXECUTED' | 'FAILED' | 'CANCELLED'> } | { status: 'RELEASE'; at: Date };

type Token = NonNullable<Rule['tokens']>[number];

const after = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);

/** Whether the token still took approvals at `at` (timeout 0 = never expires). */
const alive = (token: Token, createdAt: Date, at: Date) =>
  token.timeout === 0 || at < after(createdAt, token.timeout);

export function decisionsOf(request: RequestRecord) {
  const decided = request.tasks
    .filter((task) => task.decision)
    .sort((a, b) => (a.decision?.at.getTime() ?? 0) - (b.decision?.at.getTime() ?? 0));
  const keysWith = (kind: 'approved' | 'rejected') =>
    decided.filter((task) => task.decision?.kind === kind).map((task) => task.approverKey);
  return { approvedBy: keysWith('approved'), rejectedBy: keysWith('rejected') };
}

/**
 * The outcome of a request that is not final yet, at `now`. A satisfied token (quorum reached before its
 * timeout) releases the request once its timelock, counted from creation, has passed: APPROVED until then,
 * RELEASE (execute) after. Otherwise REJECTED when rejections leave no token reachable, EXPIRED when every
 * token timed out, else PENDING. Tokens are OR-ed, groups AND-ed (lib/policy).
 */
export function outcomeOf(request: RequestRecord, now: Date): Outcome {
  const tokens = request.rule?.tokens ?? [];
  if (tokens.length === 0) return { status: 'RELEASE', at: request.createdAt };
  const view = evaluateApproval(request.rule, decisionsOf(request));
  const quorumAt = request.approvedAt ?? now;
  const released = tokens.filter(
    (token, i) => view.tokens[i]?.satisfied && alive(token, request.createdAt, quorumAt),
  );
  if (released.length > 0) {
    const timelockEnds = after(request.createdAt, Math.min(...released.map((token) => token.timelock)));
    const at = new Date(Math.max(timelockEnds.getTime(), quorumAt.getTime()));
    return at <= now ? { status: 'RELEASE', at } : { status: 'APPROVED' };
  }
  if (isRejected(view)) return { status: 'REJECTED' };
  if (tokens.every((token) => !alive(token, request.createdAt, now))) return { status: 'EXPIRED' };
  return { status: 'PENDING' };
}
