import { describe, expect, it } from 'vitest';
import { parseAuthConfig } from './config';
import { cookieAttributes, sessionCookieName } from './cookies';

const secret = 'x'.repeat(32);

describe('sign-in configuration', () => {
  it('gives the session cookie the __Host- prefix and Secure on https', () => {
    const config = parseAuthConfig({
      BETTER_AUTH_SECRET: secret,
      BETTER_AUTH_URL: 'https://certdesk.example.org',
    });
    expect(config.insecureLoopback).toBe(false);
    expect(sessionCookieName(config)).toBe('__Host-certdesk-session');
    expect(cookieAttributes(config)).toEqual({ secure: true, httpOnly: true, sameSite: 'lax', path: '/' });
  });

  it('drops Secure and the prefix only for plain http on a loopback address', () => {
    for (const url of ['http://127.0.0.1:3000', 'http://localhost:3100']) {
      const config = parseAuthConfig({ CERTDESK_DEMO: '1', BETTER_AUTH_URL: url });
      expect(sessionCookieName(config)).toBe('certdesk-session');
      expect(cookieAttributes(config).secure).toBe(false);
    }
    expect(() =>
      parseAuthConfig({ BETTER_AUTH_SECRET: secret, BETTER_AUTH_URL: 'http://certdesk.example.org' }),
    ).toThrow(/must be https unless it is a loopback address/);
  });

  it('refuses demo mode anywhere but on a loopback address', () => {
    expect(() =>
      parseAuthConfig({ CERTDESK_DEMO: '1', BETTER_AUTH_URL: 'https://certdesk.example.org' }),
    ).toThrow(/demo mode runs on a loopback address only/);
  });

  it('lists every problem at once', () => {
    let message = '';
    try {
      parseAuthConfig({ BETTER_AUTH_URL: 'http://10.0.0.5', OIDC_ISSUER: 'https://idp.example.org' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/BETTER_AUTH_SECRET: required/);
    expect(message).toMatch(/OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together/);
    expect(message).toMatch(/must be https/);
  });

  it('reads the roles that need a second factor, refusing unknown ones', () => {
    expect(
      parseAuthConfig({ CERTDESK_DEMO: '1', MFA_REQUIRED_ROLES: 'admin, officer' }).mfaRequiredRoles,
    ).toEqual(['admin', 'officer']);
    expect(() => parseAuthConfig({ CERTDESK_DEMO: '1', MFA_REQUIRED_ROLES: 'admin,root' })).toThrow(
      /unknown role root/,
    );
  });

  it('configures single sign-on only with issuer, client id and secret', () => {
    const config = parseAuthConfig({
      CERTDESK_DEMO: '1',
      OIDC_ISSUER: 'https://idp.example.org/realms/x/',
      OIDC_CLIENT_ID: 'certdesk',
      OIDC_CLIENT_SECRET: 's',
    });
    expect(config.oidc).toMatchObject({
      issuer: 'https://idp.example.org/realms/x',
      roleClaim: 'certdesk_role',
    });
    expect(parseAuthConfig({ CERTDESK_DEMO: '1' }).oidc).toBeNull();
  });
});
