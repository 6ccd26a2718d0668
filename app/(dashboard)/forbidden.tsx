import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

// Rendered by requirePage() (lib/authz/page.ts) when the signed-in role may not open a page.
export default function DashboardForbidden() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">You don’t have access to this page</h1>
      <EmptyState
        title="Your role does not include this part of CertDesk."
        description="If you need it for your work, ask an administrator to change your role."
        action={
          <Link href="/" className={buttonVariants({ variant: 'secondary' })}>
            Overview
          </Link>
        }
      />
    </div>
  );
}
