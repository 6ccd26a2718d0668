'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { noSuchToken, revokeToken, tokenById } from '@/lib/auth/token-admin';
import { UserChangeError } from '@/lib/auth/users';
import { authorizeAction, authorizeActionOn, refusalOf } from '@/lib/authz/action';

// The signed-in person's own account. Authorized inside the action (lib/authz), like every action.

export type AccountActionState = { error?: string; revoked?: string };

const tokenSchema = z.object({ tokenId: z.string().min(1).max(64) });

/**
 * Revokes one of the caller's personal API tokens. Someone else's answers as a missing one, except to
 * administrators, whom the policy lets revoke any token.
 */
export async function revokeOwnTokenAction(
  _: AccountActionState,
  form: FormData,
): Promise<AccountActionState> {
  try {
    const by = await authorizeAction('token.revoke', 'tokens:revoke');
    const { tokenId } = tokenSchema.parse(Object.fromEntries(form));
    const token = await tokenById(tokenId);
    const resource = { requester: token.email, target: `user:${token.userId}`, missing: noSuchToken };
    await authorizeActionOn(by, 'token.revoke', 'tokens:revoke', resource);
    await revokeToken(by.actor, tokenId);
    revalidatePath('/account');
    return { revoked: token.name };
  } catch (error) {
    if (error instanceof UserChangeError) return { error: error.message };
    if (error instanceof z.ZodError) return { error: 'Choose a token to revoke.' };
    return refusalOf(error) ?? { error: 'The token could not be revoked.' };
  }
}
