'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { focusRing } from '@/components/ui/focus';

const links = [
  { href: '/', label: 'Overview', exact: true },
  { href: '/requests/new', label: 'New request', exact: true },
  { href: '/requests', label: 'Requests', exact: false },
  { href: '/approvals', label: 'Approvals', exact: true },
  { href: '/certificates', label: 'Certificates', exact: false },
  { href: '/decode', label: 'Decode', exact: true },
] as const;

// Fixed class strings, not cn(): this is on every page, and cn's class merging would add ~9 kB to each.
const linkClasses = `rounded-md px-3 py-2 text-sm font-medium hover:bg-slate-100 ${focusRing}`;

function isCurrent(pathname: string, href: string, exact: boolean): boolean {
  if (exact) return pathname === href;
  // A section covers its detail pages; "Requests" not the form, which has its own entry.
  return pathname === href || (pathname.startsWith(`${href}/`) && pathname !== '/requests/new');
}

/** `auditor`: may read the audit log (auditors and administrators). */
type Props = { simulatorAppUrl: string | null; admin: boolean; auditor: boolean };

export function DashboardNav({ simulatorAppUrl, admin, auditor }: Props) {
  const pathname = usePathname();
  const shown = [
    ...links,
    ...(auditor ? [{ href: '/audit', label: 'Audit', exact: true }] : []),
    ...(admin ? [{ href: '/admin', label: 'Users', exact: false }] : []),
  ];
  return (
    <nav aria-label="Main" className="flex flex-1 flex-wrap items-center gap-1">
      {shown.map(({ href, label, exact }) => {
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
