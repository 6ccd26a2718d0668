import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetAuthConfig } from '@/lib/auth/config';

// A bad sign-in configuration stops the server at start, in the same one message as a bad TSB setting,
// instead of surfacing at the first request.

vi.mock('@/lib/tracker', () => ({ startTracker: vi.fn() }));

const tsb = { TSB_URL: 'http://127.0.0.1:8790', TSB_API_KEY: 'k' };

async function start(env: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const { startServer } = await import('./startup');
  const { resetAuthConfig: reset } = await import('@/lib/auth/config');
  reset();
  startServer();
  return { exit, message: error.mock.calls.map((c) => String(c[0])).join('\n') };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  resetAuthConfig();
});

describe('startServer', () => {
  it('stops with a readable message naming a bad sign-in variable', async () => {
    const { exit, message } = await start({
      ...tsb,
      CERTDESK_DEMO: 'false',
      BETTER_AUTH_SECRET: '',
      BETTER_AUTH_URL: 'http://certdesk.example.org',
      OIDC_ISSUER: 'https://idp.example.org',
      OIDC_CLIENT_ID: '',
      MFA_REQUIRED_ROLES: 'admin,root',
    });
    expect(exit).toHaveBeenCalledWith(1);
    expect(message).toContain('CertDesk configuration is invalid');
    expect(message).toContain('MFA_REQUIRED_ROLES: unknown role root');
  });

  it('lists cross-variable sign-in problems with the TSB’s in the same message', async () => {
    const { exit, message } = await start({
      TSB_URL: 'not a url',
      TSB_API_KEY: 'k',
      CERTDESK_DEMO: 'false',
      BETTER_AUTH_SECRET: '',
      BETTER_AUTH_URL: 'http://certdesk.example.org',
      OIDC_ISSUER: 'https://idp.example.org',
      OIDC_CLIENT_ID: '',
    });
    expect(exit).toHaveBeenCalledWith(1);
    expect(message).toMatch(/TSB_URL: /);
    expect(message).toContain('BETTER_AUTH_SECRET: required');
    expect(message).toContain('OIDC_ISSUER: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together');
    expect(message).toContain('BETTER_AUTH_URL: must be https');
  });

  it('starts with a good configuration', async () => {
    const { exit } = await start({ ...tsb, CERTDESK_DEMO: 'true', BETTER_AUTH_URL: 'http://127.0.0.1:3000' });
    expect(exit).not.toHaveBeenCalled();
    const { startTracker } = await import('@/lib/tracker');
    expect(startTracker).toHaveBeenCalled();
  });

  it('does not ask a build for sign-in settings', async () => {
    const { exit } = await start({
      ...tsb,
      NEXT_PHASE: 'phase-production-build',
      CERTDESK_DEMO: 'false',
      BETTER_AUTH_SECRET: '',
    });
    expect(exit).not.toHaveBeenCalled();
  });
});
