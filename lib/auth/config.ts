import 'server-only';
import { z } from 'zod';
import { roles, type Role } from './types';

// Sign-in settings, read from the environment once. The secret signs session cookies; it never leaves
// the server and is never prefixed NEXT_PUBLIC_.

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

// Public on purpose: demo mode shows its passwords on the sign-in page, so its cookies need no secrecy
// beyond a loopback machine. Outside demo mode BETTER_AUTH_SECRET is required.
const demoSecret = 'certdesk-demo-secret-for-loopback-use-only-0000';

const roleList = z
  .string()
  .default('')
  .transform((text, ctx) => {
    const names = text
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
    const unknown = names.filter((r) => !(roles as readonly string[]).includes(r));
    if (unknown.length > 0)
      ctx.addIssue({
        code: 'custom',
        message: `unknown role ${unknown.join(', ')} (roles: ${roles.join(', ')})`,
      });
    return names as Role[];
  });

const envSchema = z.object({
  CERTDESK_DEMO: z.stringbool().default(false),
  BETTER_AUTH_SECRET: optional.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  BETTER_AUTH_URL: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
  MFA_REQUIRED_ROLES: roleList,
  OIDC_ISSUER: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
  OIDC_CLIENT_ID: optional,
  OIDC_CLIENT_SECRET: optional,
  OIDC_ROLE_CLAIM: z.string().trim().min(1).default('certdesk_role'),
  OIDC_SCOPES: z.string().trim().default('openid email profile'),
});

export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  roleClaim: string;
  scopes: string[];
};

export type AuthConfig = {
  demo: boolean;
  secret: string;
  /** Where browsers reach CertDesk; also what cookies and redirects are built for. */
  baseUrl: string;
  /** Plain http on a loopback address: no Secure flag and no __Host- prefix are possible there. */
  insecureLoopback: boolean;
  mfaRequiredRoles: Role[];
  oidc: OidcConfig | null;
};

export class AuthConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Sign-in configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'AuthConfigError';
  }
}

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** Parses `env`; throws one AuthConfigError that lists every bad variable. */
export function parseAuthConfig(env: Record<string, string | undefined>): AuthConfig {
  const parsed = envSchema.safeParse(env);
  const problems = parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
  if (!parsed.success) throw new AuthConfigError(problems);
  const e = parsed.data;
  if (!e.BETTER_AUTH_SECRET && !e.CERTDESK_DEMO)
    problems.push('BETTER_AUTH_SECRET: required (e.g. `openssl rand -base64 32`)');
  const oidcSet = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidcSet > 0 && oidcSet < 3)
    problems.push('OIDC_ISSUER: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together');
  const baseUrl = new URL(e.BETTER_AUTH_URL ?? `http://127.0.0.1:${env.PORT ?? '3000'}`);
  const insecureLoopback = baseUrl.protocol === 'http:' && isLoopback(baseUrl);
  if (e.CERTDESK_DEMO && !isLoopback(baseUrl)) {
    problems.push(
      'CERTDESK_DEMO: demo accounts have a published password; demo mode runs on a loopback address only',
    );
  }
  if (baseUrl.protocol === 'http:' && !insecureLoopback)
    problems.push('BETTER_AUTH_URL: must be https unless it is a loopback address');
  if (problems.length > 0) throw new AuthConfigError(problems);
  return {
    demo: e.CERTDESK_DEMO,
    secret: e.BETTER_AUTH_SECRET ?? demoSecret,
    baseUrl: baseUrl.origin,
    insecureLoopback,
    mfaRequiredRoles: e.MFA_REQUIRED_ROLES,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER.replace(/\/+$/, ''),
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            roleClaim: e.OIDC_ROLE_CLAIM,
            scopes: e.OIDC_SCOPES.split(/\s+/),
          }
        : null,
  };
}

let cached: AuthConfig | undefined;

export function getAuthConfig(): AuthConfig {
  cached ??= parseAuthConfig(process.env);
  return cached;
}

/** Replaces the configuration read from the environment (specs), or forgets it when `env` is omitted. */
export function resetAuthConfig(env?: Record<string, string | undefined>): void {
  cached = env ? parseAuthConfig(env) : undefined;
}
