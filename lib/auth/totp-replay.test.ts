import { sql } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/lib/db';
import { getActor } from './actor';
import { getAuthDb } from './db';
import { demoPassword } from './demo-users';
import type { Auth } from './server';
import { cookieHeaders, freshAuth, signIn } from './testing';
import { claimStep, matchedStep } from './totp-replay';

// RFC 6238 §5.2: a TOTP code opens one sign-in, however long it stays in the window.

const email = 'admin@demo.certdesk';
// The start of a 30-second step, plus 10 s.
const start = new Date('2026-03-02T08:00:10Z').getTime();
const period = 30_000;
let auth: Auth;
let secret: string;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(start);
  auth = await freshAuth();
  secret = await enrol();
});
afterEach(() => vi.useRealTimers());

function codeAt(at: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: at });
}

/** Enrols the admin's authenticator with a code of the current step; answers the secret (base32). */
async function enrol(): Promise<string> {
  const headers = await signIn(auth, email, demoPassword);
  const setup = await auth.api.enableTwoFactor({ body: { password: demoPassword }, headers });
  if (setup.method !== 'totp') throw new Error('TOTP expected');
  const base32 = new URL(setup.totpURI).searchParams.get('secret')!;
  const code = new TOTP({ secret: Secret.fromBase32(base32) }).generate({ timestamp: Date.now() });
  await auth.api.verifyTOTP({ body: { code }, headers });
  return base32;
}

/** Password, then `code` for the pending sign-in: the session's headers, or the refusal. */
async function signInWithCode(
  code: string,
): Promise<{ headers: Headers } | { status: number; code?: string }> {
  const first = await auth.api.signInEmail({ body: { email, password: demoPassword }, returnHeaders: true });
  expect(first.response).toMatchObject({ twoFactorRedirect: true });
  try {
    const verified = await auth.api.verifyTOTP({
      body: { code },
      headers: cookieHeaders(first.headers),
      returnHeaders: true,
    });
    return { headers: cookieHeaders(verified.headers) };
  } catch (error) {
    const e = error as { statusCode: number; body?: { code?: string } };
    return { status: e.statusCode, code: e.body?.code };
  }
}

async function auditRows(): Promise<{ action: string; outcome: string; details: string }[]> {
  const { rows } = await sql<{
    action: string;
    outcome: string;
    details: string;
  }>`select action, outcome, details from audit_events order by seq`.execute(await getDb());
  return rows;
}

describe('TOTP replay', () => {
  it('accepts a code once: the same code again is refused, the next window’s code is accepted', async () => {
    vi.setSystemTime(start + period);
    const code = codeAt(Date.now());
    const first = await signInWithCode(code);
    if (!('headers' in first)) throw new Error(`first use refused: ${first.status}`);
    expect(await getActor(first.headers)).toMatchObject({ email });

    const again = await signInWithCode(code);
    expect(again).toEqual({ status: 401, code: 'TOTP_CODE_REUSED' });

    vi.setSystemTime(start + 2 * period);
    const next = await signInWithCode(codeAt(Date.now()));
    expect('headers' in next && (await getActor(next.headers))).toMatchObject({ email });
  });

  it('refuses the enrolment code at sign-in while it is still in the window', async () => {
    vi.setSystemTime(start + 5_000);
    expect(await signInWithCode(codeAt(start))).toEqual({ status: 401, code: 'TOTP_CODE_REUSED' });
  });

  it('refuses an older code of the window once a newer one was accepted', async () => {
    vi.setSystemTime(start + period);
    // The authenticator's clock runs ahead: the next step's code is within the window, and accepted.
    expect(await signInWithCode(codeAt(start + 2 * period))).toHaveProperty('headers');
    expect(await signInWithCode(codeAt(start + period))).toEqual({ status: 401, code: 'TOTP_CODE_REUSED' });
  });

  it('audits the refusal like other failed sign-ins, and leaves wrong codes to the plugin', async () => {
    vi.setSystemTime(start + 5_000);
    await signInWithCode(codeAt(start));
    const refused = (await auditRows()).at(-1)!;
    expect(refused).toMatchObject({ action: 'auth.sign_in', outcome: 'failure' });
    expect(JSON.parse(refused.details)).toEqual({ method: 'second_factor', reason: 'code_reused' });

    const wrong = codeAt(start) === '000000' ? '111111' : '000000';
    expect(await signInWithCode(wrong)).toMatchObject({ status: 401, code: 'INVALID_CODE' });
  });
});

describe('matchedStep and claimStep', () => {
  it('finds the step of a code in the window and the step after it, and nothing else', async () => {
    const raw = 'not-base32-the-raw-secret-bytes!';
    const at = (t: number) =>
      new TOTP({ secret: new Secret({ buffer: new TextEncoder().encode(raw).buffer }) }).generate({
        timestamp: t,
      });
    const step = Math.floor(start / period);
    for (const offset of [-1, 0, 1, 2]) {
      expect(await matchedStep(raw, at(start + offset * period), start)).toBe(step + offset);
    }
    expect(await matchedStep(raw, at(start - 2 * period), start)).toBeNull();
    expect(await matchedStep(raw, at(start + 3 * period), start)).toBeNull();
  });

  it('takes a step only when it is newer than the last one taken', async () => {
    const db = await getAuthDb();
    const user = await db
      .selectFrom('user')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    await db.deleteFrom('totp_last_step').execute();
    expect(await claimStep(db, user.id, 100)).toBe(true);
    expect(await claimStep(db, user.id, 100)).toBe(false);
    expect(await claimStep(db, user.id, 99)).toBe(false);
    expect(await claimStep(db, user.id, 101)).toBe(true);
  });
});
