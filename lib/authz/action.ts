import 'server-only';
import { headers } from 'next/headers';
import { ApiError } from '@/lib/api/errors';
import type { Actor } from '@/lib/auth/types';
import { actorFromHeaders } from './actor-source';
import { authorize, recordDenial, type Owned, type Permission } from './policy';
import { crossOriginError, crossOriginReasonOf } from './same-origin';

// The check every Server Action starts with. An action is a public POST endpoint whatever page shows its
// form, so it identifies the caller, refuses a forged cross-site call and authorizes by the same table
// and the same audited denials as route(). Next.js only compares Origin with Host, and lets a request
// without Origin through; this check does not.

export type ActionCaller = { actor: Actor; headers: Headers };

/**
 * The authorized caller of the Server Action `action` (its audit name, e.g. 'user.invite'), or an
 * ApiError after an 'authz.denied' record: 403 cross-origin or forbidden, 401 anonymous.
 */
export async function authorizeAction(action: string, permission: Permission): Promise<ActionCaller> {
  const requestHeaders = await headers();
  const caller = await actorFromHeaders(requestHeaders);
  const reason = crossOriginReasonOf(requestHeaders, caller);
  if (reason) {
    await recordDenial(caller, { permission, reason }, { action });
    throw crossOriginError(reason);
  }
  const actor = await authorize(caller, permission, undefined, { action });
  return { actor, headers: requestHeaders };
}

/**
 * The object-level check inside an authorized action: `resource` must be within the actor's reach.
 * Someone else's object is refused with `missing`, the message a missing one gets, so ids cannot be probed.
 */
export async function authorizeActionOn(
  caller: ActionCaller,
  action: string,
  permission: Permission,
  resource: Owned & { target: string; missing: string },
): Promise<void> {
  const hidden = () => new ApiError(404, 'not_found', resource.missing);
  await authorize(caller.actor, permission, resource, { action, target: resource.target, hidden });
}

/** What a form shows when its action was refused: the refusal's own message. */
export function refusalOf(error: unknown): { error: string } | null {
  return error instanceof ApiError ? { error: error.message } : null;
}
