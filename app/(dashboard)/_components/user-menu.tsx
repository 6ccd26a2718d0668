import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';
import { roleLabels, type Role } from '@/lib/auth/types';
import { SignOutButton } from './sign-out-button';

const linkClasses = 'text-xs text-brand underline-offset-4 hover:underline';

type Props = { name: string; email: string; role: Role };

/** Who is signed in, with their role, the second-factor settings and "Sign out". */
export function UserMenu({ name, email, role }: Props) {
  return (
    <div aria-label="Signed in" role="group" className="flex items-center gap-3 text-sm">
      <div className="text-right leading-tight">
        <p className="font-medium text-slate-900" title={email}>
          {name}
        </p>
        <p className="text-xs text-slate-600">{roleLabels[role]}</p>
      </div>
      <Link href="/account" className={linkClasses}>
        Account
      </Link>
      <Link href="/two-factor" className={linkClasses}>
        Two-factor
      </Link>
      <Link href="/account/password" className={linkClasses}>
        Password
      </Link>
      {/* Classes resolved here, on the server: the button itself ships without the styling helpers. */}
      <SignOutButton className={buttonVariants({ variant: 'secondary', size: 'sm' })} />
    </div>
  );
}
