import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { genericOAuth } from 'better-auth/plugins';
import { recordAudit } from '@/lib/audit';
import type { OidcConfig } from './config';
import type { AuthDb } from './db';
import { roleFromClaim } from './roles';
import type { Role } from './types';

// Single sign-on through one OIDC provider. The provider decides the role through a claim; better-auth
// will not take a role from a profile (it is not user input), so the role read from the claim is kept
// for the rest of the callback request and written by the user hooks in ./server.ts.

export const ssoProviderId = 'sso';

type CallbackScope = { role: Role | null; refused: boolean };
// One store per process: the auth instance is shared through globalThis by every route bundle, and each
// bundle may hold its own copy of this module.
const shared = globalThis as typeof globalThis & { __certdeskSsoScope?: AsyncLocalStorage<CallbackScope> };
const callbackRole = (shared.__certdeskSsoScope ??= new AsyncLocalStorage<CallbackScope>());

/**
 * Runs one auth request with room for the role an SSO callback maps from its claim. Answers whether the
 * provider granted no role, so that the caller can send the person back to sign-in with an explanation.
 */
export async function withSsoScope<T>(run: () => Promise<T>): Promise<{ result: T; refused: boolean }> {
  const scope: CallbackScope = { role: null, refused: false };
  const result = await callbackRole.run(scope, run);
  return { result, refused: scope.refused };
}

/** The role the SSO callback being handled mapped from the provider's claim, if any. */
export function ssoCallbackRole(): Role | null {
  return callbackRole.getStore()?.role ?? null;
}

/** Maps the profile's claim to a role; a profile granting no CertDesk role cannot sign in. */
export function roleForProfile(profile: Record<string, unknown>, claim: string): Role {
  const role = roleFromClaim(profile, claim);
  if (!role)
    throw new APIError('FORBIDDEN', {
      message: `The identity provider grants no CertDesk role (claim ${claim}).`,
    });
  return role;
}

export function ssoPlugin(oidc: OidcConfig) {
  return genericOAuth({
    config: [
      {
        providerId: ssoProviderId,
        name: 'Single sign-on',
        discoveryUrl: `${oidc.issuer}/.well-known/openid-configuration`,
        clientId: oidc.clientId,
        clientSecret: oidc.clientSecret,
        scopes: oidc.scopes,
        pkce: true,
        // The provider is the source of truth for name, e-mail and role at every sign-in.
        overrideUserInfo: true,
        mapProfileToUser: (profile) => {
          const scope = callbackRole.getStore() ?? { role: null, refused: false };
          scope.refused = roleFromClaim(profile, oidc.roleClaim) === null;
          scope.role = roleForProfile(profile, oidc.roleClaim);
          return { email: profile.email ?? undefined, name: profile.name ?? profile.email ?? undefined };
        },
      },
    ],
  });
}

/**
 * Keeps the role of a returning SSO user in step with the provider's claim: a person moved to another
 * group at the provider signs in with the new role (new users get it at creation, in ./server.ts).
 */
export function ssoRoleSync(db: AuthDb): BetterAuthPlugin {
  return {
    id: 'certdesk-sso-role-sync',
    hooks: {
      after: [
        {
          // The route is matched by its pattern (/callback/:id); SSO is the only provider there is.
          matcher: (ctx) => ctx.path?.startsWith('/callback/') ?? false,
          handler: createAuthMiddleware(async (ctx) => {
            const user = ctx.context.newSession?.user as
              { id: string; email: string; role?: string } | undefined;
            const role = ssoCallbackRole();
            if (!user || !role || user.role === role) return;
            await db
              .updateTable('user')
              .set({ role, updatedAt: new Date().toISOString() })
              .where('id', '=', user.id)
              .execute();
            await recordAudit({
              actor: { userId: null, email: null, role: 'sso' },
              action: 'user.role_change',
              target: `user:${user.id}`,
              outcome: 'success',
              details: {
                email: user.email,
                from: user.role ?? null,
                to: role,
                by: 'identity provider claim',
              },
            });
          }),
        },
      ],
    },
  };
}
