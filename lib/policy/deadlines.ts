import type { Rule } from './schema';

export interface ApprovalDeadlines {
  timelockEndsAt: Date | null;
  expiresAt: Date | null;
}

/**
 * When a request's timelock ends and when it expires, from its key's rule. Both are seconds counted from
 * request creation, 0 meaning none.
 *
 * Any satisfied token releases the request, so with several tokens:
 * - expiresAt is the latest token timeout (the request stays approvable until the last token times out), and
 *   null as soon as one token has timeout 0 (never expires) or the rule has no tokens;
 * - timelockEndsAt is the earliest token timelock, null when that is 0 (some token is active at once).
 * Once quorum is reached (`approvedAt` given) the timeout no longer applies: expiresAt is null, the timelock
 * still holds.
 */
export function approvalDeadlines(
  rule: Rule | null | undefined,
  createdAt: Date,
  approvedAt?: Date | null,
): ApprovalDeadlines {
  const tokens = rule?.tokens ?? [];
  if (tokens.length === 0) return { timelockEndsAt: null, expiresAt: null };
  const after = (seconds: number) => new Date(createdAt.getTime() + seconds * 1000);

  const timeouts = tokens.map((token) => token.timeout);
  const neverExpires = approvedAt != null || timeouts.some((timeout) => timeout === 0);
  const smallestTimelock = Math.min(...tokens.map((token) => token.timelock));

  return {
    timelockEndsAt: smallestTimelock > 0 ? after(smallestTimelock) : null,
    expiresAt: neverExpires ? null : after(Math.max(...timeouts)),
  };
}
