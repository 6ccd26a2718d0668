'use client';

import { useUrlQuery } from '@/components/filters/use-url-query';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingRegion, Skeleton } from '@/components/ui/skeleton';
import { useLivePolling } from '@/lib/query/events';
import { useRequestList } from '@/lib/query/requests';
import { ApprovalCard } from './approval-card';
import { ApprovalFilters } from './approval-filters';
import { hasFilters, queueListQuery, queuePageSize, queueQuerySchema } from './queue-query';

/** The officers' queue: every request still waiting, kept current by pushed changes or, failing that, polling. */
export function ApprovalQueue() {
  const [query, update] = useUrlQuery(queueQuerySchema);
  const list = useRequestList(queueListQuery(query), useLivePolling());
  const filtered = hasFilters(query);
  const clear = () => update({ status: undefined, key: undefined, requester: undefined, q: undefined });

  return (
    <div className="flex flex-col gap-6">
      <ApprovalFilters query={query} onChange={update} />
      <QueueBody list={list} filtered={filtered} onClear={clear} />
    </div>
  );
}

type QueueBodyProps = {
  list: ReturnType<typeof useRequestList>;
  filtered: boolean;
  onClear: () => void;
};

function QueueBody({ list, filtered, onClear }: QueueBodyProps) {
  const { data, error, isPending, refetch } = list;
  if (isPending) {
    return (
      <LoadingRegion label="Loading approvals" className="flex flex-col gap-4">
        <Skeleton className="h-48 w-full" />
        <Skeleton className="h-48 w-full" />
      </LoadingRegion>
    );
  }
  if (!data) {
    return (
      <ErrorState
        title="The approvals could not be loaded."
        message={error?.message ?? 'No answer.'}
        onRetry={() => void refetch()}
      />
    );
  }
  if (data.requests.length === 0) {
    return filtered ? (
      <EmptyState
        title="No pending approvals match these filters"
        action={
          <Button variant="secondary" onClick={onClear}>
            Clear filters
          </Button>
        }
      />
    ) : (
      <EmptyState
        title="No approvals pending"
        description="Requests under an approval policy appear here as soon as they are submitted."
      />
    );
  }
  return (
    <section aria-label="Pending approvals" className="flex flex-col gap-4">
      {/* A failed refresh keeps the last known queue on screen. */}
      {error ? (
        <Alert tone="warn" title="The latest state could not be read.">
          {error.message} Showing the queue as last read.
        </Alert>
      ) : null}
      <p role="status" className="text-sm text-slate-600">
        {data.total === 1 ? '1 request waiting' : `${data.total} requests waiting`}
        {data.total > queuePageSize
          ? `; the ${queuePageSize} oldest are shown, narrow the filters to see others`
          : ''}
      </p>
      {data.requests.map((request) => (
        <ApprovalCard key={request.id} request={request} />
      ))}
    </section>
  );
}
