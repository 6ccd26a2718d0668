'use client';

import { TimeAgo } from '@/components/requests/countdown';
import { Alert } from '@/components/ui/alert';
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
      {data.complete ? null : (
        <Alert tone="warn" title="The comparison was cut short.">
          The TSB answered too slowly to finish within the time an answer is due. What is shown was settled by
          then; the rest waits for the next comparison, here or by the tracker. Compare again to finish it.
        </Alert>
      )}
      <UntrackedRequests requests={data.untracked} />
      <UnknownRequests requests={data.unknown} />
    </div>
  );
}
