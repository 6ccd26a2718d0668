import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { buttonVariants } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingRegion, Skeleton } from '@/components/ui/skeleton';
import { RequestList } from './_components/request-list';

export const metadata: Metadata = { title: 'Requests' };

export default function RequestsPage() {
  return (
    <>
      <PageHeader
        title="Requests"
        description="Every certificate request submitted through CertDesk."
        actions={
          <>
            <Link href="/requests/reconciliation" className={buttonVariants({ variant: 'secondary' })}>
              Reconciliation
            </Link>
            <Link href="/requests/new" className={buttonVariants()}>
              New request
            </Link>
          </>
        }
      />
      {/* The filters live in the address bar, which is only known in the browser. */}
      <Suspense
        fallback={
          <LoadingRegion label="Loading requests" className="flex flex-col gap-2">
            <Skeleton className="h-24 w-full" />
            <Skeleton className="h-64 w-full" />
          </LoadingRegion>
        }
      >
        <RequestList />
      </Suspense>
    </>
  );
}
