import { Secret, TOTP } from 'otpauth';
import { beforeEach, describe, expect, it } from 'vitest';
import { getActor, getSessionState } from './actor';
import { demoPassword } from './demo-users';
import type { Auth } from './server';
import { cookieHeaders, freshAuth, signIn } from './testing';

let auth: Auth;

beforeEach(async () => {
  auth = await freshAuth({ MFA_REQUIRED_ROLES: 'officer,admin' });
});

async function enrol(headers: Headers): Promise<{ headers: Headers; secret: string }> {
  const setup = await auth.api.enableTwoFactor({ body: { password: demoPassword }, headers });
  if (setup.method !== 'totp') throw new Error('TOTP expected');
  const secret = new URL(setup.totpURI).searchParams.get('secret')!;
  const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate();
  const renewed = await auth.api.verifyTOTP({ body: { code }, headers, returnHeaders: true });
  return { headers: cookieHeaders(renewed.headers), secret };
}

describe('second factor required per role', () => {
  it('holds back a user of a listed role until TOTP is enrolled', async () => {
    const headers = await signIn(auth, 'officer@demo.certdesk', demoPassword);
    expect(await getActor(headers)).toBeNull();
    expect(await getSessionState(headers)).toMatchObject({
      mustEnrolSecondFactor: true,
      actor: { role: 'officer' },
    });

    const enrolled = await enrol(headers);
    expect(await getActor(enrolled.headers)).toMatchObject({ role: 'officer' });
  });

  it('lets other roles in with a password alone', async () => {
    const headers = await signIn(auth, 'operator@demo.certdesk', demoPassword);
    expect(await getActor(headers)).toMatchObject({ role: 'operator' });
  });

  it('asks an enrolled user for the code before any session exists', async () => {
    const { secret } = await enrol(await signIn(auth, 'admin@demo.certdesk', demoPassword));
    const first = await auth.api.signInEmail({
      body: { email: 'admin@demo.certdesk', password: demoPassword },
      returnHeaders: true,
    });
    expect(first.response).toMatchObject({ twoFactorRedirect: true });
    const challenge = cookieHeaders(first.headers);
    expect(await getActor(challenge)).toBeNull();

    // The enrolment's code is spent (lib/auth/totp-replay.ts); the next step's is in the window.
    const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + 30_000 });
    const verified = await auth.api.verifyTOTP({ body: { code }, headers: challenge, returnHeaders: true });
    expect(await getActor(cookieHeaders(verified.headers))).toMatchObject({
      role: 'admin',
      email: 'admin@demo.certdesk',
    });
  });
});
