import { ApprovalBoard } from '@/components/approvals/approval-board';
import { Deadlines } from '@/components/requests/deadlines';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { ApprovalView, RequestView } from '@/lib/api/dto';

/** Who approved, rejected or is awaited, per group, with the timelock and timeout running down. */
type ApprovalSectionProps = {
  request: Pick<RequestView, 'timelockEndsAt' | 'expiresAt'>;
  approval: ApprovalView;
  /** False once the request is final: countdowns no longer mean anything. */
  live: boolean;
};

export function ApprovalSection({ request, approval, live }: ApprovalSectionProps) {
  return (
    <Card aria-labelledby="approval-heading">
      <CardHeader>
        <CardTitle id="approval-heading">Approvals</CardTitle>
        <CardDescription>
          Approvers decide in their own Authorization App; CertDesk only shows their decisions.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {live ? <Deadlines request={request} /> : null}
        <ApprovalBoard approval={approval} mode="progress" />
      </CardContent>
    </Card>
  );
}
