import { headers } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { getSessionState } from '@/lib/auth';
import { authStepUrl, requestedPathHeader, signInUrlFor } from '@/lib/auth/next-path';
import { navLinksFor } from '@/lib/authz/nav';
import { getSimulatorAppUrl } from '@/lib/config';
import { DashboardNav } from './_components/dashboard-nav';
import { UserMenu } from './_components/user-menu';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // Rendered per request: configuration is read at run time, and these pages are never prerendered or shared.
  await connection();
  // A convenience for people: every handler checks the actor itself, whatever this layout does.
  const requestHeaders = await headers();
  const session = await getSessionState(requestHeaders);
  if (!session) redirect(signInUrlFor(requestHeaders));
  const requested = requestHeaders.get(requestedPathHeader);
  if (session.mustEnrolSecondFactor) redirect(authStepUrl('/two-factor', requested));
  if (session.mustChangePassword) redirect(authStepUrl('/change-password', requested));
  const { actor } = session;
  const simulatorAppUrl = getSimulatorAppUrl();

  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:text-sm focus:font-medium focus:shadow focus:ring-2 focus:ring-brand"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-8 gap-y-2 px-4 py-3">
          <Link
            href="/"
            className="rounded text-lg font-semibold text-slate-900 focus-visible:ring-2 focus-visible:ring-brand focus-visible:outline-none"
          >
            CertDesk
          </Link>
          <DashboardNav simulatorAppUrl={simulatorAppUrl} links={navLinksFor(actor)} />
          <UserMenu name={actor.name} email={actor.email} role={actor.role} />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        {children}
      </main>
    </>
  );
}
