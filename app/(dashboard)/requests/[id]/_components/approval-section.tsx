import { ApprovalBoard } from '@/components/approvals/approval-board';
import { Countdown } from '@/components/requests/countdown';
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
        {live && (request.timelockEndsAt || request.expiresAt) ? (
          <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm font-medium">
            {request.timelockEndsAt ? (
              <li>
                <Countdown label="Timelock ends" at={request.timelockEndsAt} passed="Timelock over" />
              </li>
            ) : null}
            {request.expiresAt ? (
              <li>
                <Countdown label="Expires" at={request.expiresAt} passed="Timeout reached" />
              </li>
            ) : null}
          </ul>
        ) : null}
        <ApprovalBoard approval={approval} mode="progress" />
      </CardContent>
    </Card>
  );
}
