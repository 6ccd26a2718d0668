import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

export default function DashboardNotFound() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <EmptyState
        title="There is nothing at this address."
        description="The request may have been removed, or the link is mistyped."
        action={
          <Link href="/requests" className={buttonVariants({ variant: 'secondary' })}>
            All requests
          </Link>
        }
      />
    </div>
  );
}
