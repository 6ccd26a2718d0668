import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { getSessionState } from '@/lib/auth';
import { authStepUrl, safeNext } from '@/lib/auth/next-path';
import { roleLabels } from '@/lib/auth/types';
import { TotpEnrolment } from './_components/totp-enrolment';

export const metadata: Metadata = { title: 'Two-factor authentication' };

type Props = { searchParams: Promise<{ next?: string }> };

// Enrolment, and the status of one's second factor. `next` is where the user was going (a path on this
// site only); enrolment goes there once it is done.
export default async function TwoFactorPage({ searchParams }: Props) {
  const next = safeNext((await searchParams).next);
  const state = await getSessionState(await headers());
  if (!state) redirect(authStepUrl('/login', authStepUrl('/two-factor', next)));
  // Nothing left to do on the way there (enrolled in another tab, or a stale link).
  if (state.secondFactor && next !== '/') redirect(next);

  if (state.secondFactor) {
    return (
      <Alert tone="ok" title="Two-factor authentication is on">
        <p>Each sign-in asks for a code from your authenticator app.</p>
        <Link
          href="/"
          className="mt-2 inline-block font-medium text-brand underline-offset-4 hover:underline"
        >
          Back to CertDesk
        </Link>
      </Alert>
    );
  }
  return (
    <>
      {state.mustEnrolSecondFactor ? (
        <Alert tone="warn" title="Set up two-factor authentication to go on">
          The {roleLabels[state.actor.role]} role requires a second factor. CertDesk opens once it is set up.
        </Alert>
      ) : null}
      <TotpEnrolment next={next} />
    </>
  );
}
