import type { Metadata } from 'next';
import { pageLinksFor } from '@/lib/authz/nav';
import { requirePage } from '@/lib/authz/page';
import { can } from '@/lib/authz/policy';
import { RequestDetail } from './_components/request-detail';

export const metadata: Metadata = { title: 'Request' };

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage('requests:read');
  const { id } = await params;
  // Offered only to roles that may use them; the routes behind them check again, on the request itself.
  const { auditTrail } = pageLinksFor(actor);
  return <RequestDetail id={id} auditTrail={auditTrail} mayCancel={can(actor, 'requests:cancel')} />;
}
