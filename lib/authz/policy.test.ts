import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import type * as auditModule from '@/lib/audit';
import type { AuditInput } from '@/lib/audit';
import { roles } from '@/lib/auth/types';
import { authorize, can, permissions, policy, requesterFilter, scopeOf, type Permission } from './policy';
import { actors, signedInAgo } from './test-support';

const audit = vi.hoisted(() => ({ records: [] as AuditInput[], failing: false }));
vi.mock('@/lib/audit', async (importOriginal) => ({
  ...(await importOriginal<typeof auditModule>()),
  recordAudit: (input: AuditInput) => {
    if (audit.failing) return Promise.reject(new Error('audit store down'));
    audit.records.push(input);
    return Promise.resolve();
  },
}));

beforeEach(() => {
  audit.records.length = 0;
  audit.failing = false;
});

const own = { requester: actors.operator.email };
const others = { requester: actors.otherOperator.email };

// The policy table as the issue states it, written out so that a change to policy.ts has to change this too.
const expected: Record<Permission, Record<(typeof roles)[number], 'any' | 'own' | null>> = {
  'requests:submit': { operator: 'any', officer: null, auditor: null, admin: null },
  'requests:list': { operator: 'own', officer: 'any', auditor: 'any', admin: 'any' },
  'requests:read': { operator: 'own', officer: 'any', auditor: 'any', admin: 'any' },
  'requests:events': { operator: 'own', officer: 'any', auditor: 'any', admin: 'any' },
  'requests:download': { operator: 'own', officer: 'any', auditor: 'any', admin: 'any' },
  'requests:cancel': { operator: 'own', officer: 'any', auditor: null, admin: null },
  'requests:import': { operator: 'own', officer: null, auditor: null, admin: null },
  'keys:read': { operator: 'any', officer: 'any', auditor: 'any', admin: 'any' },
  'certificates:read': { operator: null, officer: 'any', auditor: 'any', admin: 'any' },
  'certificates:export': { operator: null, officer: 'any', auditor: 'any', admin: 'any' },
  'reconciliation:read': { operator: null, officer: 'any', auditor: 'any', admin: 'any' },
  'audit:read': { operator: null, officer: null, auditor: 'any', admin: 'any' },
  'users:read': { operator: null, officer: null, auditor: 'any', admin: 'any' },
  'users:manage': { operator: null, officer: null, auditor: null, admin: 'any' },
  'dashboard:view': { operator: 'any', officer: 'any', auditor: 'any', admin: 'any' },
  'tokens:revoke': { operator: 'own', officer: 'own', auditor: 'own', admin: 'any' },
};

const byRole = {
  operator: actors.operator,
  officer: actors.officer,
  auditor: actors.auditor,
  admin: actors.admin,
};

describe('the policy table', () => {
  it.each(permissions)('%s reaches exactly the roles the issue names', (permission) => {
    for (const role of roles)
      expect(scopeOf(byRole[role], permission), role).toBe(expected[permission][role]);
  });

  it('lists every permission written out above, and no other', () => {
    expect(Object.keys(policy).sort()).toEqual(Object.keys(expected).sort());
  });

  it('gives auditors no permission that changes anything', () => {
    const changes = permissions.filter((p) => /:(submit|cancel|import|manage)$/.test(p));
    expect(changes.filter((p) => can(actors.auditor, p))).toEqual([]);
  });

  it('denies everything to an anonymous caller', () => {
    expect(permissions.filter((p) => can(null, p) || can(null, p, own))).toEqual([]);
  });

  it("decides 'own' grants on the object's requester", () => {
    expect(can(actors.operator, 'requests:cancel', own)).toBe(true);
    expect(can(actors.operator, 'requests:cancel', others)).toBe(false);
    expect(can(actors.operator, 'requests:cancel', { requester: null })).toBe(false);
    expect(can(actors.operator, 'requests:cancel', {})).toBe(false);
    expect(can(actors.officer, 'requests:cancel', others)).toBe(true);
  });

  it('narrows collections to the operator’s own requests and nobody else’s', () => {
    expect(requesterFilter(actors.operator, 'requests:list')).toBe(actors.operator.email);
    expect(requesterFilter(actors.officer, 'requests:list')).toBeNull();
    expect(() => requesterFilter(actors.operator, 'audit:read')).toThrow();
  });

  it('ignores a role that is not in the table', () => {
    const stranger = { ...actors.admin, role: 'toString' as never };
    expect(permissions.filter((p) => can(stranger, p))).toEqual([]);
  });
});

async function denial(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('authorize', () => {
  it('returns the actor when allowed, and records nothing', async () => {
    await expect(authorize(actors.operator, 'requests:read', own)).resolves.toBe(actors.operator);
    expect(audit.records).toEqual([]);
  });

  it('answers 401 to an anonymous caller, 403 to a role without the permission, and records each denial', async () => {
    const request = new Request('http://certdesk.test/api/keys');
    expect(await denial(authorize(null, 'keys:read', undefined, { request }))).toMatchObject({
      status: 401,
      code: 'unauthenticated',
    });
    expect(await denial(authorize(actors.auditor, 'requests:cancel'))).toMatchObject({
      status: 403,
      code: 'forbidden',
    });
    expect(audit.records).toMatchObject([
      {
        action: 'authz.denied',
        outcome: 'denied',
        actor: { userId: null },
        details: { permission: 'keys:read', reason: 'anonymous', method: 'GET', path: '/api/keys' },
      },
      {
        action: 'authz.denied',
        outcome: 'denied',
        actor: { email: actors.auditor.email, role: 'auditor' },
        details: { reason: 'role' },
      },
    ]);
  });

  it("answers someone else's object like a missing one", async () => {
    const hidden = () => new ApiError(404, 'request_not_found', 'There is no such request.');
    const error = await denial(
      authorize(actors.operator, 'requests:read', others, { target: 'request:x', hidden }),
    );
    expect(error).toMatchObject({
      status: 404,
      code: 'request_not_found',
      message: 'There is no such request.',
    });
    expect(audit.records).toMatchObject([{ target: 'request:x', details: { reason: 'owner' } }]);
  });

  it('asks for a new sign-in before a submission when the last one is more than 5 minutes old', async () => {
    await expect(authorize(signedInAgo(actors.operator, 4), 'requests:submit')).resolves.toBeTruthy();
    const stale = await denial(authorize(signedInAgo(actors.operator, 6), 'requests:submit'));
    expect(stale).toMatchObject({ status: 401, code: 'reauth_required' });
    expect(stale.message).toMatch(/sign in again/i);
    // Reading needs a live session only.
    await expect(authorize(signedInAgo(actors.operator, 60), 'requests:read', own)).resolves.toBeTruthy();
  });

  it('still refuses when the denial cannot be audited', async () => {
    audit.failing = true;
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await denial(authorize(actors.auditor, 'requests:submit'))).toMatchObject({ status: 403 });
    expect(quiet).toHaveBeenCalled();
    quiet.mockRestore();
  });
});
