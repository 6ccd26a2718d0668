import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as auditModule from '@/lib/audit';
import type { AuditInput } from '@/lib/audit';
import { roles, type Actor } from '@/lib/auth/types';
import { can } from './policy';
import { pageMatrix, type PageOutcome } from './page-matrix';
import { actAs, actors } from './test-support';

// SECURITY.md row 1 for pages: every page.tsx under app/(dashboard) declares the permission it needs,
// checked on the server, and each role gets what the matrix says, whatever the layout or nav do.

const state = vi.hoisted(() => ({ audit: [] as AuditInput[], actor: null as Actor | null }));
vi.mock('next/headers', () => ({ headers: () => Promise.resolve(new Headers()) }));
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  connection: () => Promise.resolve(),
}));
vi.mock('next/navigation', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  forbidden: () => {
    throw new Error('forbidden()');
  },
  notFound: () => {
    throw new Error('notFound()');
  },
  redirect: (to: string) => {
    throw new Error(`redirect(${to})`);
  },
}));
// Pages that read the session themselves after requirePage() see the same person.
vi.mock('@/lib/auth', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getSessionState: () =>
    Promise.resolve(
      state.actor
        ? {
            actor: state.actor,
            sessionId: 's',
            secondFactor: false,
            mustEnrolSecondFactor: false,
            mustChangePassword: false,
          }
        : null,
    ),
}));
vi.mock('@/lib/audit', async (importOriginal) => ({
  ...(await importOriginal<typeof auditModule>()),
  recordAudit: (input: AuditInput) => {
    state.audit.push(input);
    return Promise.resolve();
  },
}));

beforeEach(() => {
  state.audit.length = 0;
});

const dashboardDir = join(process.cwd(), 'app', '(dashboard)');

function pagesOnDisk(): string[] {
  return readdirSync(dashboardDir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name === 'page.tsx')
    .map((entry) => relative(dashboardDir, entry.parentPath).split(sep).join('/'))
    .sort();
}

const source = (page: string) => readFileSync(join(dashboardDir, page, 'page.tsx'), 'utf8');

type PageModule = { default: (props: { params: Promise<{ id: string }> }) => Promise<unknown> };

/** Renders the page function (not its children) as `actor`: what requirePage() decided. */
async function outcome(page: string, actor: Actor | null): Promise<PageOutcome | 'sign-in'> {
  actAs(actor);
  state.actor = actor;
  const loaded = (await import(/* @vite-ignore */ join(dashboardDir, page, 'page.tsx'))) as PageModule;
  try {
    await loaded.default({ params: Promise.resolve({ id: 'no-such-id' }) });
    return 'shown';
  } catch (error) {
    const message = (error as Error).message;
    if (message === 'forbidden()') return 'forbidden';
    // Past the permission check, the page looked the object up: there is none with the id used here.
    if (message === 'notFound()') return 'shown';
    if (message === 'redirect(/login)') return 'sign-in';
    throw error;
  }
}

describe('the page matrix', () => {
  it('lists every page under app/(dashboard), and only those', () => {
    expect(Object.keys(pageMatrix).sort()).toEqual(pagesOnDisk());
  });

  it.each(pagesOnDisk())('page %s declares, first thing, the permission the matrix names', (page) => {
    const declared = [...source(page).matchAll(/await requirePage\('([a-z]+:[a-z]+)'\)/g)].map((m) => m[1]);
    expect(declared, 'one requirePage() call').toEqual([pageMatrix[page]?.permission]);
  });

  it.each(Object.entries(pageMatrix))('page %s: the outcomes follow the policy table', (_, row) => {
    for (const role of roles) expect(row[role] === 'shown', role).toBe(can(actors[role], row.permission));
  });

  const cells = Object.entries(pageMatrix).flatMap(([page, row]) =>
    roles.map((role) => ({ page, role, want: row[role] })),
  );

  it.each(cells)('/$page as $role → $want', async ({ page, role, want }) => {
    expect(await outcome(page, actors[role])).toBe(want);
    const denials = state.audit.filter((r) => r.action === 'authz.denied');
    expect(denials).toMatchObject(
      want === 'forbidden' ? [{ actor: { role }, details: { reason: 'role', action: 'page' } }] : [],
    );
  });

  it.each(Object.keys(pageMatrix))('/%s sends a signed-out visitor to sign in', async (page) => {
    expect(await outcome(page, null)).toBe('sign-in');
  });
});
