import 'server-only';
import { betterAuth } from 'better-auth';
import { admin, twoFactor } from 'better-auth/plugins';
import { adminAc, defaultAc } from 'better-auth/plugins/admin/access';
import { accountEvents } from './account-events';
import { getAuthConfig, type AuthConfig } from './config';
import { getAuthDb, type AuthDb } from './db';
import { sessionCookie, cookieAttributes } from './cookies';
import { seedDemoUsers } from './demo';
import { signInEvents } from './sign-in-events';
import { ssoCallbackRole, ssoPlugin, ssoRoleSync } from './sso';
import { totpOptions, totpReplayGuard } from './totp-replay';

// The one better-auth instance, on the registry's SQLite database (tables from migration 0004).

export const idleTimeoutMs = 15 * 60_000;
export const absoluteTimeoutMs = 12 * 3600_000;

// Only admins hold better-auth's user-management permissions; the other roles hold none of them.
const roleAccess = {
  admin: adminAc,
  operator: defaultAc.newRole({ user: [], session: [] }),
  officer: defaultAc.newRole({ user: [], session: [] }),
  auditor: defaultAc.newRole({ user: [], session: [] }),
};

// Over HTTP, user management goes through /admin only (audited there); nobody may act as another user.
const adminPaths = [
  'create-user',
  'update-user',
  'set-role',
  'ban-user',
  'unban-user',
  'list-users',
  'get-user',
  'list-user-sessions',
  'revoke-user-session',
  'revoke-user-sessions',
  'remove-user',
  'set-user-password',
  'impersonate-user',
  'stop-impersonating',
  'has-permission',
].map((p) => `/admin/${p}`);
const disabledPaths = [...adminPaths, '/sign-up/email', '/delete-user', '/change-email', '/update-user'];

export function createAuth(db: AuthDb, config: AuthConfig) {
  return betterAuth({
    appName: 'CertDesk',
    baseURL: config.baseUrl,
    secret: config.secret,
    trustedOrigins: [config.baseUrl],
    database: { db, type: 'sqlite' },
    telemetry: { enabled: false },
    disabledPaths,
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 256 },
    session: {
      // A session ends 12 h after sign-in whatever happens; the 15-minute idle limit is ours (./session.ts),
      // since better-auth's sliding renewal would also push the cookie's and the session's end further out.
      expiresIn: absoluteTimeoutMs / 1000,
      disableSessionRefresh: true,
      freshAge: 5 * 60,
      cookieCache: { enabled: false },
    },
    advanced: {
      useSecureCookies: false,
      cookiePrefix: 'certdesk',
      defaultCookieAttributes: cookieAttributes(config),
      cookies: { session_token: sessionCookie(config) },
      database: { generateId: () => crypto.randomUUID() },
    },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 300,
      customRules: { '/sign-in/email': { window: 60, max: 30 } },
    },
    databaseHooks: {
      user: {
        create: {
          before: (user) => {
            const role = ssoCallbackRole();
            return Promise.resolve(role ? { data: { ...user, role } } : undefined);
          },
        },
      },
    },
    plugins: [
      twoFactor({
        issuer: 'CertDesk',
        allowPasswordless: true,
        totpOptions,
        accountLockout: { maxFailedAttempts: 5, durationSeconds: 15 * 60 },
      }),
      totpReplayGuard(db),
      admin({ roles: roleAccess, defaultRole: 'operator', adminRoles: ['admin'] }),
      ...(config.oidc ? [ssoPlugin(config.oidc), ssoRoleSync(db)] : []),
      signInEvents(db),
      accountEvents,
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const state = globalThis as typeof globalThis & { __certdeskAuth?: Promise<Auth> };

async function open(): Promise<Auth> {
  const config = getAuthConfig();
  const auth = createAuth(await getAuthDb(), config);
  if (config.demo) await seedDemoUsers(auth);
  return auth;
}

/** The auth instance, built on first use (and, in demo mode, with its demo users seeded). */
export function getAuth(): Promise<Auth> {
  state.__certdeskAuth ??= open().catch((error: unknown) => {
    state.__certdeskAuth = undefined;
    throw error;
  });
  return state.__certdeskAuth;
}

/** Forgets the instance; the next getAuth() builds a new one (tests with a fresh database use this). */
export function resetAuth(): void {
  state.__certdeskAuth = undefined;
}
