'use client';

import { TimeAgo } from '@/components/requests/countdown';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingRegion, Skeleton } from '@/components/ui/skeleton';
import { useReconciliation } from '@/lib/query/reconciliation';
import { TrackerStatus } from './tracker-status';
import { UnknownRequests } from './unknown-requests';
import { UntrackedRequests } from './untracked-requests';

export function ReconciliationView() {
  const { data, error, isFetching, refetch } = useReconciliation();

  if (!data) {
    if (error) {
      return (
        <ErrorState
          title="The TSB's requests could not be compared."
          message={error.message}
          onRetry={() => void refetch()}
        />
      );
    }
    return (
      <LoadingRegion label="Comparing with the TSB" className="flex flex-col gap-4">
        <Skeleton className="h-40 w-full" />
        <Skeleton className="h-40 w-full" />
      </LoadingRegion>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
        <TimeAgo at={data.checkedAt} prefix="Compared with the TSB" />
        <Button variant="secondary" size="sm" disabled={isFetching} onClick={() => void refetch()}>
          {isFetching ? 'Comparing…' : 'Compare again'}
        </Button>
      </div>
      <TrackerStatus />
      {error ? (
        <ErrorState
          title="The latest comparison failed."
          message={`${error.message} Showing the previous one.`}
        />
      ) : null}
      <UntrackedRequests requests={data.untracked} />
      <UnknownRequests requests={data.unknown} />
    </div>
  );
}
