'use client';

import Link from 'next/link';
import { RequestsTable } from '@/components/requests/requests-table';
import { statusDescriptions, StatusBadge } from '@/components/requests/status-badge';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingRegion, Skeleton } from '@/components/ui/skeleton';
import { requestStatuses, type RequestStatus, type RequestView } from '@/lib/api/dto';
import { useRequests } from '@/lib/query/requests';

const groups: { title: string; statuses: RequestStatus[] }[] = [
  { title: 'Waiting', statuses: ['SUBMITTING', 'UNKNOWN', 'PENDING', 'APPROVED'] },
  { title: 'Issued', statuses: ['EXECUTED'] },
  { title: 'Not issued', statuses: ['REJECTED', 'EXPIRED', 'CANCELLED', 'FAILED'] },
];

function countByStatus(requests: RequestView[]): Record<RequestStatus, number> {
  const counts = Object.fromEntries(requestStatuses.map((s) => [s, 0])) as Record<RequestStatus, number>;
  for (const r of requests) counts[r.status] += 1;
  return counts;
}

export function Overview() {
  const { data: requests, error, isPending, refetch } = useRequests();

  if (isPending) {
    return (
      <LoadingRegion label="Loading requests" className="grid gap-4 sm:grid-cols-3">
        {groups.map((g) => (
          <Skeleton key={g.title} className="h-36" />
        ))}
      </LoadingRegion>
    );
  }
  if (error)
    return (
      <ErrorState
        title="The requests could not be loaded."
        message={error.message}
        onRetry={() => void refetch()}
      />
    );
  if (requests.length === 0) {
    return (
      <EmptyState
        title="No requests yet"
        description="Submit a CSR to have it signed by one of the HSM's CA keys."
        action={
          <Link href="/requests/new" className={buttonVariants()}>
            New request
          </Link>
        }
      />
    );
  }

  const counts = countByStatus(requests);
  return (
    <div className="flex flex-col gap-8">
      <div className="grid gap-4 sm:grid-cols-3">
        {groups.map((group) => (
          <Card key={group.title}>
            <CardHeader>
              <CardTitle>{group.title}</CardTitle>
              <p className="text-3xl font-semibold">{group.statuses.reduce((n, s) => n + counts[s], 0)}</p>
            </CardHeader>
            <CardContent>
              <dl className="flex flex-col gap-1 text-sm">
                {group.statuses.map((status) => (
                  <div key={status} className="flex items-center justify-between gap-2">
                    <dt>
                      <StatusBadge status={status} />
                      <span className="sr-only"> {statusDescriptions[status]}</span>
                    </dt>
                    <dd className="tabular-nums">{counts[status]}</dd>
                  </div>
                ))}
              </dl>
            </CardContent>
          </Card>
        ))}
      </div>
      <section aria-labelledby="latest-requests" className="flex flex-col gap-3">
        <div className="flex items-center justify-between">
          <h2 id="latest-requests" className="text-lg font-semibold">
            Latest requests
          </h2>
          <Link href="/requests" className={buttonVariants({ variant: 'link' })}>
            All requests
          </Link>
        </div>
        <RequestsTable requests={requests.slice(0, 5)} caption="The five latest requests" />
      </section>
    </div>
  );
}
