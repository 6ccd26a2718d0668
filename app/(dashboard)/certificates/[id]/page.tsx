import type { Metadata } from 'next';
import { CertificateDetail } from './_components/certificate-detail';

export const metadata: Metadata = { title: 'Certificate' };

export default async function CertificatePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <CertificateDetail id={id} />;
}
