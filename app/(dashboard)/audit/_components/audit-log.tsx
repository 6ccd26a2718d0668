'use client';

import Link from 'next/link';
import { useUrlQuery } from '@/components/filters/use-url-query';
import { Button, buttonVariants } from '@/components/ui/button';
import { DataTable, useSortedTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageRange, Pagination } from '@/components/ui/pagination';
import { LoadingRegion, Skeleton } from '@/components/ui/skeleton';
import type { AuditPage } from '@/lib/audit/dto';
import { auditExportHref, auditPageQuerySchema, useAuditList, type AuditPageQuery } from '@/lib/query/audit';
import { auditColumns } from './audit-columns';
import { AuditFilters } from './audit-filters';
import { VerifyChain } from './verify-chain';

type Update = ReturnType<typeof useUrlQuery<typeof auditPageQuerySchema>>[1];

const cleared = { action: undefined, actor: undefined, target: undefined, outcome: undefined, from: undefined, to: undefined, q: undefined };

/** The audit log, filtered and paged by the server as the address bar says, with verify and export. */
export function AuditLog() {
  const [query, update] = useUrlQuery(auditPageQuerySchema);
  const { data, error, isPending, isPlaceholderData, refetch } = useAuditList(query);
  const filtered = Object.entries(cleared).some(([name]) => query[name as keyof typeof cleared] !== undefined);

  let body;
  if (isPending) {
    body = (
      <LoadingRegion label="Loading audit events" className="flex flex-col gap-2">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </LoadingRegion>
    );
  } else if (!data) {
    body = <ErrorState title="The audit log could not be loaded." message={error?.message ?? 'No answer.'} onRetry={() => void refetch()} />;
  } else if (data.total === 0) {
    body = filtered ? (
      <EmptyState title="No audit events match these filters" action={<Button variant="secondary" onClick={() => update(cleared)}>Clear filters</Button>} />
    ) : (
      <EmptyState title="No audit events yet" description="Sign-ins, submissions, cancellations, imports and downloads appear here as they happen." />
    );
  } else {
    body = <AuditResults page={data} query={query} update={update} stale={isPlaceholderData} />;
  }

  return (
    <div className="flex flex-col gap-6">
      {query.target ? <Timeline target={query.target} onShowAll={() => update(cleared)} /> : null}
      <AuditFilters query={query} onChange={update} />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <VerifyChain />
        <a href={auditExportHref(query)} download className={buttonVariants({ variant: 'secondary' })}>
          Export CSV
        </a>
      </div>
      {body}
    </div>
  );
}

function Timeline({ target, onShowAll }: { target: string; onShowAll: () => void }) {
  const request = /^request:(.+)$/.exec(target)?.[1];
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-lg border border-blue-200 bg-blue-50 px-4 py-3 text-sm text-blue-900">
      <p>
        Timeline of <span className="font-mono break-all">{target}</span>: every record about it, including the intents written before it had an id.
      </p>
      {request ? (
        <Link href={`/requests/${request}`} className={buttonVariants({ variant: 'link', size: 'sm' })}>
          Open the request
        </Link>
      ) : null}
      <Button variant="secondary" size="sm" onClick={onShowAll}>
        Show all events
      </Button>
    </div>
  );
}

type ResultsProps = { page: AuditPage; query: AuditPageQuery; update: Update; stale: boolean };

function AuditResults({ page, query, update, stale }: ResultsProps) {
  const table = useSortedTable({
    data: page.events,
    columns: auditColumns,
    getRowId: (event) => String(event.seq),
    sort: { id: 'seq', desc: query.order === 'desc' },
    onSortChange: ({ desc }) => update({ order: desc ? 'desc' : 'asc' }),
  });
  return (
    <section aria-label="Audit events" aria-busy={stale} className="flex flex-col gap-3">
      <PageRange page={page.page} pageSize={page.pageSize} shown={page.events.length} total={page.total} noun={{ one: 'event', other: 'events' }} />
      {page.events.length > 0 ? (
        <DataTable table={table} caption="Audit events" />
      ) : (
        <Button variant="secondary" className="self-start" onClick={() => update({ page: 1 })}>
          Go to the first page
        </Button>
      )}
      <Pagination
        page={query.page}
        pageSize={query.pageSize}
        total={page.total}
        pageSizes={[25, 50, 100, 200]}
        onPageChange={(next) => update({ page: next })}
        onPageSizeChange={(pageSize) => update({ pageSize })}
      />
    </section>
  );
}
