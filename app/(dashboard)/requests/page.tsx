import type { Metadata } from 'next';
import Link from 'next/link';
import { UrlQuerySuspense } from '@/components/filters/url-query-suspense';
import { buttonVariants } from '@/components/ui/button';
import { NewRequestLink } from '@/components/requests/new-request-link';
import { PageHeader } from '@/components/ui/page-header';
import { pageLinksFor } from '@/lib/authz/nav';
import { requirePage } from '@/lib/authz/page';
import { RequestList } from './_components/request-list';

export const metadata: Metadata = { title: 'Requests' };

export default async function RequestsPage() {
  const links = pageLinksFor(await requirePage('requests:list'));
  return (
    <>
      <PageHeader
        title="Requests"
        description="Every certificate request submitted through CertDesk."
        actions={
          <>
            {links.reconciliation ? (
              <Link href="/requests/reconciliation" className={buttonVariants({ variant: 'secondary' })}>
                Reconciliation
              </Link>
            ) : null}
            {links.newRequest ? <NewRequestLink /> : null}
          </>
        }
      />
      <UrlQuerySuspense label="Loading requests">
        <RequestList newRequest={links.newRequest} />
      </UrlQuerySuspense>
    </>
  );
}
