'use client';

import Link from 'next/link';
import { filterState } from '@/components/filters/filter-state';
import { NoResults } from '@/components/filters/no-results';
import { useUrlQuery } from '@/components/filters/use-url-query';
import { Button, buttonVariants } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PagedList, type PagedListLabels } from '@/components/ui/paged-list';
import { auditExportHref, auditPageQuerySchema, useAuditList } from '@/lib/query/audit';
import { auditColumns } from './audit-columns';
import { AuditFilters, auditFilterNames } from './audit-filters';
import { VerifyChain } from './verify-chain';

const labels: PagedListLabels = {
  loading: 'Loading audit events',
  error: 'The audit log could not be loaded.',
  region: 'Audit events',
  caption: 'Audit events',
  noun: { one: 'event', other: 'events' },
};

/** The audit log, filtered and paged by the server as the address bar says, with verify and export. */
export function AuditLog() {
  const [query, update] = useUrlQuery(auditPageQuerySchema);
  const list = useAuditList(query);
  const filters = filterState(query, update, auditFilterNames);
  return (
    <div className="flex flex-col gap-6">
      {query.target ? <Timeline target={query.target} onShowAll={filters.clear} /> : null}
      <AuditFilters query={query} onChange={update} />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <VerifyChain />
        <a href={auditExportHref(query)} download className={buttonVariants({ variant: 'secondary' })}>
          Export CSV
        </a>
      </div>
      <PagedList
        result={list}
        rows={(page) => page.events}
        columns={auditColumns}
        getRowId={(event) => String(event.seq)}
        sort={{ id: 'seq', desc: query.order === 'desc' }}
        onSortChange={({ desc }) => update({ order: desc ? 'desc' : 'asc' })}
        paging={query}
        onPagingChange={update}
        pageSizes={[25, 50, 100, 200]}
        labels={labels}
        empty={
          <NoResults filters={filters} noMatches="No audit events match these filters">
            <EmptyState
              title="No audit events yet"
              description="Sign-ins, submissions, cancellations, imports and downloads appear here as they happen."
            />
          </NoResults>
        }
      />
    </div>
  );
}

function Timeline({ target, onShowAll }: { target: string; onShowAll: () => void }) {
  const request = /^request:(.+)$/.exec(target)?.[1];
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-lg border border-blue-200 bg-blue-50 px-4 py-3 text-sm text-blue-900">
      <p>
        Timeline of <span className="font-mono break-all">{target}</span>: every record about it, including
        the intents written before it had an id.
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
