import type { Metadata } from 'next';
import { UrlQuerySuspense } from '@/components/filters/url-query-suspense';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/authz/page';
import { ApprovalQueue } from './_components/approval-queue';
import { QueueLiveStatus } from './_components/queue-live-status';

export const metadata: Metadata = { title: 'Approvals' };

export default async function ApprovalsPage() {
  await requirePage('requests:list');
  return (
    <>
      <PageHeader
        title="Approvals"
        description="Requests waiting for approvers, oldest first. Approvers decide in their Authorization App."
        actions={<QueueLiveStatus />}
      />
      <UrlQuerySuspense label="Loading approvals" className="gap-4" barClassName="h-20" listClassName="h-48">
        <ApprovalQueue />
      </UrlQuerySuspense>
    </>
  );
}
