import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/authz/page';
import { NewRequestForm } from './_components/new-request-form';

export const metadata: Metadata = { title: 'New request' };

export default async function NewRequestPage() {
  await requirePage('requests:submit');
  return (
    <>
      <PageHeader
        title="New certificate request"
        description="The CSR is decoded and checked in your browser; the server checks it again before anything reaches the HSM."
      />
      <NewRequestForm />
    </>
  );
}
