import Link from 'next/link';
import { ApprovalBoard } from '@/components/approvals/approval-board';
import { awaitedApprovers } from '@/components/approvals/awaited';
import { CancelRequest } from '@/components/requests/cancel-request';
import { TimeAgo } from '@/components/requests/countdown';
import { Deadlines } from '@/components/requests/deadlines';
import { StatusBadge, statusDescriptions } from '@/components/requests/status-badge';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardHeader } from '@/components/ui/card';
import { DescriptionList } from '@/components/ui/description-list';
import type { RequestView } from '@/lib/api/dto';

/** One waiting request as an officer needs it: what, by whom, since when, and whose decision is missing. */
export function ApprovalCard({ request }: { request: RequestView }) {
  const headingId = `queue-${request.id}`;
  const awaited = request.approval ? awaitedApprovers(request.approval) : [];
  const cancellable = request.status === 'PENDING' || request.status === 'APPROVED';
  return (
    <Card aria-labelledby={headingId} role="article">
      <CardHeader className="flex-row flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold">
          <span className="sr-only">Request for </span>
          {request.commonName}
        </h2>
        <span className="flex items-center gap-2 text-sm text-slate-600">
          <StatusBadge status={request.status} />
          <TimeAgo at={request.createdAt} prefix="submitted" />
        </span>
      </CardHeader>
      <CardContent className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div className="flex flex-col gap-4">
          <DescriptionList
            items={[
              { term: 'Signing key', detail: <span className="font-mono">{request.signKeyName}</span> },
              { term: 'Requester', detail: request.requester ?? '—' },
              { term: 'Awaiting', detail: awaitingText(request, awaited) },
              { term: 'Reason', detail: request.reason || <em>none given</em> },
            ]}
          />
          <Deadlines request={request} />
          <div className="mt-auto flex flex-wrap items-center gap-2">
            <Link
              href={`/requests/${request.id}`}
              className={buttonVariants({ variant: 'secondary', size: 'sm' })}
            >
              Open request<span className="sr-only"> for {request.commonName}</span>
            </Link>
            {cancellable ? (
              <CancelRequest
                id={request.id}
                label="Cancel"
                subject={`the request for ${request.commonName}`}
                size="sm"
              />
            ) : null}
          </div>
        </div>
        {request.approval ? <ApprovalBoard approval={request.approval} mode="progress" /> : null}
      </CardContent>
    </Card>
  );
}

function awaitingText(request: RequestView, awaited: string[]): string {
  if (request.status !== 'PENDING') return statusDescriptions[request.status];
  return awaited.length > 0 ? awaited.join(', ') : 'No one: the quorum can no longer be reached';
}
