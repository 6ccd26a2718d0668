import { isValidElement, type ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionState } from '@/lib/auth/session';
import { requestedPathHeader } from '@/lib/auth/next-path';
import { TotpEnrolment } from './two-factor/_components/totp-enrolment';

// The page a signed-out user's link pointed to is carried through every step sign-in asks for (sign-in,
// enrolling a second factor, choosing a password) and opened at the end; never a page off this site.

const state = vi.hoisted(() => ({ session: null as SessionState | null, requested: null as string | null }));
vi.mock('next/headers', () => ({
  headers: () =>
    Promise.resolve(new Headers(state.requested === null ? {} : { [requestedPathHeader]: state.requested })),
}));
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  connection: () => Promise.resolve(),
}));
vi.mock('next/navigation', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  redirect: (to: string) => {
    throw new Redirect(to);
  },
}));
vi.mock('@/lib/auth', () => ({ getSessionState: () => Promise.resolve(state.session) }));

class Redirect extends Error {
  constructor(readonly to: string) {
    super(`redirect(${to})`);
  }
}

function session(flags: Partial<SessionState> = {}): SessionState {
  return {
    actor: {
      userId: 'u1',
      email: 'officer@example.org',
      name: 'Olive',
      role: 'officer',
      via: 'session',
      authenticatedAt: new Date().toISOString(),
    },
    sessionId: 's1',
    secondFactor: false,
    mustEnrolSecondFactor: false,
    mustChangePassword: false,
    ...flags,
  };
}

/** Where `render` redirects to, or null when it renders. */
async function redirectOf(render: () => Promise<unknown>): Promise<string | null> {
  try {
    await render();
    return null;
  } catch (error) {
    if (error instanceof Redirect) return error.to;
    throw error;
  }
}

/** The `next` the page hands the enrolment form. */
function enrolmentNext(tree: ReactNode): string | undefined {
  if (!isValidElement<{ children?: ReactNode; next?: string }>(tree)) return undefined;
  if (tree.type === TotpEnrolment) return tree.props.next;
  const children = ([] as ReactNode[]).concat(tree.props.children ?? []);
  return children.map(enrolmentNext).find((next) => next !== undefined);
}

const search = (next?: string) => ({ searchParams: Promise.resolve(next === undefined ? {} : { next }) });
const offSite = ['//evil.example/', '/\\evil.example', 'https://evil.example/'];

beforeEach(() => {
  state.session = null;
  state.requested = null;
});

describe('a link kept through the second factor', () => {
  it('the dashboard sends an unenrolled user of an MFA role to /two-factor with the page asked for', async () => {
    const { default: DashboardLayout } = await import('../(dashboard)/layout');
    state.session = session({ mustEnrolSecondFactor: true });
    state.requested = '/requests/abc';
    expect(await redirectOf(() => DashboardLayout({ children: null }))).toBe(
      '/two-factor?next=%2Frequests%2Fabc',
    );
    state.requested = '//evil.example/';
    expect(await redirectOf(() => DashboardLayout({ children: null }))).toBe('/two-factor');
  });

  it('sign-in and the first-password page pass `next` on to /two-factor', async () => {
    const { default: LoginPage } = await import('./login/page');
    const { default: FirstPasswordPage } = await import('./change-password/page');
    state.session = session({ mustEnrolSecondFactor: true, mustChangePassword: true });
    for (const page of [LoginPage, FirstPasswordPage]) {
      expect(await redirectOf(() => page(search('/requests/abc')))).toBe(
        '/two-factor?next=%2Frequests%2Fabc',
      );
      for (const next of offSite) expect(await redirectOf(() => page(search(next)))).toBe('/two-factor');
    }
  });

  it('/two-factor hands the enrolment form the page to go on to, a path on this site only', async () => {
    const { default: TwoFactorPage } = await import('./two-factor/page');
    state.session = session({ mustEnrolSecondFactor: true });
    expect(enrolmentNext(await TwoFactorPage(search('/requests/abc?tab=pem')))).toBe('/requests/abc?tab=pem');
    expect(enrolmentNext(await TwoFactorPage(search()))).toBe('/');
    for (const next of offSite) expect(enrolmentNext(await TwoFactorPage(search(next)))).toBe('/');
  });

  it('/two-factor signed out goes to sign-in, which comes back to it with `next` kept', async () => {
    const { default: TwoFactorPage } = await import('./two-factor/page');
    expect(await redirectOf(() => TwoFactorPage(search('/requests/abc')))).toBe(
      '/login?next=%2Ftwo-factor%3Fnext%3D%252Frequests%252Fabc',
    );
    expect(await redirectOf(() => TwoFactorPage(search()))).toBe('/login?next=%2Ftwo-factor');
  });

  it('/two-factor goes straight on when the factor is already enrolled, and shows its status otherwise', async () => {
    const { default: TwoFactorPage } = await import('./two-factor/page');
    state.session = session({ secondFactor: true });
    expect(await redirectOf(() => TwoFactorPage(search('/requests/abc')))).toBe('/requests/abc');
    expect(await redirectOf(() => TwoFactorPage(search()))).toBeNull();
    expect(await redirectOf(() => TwoFactorPage(search('//evil.example/')))).toBeNull();
  });
});
