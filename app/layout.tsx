import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'CertDesk', template: '%s · CertDesk' },
  description: 'Certificate issuance with HSM-held CA keys under approval policies',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, the 404 included: Next.js puts the per-request CSP nonce
  // (proxy.ts) on its scripts only while rendering, so a prerendered page's scripts would be blocked.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
