import type { Role } from '@/lib/auth/types';
import type { Permission } from './policy';

// Every page under app/(dashboard) × every role: the permission the page declares with requirePage()
// and what each role gets. The spec (page-matrix.test.ts) finds the pages on disk, fails on a page
// missing here or declaring no permission, and renders each page as each role. Signed-out visitors are
// sent to /login by every page.

export type PageOutcome = 'shown' | 'forbidden';
type Row = { permission: Permission } & Record<Role, PageOutcome>;

const everyone = { operator: 'shown', officer: 'shown', auditor: 'shown', admin: 'shown' } as const;
const overseers = { operator: 'forbidden', officer: 'shown', auditor: 'shown', admin: 'shown' } as const;

/** Page folders below app/(dashboard) ('' is the overview) → declared permission and outcome per role. */
export const pageMatrix: Record<string, Row> = {
  '': { permission: 'requests:list', ...everyone },
  account: { permission: 'dashboard:view', ...everyone },
  'account/password': { permission: 'dashboard:view', ...everyone },
  admin: {
    permission: 'users:read',
    operator: 'forbidden',
    officer: 'forbidden',
    auditor: 'shown',
    admin: 'shown',
  },
  approvals: { permission: 'requests:list', ...everyone },
  audit: {
    permission: 'audit:read',
    operator: 'forbidden',
    officer: 'forbidden',
    auditor: 'shown',
    admin: 'shown',
  },
  certificates: { permission: 'certificates:read', ...overseers },
  'certificates/[id]': { permission: 'certificates:read', ...overseers },
  decode: { permission: 'dashboard:view', ...everyone },
  requests: { permission: 'requests:list', ...everyone },
  'requests/[id]': { permission: 'requests:read', ...everyone },
  'requests/new': {
    permission: 'requests:submit',
    operator: 'shown',
    officer: 'forbidden',
    auditor: 'forbidden',
    admin: 'forbidden',
  },
  'requests/reconciliation': { permission: 'reconciliation:read', ...overseers },
};
