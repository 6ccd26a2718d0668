'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

/**
 * Ends the session with one call to the sign-in module's endpoint (what its browser client would send,
 * without loading that client on every page), then leaves for the sign-in page.
 */
export function SignOutButton({ className }: { className: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function signOut() {
    setPending(true);
    await fetch('/api/auth/sign-out', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    }).catch(() => null);
    router.replace('/login');
    router.refresh();
  }

  return (
    <button type="button" className={className} onClick={() => void signOut()} disabled={pending}>
      Sign out
    </button>
  );
}
