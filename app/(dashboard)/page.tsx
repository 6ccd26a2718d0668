import type { Metadata } from 'next';
import { NewRequestLink } from '@/components/requests/new-request-link';
import { PageHeader } from '@/components/ui/page-header';
import { pageLinksFor } from '@/lib/authz/nav';
import { requirePage } from '@/lib/authz/page';
import { Providers } from '@/lib/query/providers';
import { Overview } from './_components/overview';

export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage() {
  const links = pageLinksFor(await requirePage('requests:list'));
  return (
    <>
      <PageHeader
        title="Overview"
        description="Certificate requests signed by HSM-held CA keys, under their approval policies."
        actions={links.newRequest ? <NewRequestLink /> : null}
      />
      <Providers>
        <Overview newRequest={links.newRequest} />
      </Providers>
    </>
  );
}
