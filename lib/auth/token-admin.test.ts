import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { getActor } from './actor';
import { freshAuth } from './testing';
import { revokeToken, tokenById, tokensOf } from './token-admin';
import { issueTokenForEmail } from './users';

// Listing and revoking personal API tokens: lists never hold the token, a revoked token opens nothing,
// and each revocation is audited once.

beforeEach(async () => {
  await freshAuth();
});

async function audited(): Promise<{ action: string; target: string | null }[]> {
  const { rows } = await sql<{
    action: string;
    target: string | null;
  }>`select action, target from audit_events order by seq`.execute(await getDb());
  return rows;
}

const bearer = (token: string) => new Headers({ authorization: `Bearer ${token}` });

describe('personal API tokens', () => {
  it('are listed per holder with name and dates, never the token or its hash', async () => {
    const { token, userId } = await issueTokenForEmail('operator@demo.certdesk', 'nightly');
    await issueTokenForEmail('auditor@demo.certdesk', 'reports');
    await getActor(bearer(token));

    const own = await tokensOf(userId);
    expect(own).toMatchObject([{ name: 'nightly', email: 'operator@demo.certdesk', revokedAt: null }]);
    expect(own[0]!.lastUsedAt).toEqual(expect.any(String));
    expect((await tokensOf()).map((t) => t.name).sort()).toEqual(['nightly', 'reports']);
    expect(JSON.stringify(await tokensOf())).not.toMatch(/cdt_|token_hash|[0-9a-f]{64}/);
  });

  it('stop working once revoked; revoking again records nothing more', async () => {
    const { token, userId } = await issueTokenForEmail('operator@demo.certdesk', 'nightly');
    expect(await getActor(bearer(token))).toMatchObject({ email: 'operator@demo.certdesk', via: 'token' });
    const id = (await tokensOf(userId))[0]!.id;

    await revokeToken(null, id);
    expect(await getActor(bearer(token))).toBeNull();
    expect((await tokenById(id)).revokedAt).toEqual(expect.any(String));
    await revokeToken(null, id);
    expect((await audited()).filter((r) => r.action === 'token.revoke')).toEqual([
      { action: 'token.revoke', target: `user:${userId}` },
    ]);
  });

  it('refuses an unknown id', async () => {
    await expect(revokeToken(null, 'no-such-token')).rejects.toThrow('There is no such token.');
  });
});
