import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/lib/db';
import { getActor } from './actor';
import { demoPassword } from './demo-users';
import type { Auth } from './server';
import { freshAuth, signIn } from './testing';

let auth: Auth;
const email = 'operator@demo.certdesk';

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-02T08:00:00Z'));
  auth = await freshAuth();
});
afterEach(() => vi.useRealTimers());

async function attempt(password: string): Promise<{ status: number; message?: string }> {
  try {
    await auth.api.signInEmail({ body: { email, password } });
    return { status: 200 };
  } catch (error) {
    const e = error as { statusCode: number; body?: { message?: string } };
    return { status: e.statusCode, message: e.body?.message };
  }
}

async function auditActions(): Promise<string[]> {
  const { rows } = await sql<{
    action: string;
    outcome: string;
  }>`select action, outcome from audit_events order by seq`.execute(await getDb());
  return rows.map((r) => `${r.action}:${r.outcome}`);
}

describe('sign-in lockout', () => {
  it('locks an account for 15 minutes after 5 failed sign-ins, even against the right password', async () => {
    for (let i = 0; i < 4; i++) expect((await attempt('wrong-password-000')).status).toBe(401);
    const fifth = await attempt('wrong-password-000');
    expect(fifth.status).toBe(429);
    expect(fifth.message).toMatch(/locked for 15 more minutes/);
    expect(await attempt(demoPassword)).toMatchObject({ status: 429 });

    vi.setSystemTime(new Date(Date.now() + 15 * 60_000));
    expect(await getActor(await signIn(auth, email, demoPassword))).toMatchObject({ email });
  });

  it('counts failures in a row only: a success starts the count again', async () => {
    for (let i = 0; i < 4; i++) await attempt('wrong-password-000');
    expect((await attempt(demoPassword)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt('wrong-password-000')).status).toBe(401);
    expect((await attempt(demoPassword)).status).toBe(200);
  });

  it('locks unknown e-mails the same way, so probing reveals nothing', async () => {
    const probe = async () =>
      auth.api
        .signInEmail({ body: { email: 'nobody@demo.certdesk', password: 'x'.repeat(12) } })
        .catch((e: { statusCode: number }) => e.statusCode);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push(await probe());
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('audits every failed sign-in, the lockout and the refused attempts', async () => {
    for (let i = 0; i < 5; i++) await attempt('wrong-password-000');
    await attempt(demoPassword);
    const actions = await auditActions();
    expect(actions.filter((a) => a === 'auth.sign_in:failure')).toHaveLength(5);
    expect(actions).toContain('auth.lockout:success');
    expect(actions.at(-1)).toBe('auth.sign_in:denied');
  });
});
