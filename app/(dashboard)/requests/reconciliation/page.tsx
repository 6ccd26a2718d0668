import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/authz/page';
import { ReconciliationView } from './_components/reconciliation-view';

export const metadata: Metadata = { title: 'Reconciliation' };

export default async function ReconciliationPage() {
  await requirePage('reconciliation:read');
  return (
    <>
      <PageHeader
        title="Reconciliation"
        description="Where CertDesk's records and the TSB's open requests disagree, and what that means."
      />
      <ReconciliationView />
    </>
  );
}
