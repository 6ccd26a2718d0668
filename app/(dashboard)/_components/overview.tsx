'use client';

import Link from 'next/link';
import { RequestsTable } from '@/components/requests/requests-table';
import { statusDescriptions, StatusBadge } from '@/components/requests/status-badge';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingRegion, Skeleton } from '@/components/ui/skeleton';
import type { RequestStatus } from '@/lib/api/dto';
import { useLivePolling } from '@/lib/query/events';
import { useRequestCounts } from '@/lib/query/request-counts';
import { requestListDefaults, useRequestList } from '@/lib/query/requests';
import { NewRequestLink } from '@/components/requests/new-request-link';

const groups: { title: string; statuses: RequestStatus[] }[] = [
  { title: 'Waiting', statuses: ['SUBMITTING', 'UNKNOWN', 'PENDING', 'APPROVED'] },
  { title: 'Issued', statuses: ['EXECUTED'] },
  { title: 'Not issued', statuses: ['REJECTED', 'EXPIRED', 'CANCELLED', 'FAILED'] },
];

const latestQuery = { ...requestListDefaults, pageSize: 5 };

/** `newRequest`: whether the actor may submit, decided on the server (lib/authz/nav.ts). */
export function Overview({ newRequest }: { newRequest: boolean }) {
  const refetchInterval = useLivePolling(10_000);
  const counts = useRequestCounts(refetchInterval);

  if (counts.state === 'pending') {
    return (
      <LoadingRegion label="Loading requests" className="grid gap-4 sm:grid-cols-3">
        {groups.map((g) => (
          <Skeleton key={g.title} className="h-36" />
        ))}
      </LoadingRegion>
    );
  }
  if (counts.state === 'error')
    return (
      <ErrorState
        title="The requests could not be loaded."
        message={counts.error.message}
        onRetry={counts.refetch}
      />
    );
  if (counts.total === 0) {
    return (
      <EmptyState
        title="No requests yet"
        description={
          newRequest
            ? "Submit a CSR to have it signed by one of the HSM's CA keys."
            : 'Requests appear here once submitted.'
        }
        action={newRequest ? <NewRequestLink /> : undefined}
      />
    );
  }

  return (
    <div className="flex flex-col gap-8">
      <div className="grid gap-4 sm:grid-cols-3">
        {groups.map((group) => (
          <StatusGroup key={group.title} {...group} counts={counts.counts} />
        ))}
      </div>
      <LatestRequests refetchInterval={refetchInterval} />
    </div>
  );
}

type StatusGroupProps = { title: string; statuses: RequestStatus[]; counts: Record<RequestStatus, number> };

function StatusGroup({ title, statuses, counts }: StatusGroupProps) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <p className="text-3xl font-semibold">{statuses.reduce((n, s) => n + counts[s], 0)}</p>
      </CardHeader>
      <CardContent>
        <dl className="flex flex-col gap-1 text-sm">
          {statuses.map((status) => (
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
  );
}

function LatestRequests({ refetchInterval }: { refetchInterval: number | false }) {
  const { data, error, refetch } = useRequestList(latestQuery, refetchInterval);
  return (
    <section aria-labelledby="latest-requests" className="flex flex-col gap-3">
      <div className="flex items-center justify-between">
        <h2 id="latest-requests" className="text-lg font-semibold">
          Latest requests
        </h2>
        <Link href="/requests" className={buttonVariants({ variant: 'link' })}>
          All requests
        </Link>
      </div>
      {data ? (
        <RequestsTable requests={data.requests} caption="The five latest requests" />
      ) : error ? (
        <ErrorState
          title="The latest requests could not be loaded."
          message={error.message}
          onRetry={() => void refetch()}
        />
      ) : (
        <LoadingRegion label="Loading the latest requests">
          <Skeleton className="h-40 w-full" />
        </LoadingRegion>
      )}
    </section>
  );
}
