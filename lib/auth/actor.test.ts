import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getActor, isFresh } from './actor';
import { getAuthDb } from './db';
import { demoPassword } from './demo-users';
import type { Auth } from './server';
import { cookieHeaders, freshAuth, signIn } from './testing';
import { issueApiToken, revokeTokensOf } from './tokens';

let auth: Auth;
const start = new Date('2026-03-02T08:00:00Z');
const minutes = (n: number) => n * 60_000;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(start);
  auth = await freshAuth();
});
afterEach(() => vi.useRealTimers());

function later(ms: number) {
  vi.setSystemTime(new Date(Date.now() + ms));
}

describe('getActor with a session cookie', () => {
  it('answers the signed-in user with role and sign-in time', async () => {
    const headers = await signIn(auth, 'officer@demo.certdesk', demoPassword);
    const actor = await getActor(headers);
    expect(actor).toMatchObject({
      email: 'officer@demo.certdesk',
      name: 'Oscar Officer',
      role: 'officer',
      via: 'session',
    });
    expect(actor?.authenticatedAt).toBe(start.toISOString());
  });

  it('answers null without a cookie or with a forged one', async () => {
    expect(await getActor(new Headers())).toBeNull();
    expect(await getActor(new Headers({ cookie: 'certdesk-session=forged.value' }))).toBeNull();
  });

  it('ends a session left idle for 15 minutes, and deletes it', async () => {
    const headers = await signIn(auth, 'operator@demo.certdesk', demoPassword);
    later(minutes(14));
    expect(await getActor(headers)).not.toBeNull();
    later(minutes(15));
    expect(await getActor(headers)).toBeNull();
    later(-minutes(10));
    expect(await getActor(headers)).toBeNull();
  });

  it('keeps a session in use alive, but never past 12 hours after sign-in', async () => {
    const headers = await signIn(auth, 'auditor@demo.certdesk', demoPassword);
    for (let elapsed = 10; elapsed < 12 * 60; elapsed += 10) {
      later(minutes(10));
      expect(await getActor(headers), `${elapsed} min after sign-in`).not.toBeNull();
    }
    later(minutes(10));
    expect(await getActor(headers)).toBeNull();
  });

  it('answers null for a disabled user, and disabling ends the session', async () => {
    const admin = await signIn(auth, 'admin@demo.certdesk', demoPassword);
    const headers = await signIn(auth, 'operator@demo.certdesk', demoPassword);
    const operator = (await getActor(headers))!;
    await auth.api.banUser({ body: { userId: operator.userId }, headers: admin });
    expect(await getActor(headers)).toBeNull();
    await auth.api.unbanUser({ body: { userId: operator.userId }, headers: admin });
    expect(await getActor(headers)).toBeNull();
  });

  it('gives each sign-in a new session, and sign-out deletes it on the server', async () => {
    const first = await signIn(auth, 'operator@demo.certdesk', demoPassword);
    const second = await signIn(auth, 'operator@demo.certdesk', demoPassword);
    expect(first.get('cookie')).not.toBe(second.get('cookie'));
    await auth.api.signOut({ headers: second });
    expect(await getActor(second)).toBeNull();
    expect(await getActor(first)).not.toBeNull();
  });
});

describe('signing in again', () => {
  it('replaces the session the browser held: the old id stops working', async () => {
    const first = await signIn(auth, 'officer@demo.certdesk', demoPassword);
    later(minutes(10));
    const again = await auth.api.signInEmail({
      body: { email: 'officer@demo.certdesk', password: demoPassword },
      headers: first,
      returnHeaders: true,
    });
    const second = cookieHeaders(again.headers);
    expect(await getActor(first)).toBeNull();
    expect(await getActor(second)).toMatchObject({ authenticatedAt: new Date(Date.now()).toISOString() });
  });
});

describe('getActor with a personal API token', () => {
  it('answers the token owner as freshly authenticated', async () => {
    const db = await getAuthDb();
    const user = (await getActor(await signIn(auth, 'operator@demo.certdesk', demoPassword)))!;
    const { token } = await issueApiToken(db, user.userId, 'ci');
    const actor = await getActor(new Headers({ authorization: `Bearer ${token}` }));
    expect(actor).toMatchObject({ userId: user.userId, role: 'operator', via: 'token' });
    expect(isFresh(actor!)).toBe(true);
  });

  it('refuses unknown, revoked and disabled users’ tokens', async () => {
    const db = await getAuthDb();
    const admin = await signIn(auth, 'admin@demo.certdesk', demoPassword);
    const user = (await getActor(await signIn(auth, 'officer@demo.certdesk', demoPassword)))!;
    expect(await getActor(new Headers({ authorization: 'Bearer cdt_unknown' }))).toBeNull();
    expect(await getActor(new Headers({ authorization: 'Basic b3A6cHc=' }))).toBeNull();
    const { token } = await issueApiToken(db, user.userId, 'ci');
    const bearer = new Headers({ authorization: `Bearer ${token}` });
    await auth.api.banUser({ body: { userId: user.userId }, headers: admin });
    expect(await getActor(bearer)).toBeNull();
    await auth.api.unbanUser({ body: { userId: user.userId }, headers: admin });
    expect(await getActor(bearer)).not.toBeNull();
    await revokeTokensOf(db, user.userId);
    expect(await getActor(bearer)).toBeNull();
  });
});

describe('isFresh', () => {
  it('holds for five minutes after sign-in', async () => {
    const actor = (await getActor(await signIn(auth, 'operator@demo.certdesk', demoPassword)))!;
    expect(isFresh(actor)).toBe(true);
    later(minutes(5) + 1);
    expect(isFresh(actor)).toBe(false);
  });
});
