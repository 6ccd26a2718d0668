import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

export default function NotFound() {
  return (
    <main id="main" className="mx-auto flex max-w-xl flex-col gap-4 px-4 py-16">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <EmptyState
        title="There is no page at this address."
        action={
          <Link href="/" className={buttonVariants({ variant: 'secondary' })}>
            Back to CertDesk
          </Link>
        }
      />
    </main>
  );
}
