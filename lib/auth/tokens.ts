import 'server-only';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { AuthDb } from './db';
import { isRole } from './roles';
import type { Actor } from './types';

// Personal API tokens for scripted use of the API: `Authorization: Bearer cdt_…`. Only the SHA-256 of a
// token is stored (it has 256 random bits, so a slow hash adds nothing); the token is shown once.

const prefix = 'cdt_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export type IssuedToken = { id: string; token: string };

/** Creates a token for `userId`; the returned token is the only copy. */
export async function issueApiToken(
  db: AuthDb,
  userId: string,
  name: string,
  now = new Date(),
): Promise<IssuedToken> {
  const token = `${prefix}${randomBytes(32).toString('base64url')}`;
  const id = randomUUID();
  await db
    .insertInto('api_tokens')
    .values({
      id,
      user_id: userId,
      name,
      token_hash: hashToken(token),
      created_at: now.toISOString(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return { id, token };
}

/** The bearer token in an Authorization header, or null when there is none of our kind. */
export function bearerToken(headers: Headers): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '');
  return match?.[1]?.startsWith(prefix) ? match[1] : null;
}

/**
 * The actor a token stands for, or null when it is unknown, revoked, or its user is disabled or has no
 * known role. A token proves its holder on every request, so its actor counts as freshly authenticated.
 */
export async function tokenActor(db: AuthDb, token: string, now = new Date()): Promise<Actor | null> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('user', 'user.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id as tokenId',
      'api_tokens.revoked_at',
      'user.id',
      'user.email',
      'user.name',
      'user.role',
      'user.banned',
    ])
    .where('api_tokens.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.revoked_at || row.banned || !isRole(row.role)) return null;
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: now.toISOString() })
    .where('id', '=', row.tokenId)
    .execute();
  return {
    userId: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    via: 'token',
    authenticatedAt: now.toISOString(),
  };
}

/** Revokes every token of `userId` (a disabled user's tokens stay dead even if re-enabled). */
export async function revokeTokensOf(db: AuthDb, userId: string, now = new Date()): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** A personal API token as lists show it: never the token, nor its hash. */
export type ApiTokenRow = {
  id: string;
  userId: string;
  email: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

function tokenRows(db: AuthDb) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('user', 'user.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id as id',
      'api_tokens.user_id as userId',
      'user.email as email',
      'api_tokens.name as name',
      'api_tokens.created_at as createdAt',
      'api_tokens.last_used_at as lastUsedAt',
      'api_tokens.revoked_at as revokedAt',
    ]);
}

/** Tokens of `userId`, or of everyone when omitted; newest first. */
export async function listApiTokens(db: AuthDb, userId?: string): Promise<ApiTokenRow[]> {
  let query = tokenRows(db).orderBy('api_tokens.created_at', 'desc');
  if (userId !== undefined) query = query.where('api_tokens.user_id', '=', userId);
  return query.execute();
}

export async function findApiToken(db: AuthDb, id: string): Promise<ApiTokenRow | undefined> {
  return tokenRows(db).where('api_tokens.id', '=', id).executeTakeFirst();
}

/** Revokes one token; false when it was already revoked (or does not exist). */
export async function revokeApiToken(db: AuthDb, id: string, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
