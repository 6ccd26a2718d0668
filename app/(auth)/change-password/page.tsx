import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { getSessionState } from '@/lib/auth';
import { authStepUrl, safeNext } from '@/lib/auth/next-path';
import { SignOutButton } from '@/app/(dashboard)/_components/sign-out-button';
import { ChangePasswordForm } from '@/app/(dashboard)/account/password/_components/change-password-form';

export const metadata: Metadata = { title: 'Choose your password' };

type Props = { searchParams: Promise<{ next?: string }> };

// Signed in with an invitation's one-time password: everything else stays closed until it is replaced.
// `next` is where the user was going (a path on this site only); the form goes there once it is.
export default async function FirstPasswordPage({ searchParams }: Props) {
  const next = safeNext((await searchParams).next);
  const state = await getSessionState(await headers());
  if (!state) redirect(authStepUrl('/login', next));
  if (state.mustEnrolSecondFactor) redirect(authStepUrl('/two-factor', next));
  if (!state.mustChangePassword) redirect(next);

  return (
    <Card aria-labelledby="first-password-title">
      <CardHeader>
        <CardTitle id="first-password-title">Choose your password</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <Alert tone="warn" title="Your password was handed to you">
          Replace it with one only you know; CertDesk opens once you have.
        </Alert>
        <ChangePasswordForm next={next} />
        <div className="flex items-center justify-between gap-2 border-t border-slate-200 pt-4 text-sm text-slate-600">
          <p>Not now, or not you?</p>
          <SignOutButton className={buttonVariants({ variant: 'secondary', size: 'sm' })} />
        </div>
      </CardContent>
    </Card>
  );
}
