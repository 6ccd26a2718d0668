'use client';

import { useUrlQuery } from '@/components/filters/use-url-query';
import { Button } from '@/components/ui/button';
import { DataTable, useSortedTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageRange, Pagination } from '@/components/ui/pagination';
import { LoadingRegion, Skeleton } from '@/components/ui/skeleton';
import { certificateListQuerySchema, type CertificateListQuery, type CertificatePage } from '@/lib/api/dto';
import { certificatePageQuerySchema, useCertificateList } from '@/lib/query/certificates';
import { certificateColumns } from './certificate-columns';
import { CertificateFilters } from './certificate-filters';
import { ExportLinks } from './export-links';

type Update = ReturnType<typeof useUrlQuery<typeof certificatePageQuerySchema>>[1];

/** Issued and imported certificates, filtered, sorted and paged by the server, as the address bar says. */
export function CertificateList() {
  const [query, update] = useUrlQuery(certificatePageQuerySchema);
  const { data, error, isPending, isPlaceholderData, refetch } = useCertificateList(query);
  const filtered = Boolean(query.expiry?.length || query.key || query.q);

  let body;
  if (isPending) {
    body = (
      <LoadingRegion label="Loading certificates" className="flex flex-col gap-2">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </LoadingRegion>
    );
  } else if (!data) {
    body = (
      <ErrorState
        title="The certificates could not be loaded."
        message={error?.message ?? 'No answer.'}
        onRetry={() => void refetch()}
      />
    );
  } else if (data.total === 0) {
    body = <NoCertificates filtered={filtered} onClear={() => update(clearedFilters)} />;
  } else {
    body = <CertificateResults page={data} query={query} update={update} stale={isPlaceholderData} />;
  }

  return (
    <div className="flex flex-col gap-6">
      <CertificateFilters query={query} onChange={update} />
      <ExportLinks query={query} />
      {body}
    </div>
  );
}

const clearedFilters = { expiry: undefined, key: undefined, q: undefined };

function NoCertificates({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  if (filtered) {
    return (
      <EmptyState
        title="No certificates match these filters"
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
      title="No certificates yet"
      description="Certificates appear here once a request is signed, or a certificate is imported."
    />
  );
}

type ResultsProps = { page: CertificatePage; query: CertificateListQuery; update: Update; stale: boolean };

function CertificateResults({ page, query, update, stale }: ResultsProps) {
  const table = useSortedTable({
    data: page.certificates,
    columns: certificateColumns,
    getRowId: (certificate) => certificate.id,
    sort: { id: query.sort, desc: query.order === 'desc' },
    onSortChange: ({ id, desc }) =>
      update({ sort: certificateListQuerySchema.shape.sort.parse(id), order: desc ? 'desc' : 'asc' }),
  });
  return (
    <section aria-label="Certificates" aria-busy={stale} className="flex flex-col gap-3">
      <PageRange
        page={page.page}
        pageSize={page.pageSize}
        shown={page.certificates.length}
        total={page.total}
        noun={{ one: 'certificate', other: 'certificates' }}
      />
      {page.certificates.length > 0 ? (
        <DataTable table={table} caption="Certificates" />
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
