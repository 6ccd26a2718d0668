import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/types';
import type * as auditModule from '@/lib/audit';
import type { AuditInput } from '@/lib/audit';
import { startSimulator } from '@/lib/testing/tsb';
import {
  anyCertificateId,
  callFor,
  exportedMethods,
  loadRoute,
  ownerOf,
  requestIdFor,
  routesOnDisk,
} from './route-fixtures';
import { routeMatrix, subrequestHeaderValues, type Caller, type Expected } from './route-matrix';
import { actAs, actors } from './test-support';

// SECURITY.md rows 1, 2, 3, 5 and 38: the matrix, run against the route modules themselves (no proxy in
// front of them, so this is the "proxy disabled" run too), including other people's request ids.

const audit = vi.hoisted(() => ({ records: [] as AuditInput[] }));
vi.mock('@/lib/audit', async (importOriginal) => ({
  ...(await importOriginal<typeof auditModule>()),
  recordAudit: (input: AuditInput) => {
    audit.records.push(input);
    return Promise.resolve();
  },
}));

startSimulator({ SUBMIT_RATE_PER_MINUTE: '10000', SUBMIT_RATE_GLOBAL_PER_MINUTE: '10000' });

const callers: Record<Caller, Actor | null> = {
  anonymous: null,
  operator: actors.operator,
  otherOperator: actors.operator,
  officer: actors.officer,
  auditor: actors.auditor,
  admin: actors.admin,
};

let certificateId = '';
beforeAll(async () => {
  await requestIdFor('requests/[id]', ownerOf.other);
  certificateId = await anyCertificateId();
}, 30_000);

function classOf(status: number): Expected | `other ${number}` {
  if (status >= 200 && status < 300) return '2xx';
  return status === 401 || status === 403 || status === 404 ? status : `other ${status}`;
}

/** Calls `method` on `path` as `caller`; the request acted on is the caller's own only in the operator cell. */
async function answer(path: string, method: string, caller: Caller, headers: Record<string, string> = {}) {
  const owner = caller === 'operator' ? ownerOf.operator : ownerOf.other;
  const requestId =
    path.includes('[id]') && !path.startsWith('certificates') ? await requestIdFor(path, owner) : undefined;
  const { request, context } = await callFor(path, method, {
    request: requestId,
    certificate: certificateId,
  });
  for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
  actAs(callers[caller]);
  const response = await (await loadRoute(path))[method as 'GET']!(request, context);
  await response.body?.cancel();
  return { status: response.status, expected: classOf(response.status) };
}

const cells = Object.entries(routeMatrix).flatMap(([path, methods]) =>
  Object.entries(methods).flatMap(([method, expected]) =>
    Object.entries(expected!).map(([caller, want]) => ({ path, method, caller: caller as Caller, want })),
  ),
);

describe('the route matrix', () => {
  it('lists every route under app/api, and only those', () => {
    expect(Object.keys(routeMatrix).sort()).toEqual(routesOnDisk());
  });

  it.each(Object.keys(routeMatrix))('lists exactly the methods %s exports', async (path) => {
    expect(Object.keys(routeMatrix[path]!).sort()).toEqual(exportedMethods(await loadRoute(path)).sort());
  });

  it('has a cell for every caller, and one for another operator’s request wherever a request id is in the path', () => {
    for (const { path, method, caller } of cells)
      expect(caller, `${method} ${path}`).toMatch(
        /^(anonymous|operator|otherOperator|officer|auditor|admin)$/,
      );
    for (const [path, methods] of Object.entries(routeMatrix)) {
      for (const expected of Object.values(methods)) {
        expect(Object.keys(expected!).length, path).toBe(path.startsWith('requests/[id]') ? 6 : 5);
      }
    }
  });

  it.each(cells)('$method /api/$path as $caller → $want', async ({ path, method, caller, want }) => {
    const { status, expected } = await answer(path, method, caller);
    expect(expected, `answered ${status}`).toBe(want);
  });
});

describe('x-middleware-subrequest (CVE-2025-29927)', () => {
  const refusals = cells.filter((cell) => cell.want !== '2xx');
  it.each(refusals)(
    'changes nothing for $method /api/$path as $caller',
    async ({ path, method, caller, want }) => {
      for (const value of subrequestHeaderValues) {
        expect(
          (await answer(path, method, caller, { 'x-middleware-subrequest': value })).expected,
          value,
        ).toBe(want);
      }
    },
  );
});

describe('denied authorization', () => {
  it('is audited with who, what and why', async () => {
    audit.records.length = 0;
    await answer('requests/[id]/cancel', 'POST', 'auditor');
    await answer('requests/[id]', 'GET', 'otherOperator');
    await answer('keys', 'GET', 'anonymous');
    expect(audit.records).toMatchObject([
      {
        action: 'authz.denied',
        outcome: 'denied',
        actor: { role: 'auditor' },
        details: { permission: 'requests:cancel', reason: 'role', method: 'POST' },
      },
      {
        action: 'authz.denied',
        outcome: 'denied',
        actor: { email: actors.operator.email },
        target: expect.stringMatching(/^request:/) as string,
        details: { reason: 'owner' },
      },
      {
        action: 'authz.denied',
        outcome: 'denied',
        actor: { userId: null },
        details: { permission: 'keys:read', reason: 'anonymous', path: '/api/keys' },
      },
    ]);
  });
});
