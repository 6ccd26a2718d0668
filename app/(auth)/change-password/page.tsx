import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { getSessionState } from '@/lib/auth';
import { ChangePasswordForm } from '@/app/(dashboard)/account/password/_components/change-password-form';

export const metadata: Metadata = { title: 'Choose your password' };

// Signed in with an invitation's one-time password: everything else stays closed until it is replaced.
export default async function FirstPasswordPage() {
  const state = await getSessionState(await headers());
  if (!state) redirect('/login');
  if (state.mustEnrolSecondFactor) redirect('/two-factor');
  if (!state.mustChangePassword) redirect('/');

  return (
    <Card aria-labelledby="first-password-title">
      <CardHeader>
        <CardTitle id="first-password-title">Choose your password</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <Alert tone="warn" title="Your password was handed to you">
          Replace it with one only you know; CertDesk opens once you have.
        </Alert>
        <ChangePasswordForm next="/" />
      </CardContent>
    </Card>
  );
}
