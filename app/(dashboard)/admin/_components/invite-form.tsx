'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { roleLabels, roles } from '@/lib/auth/types';
import { inviteUserAction, type AdminActionState } from '../actions';

/** Creates an account with a one-time password, shown here once for the admin to hand over. */
export function InviteForm() {
  const [state, invite, pending] = useActionState<AdminActionState, FormData>(inviteUserAction, {});
  return (
    <Card aria-labelledby="invite-title">
      <CardHeader>
        <CardTitle id="invite-title">Invite a user</CardTitle>
        <CardDescription>
          CertDesk creates the account with a one-time password for you to pass on.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {state.error ? <Alert tone="danger">{state.error}</Alert> : null}
        {state.created ? (
          <Alert tone="ok" title={`Account created for ${state.created.email}`}>
            One-time password (shown once):{' '}
            <code aria-label="One-time password" className="font-mono font-semibold">
              {state.created.password}
            </code>
          </Alert>
        ) : null}
        <form action={invite} className="grid gap-4 sm:grid-cols-4 sm:items-end">
          <Field id="invite-email" label="Email">
            <Input name="email" type="email" required autoComplete="off" />
          </Field>
          <Field id="invite-name" label="Name">
            <Input name="name" required autoComplete="off" />
          </Field>
          <Field id="invite-role" label="Role">
            <Select name="role" defaultValue="operator">
              {roles.map((r) => (
                <option key={r} value={r}>
                  {roleLabels[r]}
                </option>
              ))}
            </Select>
          </Field>
          <Button type="submit" disabled={pending}>
            Invite
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
