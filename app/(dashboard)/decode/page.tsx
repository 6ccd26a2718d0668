import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { Decoder } from './_components/decoder';

export const metadata: Metadata = { title: 'Decode' };

export default function DecodePage() {
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
