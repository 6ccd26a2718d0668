import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as audit from '@/lib/audit';
import * as services from '@/lib/requests';
import { startSimulator } from '@/lib/testing/tsb';
import { callFor, loadRoute, ownerOf, requestIdFor } from './route-fixtures';
import { mutatingMethods, routeMatrix } from './route-matrix';
import { actAs, actors, testOrigin } from './test-support';

// SECURITY.md rows 6 and 7: forged cross-site changes are refused before any service runs.

vi.mock('@/lib/audit', async (importOriginal) => {
  const real = await importOriginal<typeof audit>();
  return { ...real, verifyAuditLog: vi.fn(real.verifyAuditLog) };
});
vi.mock('@/lib/requests', async (importOriginal) => {
  const real = await importOriginal<typeof services>();
  return {
    ...real,
    submitRequest: vi.fn(real.submitRequest),
    cancelRequest: vi.fn(real.cancelRequest),
    importCertificate: vi.fn(real.importCertificate),
  };
});

const tsb = startSimulator({ SUBMIT_RATE_PER_MINUTE: '10000' });
const upstreamCalls = () => Object.values(tsb.sim.stats()).reduce((sum, n) => sum + n, 0);
const mutatingServices = [
  services.submitRequest,
  services.cancelRequest,
  services.importCertificate,
  audit.verifyAuditLog,
];
const serviceCalls = () => mutatingServices.reduce((sum, fn) => sum + vi.mocked(fn).mock.calls.length, 0);

const mutations = Object.entries(routeMatrix).flatMap(([path, methods]) =>
  Object.entries(methods)
    .filter(([method]) => mutatingMethods.has(method))
    .map(([method, cells]) => {
      // Someone allowed to make the change, so that the forgery is the only reason for a refusal.
      const allowed = (['operator', 'officer', 'auditor', 'admin'] as const).find(
        (role) => cells![role] === '2xx',
      )!;
      return { path, method, actor: actors[allowed] };
    }),
);

const forgeries: { name: string; headers: Record<string, string>; body?: string; status: number }[] = [
  { name: 'JSON sent as text/plain', headers: { 'content-type': 'text/plain' }, status: 415 },
  {
    name: 'a urlencoded form',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'label=x',
    status: 415,
  },
  {
    name: 'a multipart form',
    headers: { 'content-type': 'multipart/form-data; boundary=b' },
    body: '--b--',
    status: 415,
  },
  { name: 'no content type', headers: { 'content-type': '' }, status: 415 },
  { name: 'a lookalike JSON type', headers: { 'content-type': 'application/jsonx' }, status: 415 },
  { name: 'Origin: null', headers: { origin: 'null' }, status: 403 },
  { name: 'no Origin', headers: { origin: '' }, status: 403 },
  { name: 'a foreign Origin', headers: { origin: 'https://evil.example' }, status: 403 },
  { name: 'our host on another port', headers: { origin: `${testOrigin}:8443` }, status: 403 },
  {
    name: 'our host over another scheme',
    headers: { origin: testOrigin.replace('http:', 'https:') },
    status: 403,
  },
  { name: 'Sec-Fetch-Site: cross-site', headers: { 'sec-fetch-site': 'cross-site' }, status: 403 },
  {
    name: 'cross-site and text/plain',
    headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' },
    status: 403,
  },
];

let ids: Record<string, string> = {};
beforeAll(async () => {
  const named = mutations.filter(({ path }) => path.includes('[id]'));
  ids = Object.fromEntries(
    await Promise.all(
      named.map(async ({ path }) => [path, await requestIdFor(path, ownerOf.operator)] as const),
    ),
  );
}, 30_000);

afterEach(() => {
  vi.unstubAllEnvs();
});

async function send(
  { path, method, actor }: (typeof mutations)[number],
  headers: Record<string, string>,
  body?: string,
) {
  const { request, context } = await callFor(path, method, { request: ids[path] });
  const forged = new Headers(request.headers);
  for (const [name, value] of Object.entries(headers)) {
    if (value === '') forged.delete(name);
    else forged.set(name, value);
  }
  actAs(actor);
  const route = await loadRoute(path);
  return route[method as 'POST']!(
    new Request(request.url, { method, headers: forged, body: body ?? (await request.text()) }),
    context,
  );
}

describe.each(mutations)('$method /api/$path', (mutation) => {
  it.each(forgeries)('refuses $name with $status and calls no service', async ({ headers, body, status }) => {
    const [before, upstreamBefore] = [serviceCalls(), upstreamCalls()];
    const response = await send(mutation, headers, body);
    expect(response.status).toBe(status);
    expect(serviceCalls()).toBe(before);
    expect(upstreamCalls()).toBe(upstreamBefore);
  });

  it('refuses a forged X-Forwarded-Host when APP_ORIGIN says where CertDesk lives', async () => {
    vi.stubEnv('APP_ORIGIN', testOrigin);
    const response = await send(mutation, {
      'x-forwarded-host': 'evil.example',
      origin: 'http://evil.example',
    });
    expect(response.status).toBe(403);
  });

  it('accepts the same call from our own page (the control)', async () => {
    const before = serviceCalls();
    const response = await send(mutation, {});
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    expect(serviceCalls()).toBe(before + 1);
  });
});

describe('a personal API token', () => {
  it('may omit Origin (a browser never sends it on its own), but not send a foreign one', async () => {
    const token = { ...actors.operator, via: 'token' as const };
    const [path, method] = ['requests', 'POST'];
    const { request, context } = await callFor(path, method, {});
    const headers = new Headers(request.headers);
    headers.delete('origin');
    headers.delete('sec-fetch-site');
    actAs(token);
    const route = await loadRoute(path);
    expect(
      (
        await route.POST!(
          new Request(request.url, { method, headers, body: await request.clone().text() }),
          context,
        )
      ).status,
    ).toBe(201);
    headers.set('origin', 'https://evil.example');
    expect(
      (await route.POST!(new Request(request.url, { method, headers, body: await request.text() }), context))
        .status,
    ).toBe(403);
  });
});
