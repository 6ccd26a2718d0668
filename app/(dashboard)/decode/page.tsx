import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/authz/page';
import { Decoder } from './_components/decoder';

export const metadata: Metadata = { title: 'Decode' };

export default async function DecodePage() {
  await requirePage('dashboard:view');
  return (
    <>
      <PageHeader
        title="Decode a certificate or CSR"
        description="Decoded in your browser: nothing you paste or drop here is sent to the server."
      />
      <Decoder />
    </>
  );
}
