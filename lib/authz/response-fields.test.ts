import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/types';
import { startSimulator } from '@/lib/testing/tsb';
import { anyCertificateId, callFor, loadRoute, ownerOf, requestIdFor } from './route-fixtures';
import { routeMatrix } from './route-matrix';
import { actAs, actors } from './test-support';

// SECURITY.md row 4: the fields each role gets from every JSON read, as an approved list (the snapshot
// beside this file): the same for every role that may read, and nothing only the server should know.

startSimulator();

/** Field names that must never leave the server, whatever route answers. */
const serverOnly =
  /^(idempotencyKey|bodyHash|rule|approvedBy|rejectedBy|apiKey|bearerToken|password|passwordHash|secret|token|.*Secret|.*Token)$/;

/** Every key path in `value`, array items collapsed to []; audit `details` are free-form, so not entered. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((item) => keyPaths(item, `${prefix}[]`)))];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return key === 'details' ? [path] : [path, ...keyPaths(child, path)];
  });
}

// JSON reads only: the event stream and file downloads are not JSON documents.
const reads = Object.entries(routeMatrix)
  .filter(
    ([path, methods]) =>
      methods.GET &&
      !/^(events|.*export|requests\/\[id\]\/certificate|certificates\/\[id\]\/download)$/.test(path),
  )
  .map(([path, methods]) => ({
    path,
    readers: (['operator', 'officer', 'auditor', 'admin'] as const).filter(
      (role) => methods.GET![role] === '2xx',
    ),
  }));

let ids: { request: string; certificate: string } = { request: '', certificate: '' };
beforeAll(async () => {
  ids = {
    request: await requestIdFor('requests/[id]', ownerOf.operator),
    certificate: await anyCertificateId(),
  };
}, 30_000);

async function fieldsAs(path: string, actor: Actor): Promise<string[]> {
  const { request, context } = await callFor(path, 'GET', ids);
  actAs(actor);
  const response = await (await loadRoute(path)).GET!(request, context);
  expect(response.status, `${path} as ${actor.role}`).toBe(200);
  return keyPaths(await response.json()).sort();
}

describe.each(reads)('GET /api/$path', ({ path, readers }) => {
  it('answers every reader the same approved fields, none of them server-only', async () => {
    const [first, ...others] = await Promise.all(readers.map((role) => fieldsAs(path, actors[role])));
    for (const fields of others) expect(fields).toEqual(first);
    expect(first!.filter((field) => serverOnly.test(field.split('.').at(-1)!.replace('[]', '')))).toEqual([]);
    expect(first).toMatchSnapshot();
  });
});
