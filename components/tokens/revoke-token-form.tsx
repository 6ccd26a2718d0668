'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';

export type RevokeState = { error?: string; revoked?: string };
export type RevokeAction = (state: RevokeState, form: FormData) => Promise<RevokeState>;

/** One token's revoke button; the action authorizes and audits on the server. */
export function RevokeTokenForm({
  tokenId,
  label,
  action,
}: {
  tokenId: string;
  label: string;
  action: RevokeAction;
}) {
  const [state, revoke, pending] = useActionState<RevokeState, FormData>(action, {});
  return (
    <form action={revoke} className="flex flex-col items-end gap-1">
      <input type="hidden" name="tokenId" value={tokenId} />
      <Button type="submit" size="sm" variant="danger" disabled={pending} aria-label={`Revoke ${label}`}>
        Revoke
      </Button>
      {state.error ? (
        <p role="alert" className="text-sm text-danger">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
