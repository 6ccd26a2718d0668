import { beforeEach, describe, expect, it } from 'vitest';
import { getActor, getSessionState } from './actor';
import { demoPassword } from './demo-users';
import type { Auth } from './server';
import { cookieHeaders, freshAuth, signIn } from './testing';
import { createUser } from './users';

// An invitation's one-time password opens nothing but /change-password until it is replaced.

let auth: Auth;
let admin: { actor: NonNullable<Awaited<ReturnType<typeof getActor>>>; headers: Headers };

beforeEach(async () => {
  auth = await freshAuth();
  const headers = await signIn(auth, 'admin@demo.certdesk', demoPassword);
  admin = { actor: (await getActor(headers))!, headers };
});

describe('a one-time password', () => {
  it('signs in to a session that may only change it; once changed, CertDesk opens', async () => {
    const { password } = await createUser(admin, {
      email: 'invited@example.org',
      name: 'Invited',
      role: 'operator',
    });
    const headers = await signIn(auth, 'invited@example.org', password);
    expect(await getSessionState(headers)).toMatchObject({
      mustChangePassword: true,
      actor: { email: 'invited@example.org' },
    });
    expect(await getActor(headers)).toBeNull();

    const changed = await auth.api.changePassword({
      body: { currentPassword: password, newPassword: 'my-own-password-2026', revokeOtherSessions: true },
      headers,
      returnHeaders: true,
    });
    const after = changed.headers.getSetCookie().length > 0 ? cookieHeaders(changed.headers) : headers;
    expect(await getActor(after)).toMatchObject({ email: 'invited@example.org', role: 'operator' });
    expect(
      (await getSessionState(await signIn(auth, 'invited@example.org', 'my-own-password-2026')))
        ?.mustChangePassword,
    ).toBe(false);
  });

  it('is not asked to change a password the creator chose on the server', async () => {
    await createUser(null, {
      email: 'cli@example.org',
      name: 'CLI',
      role: 'auditor',
      password: 'chosen-on-the-server-1',
    });
    expect(await getActor(await signIn(auth, 'cli@example.org', 'chosen-on-the-server-1'))).toMatchObject({
      role: 'auditor',
    });
  });
});
