import { NextResponse, type NextRequest } from 'next/server';
import { requestedPathHeader } from '@/lib/auth/next-path';
import { contentSecurityPolicy, newNonce } from '@/lib/security/csp';

// Runs before every page and API call (static build assets aside): gives each response a fresh CSP nonce,
// drops x-middleware-subrequest and names the requested path for the sign-in redirect. It is not a gate and decides nothing about access: every route
// handler authorizes the caller itself, and the dashboard layout sends signed-out visitors to /login.
// The fixed security headers (HSTS, nosniff, Referrer-Policy …) come from next.config.mjs.

function servedOverHttps(request: NextRequest): boolean {
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  return (forwarded ?? request.nextUrl.protocol.replace(/:$/, '')) === 'https';
}

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, {
    development: process.env.NODE_ENV === 'development',
    https: servedOverHttps(request),
  });
  const headers = new Headers(request.headers);
  // The header that skipped middleware in vulnerable Next.js versions (CVE-2025-29927): never passed on.
  headers.delete('x-middleware-subrequest');
  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  headers.set('content-security-policy', policy);
  headers.set('x-nonce', nonce);
  // Layouts see no URL; the sign-in redirect comes back here. Set, never passed on from the client (the
  // reader still accepts only paths on this site). Next has already removed its internal query (_rsc).
  headers.set(requestedPathHeader, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  // Build assets are immutable files named by hash; next.config.mjs gives them a fixed policy instead.
  matcher: ['/((?!_next/static|_next/image).*)'],
};
