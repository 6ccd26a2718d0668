'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { roles } from '@/lib/auth/types';
import { noSuchToken, revokeToken, tokenById } from '@/lib/auth/token-admin';
import { changeRole, createUser, disableUser, enableUser, UserChangeError } from '@/lib/auth/users';
import { authorizeAction, authorizeActionOn, refusalOf, type ActionCaller } from '@/lib/authz/action';
import type { Permission } from '@/lib/authz/policy';

// User management from /admin. Each action authorizes for itself through lib/authz (same origin, the
// policy table, audited denials): a Server Action is a public endpoint whatever page shows its form.

export type AdminActionState = { error?: string; created?: { email: string; password: string } };

function failure(error: unknown): AdminActionState {
  if (error instanceof UserChangeError) return { error: error.message };
  if (error instanceof z.ZodError) return { error: error.issues.map((i) => i.message).join(' ') };
  const refused = refusalOf(error);
  if (refused) return refused;
  const message = (error as { body?: { message?: unknown } }).body?.message;
  return { error: typeof message === 'string' ? message : 'The change could not be made.' };
}

/** Authorizes `action` before anything in the form is read, then runs it; refusals become the form's error. */
async function guarded(
  action: string,
  permission: Permission,
  run: (by: ActionCaller) => Promise<AdminActionState | void>,
): Promise<AdminActionState> {
  try {
    const by = await authorizeAction(action, permission);
    const result = (await run(by)) ?? {};
    revalidatePath('/admin');
    return result;
  } catch (error) {
    return failure(error);
  }
}

const inviteSchema = z.object({
  email: z.email('Enter a valid e-mail address.'),
  name: z.string().trim().min(1, 'Enter a name.').max(120),
  role: z.enum(roles),
});

export async function inviteUserAction(_: AdminActionState, form: FormData): Promise<AdminActionState> {
  return guarded('user.invite', 'users:manage', async (by) => {
    const input = inviteSchema.parse(Object.fromEntries(form));
    const { password } = await createUser(by, input);
    return { created: { email: input.email, password } };
  });
}

const changeSchema = z.object({ userId: z.string().min(1), role: z.enum(roles).optional() });

export async function changeRoleAction(_: AdminActionState, form: FormData): Promise<AdminActionState> {
  return guarded('user.role_change', 'users:manage', async (by) => {
    const { userId, role } = changeSchema.required().parse(Object.fromEntries(form));
    await changeRole(by.actor, by.headers, userId, role);
  });
}

export async function setDisabledAction(_: AdminActionState, form: FormData): Promise<AdminActionState> {
  return guarded('user.disable', 'users:manage', async (by) => {
    const { userId } = changeSchema.parse(Object.fromEntries(form));
    if (form.get('disable') === 'true') await disableUser(by.actor, by.headers, userId);
    else await enableUser(by.actor, by.headers, userId);
  });
}

const tokenSchema = z.object({ tokenId: z.string().min(1).max(64) });

/** Revokes any user's personal API token (administrators; 'tokens:revoke' on someone else's is 'any'). */
export async function revokeTokenAction(_: AdminActionState, form: FormData): Promise<AdminActionState> {
  return guarded('token.revoke', 'users:manage', async (by) => {
    const { tokenId } = tokenSchema.parse(Object.fromEntries(form));
    const token = await tokenById(tokenId);
    const resource = { requester: token.email, target: `user:${token.userId}`, missing: noSuchToken };
    await authorizeActionOn(by, 'token.revoke', 'tokens:revoke', resource);
    await revokeToken(by.actor, tokenId);
  });
}
