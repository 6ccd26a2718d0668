'use client';

import { filterState } from '@/components/filters/filter-state';
import { NoResults } from '@/components/filters/no-results';
import { useUrlQuery } from '@/components/filters/use-url-query';
import { EmptyState } from '@/components/ui/empty-state';
import { PagedList, type PagedListLabels } from '@/components/ui/paged-list';
import { certificateListQuerySchema } from '@/lib/api/dto';
import { certificatePageQuerySchema, useCertificateList } from '@/lib/query/certificates';
import { certificateColumns } from './certificate-columns';
import { CertificateFilters, certificateFilterNames } from './certificate-filters';
import { ExportLinks } from './export-links';

const labels: PagedListLabels = {
  loading: 'Loading certificates',
  error: 'The certificates could not be loaded.',
  region: 'Certificates',
  caption: 'Certificates',
  noun: { one: 'certificate', other: 'certificates' },
};

/** Issued and imported certificates, filtered, sorted and paged by the server, as the address bar says. */
export function CertificateList() {
  const [query, update] = useUrlQuery(certificatePageQuerySchema);
  const list = useCertificateList(query);
  const filters = filterState(query, update, certificateFilterNames);
  return (
    <div className="flex flex-col gap-6">
      <CertificateFilters query={query} onChange={update} />
      <ExportLinks query={query} />
      <PagedList
        result={list}
        rows={(page) => page.certificates}
        columns={certificateColumns}
        getRowId={(certificate) => certificate.id}
        sort={{ id: query.sort, desc: query.order === 'desc' }}
        onSortChange={({ id, desc }) =>
          update({ sort: certificateListQuerySchema.shape.sort.parse(id), order: desc ? 'desc' : 'asc' })
        }
        paging={query}
        onPagingChange={update}
        labels={labels}
        empty={
          <NoResults filters={filters} noMatches="No certificates match these filters">
            <EmptyState
              title="No certificates yet"
              description="Certificates appear here once a request is signed, or a certificate is imported."
            />
          </NoResults>
        }
      />
    </div>
  );
}
