// Fixed security headers for every response: pages, API answers, 404s, errors and static files. The
// per-request Content-Security-Policy (with its nonce) is set by proxy.ts.
//
// HSTS is sent always, also over plain http: browsers ignore it there (RFC 6797 §8.1), and a TLS proxy in
// front of CertDesk then needs no configuration to have it. Two years, as the HSTS preload list asks.
const securityHeaders = [
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

// Build assets do not pass through proxy.ts; they are scripts and styles, never documents, so the
// strictest policy fits them.
const assetPolicy = { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" };

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The TSB client and its mTLS agent stay on the server; undici is Node-only.
  serverExternalPackages: ['undici'],
  // forbidden(): a dashboard page the signed-in role may not open shows forbidden.tsx (lib/authz/page.ts).
  experimental: { authInterrupts: true },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/_next/static/:path*', headers: [assetPolicy] },
      { source: '/_next/image', headers: [assetPolicy] },
    ];
  },
};

export default nextConfig;
