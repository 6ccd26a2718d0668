import { Badge } from '@/components/ui/badge';
import type { ApproverView, ApprovalView, GroupView, TokenView } from '@/lib/api/dto';
import { formatDuration } from '@/components/requests/format';

/**
 * A key's approval policy, by approver name, grouped as in the policy. In "policy" mode it says what
 * will be needed; in "progress" mode it shows who approved, rejected or is still awaited.
 */
export function ApprovalBoard({ approval, mode }: { approval: ApprovalView; mode: 'policy' | 'progress' }) {
  const { tokens } = approval;
  return (
    <div className="flex flex-col gap-4">
      {tokens.length > 1 ? (
        <p className="text-sm text-slate-700">Any one of these {tokens.length} approval paths is enough.</p>
      ) : null}
      {tokens.map((token, index) => (
        <TokenBlock key={`${token.name}-${index}`} token={token} mode={mode} />
      ))}
    </div>
  );
}

function TokenBlock({ token, mode }: { token: TokenView; mode: 'policy' | 'progress' }) {
  return (
    <div className="flex flex-col gap-3 rounded-md border border-slate-200 p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold">{token.name}</h3>
        {mode === 'progress' ? <Outcome satisfied={token.satisfied} reachable={token.reachable} /> : null}
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">Timelock</dt>
        <dd>{token.timelockSeconds > 0 ? formatDuration(token.timelockSeconds) : 'None'}</dd>
        <dt className="text-slate-600">Timeout</dt>
        <dd>{token.timeoutSeconds > 0 ? formatDuration(token.timeoutSeconds) : 'Never expires'}</dd>
      </dl>
      {token.groups.length > 1 ? (
        <p className="text-sm text-slate-700">Every group must reach its quorum.</p>
      ) : null}
      <div className="grid gap-3 md:grid-cols-2">
        {token.groups.map((group, index) => (
          <GroupBlock key={`${group.name}-${index}`} group={group} mode={mode} />
        ))}
      </div>
    </div>
  );
}

function GroupBlock({ group, mode }: { group: GroupView; mode: 'policy' | 'progress' }) {
  const quorumText =
    mode === 'policy'
      ? `${group.quorum} of ${group.approvers.length} approvers must approve`
      : `${group.approved} of ${group.quorum} approvals`;
  return (
    <section aria-label={`Group ${group.name}`} className="flex flex-col gap-2 rounded-md bg-slate-50 p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h4 className="text-sm font-semibold">{group.name}</h4>
        {mode === 'progress' ? <Outcome satisfied={group.satisfied} reachable={group.reachable} /> : null}
      </div>
      <p className="text-sm">
        {quorumText}
        {mode === 'progress' && group.rejected > 0 ? `, ${group.rejected} rejected` : null}
      </p>
      {mode === 'progress' ? (
        <progress
          className="h-2 w-full overflow-hidden rounded-full [&::-moz-progress-bar]:bg-ok [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-ok"
          max={group.quorum}
          value={Math.min(group.approved, group.quorum)}
          aria-label={`${group.name}: ${quorumText}`}
        />
      ) : null}
      <ul className="flex flex-col gap-1 text-sm">
        {group.approvers.map((approver, index) => (
          <ApproverRow key={`${approver.name}-${index}`} approver={approver} mode={mode} />
        ))}
      </ul>
    </section>
  );
}

const approverBadges = {
  approved: { tone: 'ok', text: 'Approved' },
  rejected: { tone: 'danger', text: 'Rejected' },
  awaited: { tone: 'neutral', text: 'Awaited' },
} as const;

function ApproverRow({ approver, mode }: { approver: ApproverView; mode: 'policy' | 'progress' }) {
  const badge = approverBadges[approver.state];
  return (
    <li className="flex items-center justify-between gap-2">
      <span>{approver.name}</span>
      {mode === 'progress' ? <Badge tone={badge.tone}>{badge.text}</Badge> : null}
    </li>
  );
}

function Outcome({ satisfied, reachable }: { satisfied: boolean; reachable: boolean }) {
  if (satisfied) return <Badge tone="ok">Quorum reached</Badge>;
  if (!reachable) return <Badge tone="danger">Quorum unreachable</Badge>;
  return <Badge tone="info">In progress</Badge>;
}
