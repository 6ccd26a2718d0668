import type { ApprovalView } from '@/lib/api/dto';

/**
 * The approvers whose decision can still move the request forward: those not yet decided, in groups that
 * have not reached their quorum, on approval paths that can still succeed. Each name once, policy order.
 */
export function awaitedApprovers(approval: ApprovalView): string[] {
  const names = new Set<string>();
  for (const token of approval.tokens) {
    if (token.satisfied || !token.reachable) continue;
    for (const group of token.groups) {
      if (group.satisfied) continue;
      for (const approver of group.approvers) if (approver.state === 'awaited') names.add(approver.name);
    }
  }
  return [...names];
}
