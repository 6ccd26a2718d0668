// The Content-Security-Policy of every response (SECURITY.md requirement 8, row 11). Scripts run only with
// this response's nonce, and what they load ('strict-dynamic'); nothing may frame CertDesk, and no
// plugins, <base> or cross-site form posts. Isomorphic: proxy.ts builds it per request.

export type CspOptions = {
  /** `next dev` only: React rebuilds server error stacks with eval. Never in a production build. */
  development: boolean;
  /** Served over https (directly or behind a TLS proxy): ask browsers to upgrade stray http loads. */
  https: boolean;
};

export function contentSecurityPolicy(nonce: string, { development, https }: CspOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    // Styles may be inline: Radix dialogs inject a <style> element for scroll locking without a nonce.
    // Scripts, the XSS vector that matters, stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** 128 random bits, base64: unguessable, and fresh for every response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
