import 'server-only';
import { randomBytes } from 'node:crypto';
import { auditActor, recordAudit } from '@/lib/audit';
import { getAuthDb } from './db';
import { requirePasswordChange } from './first-password';
import { isRole } from './roles';
import { getAuth } from './server';
import { issueApiToken, revokeTokensOf } from './tokens';
import type { Actor, Role } from './types';

// User management for /admin and the admin CLI. Each change is made through better-auth (which checks
// that `headers` belong to an admin's session) and then audited; the caller has checked the role too.

export type UserRow = {
  id: string;
  name: string;
  email: string;
  role: Role | null;
  disabled: boolean;
  secondFactor: boolean;
  createdAt: string;
};

export class UserChangeError extends Error {}

export async function listUsers(): Promise<UserRow[]> {
  const db = await getAuthDb();
  const rows = await db
    .selectFrom('user')
    .select(['id', 'name', 'email', 'role', 'banned', 'twoFactorEnabled', 'createdAt'])
    .orderBy('email')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    role: isRole(r.role) ? r.role : null,
    disabled: Boolean(r.banned),
    secondFactor: Boolean(r.twoFactorEnabled),
    createdAt: new Date(r.createdAt).toISOString(),
  }));
}

async function findUser(userId: string): Promise<UserRow> {
  const user = (await listUsers()).find((u) => u.id === userId);
  if (!user) throw new UserChangeError('No such user.');
  return user;
}

/** A password for a new account, shown once to whoever creates it: 20 characters, 120 random bits. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

export type NewUser = { email: string; name: string; role: Role; password?: string };

/**
 * Creates a local account. `by` is the admin doing it (null for the CLI, which runs on the server with
 * no session); answers the password, generated when none was given. A generated password is one-time:
 * signing in with it opens only /change-password.
 */
export async function createUser(by: { actor: Actor; headers: Headers } | null, input: NewUser) {
  const auth = await getAuth();
  const password = input.password ?? generatePassword();
  const existing = await (await auth.$context).internalAdapter.findUserByEmail(input.email.toLowerCase());
  if (existing) throw new UserChangeError(`${input.email} already has an account.`);
  const { user } = await auth.api.createUser({
    body: { email: input.email, name: input.name, role: input.role, password },
    ...(by ? { headers: by.headers } : {}),
  });
  // A generated password was seen by whoever created the account: its holder replaces it first.
  if (input.password === undefined) await requirePasswordChange(await getAuthDb(), user.id);
  await recordAudit({
    actor: by ? auditActor(by.actor) : { userId: null, email: null, role: 'cli' },
    action: 'user.invite',
    target: `user:${user.id}`,
    outcome: 'success',
    details: { email: user.email, role: input.role },
  });
  return { userId: user.id, password };
}

export async function changeRole(actor: Actor, headers: Headers, userId: string, role: Role): Promise<void> {
  const user = await findUser(userId);
  if (user.role === role) return;
  if (
    user.role === 'admin' &&
    (await listUsers()).filter((u) => u.role === 'admin' && !u.disabled).length <= 1
  ) {
    throw new UserChangeError('CertDesk needs at least one administrator; make another one first.');
  }
  await (await getAuth()).api.setRole({ body: { userId, role }, headers });
  await recordAudit({
    actor: auditActor(actor),
    action: 'user.role_change',
    target: `user:${userId}`,
    outcome: 'success',
    details: { email: user.email, from: user.role, to: role },
  });
}

/** Disables an account: it cannot sign in, its sessions end and its API tokens are revoked for good. */
export async function disableUser(actor: Actor, headers: Headers, userId: string): Promise<void> {
  if (userId === actor.userId) throw new UserChangeError('You cannot disable your own account.');
  const user = await findUser(userId);
  await (
    await getAuth()
  ).api.banUser({ body: { userId, banReason: 'Disabled by an administrator' }, headers });
  await revokeTokensOf(await getAuthDb(), userId);
  await recordAudit({
    actor: auditActor(actor),
    action: 'user.disable',
    target: `user:${userId}`,
    outcome: 'success',
    details: { email: user.email },
  });
}

export async function enableUser(actor: Actor, headers: Headers, userId: string): Promise<void> {
  const user = await findUser(userId);
  await (await getAuth()).api.unbanUser({ body: { userId }, headers });
  await recordAudit({
    actor: auditActor(actor),
    action: 'user.enable',
    target: `user:${userId}`,
    outcome: 'success',
    details: { email: user.email },
  });
}

/** Issues a personal API token for the account of `email` (CLI); answers the token, shown once. */
export async function issueTokenForEmail(
  email: string,
  name: string,
): Promise<{ token: string; userId: string }> {
  const db = await getAuthDb();
  const user = await db
    .selectFrom('user')
    .select(['id', 'banned'])
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  if (!user) throw new UserChangeError(`No account for ${email}.`);
  if (user.banned) throw new UserChangeError(`${email} is disabled.`);
  const issued = await issueApiToken(db, user.id, name);
  await recordAudit({
    actor: { userId: null, email: null, role: 'cli' },
    action: 'token.issue',
    target: `user:${user.id}`,
    outcome: 'success',
    details: { email, name, tokenId: issued.id },
  });
  return { token: issued.token, userId: user.id };
}
