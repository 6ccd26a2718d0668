import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SubmitRequest } from '@/lib/api/dto';
import { listCertificates } from '@/lib/certificates';
import { submitRequest } from '@/lib/requests';
import { submission } from '@/lib/requests/test-support';
import { hsmCsr } from '@/mocks/tsb/testing';
import { exemptRoutes, httpMethods } from './route-matrix';
import { actors, apiRequest } from './test-support';

// What the route specs need: the routes on disk, and objects for every route to act on.

const apiDir = join(process.cwd(), 'app', 'api');

/** Every route file under app/api as its path below app/api ('requests/[id]/cancel'), exemptions aside. */
export function routesOnDisk(dir = apiDir): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /^route\.(ts|tsx|js|mjs)$/.test(entry.name))
    .map((entry) => relative(apiDir, entry.parentPath).split(sep).join('/'))
    .filter((path) => !exemptRoutes.some((exempt) => `${path}/`.startsWith(exempt.prefix)))
    .sort();
}

type RouteHandler = (request: Request, context: unknown) => Promise<Response>;
export type RouteModule = Partial<Record<(typeof httpMethods)[number], RouteHandler>>;

export async function loadRoute(path: string): Promise<RouteModule> {
  return (await import(/* @vite-ignore */ join(apiDir, path, 'route.ts'))) as RouteModule;
}

export function exportedMethods(module: RouteModule): string[] {
  return httpMethods.filter((method) => typeof module[method] === 'function');
}

/** A signed request (EXECUTED, certificate importable into SUB.leaf.example) raised by `requester`. */
export async function issuedRequest(requester: string): Promise<string> {
  const input = await submission({
    csrPem: await hsmCsr(),
    signKeyName: 'CA.direct.example',
    commonName: 'SUB.leaf.example',
  });
  return (await submitRequest(input, randomUUID(), requester)).request.id;
}

/** A request waiting for approval (so it can be cancelled), raised by `requester`. */
export async function pendingRequest(requester: string): Promise<string> {
  return (await submitRequest(await submission({ commonName: 'pending.example' }), randomUUID(), requester))
    .request.id;
}

export async function anyCertificateId(): Promise<string> {
  const page = await listCertificates({ page: 1, pageSize: 1, order: 'desc', sort: 'createdAt' });
  return page.certificates[0]!.id;
}

/** A new request id for each call: cancelling a request twice would say 409, not what authorization said. */
export async function requestIdFor(path: string, requester: string): Promise<string> {
  return path.endsWith('/cancel') ? pendingRequest(requester) : issuedRequest(requester);
}

/** The request a caller sends to `path` with `method`; the body is what a valid call needs. */
export async function callFor(
  path: string,
  method: string,
  ids: { request?: string; certificate?: string },
): Promise<{ request: Request; context: unknown }> {
  const concrete = path
    .replace('certificates/[id]', `certificates/${ids.certificate}`)
    .replace('[id]', ids.request ?? '')
    .replace('[label]', keyWithCertificate);
  const id = path.startsWith('certificates/[id]') ? ids.certificate : ids.request;
  const params = path.includes('[id]')
    ? { id }
    : path.includes('[label]')
      ? { label: keyWithCertificate }
      : {};
  const context = { params: Promise.resolve(params) };
  const bodies: Record<string, unknown> = {
    'POST requests': await submissionBody(),
    'POST requests/[id]/cancel': {},
    'POST requests/[id]/import': { label: 'SUB.leaf.example' },
    'POST audit/verify': {},
  };
  const headers: Record<string, string> =
    method === 'POST' && path === 'requests' ? { 'idempotency-key': randomUUID() } : {};
  return {
    request: apiRequest(`/api/${concrete}`, { method, body: bodies[`${method} ${path}`], headers }),
    context,
  };
}

async function submissionBody(): Promise<SubmitRequest> {
  return submission({ commonName: 'matrix.example' });
}

/** A simulator key that has its CA certificate attached. */
const keyWithCertificate = 'CA.direct.example';

export const ownerOf = { operator: actors.operator.email, other: actors.otherOperator.email };
