import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';

/** The "New request" button; shown to actors who may submit (pageLinksFor in lib/authz/nav.ts). */
export function NewRequestLink() {
  return (
    <Link href="/requests/new" className={buttonVariants()}>
      New request
    </Link>
  );
}
