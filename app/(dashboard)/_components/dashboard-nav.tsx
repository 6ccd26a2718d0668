'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { focusRing } from '@/components/ui/focus';
import type { NavLink } from '@/lib/authz/nav';

// Fixed class strings, not cn(): this is on every page, and cn's class merging would add ~9 kB to each.
const linkClasses = `rounded-md px-3 py-2 text-sm font-medium hover:bg-slate-100 ${focusRing}`;

function isCurrent(pathname: string, href: string, exact: boolean): boolean {
  if (exact) return pathname === href;
  // A section covers its detail pages; "Requests" not the form, which has its own entry.
  return pathname === href || (pathname.startsWith(`${href}/`) && pathname !== '/requests/new');
}

/** `links`: what the signed-in role may open, decided on the server from the policy (lib/authz/nav.ts). */
type Props = { simulatorAppUrl: string | null; links: NavLink[] };

export function DashboardNav({ simulatorAppUrl, links }: Props) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-1 flex-wrap items-center gap-1">
      {links.map(({ href, label, exact }) => {
        const current = isCurrent(pathname, href, exact);
        return (
          <Link
            key={href}
            href={href}
            aria-current={current ? 'page' : undefined}
            className={`${linkClasses} ${current ? 'bg-brand-muted text-blue-900' : 'text-slate-700'}`}
          >
            {label}
          </Link>
        );
      })}
      {simulatorAppUrl ? (
        <a
          href={simulatorAppUrl}
          target="_blank"
          rel="noopener noreferrer"
          className={`${linkClasses} ml-auto text-brand`}
        >
          Authorization App (simulator)
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
      ) : null}
    </nav>
  );
}
