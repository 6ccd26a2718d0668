'use client';

import { filterState } from '@/components/filters/filter-state';
import { NoResults } from '@/components/filters/no-results';
import { RequestFilters, requestFilterNames } from '@/components/filters/request-filters';
import { useUrlQuery } from '@/components/filters/use-url-query';
import { EmptyState } from '@/components/ui/empty-state';
import { PagedList, type PagedListLabels } from '@/components/ui/paged-list';
import { requestListQuerySchema, requestStatuses } from '@/lib/api/dto';
import { useLivePolling } from '@/lib/query/events';
import { useRequestList } from '@/lib/query/requests';
import { requestColumns } from './request-columns';
import { NewRequestLink } from '@/components/requests/new-request-link';

const labels: PagedListLabels = {
  loading: 'Loading requests',
  error: 'The requests could not be loaded.',
  region: 'Requests',
  caption: 'Certificate requests',
  noun: { one: 'request', other: 'requests' },
};

/**
 * Every request, filtered, sorted and paged by the server; the whole view lives in the address bar.
 * `newRequest`: whether the actor may submit, decided on the server (lib/authz/nav.ts).
 */
export function RequestList({ newRequest }: { newRequest: boolean }) {
  const [query, update] = useUrlQuery(requestListQuerySchema);
  const list = useRequestList(query, useLivePolling(10_000));
  const filters = filterState(query, update, requestFilterNames);
  return (
    <div className="flex flex-col gap-6">
      <RequestFilters
        label="Filter requests"
        idPrefix="requests"
        statuses={requestStatuses}
        query={query}
        onChange={update}
      />
      <PagedList
        result={list}
        rows={(page) => page.requests}
        columns={requestColumns}
        getRowId={(request) => request.id}
        sort={{ id: query.sort, desc: query.order === 'desc' }}
        onSortChange={({ id, desc }) =>
          update({ sort: requestListQuerySchema.shape.sort.parse(id), order: desc ? 'desc' : 'asc' })
        }
        paging={query}
        onPagingChange={update}
        labels={labels}
        warnWhenStale
        empty={
          <NoResults filters={filters} noMatches="No requests match these filters">
            <EmptyState
              title="No requests yet"
              description="Requests appear here once submitted."
              action={newRequest ? <NewRequestLink /> : undefined}
            />
          </NoResults>
        }
      />
    </div>
  );
}
