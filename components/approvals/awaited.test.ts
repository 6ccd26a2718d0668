import { describe, expect, it } from 'vitest';
import type { ApproverView, GroupView, TokenView } from '@/lib/api/dto';
import { awaitedApprovers } from './awaited';

const approver = (name: string, state: ApproverView['state']): ApproverView => ({
  name,
  publicKey: null,
  state,
});

function group(name: string, quorum: number, approvers: ApproverView[]): GroupView {
  const approved = approvers.filter((a) => a.state === 'approved').length;
  const rejected = approvers.filter((a) => a.state === 'rejected').length;
  return {
    name,
    quorum,
    approved,
    rejected,
    satisfied: approved >= quorum,
    reachable: approvers.length - rejected >= quorum,
    approvers,
  };
}

function token(groups: GroupView[]): TokenView {
  return {
    name: 'token',
    timelockSeconds: 0,
    timeoutSeconds: 0,
    satisfied: groups.every((g) => g.satisfied),
    reachable: groups.every((g) => g.reachable),
    groups,
  };
}

describe('awaitedApprovers', () => {
  it('names the undecided approvers of a group short of its quorum', () => {
    const officers = group('Officers', 2, [
      approver('Alice Keller', 'approved'),
      approver('Bruno Meier', 'awaited'),
      approver('Chloé Rossi', 'awaited'),
    ]);
    expect(awaitedApprovers({ tokens: [token([officers])] })).toEqual(['Bruno Meier', 'Chloé Rossi']);
  });

  it('leaves out groups already at quorum and paths that can no longer succeed', () => {
    const done = group('Done', 1, [approver('Alice Keller', 'approved'), approver('David Weber', 'awaited')]);
    const open = group('Open', 1, [approver('Bruno Meier', 'awaited')]);
    const lost = group('Lost', 2, [approver('Chloé Rossi', 'rejected'), approver('Eve Roth', 'awaited')]);
    const approval = { tokens: [token([done, open]), token([lost])] };
    expect(awaitedApprovers(approval)).toEqual(['Bruno Meier']);
  });
});
