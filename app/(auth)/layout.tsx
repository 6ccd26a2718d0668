import { connection } from 'next/server';
import type { ReactNode } from 'react';

export default async function AuthLayout({ children }: { children: ReactNode }) {
  // Rendered per request: these pages read the session and the sign-in configuration at run time.
  await connection();
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 px-4 py-10">
      <p className="text-center text-2xl font-semibold text-slate-900">CertDesk</p>
      {children}
    </main>
  );
}
