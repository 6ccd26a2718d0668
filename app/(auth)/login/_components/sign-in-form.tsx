'use client';

import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { authClient, signInWithSso, useHydrated } from '@/lib/auth/client';

type Props = { next: string; sso: boolean; email?: string; initialError?: string };

function text(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === 'string' ? value : '';
}

/** E-mail and password, then the authenticator's code when the account has a second factor. */
export function SignInForm({ next, sso, email, initialError }: Props) {
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [error, setError] = useState<string | undefined>(initialError);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  const busy = pending || !hydrated;

  // A full navigation, so the dashboard is rendered for the new session rather than from the router cache.
  const done = () => window.location.assign(next);

  async function submitPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    const form = event.currentTarget;
    const { data, error } = await authClient.signIn.email({
      email: text(form, 'email'),
      password: text(form, 'password'),
    });
    setPending(false);
    if (error) return setError(error.message ?? 'Sign-in failed.');
    if (data && 'twoFactorRedirect' in data && data.twoFactorRedirect) return setStep('code');
    done();
  }

  async function submitCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    const { error } = await authClient.twoFactor.verifyTotp({
      code: text(event.currentTarget, 'code').replace(/\s/g, ''),
    });
    setPending(false);
    if (error) return setError(error.message ?? 'The code was not accepted.');
    done();
  }

  async function startSso() {
    setPending(true);
    const problem = await signInWithSso(next);
    if (problem) {
      setPending(false);
      setError(problem);
    }
  }

  return (
    <Card aria-labelledby="sign-in-title">
      <CardHeader>
        <CardTitle id="sign-in-title">
          {step === 'password' ? 'Sign in' : 'Two-factor authentication'}
        </CardTitle>
        <CardDescription>
          {step === 'password'
            ? email
              ? 'Confirm it is you to go on.'
              : 'Sign in with your CertDesk account.'
            : 'Enter the 6-digit code from your authenticator app.'}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {error ? <Alert tone="danger">{error}</Alert> : null}
        {step === 'password' ? (
          <form method="post" onSubmit={submitPassword} className="flex flex-col gap-4">
            <Field id="email" label="Email">
              <Input name="email" type="email" autoComplete="username" defaultValue={email} required />
            </Field>
            <Field id="password" label="Password">
              <Input name="password" type="password" autoComplete="current-password" required />
            </Field>
            <Button type="submit" disabled={busy}>
              Sign in
            </Button>
          </form>
        ) : (
          <form method="post" onSubmit={submitCode} className="flex flex-col gap-4">
            <Field id="code" label="Authentication code">
              <Input
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9 ]{6,7}"
                required
                autoFocus
              />
            </Field>
            <Button type="submit" disabled={busy}>
              Verify
            </Button>
          </form>
        )}
        {sso && step === 'password' ? (
          <Button variant="secondary" onClick={startSso} disabled={busy}>
            Sign in with single sign-on
          </Button>
        ) : null}
      </CardContent>
    </Card>
  );
}
