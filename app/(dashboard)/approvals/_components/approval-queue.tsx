'use client';

import { filterState, type FilterState } from '@/components/filters/filter-state';
import { NoResults } from '@/components/filters/no-results';
import { RequestFilters, requestFilterNames } from '@/components/filters/request-filters';
import { useUrlQuery } from '@/components/filters/use-url-query';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryState } from '@/components/ui/query-state';
import { LoadingRegion, Skeleton } from '@/components/ui/skeleton';
import type { RequestPage } from '@/lib/api/dto';
import { useLivePolling } from '@/lib/query/events';
import { useRequestList } from '@/lib/query/requests';
import { ApprovalCard } from './approval-card';
import { queueListQuery, queuePageSize, queueQuerySchema, queueStatuses } from './queue-query';

/** The officers' queue: every request still waiting, kept current by pushed changes or, failing that, polling. */
export function ApprovalQueue() {
  const [query, update] = useUrlQuery(queueQuerySchema);
  const list = useRequestList(queueListQuery(query), useLivePolling());
  const filters = filterState(query, update, requestFilterNames);
  return (
    <div className="flex flex-col gap-6">
      <RequestFilters
        label="Filter approvals"
        idPrefix="queue"
        statuses={queueStatuses}
        offerKey={(key) => key.policy !== null}
        query={query}
        onChange={update}
      />
      <QueryState
        result={list}
        errorTitle="The approvals could not be loaded."
        loading={
          <LoadingRegion label="Loading approvals" className="flex flex-col gap-4">
            <Skeleton className="h-48 w-full" />
            <Skeleton className="h-48 w-full" />
          </LoadingRegion>
        }
      >
        {(page) => <Queue page={page} error={list.error} filters={filters} />}
      </QueryState>
    </div>
  );
}

function Queue({ page, error, filters }: { page: RequestPage; error: Error | null; filters: FilterState }) {
  if (page.requests.length === 0) {
    return (
      <NoResults filters={filters} noMatches="No pending approvals match these filters">
        <EmptyState
          title="No approvals pending"
          description="Requests under an approval policy appear here as soon as they are submitted."
        />
      </NoResults>
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
        {page.total === 1 ? '1 request waiting' : `${page.total} requests waiting`}
        {page.total > queuePageSize
          ? `; the ${queuePageSize} oldest are shown, narrow the filters to see others`
          : ''}
      </p>
      {page.requests.map((request) => (
        <ApprovalCard key={request.id} request={request} />
      ))}
    </section>
  );
}
