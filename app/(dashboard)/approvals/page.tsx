import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingRegion, Skeleton } from '@/components/ui/skeleton';
import { ApprovalQueue } from './_components/approval-queue';
import { QueueLiveStatus } from './_components/queue-live-status';

export const metadata: Metadata = { title: 'Approvals' };

export default function ApprovalsPage() {
  return (
    <>
      <PageHeader
        title="Approvals"
        description="Requests waiting for approvers, oldest first. Approvers decide in their Authorization App."
        actions={<QueueLiveStatus />}
      />
      {/* The filters live in the address bar, which is only known in the browser. */}
      <Suspense
        fallback={
          <LoadingRegion label="Loading approvals" className="flex flex-col gap-4">
            <Skeleton className="h-20 w-full" />
            <Skeleton className="h-48 w-full" />
          </LoadingRegion>
        }
      >
        <ApprovalQueue />
      </Suspense>
    </>
  );
}
