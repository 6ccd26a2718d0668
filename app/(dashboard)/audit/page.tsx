import type { Metadata } from 'next';
import { UrlQuerySuspense } from '@/components/filters/url-query-suspense';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/authz/page';
import { AuditLog } from './_components/audit-log';

export const metadata: Metadata = { title: 'Audit log' };

const title = 'Audit log';
const description =
  'Every security event and state change, in the order written, hash-chained. Times are UTC.';

export default async function AuditPage() {
  await requirePage('audit:read');
  return (
    <>
      <PageHeader title={title} description={description} />
      <UrlQuerySuspense label="Loading the audit log" barClassName="h-32">
        <AuditLog />
      </UrlQuerySuspense>
    </>
  );
}
