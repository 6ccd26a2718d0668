import 'server-only';
import type { Actor } from '@/lib/auth/types';
import { can, type Permission } from './policy';

// The dashboard's main navigation, decided by the policy table: a link is shown when the actor's role
// holds the permission its page declares with requirePage() (page-matrix.ts; nav.test.ts keeps the two
// in step), so nobody is offered a page that would answer "no access".

export type NavLink = { href: string; label: string; exact: boolean };

export const navEntries: (NavLink & { permission: Permission })[] = [
  { href: '/', label: 'Overview', exact: true, permission: 'requests:list' },
  { href: '/requests/new', label: 'New request', exact: true, permission: 'requests:submit' },
  { href: '/requests', label: 'Requests', exact: false, permission: 'requests:list' },
  { href: '/approvals', label: 'Approvals', exact: true, permission: 'requests:list' },
  { href: '/certificates', label: 'Certificates', exact: false, permission: 'certificates:read' },
  { href: '/decode', label: 'Decode', exact: true, permission: 'dashboard:view' },
  { href: '/audit', label: 'Audit', exact: true, permission: 'audit:read' },
  { href: '/admin', label: 'Users', exact: false, permission: 'users:read' },
];

/** The links `actor` is shown, in order: plain data for the client nav. */
export function navLinksFor(actor: Actor): NavLink[] {
  return navEntries
    .filter((entry) => can(actor, entry.permission))
    .map(({ href, label, exact }) => ({ href, label, exact }));
}

// Links to pages from other pages (header buttons, empty states), decided the same way: each is shown
// when the actor's role holds the permission the page it opens declares.
export const pageLinkEntries = {
  newRequest: { href: '/requests/new', permission: 'requests:submit' },
  reconciliation: { href: '/requests/reconciliation', permission: 'reconciliation:read' },
  auditTrail: { href: '/audit', permission: 'audit:read' },
} as const satisfies Record<string, { href: string; permission: Permission }>;

export type PageLinks = Record<keyof typeof pageLinkEntries, boolean>;

/** Which of those links `actor` is shown: plain booleans for the page's client components. */
export function pageLinksFor(actor: Actor): PageLinks {
  const shown = (name: keyof PageLinks) => can(actor, pageLinkEntries[name].permission);
  return {
    newRequest: shown('newRequest'),
    reconciliation: shown('reconciliation'),
    auditTrail: shown('auditTrail'),
  };
}
