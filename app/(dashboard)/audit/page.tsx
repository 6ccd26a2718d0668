import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { UrlQuerySuspense } from '@/components/filters/url-query-suspense';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { getActor } from '@/lib/auth';
import { AuditLog } from './_components/audit-log';

export const metadata: Metadata = { title: 'Audit log' };

const title = 'Audit log';
const description = 'Every security event and state change, in the order written, hash-chained. Times are UTC.';

export default async function AuditPage() {
  // A courtesy to people who followed a link: /api/audit refuses them whatever this page shows.
  const actor = await getActor(await headers());
  if (actor?.role !== 'auditor' && actor?.role !== 'admin') {
    return (
      <>
        <PageHeader title={title} />
        <Alert tone="warn" title="Only auditors and administrators read the audit log." />
      </>
    );
  }
  return (
    <>
      <PageHeader title={title} description={description} />
      <UrlQuerySuspense label="Loading the audit log" barClassName="h-32">
        <AuditLog />
      </UrlQuerySuspense>
    </>
  );
}
