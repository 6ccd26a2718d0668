import type { ApprovalView, ApproverView, GroupView, TokenView } from '@/lib/api/dto';
import { certificateIdentity, normaliseSpkiBase64 } from '@/lib/pki/spki';
import type { Approval, Group, Rule, Token } from './schema';

export interface ApprovalState {
  /** Base64 DER SPKIs of approvers who approved, as the TSB reports them. */
  approvedBy: readonly string[];
  /** Base64 DER SPKIs of approvers who rejected (deleted their task). */
  rejectedBy: readonly string[];
}

export interface PolicyApprover {
  name: string;
  /** Base64 DER SPKI; null for an onboarded approver (known by name only) or an unreadable certificate. */
  publicKey: string | null;
}

const unnamed = 'Unnamed approver';

/**
 * Who an approval entry designates. A `certificate` approval is matched by its certificate's key because the
 * TSB reports approvals by public key; an `onboarded_approver_certificate` carries only a name and so can
 * never be matched to a reported key.
 */
export function approverOf(approval: Approval): PolicyApprover {
  const value = approval.value ? normaliseSpkiBase64(approval.value) : '';
  if (approval.type === 'public_key') {
    return { name: approval.name ?? unnamed, publicKey: value || null };
  }
  if (approval.type === 'certificate') {
    const identity = value ? certificateIdentity(value) : null;
    return {
      name: approval.name ?? identity?.commonName ?? unnamed,
      publicKey: identity?.spkiBase64 ?? null,
    };
  }
  return { name: approval.name ?? unnamed, publicKey: null };
}

/**
 * Evaluates a key's rule against a request's approvals. Tokens are OR-ed, groups inside a token AND-ed, and a
 * group is satisfied when `quorum` of its approvals approved. A group stays reachable while enough of its
 * approvers have not rejected. A token without groups needs no approval, so it is satisfied. A key that
 * both approved and rejected counts as approved: the TSB counts the first approval it received.
 * A null rule yields no tokens.
 */
export function evaluateApproval(rule: Rule | null | undefined, state: ApprovalState): ApprovalView {
  const approved = new Set(state.approvedBy.map(normaliseSpkiBase64));
  const rejected = new Set(state.rejectedBy.map(normaliseSpkiBase64));
  const stateOf = (publicKey: string | null): ApproverView['state'] => {
    if (publicKey === null) return 'awaited';
    if (approved.has(publicKey)) return 'approved';
    return rejected.has(publicKey) ? 'rejected' : 'awaited';
  };
  return { tokens: (rule?.tokens ?? []).map((token) => evaluateToken(token, stateOf)) };
}

function evaluateToken(token: Token, stateOf: (key: string | null) => ApproverView['state']): TokenView {
  const groups = (token.groups ?? []).map((group) => evaluateGroup(group, stateOf));
  return {
    name: token.name,
    timelockSeconds: token.timelock,
    timeoutSeconds: token.timeout,
    satisfied: groups.every((group) => group.satisfied),
    reachable: groups.every((group) => group.reachable),
    groups,
  };
}

function evaluateGroup(group: Group, stateOf: (key: string | null) => ApproverView['state']): GroupView {
  const approvers = group.approvals.map((approval): ApproverView => {
    const { name, publicKey } = approverOf(approval);
    return { name, publicKey, state: stateOf(publicKey) };
  });
  const approved = approvers.filter((a) => a.state === 'approved').length;
  const rejected = approvers.filter((a) => a.state === 'rejected').length;
  return {
    name: group.name,
    quorum: group.quorum,
    approved,
    rejected,
    satisfied: approved >= group.quorum,
    reachable: approvers.length - rejected >= group.quorum,
    approvers,
  };
}

/** Some token is satisfied. A view without tokens (a key with no policy) is never "approved" here. */
export function isApproved(view: ApprovalView): boolean {
  return view.tokens.some((token) => token.satisfied);
}

/** There is at least one token and none of them can still be satisfied. */
export function isRejected(view: ApprovalView): boolean {
  return view.tokens.length > 0 && view.tokens.every((token) => !token.reachable);
}

/** Every approver named anywhere in the rule, once: deduplicated by public key, or by name when it has none. */
export function policyApproverKeys(rule: Rule | null | undefined): PolicyApprover[] {
  const seen = new Map<string, PolicyApprover>();
  for (const token of rule?.tokens ?? []) {
    for (const group of token.groups ?? []) {
      for (const approval of group.approvals) {
        const approver = approverOf(approval);
        const id = approver.publicKey !== null ? `key:${approver.publicKey}` : `name:${approver.name}`;
        if (!seen.has(id)) seen.set(id, approver);
      }
    }
  }
  return [...seen.values()];
}
