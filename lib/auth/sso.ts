import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { APIError } from 'better-auth/api';
import { genericOAuth } from 'better-auth/plugins';
import type { OidcConfig } from './config';
import { roleFromClaim } from './roles';
import type { Role } from './types';

// Single sign-on through one OIDC provider. The provider decides the role through a claim; better-auth
// will not take a role from a profile (it is not user input), so the role read from the claim is kept
// for the rest of the callback request and written by the user hooks in ./server.ts.

export const ssoProviderId = 'sso';

const callbackRole = new AsyncLocalStorage<{ role: Role | null }>();

/** Runs one auth request with room for the role an SSO callback maps from its claim. */
export function withSsoScope<T>(run: () => Promise<T>): Promise<T> {
  return callbackRole.run({ role: null }, run);
}

/** The role the SSO callback being handled mapped from the provider's claim, if any. */
export function ssoCallbackRole(): Role | null {
  return callbackRole.getStore()?.role ?? null;
}

/** Maps the profile's claim to a role; a profile granting no CertDesk role cannot sign in. */
export function roleForProfile(profile: Record<string, unknown>, claim: string): Role {
  const role = roleFromClaim(profile, claim);
  if (!role) throw new APIError('FORBIDDEN', { message: `The identity provider grants no CertDesk role (claim ${claim}).` });
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
          const role = roleForProfile(profile, oidc.roleClaim);
          const scope = callbackRole.getStore();
          if (scope) scope.role = role;
          return { email: profile.email ?? undefined, name: profile.name ?? profile.email ?? undefined };
        },
      },
    ],
  });
}
