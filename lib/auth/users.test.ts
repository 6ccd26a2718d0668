import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { getActor, getSessionState } from './actor';
import { demoPassword } from './demo-users';
import type { Auth } from './server';
import { freshAuth, signIn } from './testing';
import { changeRole, createUser, disableUser, enableUser, issueTokenForEmail, listUsers } from './users';
import type { Actor } from './types';

let auth: Auth;
let admin: { actor: Actor; headers: Headers };

beforeEach(async () => {
  auth = await freshAuth();
  const headers = await signIn(auth, 'admin@demo.certdesk', demoPassword);
  admin = { actor: (await getActor(headers))!, headers };
});

async function audited(): Promise<string[]> {
  const { rows } = await sql<{ action: string }>`select action from audit_events order by seq`.execute(
    await getDb(),
  );
  return rows.map((r) => r.action);
}

const userId = async (email: string) => (await listUsers()).find((u) => u.email === email)!.id;

describe('user management', () => {
  it('invites with a generated one-time password that signs in', async () => {
    const { password } = await createUser(admin, {
      email: 'New.Person@example.org',
      name: 'New Person',
      role: 'auditor',
    });
    expect(password).toHaveLength(20);
    // It signs in, to a session that must replace it first (first-password.test.ts).
    const state = await getSessionState(await signIn(auth, 'new.person@example.org', password));
    expect(state).toMatchObject({ mustChangePassword: true, actor: { role: 'auditor', name: 'New Person' } });
    expect(await audited()).toContain('user.invite');
    await expect(
      createUser(admin, { email: 'new.person@example.org', name: 'Again', role: 'operator' }),
    ).rejects.toThrow(/already has an account/);
  });

  it('changes a role at once for the user’s next request, and keeps at least one administrator', async () => {
    const headers = await signIn(auth, 'operator@demo.certdesk', demoPassword);
    await changeRole(admin.actor, admin.headers, await userId('operator@demo.certdesk'), 'officer');
    expect(await getActor(headers)).toMatchObject({ role: 'officer' });
    await expect(changeRole(admin.actor, admin.headers, admin.actor.userId, 'auditor')).rejects.toThrow(
      /at least one administrator/,
    );
    expect(await audited()).toContain('user.role_change');
  });

  it('disabling ends sessions and revokes API tokens for good; enabling lets the user sign in again', async () => {
    const email = 'officer@demo.certdesk';
    const session = await signIn(auth, email, demoPassword);
    const { token } = await issueTokenForEmail(email, 'ci');
    const bearer = new Headers({ authorization: `Bearer ${token}` });
    await disableUser(admin.actor, admin.headers, await userId(email));
    expect(await getActor(session)).toBeNull();
    expect(await getActor(bearer)).toBeNull();
    await expect(signIn(auth, email, demoPassword)).rejects.toThrow();

    await enableUser(admin.actor, admin.headers, await userId(email));
    expect(await getActor(await signIn(auth, email, demoPassword))).toMatchObject({ email });
    expect(await getActor(bearer)).toBeNull();
    expect(await audited()).toEqual(expect.arrayContaining(['token.issue', 'user.disable', 'user.enable']));
  });

  it('refuses to disable yourself', async () => {
    await expect(disableUser(admin.actor, admin.headers, admin.actor.userId)).rejects.toThrow(
      /your own account/,
    );
  });
});

describe('own account', () => {
  it('changing the password is audited and ends the other sessions', async () => {
    const email = 'auditor@demo.certdesk';
    const other = await signIn(auth, email, demoPassword);
    const current = await signIn(auth, email, demoPassword);
    await auth.api.changePassword({
      body: { currentPassword: demoPassword, newPassword: 'a-new-password-5678', revokeOtherSessions: true },
      headers: current,
    });
    expect(await getActor(other)).toBeNull();
    expect(await getActor(await signIn(auth, email, 'a-new-password-5678'))).toMatchObject({ email });
    await auth.api.signOut({ headers: await signIn(auth, email, 'a-new-password-5678') });
    expect(await audited()).toEqual(expect.arrayContaining(['auth.password_change', 'auth.sign_out']));
  });
});
