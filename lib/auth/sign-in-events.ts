import 'server-only';
import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
import { recordAudit, type AuditInput } from '@/lib/audit';
import type { AuthDb } from './db';
import { activeLock, clearFailures, lockMessage, recordFailure } from './lockout';

// Sign-in's security events, hooked into better-auth's endpoints: the password lockout, and an audit
// record for every sign-in (ok or failed) and lockout; sign-out and password changes are in
// ./account-events.ts. Listed after the twoFactor plugin, so a password sign-in still waiting for its
// second factor has no session yet when these hooks look.

const passwordPath = '/sign-in/email';
const secondFactorPaths = new Set(['/two-factor/verify-totp', '/two-factor/verify-backup-code']);
const ssoCallback = /^\/callback\//;

export type Who = { id: string; email: string; role?: string | null };
type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

export function actorOf(user: Who | null | undefined, email?: string): AuditInput['actor'] {
  if (!user) return { userId: null, email: email ?? null, role: null };
  return { userId: user.id, email: user.email, role: user.role ?? null };
}

function emailOf(body: unknown): string | null {
  const email = (body as { email?: unknown } | null)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : null;
}

function ssoFailed(returned: unknown): boolean {
  if (!isAPIError(returned)) return false;
  const location = new Headers(returned.headers ?? undefined).get('location') ?? '';
  return returned.statusCode >= 400 || /[?&]error=/.test(location);
}

/**
 * Audits a completed sign-in and ends the session the browser held before it, if any: signing in again
 * (to confirm who you are) leaves one live session, not two.
 */
async function signedIn(ctx: HookContext, method: string): Promise<void> {
  const done = ctx.context.newSession;
  if (!done) return;
  const previous = await ctx.getSignedCookie(ctx.context.authCookies.sessionToken.name, ctx.context.secret);
  if (previous && previous !== done.session.token) await ctx.context.internalAdapter.deleteSession(previous);
  await recordAudit({
    actor: actorOf(done.user as Who),
    action: 'auth.sign_in',
    target: `user:${done.user.id}`,
    outcome: 'success',
    details: { method },
  });
}

export function signInEvents(db: AuthDb): BetterAuthPlugin {
  return {
    id: 'certdesk-sign-in-events',
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === passwordPath,
          handler: createAuthMiddleware(async (ctx) => {
            const email = emailOf(ctx.body);
            const lock = email ? await activeLock(db, email) : null;
            if (!lock) return;
            await recordAudit({
              actor: actorOf(null, email!),
              action: 'auth.sign_in',
              target: null,
              outcome: 'denied',
              details: { method: 'password', reason: 'locked' },
            });
            throw new APIError('TOO_MANY_REQUESTS', { message: lockMessage(lock), code: 'ACCOUNT_LOCKED' });
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => ctx.path === passwordPath,
          handler: createAuthMiddleware(async (ctx) => {
            const email = emailOf(ctx.body);
            if (!email) return;
            if (!isAPIError(ctx.context.returned)) {
              await clearFailures(db, email);
              return signedIn(ctx, 'password');
            }
            if (ctx.context.returned.statusCode === 429) return;
            const lock = await recordFailure(db, email);
            await recordAudit({
              actor: actorOf(null, email),
              action: 'auth.sign_in',
              target: null,
              outcome: 'failure',
              details: { method: 'password' },
            });
            if (lock) {
              await recordAudit({
                actor: actorOf(null, email),
                action: 'auth.lockout',
                target: null,
                outcome: 'success',
                details: { until: lock.lockedUntil.toISOString() },
              });
              throw new APIError('TOO_MANY_REQUESTS', { message: lockMessage(lock), code: 'ACCOUNT_LOCKED' });
            }
          }),
        },
        {
          matcher: (ctx) => secondFactorPaths.has(ctx.path ?? '') || ssoCallback.test(ctx.path ?? ''),
          handler: createAuthMiddleware(async (ctx) => {
            const method = ssoCallback.test(ctx.path) ? 'sso' : 'second_factor';
            // Enrolling TOTP also verifies a code and renews the session; only the challenge cookie marks a sign-in.
            const challenge = ctx.context.createAuthCookie('two_factor').name;
            if (method === 'second_factor' && !ctx.headers?.get('cookie')?.includes(`${challenge}=`)) return;
            if (ctx.context.newSession) {
              await signedIn(ctx, method);
            } else if (
              method === 'sso' ? ssoFailed(ctx.context.returned) : isAPIError(ctx.context.returned)
            ) {
              await recordAudit({
                actor: actorOf(null),
                action: 'auth.sign_in',
                target: null,
                outcome: 'failure',
                details: { method },
              });
            }
          }),
        },
      ],
    },
  };
}
