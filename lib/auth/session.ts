import 'server-only';
import { getAuthConfig } from './config';
import { getAuthDb } from './db';
import { mustChangePassword } from './first-password';
import { isRole } from './roles';
import { absoluteTimeoutMs, idleTimeoutMs, type Auth } from './server';
import type { Actor } from './types';

// A browser session's checks, beyond the signed cookie better-auth verifies: the account is enabled and
// holds a known role, the session was used in the last 15 minutes and began less than 12 hours ago.

/** How often a session's last use is written back; the idle limit is measured from that write. */
const touchEveryMs = 60_000;

export type SessionState = {
  actor: Actor;
  sessionId: string;
  /** The user has enrolled an authenticator (TOTP). */
  secondFactor: boolean;
  /** The role requires a second factor the user has not enrolled: nothing but enrolment is allowed. */
  mustEnrolSecondFactor: boolean;
  /** Signed in with a one-time password: nothing but choosing one's own is allowed (/change-password). */
  mustChangePassword: boolean;
};

function time(value: Date | string | number): number {
  return new Date(value).getTime();
}

/** The signed-in user behind the session cookie in `headers`, or null (expired sessions are deleted). */
export async function sessionState(
  auth: Auth,
  headers: Headers,
  now = Date.now(),
): Promise<SessionState | null> {
  const found = await auth.api.getSession({ headers, query: { disableCookieCache: true } });
  if (!found) return null;
  const { session, user } = found;
  const context = await auth.$context;
  const lastUsed = time(session.updatedAt);
  if (now - time(session.createdAt) >= absoluteTimeoutMs || now - lastUsed >= idleTimeoutMs) {
    await context.internalAdapter.deleteSession(session.token);
    return null;
  }
  if (user.banned || !isRole(user.role)) return null;
  if (now - lastUsed >= touchEveryMs) {
    await context.internalAdapter.updateSession(session.token, { updatedAt: new Date(now) });
  }
  const role = user.role;
  return {
    actor: {
      userId: user.id,
      email: user.email,
      name: user.name,
      role,
      via: 'session',
      authenticatedAt: new Date(session.createdAt).toISOString(),
    },
    sessionId: session.id,
    secondFactor: Boolean(user.twoFactorEnabled),
    mustEnrolSecondFactor: getAuthConfig().mfaRequiredRoles.includes(role) && !user.twoFactorEnabled,
    mustChangePassword: await mustChangePassword(await getAuthDb(), user.id),
  };
}
