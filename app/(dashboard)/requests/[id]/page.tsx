import type { Metadata } from 'next';
import { requirePage } from '@/lib/authz/page';
import { RequestDetail } from './_components/request-detail';

export const metadata: Metadata = { title: 'Request' };

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage('requests:read');
  const { id } = await params;
  return <RequestDetail id={id} />;
}
