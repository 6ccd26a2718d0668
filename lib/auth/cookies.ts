import 'server-only';
import type { AuthConfig } from './config';

// Cookie settings. The session cookie carries the __Host- prefix (Secure, Path=/, no Domain: the browser
// refuses it from any other host or over plain http) except on a plain-http loopback demo, where a
// Secure cookie could not be set at all.

export function sessionCookieName(config: Pick<AuthConfig, 'insecureLoopback'>): string {
  return config.insecureLoopback ? 'certdesk-session' : '__Host-certdesk-session';
}

export function cookieAttributes(config: Pick<AuthConfig, 'insecureLoopback'>) {
  return { secure: !config.insecureLoopback, httpOnly: true, sameSite: 'lax' as const, path: '/' };
}

export function sessionCookie(config: Pick<AuthConfig, 'insecureLoopback'>) {
  return { name: sessionCookieName(config), attributes: cookieAttributes(config) };
}
