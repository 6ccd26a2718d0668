// A real OpenID Connect provider for the single sign-on spec (`oidc-provider`, with its development
// sign-in and consent pages), on loopback only: node --import tsx e2e/oidc/provider.ts
import Provider, { type FindAccount } from 'oidc-provider';

export const oidcPort = Number(process.env.OIDC_PROVIDER_PORT ?? 8795);
export const oidcIssuer = `http://127.0.0.1:${oidcPort}`;
export const oidcClient = { id: 'certdesk-e2e', secret: 'certdesk-e2e-oidc-client-secret' };
const appUrl = process.env.CERTDESK_URL ?? 'http://127.0.0.1:3100';

/** The identity provider's people: sign in on its page with the key as login (any password). */
export const oidcAccounts: Record<string, { email: string; name: string; certdesk_role?: string }> = {
  'sso-auditor': { email: 'sso.auditor@idp.example', name: 'Sam Auditor', certdesk_role: 'auditor' },
  'sso-norole': { email: 'sso.norole@idp.example', name: 'Nora Norole' },
};

const findAccount: FindAccount = (_ctx, id) => {
  const account = oidcAccounts[id];
  if (!account) return undefined;
  return { accountId: id, claims: () => ({ sub: id, email_verified: true, ...account }) };
};

function start(): void {
  const provider = new Provider(oidcIssuer, {
    clients: [
      {
        client_id: oidcClient.id,
        client_secret: oidcClient.secret,
        redirect_uris: [`${appUrl}/api/auth/callback/sso`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    // The role claim travels with the profile scope, as a directory's group claim would.
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'certdesk_role'] },
    findAccount,
    cookies: { keys: ['certdesk-e2e-oidc-cookie-key'] },
    features: { devInteractions: { enabled: true } },
  });
  provider.listen(oidcPort, '127.0.0.1', () => console.log(`OIDC provider at ${oidcIssuer}`));
}

if (process.argv[1]?.endsWith('provider.ts')) start();
