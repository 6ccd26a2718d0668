import 'server-only';
import { auditActor, recordAudit } from '@/lib/audit';
import { getAuthDb } from './db';
import { findApiToken, listApiTokens, revokeApiToken, type ApiTokenRow } from './tokens';
import type { Actor } from './types';
import { UserChangeError } from './users';

// Listing and revoking personal API tokens, for /account (own), /admin (anyone's) and the admin CLI.
// Callers authorize first; each revocation is audited here.

export type { ApiTokenRow };

export async function tokensOf(userId?: string): Promise<ApiTokenRow[]> {
  return listApiTokens(await getAuthDb(), userId);
}

export const noSuchToken = 'There is no such token.';

/** The token `id`, or a UserChangeError when there is none. */
export async function tokenById(id: string): Promise<ApiTokenRow> {
  const token = await findApiToken(await getAuthDb(), id);
  if (!token) throw new UserChangeError(noSuchToken);
  return token;
}

/** Revokes token `id` for good; `by` is null for the CLI. Revoking a revoked token changes nothing. */
export async function revokeToken(by: Actor | null, id: string): Promise<ApiTokenRow> {
  const token = await tokenById(id);
  const revoked = await revokeApiToken(await getAuthDb(), id);
  if (revoked) {
    await recordAudit({
      actor: by ? auditActor(by) : { userId: null, email: null, role: 'cli' },
      action: 'token.revoke',
      target: `user:${token.userId}`,
      outcome: 'success',
      details: { email: token.email, name: token.name, tokenId: id },
    });
  }
  return token;
}
