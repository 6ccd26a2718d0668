import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { Suspense } from 'react';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingRegion, Skeleton } from '@/components/ui/skeleton';
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
      {/* The filters live in the address bar, which is only known in the browser. */}
      <Suspense
        fallback={
          <LoadingRegion label="Loading the audit log" className="flex flex-col gap-2">
            <Skeleton className="h-32 w-full" />
            <Skeleton className="h-64 w-full" />
          </LoadingRegion>
        }
      >
        <AuditLog />
      </Suspense>
    </>
  );
}
