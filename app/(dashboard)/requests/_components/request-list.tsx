'use client';

import Link from 'next/link';
import { useUrlQuery } from '@/components/filters/use-url-query';
import { Alert } from '@/components/ui/alert';
import { Button, buttonVariants } from '@/components/ui/button';
import { DataTable, useSortedTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageRange, Pagination } from '@/components/ui/pagination';
import { LoadingRegion, Skeleton } from '@/components/ui/skeleton';
import { requestListQuerySchema, type RequestListQuery, type RequestPage } from '@/lib/api/dto';
import { useLivePolling } from '@/lib/query/events';
import { useRequestList } from '@/lib/query/requests';
import { requestColumns } from './request-columns';
import { RequestFilters } from './request-filters';

type Update = ReturnType<typeof useUrlQuery<typeof requestListQuerySchema>>[1];

/** Every request, filtered, sorted and paged by the server; the whole view lives in the address bar. */
export function RequestList() {
  const [query, update] = useUrlQuery(requestListQuerySchema);
  const { data, error, isPending, isPlaceholderData, refetch } = useRequestList(
    query,
    useLivePolling(10_000),
  );
  const filtered = Boolean(query.status?.length || query.key || query.requester || query.q);

  let body;
  if (isPending) {
    body = (
      <LoadingRegion label="Loading requests" className="flex flex-col gap-2">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </LoadingRegion>
    );
  } else if (!data) {
    body = (
      <ErrorState
        title="The requests could not be loaded."
        message={error?.message ?? 'No answer.'}
        onRetry={() => void refetch()}
      />
    );
  } else if (data.total === 0) {
    body = <NoRequests filtered={filtered} onClear={() => update(clearedFilters)} />;
  } else {
    body = <RequestResults page={data} query={query} update={update} stale={isPlaceholderData} />;
  }

  return (
    <div className="flex flex-col gap-6">
      <RequestFilters query={query} onChange={update} />
      {data && error ? (
        <Alert tone="warn" title="The latest list could not be read.">
          {error.message} Showing the list as last read.
        </Alert>
      ) : null}
      {body}
    </div>
  );
}

const clearedFilters = { status: undefined, key: undefined, requester: undefined, q: undefined };

type ResultsProps = { page: RequestPage; query: RequestListQuery; update: Update; stale: boolean };

function RequestResults({ page, query, update, stale }: ResultsProps) {
  const table = useSortedTable({
    data: page.requests,
    columns: requestColumns,
    getRowId: (request) => request.id,
    sort: { id: query.sort, desc: query.order === 'desc' },
    onSortChange: ({ id, desc }) =>
      update({ sort: requestListQuerySchema.shape.sort.parse(id), order: desc ? 'desc' : 'asc' }),
  });
  return (
    <section aria-label="Requests" aria-busy={stale} className="flex flex-col gap-3">
      <PageRange
        page={page.page}
        pageSize={page.pageSize}
        shown={page.requests.length}
        total={page.total}
        noun={{ one: 'request', other: 'requests' }}
      />
      {page.requests.length > 0 ? (
        <DataTable table={table} caption="Certificate requests" />
      ) : (
        <Button variant="secondary" className="self-start" onClick={() => update({ page: 1 })}>
          Go to the first page
        </Button>
      )}
      <Pagination
        page={query.page}
        pageSize={query.pageSize}
        total={page.total}
        onPageChange={(next) => update({ page: next })}
        onPageSizeChange={(pageSize) => update({ pageSize })}
      />
    </section>
  );
}

function NoRequests({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  if (filtered) {
    return (
      <EmptyState
        title="No requests match these filters"
        action={
          <Button variant="secondary" onClick={onClear}>
            Clear filters
          </Button>
        }
      />
    );
  }
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
