import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as auditModule from '@/lib/audit';
import type { AuditInput } from '@/lib/audit';
import type { Actor } from '@/lib/auth/types';
import { actAs, actors } from '@/lib/authz/test-support';
import { revokeOwnTokenAction } from '../account/actions';
import { changeRoleAction, inviteUserAction, revokeTokenAction, setDisabledAction } from './actions';

// SECURITY.md rows 1, 6 and 38 for Server Actions: every /admin and /account action, called as each role
// and from forged origins, reaches its service only when the policy allows, and every refusal is audited.

const state = vi.hoisted(() => ({
  headers: new Headers(),
  audit: [] as AuditInput[],
  calls: [] as string[],
  tokenOwner: { userId: 'user-olivia', email: 'olivia@certdesk.test' },
}));

vi.mock('next/headers', () => ({ headers: () => Promise.resolve(state.headers) }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('@/lib/audit', async (importOriginal) => ({
  ...(await importOriginal<typeof auditModule>()),
  recordAudit: (input: AuditInput) => {
    state.audit.push(input);
    return Promise.resolve();
  },
}));
vi.mock('@/lib/auth/users', async (importOriginal) => {
  const record = (name: string) => () => {
    state.calls.push(name);
    return Promise.resolve({ userId: 'new-user', password: 'one-time-password' });
  };
  return {
    ...(await importOriginal<object>()),
    createUser: record('createUser'),
    changeRole: record('changeRole'),
    disableUser: record('disableUser'),
    enableUser: record('enableUser'),
  };
});
vi.mock('@/lib/auth/token-admin', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  tokenById: (id: string) =>
    Promise.resolve({
      id,
      ...state.tokenOwner,
      name: 'nightly',
      createdAt: '',
      lastUsedAt: null,
      revokedAt: null,
    }),
  revokeToken: () => {
    state.calls.push('revokeToken');
    return Promise.resolve();
  },
}));

const origin = 'http://certdesk.test';
const sameOrigin = {
  origin,
  host: 'certdesk.test',
  'x-forwarded-host': 'certdesk.test',
  'x-forwarded-proto': 'http',
  'sec-fetch-site': 'same-origin',
};

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const adminActions = [
  {
    name: 'user.invite',
    run: () => inviteUserAction({}, form({ email: 'new@certdesk.test', name: 'New', role: 'operator' })),
    service: 'createUser',
  },
  {
    name: 'user.role_change',
    run: () => changeRoleAction({}, form({ userId: 'user-oscar', role: 'officer' })),
    service: 'changeRole',
  },
  {
    name: 'user.disable',
    run: () => setDisabledAction({}, form({ userId: 'user-oscar', disable: 'true' })),
    service: 'disableUser',
  },
  {
    name: 'token.revoke',
    run: () => revokeTokenAction({}, form({ tokenId: 'token-1' })),
    service: 'revokeToken',
  },
];

const callers: [string, Actor | null][] = [
  ['anonymous', null],
  ['operator', actors.operator],
  ['officer', actors.officer],
  ['auditor', actors.auditor],
  ['admin', actors.admin],
];

beforeEach(() => {
  state.headers = new Headers(sameOrigin);
  state.audit.length = 0;
  state.calls.length = 0;
  state.tokenOwner = { userId: 'user-olivia', email: actors.operator.email };
});

describe('/admin actions', () => {
  const cells = adminActions.flatMap((action) =>
    callers.map(([caller, actor]) => ({ ...action, caller, actor })),
  );

  it.each(cells)('$name as $caller', async ({ name, run, service, caller, actor }) => {
    actAs(actor);
    const result = await run();
    if (caller === 'admin') {
      expect(result.error).toBeUndefined();
      expect(state.calls).toEqual([service]);
      expect(state.audit.filter((r) => r.action === 'authz.denied')).toEqual([]);
      return;
    }
    expect(result.error).toMatch(caller === 'anonymous' ? /sign in/i : /may not do this/);
    expect(state.calls).toEqual([]);
    expect(state.audit).toMatchObject([
      {
        action: 'authz.denied',
        outcome: 'denied',
        details: {
          permission: 'users:manage',
          reason: caller === 'anonymous' ? 'anonymous' : 'role',
          action: name,
        },
      },
    ]);
  });

  it.each([
    ['a foreign Origin', { ...sameOrigin, origin: 'https://evil.example' }, 'origin_mismatch'],
    [
      'no Origin',
      { host: 'certdesk.test', 'x-forwarded-host': 'certdesk.test', 'x-forwarded-proto': 'http' },
      'origin_missing',
    ],
    ['Origin null', { ...sameOrigin, origin: 'null' }, 'origin_null'],
    ['Sec-Fetch-Site: cross-site', { ...sameOrigin, 'sec-fetch-site': 'cross-site' }, 'cross_site'],
    [
      'a forged X-Forwarded-Host only',
      { ...sameOrigin, 'x-forwarded-host': 'evil.example' },
      'origin_mismatch',
    ],
  ])(
    'refuses an administrator’s session sent with %s, before reading the form',
    async (_, headers, reason) => {
      actAs(actors.admin);
      for (const { run, name } of adminActions) {
        state.headers = new Headers(headers);
        state.audit.length = 0;
        expect((await run()).error, name).toMatch(/own pages only|Cross-site/);
        expect(state.audit, name).toMatchObject([
          { action: 'authz.denied', details: { reason, action: name } },
        ]);
      }
      expect(state.calls).toEqual([]);
    },
  );
});

describe('/account: revoking one’s own token', () => {
  it.each([
    ['its holder', actors.operator, true],
    ['another operator', actors.otherOperator, false],
    ['an auditor', actors.auditor, false],
    ['an administrator', actors.admin, true],
  ] as const)('as %s', async (_, actor, allowed) => {
    actAs(actor);
    const result = await revokeOwnTokenAction({}, form({ tokenId: 'token-1' }));
    if (allowed) {
      expect(result).toEqual({ revoked: 'nightly' });
      expect(state.calls).toEqual(['revokeToken']);
    } else {
      // The same answer as for a token that does not exist.
      expect(result).toEqual({ error: 'There is no such token.' });
      expect(state.calls).toEqual([]);
      expect(state.audit).toMatchObject([
        {
          action: 'authz.denied',
          target: 'user:user-olivia',
          details: { permission: 'tokens:revoke', reason: 'owner' },
        },
      ]);
    }
  });

  it('refuses anonymous callers and forged origins', async () => {
    actAs(null);
    expect((await revokeOwnTokenAction({}, form({ tokenId: 'token-1' }))).error).toMatch(/sign in/i);
    actAs(actors.operator);
    state.headers = new Headers({ ...sameOrigin, origin: 'https://evil.example' });
    expect((await revokeOwnTokenAction({}, form({ tokenId: 'token-1' }))).error).toMatch(/own pages only/);
    expect(state.calls).toEqual([]);
  });
});
