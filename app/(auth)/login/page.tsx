import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getSessionState } from '@/lib/auth';
import { authStepUrl, safeNext } from '@/lib/auth/next-path';
import { getAuthConfig } from '@/lib/auth/config';
import { demoPassword, demoUsers } from '@/lib/auth/demo-users';
import { DemoAccounts } from './_components/demo-accounts';
import { SignInForm } from './_components/sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

const ssoFailed =
  'Single sign-on did not complete. Your identity provider may not grant you a CertDesk role; ask an administrator.';

type Props = { searchParams: Promise<{ next?: string; sso?: string; reauth?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeNext(params.next);
  const reauth = params.reauth === '1';
  const state = await getSessionState(await headers());
  if (state?.mustEnrolSecondFactor) redirect(authStepUrl('/two-factor', next));
  if (state?.mustChangePassword) redirect(authStepUrl('/change-password', next));
  if (state && !reauth) redirect(next);
  const config = getAuthConfig();

  return (
    <>
      <SignInForm
        next={next}
        sso={config.oidc !== null}
        email={reauth ? state?.actor.email : undefined}
        initialError={params.sso === 'failed' ? ssoFailed : undefined}
      />
      {config.demo ? <DemoAccounts accounts={demoUsers} password={demoPassword} /> : null}
    </>
  );
}
