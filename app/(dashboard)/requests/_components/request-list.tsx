'use client';

import Link from 'next/link';
import { RequestsTable } from '@/components/requests/requests-table';
import { buttonVariants } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingRegion, Skeleton } from '@/components/ui/skeleton';
import { useRequests } from '@/lib/query/requests';

export function RequestList() {
  const { data: requests, error, isPending, refetch } = useRequests();

  if (isPending) {
    return (
      <LoadingRegion label="Loading requests" className="flex flex-col gap-2">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-10 w-full" />
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
        description="Requests appear here once submitted."
        action={
          <Link href="/requests/new" className={buttonVariants()}>
            New request
          </Link>
        }
      />
    );
  }
  return <RequestsTable requests={requests} caption="Certificate requests, newest first" />;
}
