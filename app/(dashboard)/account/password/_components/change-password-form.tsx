'use client';

import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { authClient, useHydrated } from '@/lib/auth/client';

function field(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === 'string' ? value : '';
}

/**
 * Replaces the password (e.g. the one-time password from an invitation) and ends every other session.
 * With `next`, goes there once changed (a full navigation, so the server sees the account as it now is).
 */
export function ChangePasswordForm({ next }: { next?: string } = {}) {
  const [result, setResult] = useState<{ ok: boolean; message: string }>();
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const newPassword = field(form, 'newPassword');
    if (newPassword !== field(form, 'confirmPassword')) {
      return setResult({ ok: false, message: 'The new passwords do not match.' });
    }
    setPending(true);
    const { error } = await authClient.changePassword({
      currentPassword: field(form, 'currentPassword'),
      newPassword,
      revokeOtherSessions: true,
    });
    setPending(false);
    if (error) return setResult({ ok: false, message: error.message ?? 'The password was not changed.' });
    if (next) return window.location.assign(next);
    form.reset();
    setResult({ ok: true, message: 'Password changed. Other sessions of your account have ended.' });
  }

  return (
    <form method="post" onSubmit={submit} className="flex flex-col gap-4">
      {result ? <Alert tone={result.ok ? 'ok' : 'danger'}>{result.message}</Alert> : null}
      <Field id="current-password" label="Current password">
        <Input name="currentPassword" type="password" autoComplete="current-password" required />
      </Field>
      <Field id="new-password" label="New password" hint="At least 12 characters.">
        <Input name="newPassword" type="password" autoComplete="new-password" minLength={12} required />
      </Field>
      <Field id="confirm-password" label="New password again">
        <Input name="confirmPassword" type="password" autoComplete="new-password" minLength={12} required />
      </Field>
      <Button type="submit" disabled={pending || !hydrated}>
        Change password
      </Button>
    </form>
  );
}
