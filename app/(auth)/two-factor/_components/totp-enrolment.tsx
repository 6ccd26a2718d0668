'use client';

import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { authClient, useHydrated } from '@/lib/auth/client';

type Setup = { secret: string; uri: string; backupCodes: string[] };

function field(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === 'string' ? value : '';
}

/**
 * Enrols an authenticator app: password, then the secret to add, then one code to prove it works. Then
 * goes to `next` (a path on this site, checked by the page), by a full navigation: enrolling renews the
 * session, and the server should render for the new one rather than the router serve its cache.
 */
export function TotpEnrolment({ next }: { next: string }) {
  const [setup, setSetup] = useState<Setup | null>(null);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  const busy = pending || !hydrated;

  async function start(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    const password = field(event.currentTarget, 'password');
    const { data, error } = await authClient.twoFactor.enable(password ? { password } : {});
    setPending(false);
    if (error || data?.method !== 'totp')
      return setError(error?.message ?? 'Two-factor set-up could not start.');
    const secret = new URL(data.totpURI).searchParams.get('secret') ?? '';
    setSetup({ secret, uri: data.totpURI, backupCodes: data.backupCodes });
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    const code = field(event.currentTarget, 'code').replace(/\s/g, '');
    const { error } = await authClient.twoFactor.verifyTotp({ code });
    setPending(false);
    if (error) return setError(error.message ?? 'The code was not accepted.');
    window.location.assign(next);
  }

  return (
    <Card aria-labelledby="enrol-title">
      <CardHeader>
        <CardTitle id="enrol-title">Set up two-factor authentication</CardTitle>
        <CardDescription>Use an authenticator app (TOTP) to confirm each sign-in.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {error ? <Alert tone="danger">{error}</Alert> : null}
        {setup ? (
          <form method="post" onSubmit={confirm} className="flex flex-col gap-4">
            <p className="text-sm text-slate-700">
              Add this key to your authenticator app, then enter the code it shows.
            </p>
            <div className="flex flex-col gap-1">
              <span id="secret-label" className="text-sm font-medium text-slate-800">
                Secret key
              </span>
              <code
                aria-labelledby="secret-label"
                className="break-all rounded bg-slate-100 px-2 py-1 font-mono text-sm"
              >
                {setup.secret}
              </code>
              <a href={setup.uri} className="text-xs text-brand underline-offset-4 hover:underline">
                Open in an authenticator app on this device
              </a>
            </div>
            <details className="text-sm">
              <summary className="cursor-pointer font-medium">
                Backup codes (each works once; keep them safe)
              </summary>
              <ul aria-label="Backup codes" className="mt-2 grid grid-cols-2 gap-1 font-mono">
                {setup.backupCodes.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </details>
            <Field id="code" label="Authentication code">
              <Input name="code" inputMode="numeric" autoComplete="one-time-code" required autoFocus />
            </Field>
            <Button type="submit" disabled={busy}>
              Turn on two-factor authentication
            </Button>
          </form>
        ) : (
          <form method="post" onSubmit={start} className="flex flex-col gap-4">
            <Field id="password" label="Password" hint="Leave empty if you sign in with single sign-on.">
              <Input name="password" type="password" autoComplete="current-password" />
            </Field>
            <Button type="submit" disabled={busy}>
              Set up authenticator
            </Button>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
