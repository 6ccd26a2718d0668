'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { authClient } from '@/lib/auth/client';
import { roleLabels, type Role } from '@/lib/auth/types';

const linkClasses = 'text-xs text-brand underline-offset-4 hover:underline';

type Props = { name: string; email: string; role: Role };

/** Who is signed in, with their role, the second-factor settings and "Sign out". */
export function UserMenu({ name, email, role }: Props) {
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function signOut() {
    setPending(true);
    await authClient.signOut();
    router.replace('/login');
    router.refresh();
  }

  return (
    <div aria-label="Signed in" role="group" className="flex items-center gap-3 text-sm">
      <div className="text-right leading-tight">
        <p className="font-medium text-slate-900" title={email}>
          {name}
        </p>
        <p className="text-xs text-slate-600">{roleLabels[role]}</p>
      </div>
      <Link href="/two-factor" className={linkClasses}>
        Two-factor
      </Link>
      <Link href="/account/password" className={linkClasses}>
        Password
      </Link>
      <Button variant="secondary" size="sm" onClick={signOut} disabled={pending}>
        Sign out
      </Button>
    </div>
  );
}
