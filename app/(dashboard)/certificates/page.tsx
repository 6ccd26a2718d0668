import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingRegion, Skeleton } from '@/components/ui/skeleton';
import { CertificateList } from './_components/certificate-list';

export const metadata: Metadata = { title: 'Certificates' };

export default function CertificatesPage() {
  return (
    <>
      <PageHeader
        title="Certificates"
        description="Certificates issued through CertDesk or imported into the HSM, soonest expiry first."
      />
      {/* The filters live in the address bar, which is only known in the browser. */}
      <Suspense
        fallback={
          <LoadingRegion label="Loading certificates" className="flex flex-col gap-2">
            <Skeleton className="h-24 w-full" />
            <Skeleton className="h-64 w-full" />
          </LoadingRegion>
        }
      >
        <CertificateList />
      </Suspense>
    </>
  );
}
