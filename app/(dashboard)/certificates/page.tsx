import type { Metadata } from 'next';
import { UrlQuerySuspense } from '@/components/filters/url-query-suspense';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/authz/page';
import { Providers } from '@/lib/query/providers';
import { CertificateList } from './_components/certificate-list';

export const metadata: Metadata = { title: 'Certificates' };

export default async function CertificatesPage() {
  await requirePage('certificates:read');
  return (
    <>
      <PageHeader
        title="Certificates"
        description="Certificates issued through CertDesk or imported into the HSM, soonest expiry first."
      />
      <UrlQuerySuspense label="Loading certificates">
        <Providers>
          <CertificateList />
        </Providers>
      </UrlQuerySuspense>
    </>
  );
}
