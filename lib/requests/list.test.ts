import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { requestListQuerySchema, type RequestStatus } from '@/lib/api/dto';
import { GET } from '@/app/api/requests/route';
import { actAs, actors } from '@/lib/authz/test-support';
import { listRequests } from '.';
import { newRow } from './new-row';
import { insertRequest } from './store';
import { submission } from './test-support';

// The request list is filtered, searched, sorted and paged by the database; it never asks the TSB (no
// simulator runs in this file, and an unhandled TSB call would fail).

const noPolicy = { label: 'k', algorithm: 'RSA', policy: null } as Parameters<typeof newRow>[1];

async function stored(
  n: number,
  fields: { status: RequestStatus; key: string; requester: string | null; cn: string },
) {
  const row = newRow(
    await submission({ commonName: fields.cn, signKeyName: fields.key }),
    noPolicy,
    'f'.repeat(64),
    randomUUID(),
    'h',
  );
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();
  await insertRequest({
    ...row,
    status: fields.status,
    requester: fields.requester,
    createdAt: at,
    updatedAt: at,
    tsbRequestId: `tsb-${n}`,
  });
  return row.id;
}

const ids: string[] = [];
beforeAll(async () => {
  const statuses: RequestStatus[] = ['PENDING', 'EXECUTED', 'REJECTED'];
  for (let n = 0; n < 30; n++) {
    const fields = {
      status: statuses[n % 3]!,
      key: n < 10 ? 'CA.one' : 'CA.two',
      requester: n % 2 ? 'ann' : null,
      cn: `host-${String(n).padStart(2, '0')}.example`,
    };
    ids.push(await stored(n, fields));
  }
  ids.push(
    await stored(30, { status: 'PENDING', key: 'CA.two', requester: 'bob', cn: '100%_literal.example' }),
  );
});

const list = (query: Record<string, string> = {}) => listRequests(requestListQuerySchema.parse(query));

describe('GET /api/requests', () => {
  it('pages newest first by default and reports the total', async () => {
    const first = await list({ pageSize: '10' });
    expect(first).toMatchObject({ total: 31, page: 1, pageSize: 10 });
    expect(first.requests.map((r) => r.id)).toEqual(ids.slice(-10).reverse());
    const last = await list({ pageSize: '10', page: '4' });
    expect(last.requests.map((r) => r.id)).toEqual([ids[0]]);
  });

  it('filters by statuses, key and requester together', async () => {
    const page = await list({ status: 'PENDING,REJECTED', key: 'CA.one', requester: 'ann', pageSize: '100' });
    expect(page.requests.map((r) => r.commonName).sort()).toEqual([
      'host-03.example',
      'host-05.example',
      'host-09.example',
    ]);
  });

  it('searches common name, ids, key and requester case-insensitively, with % and _ taken literally', async () => {
    expect((await list({ q: 'HOST-1' })).total).toBe(10);
    expect((await list({ q: '%_lit' })).requests.map((r) => r.id)).toEqual([ids[30]]);
    expect((await list({ q: 'tsb-7' })).requests.map((r) => r.commonName)).toEqual(['host-07.example']);
    expect((await list({ q: ids[4]!.slice(0, 13) })).requests.map((r) => r.id)).toContain(ids[4]);
    expect((await list({ q: 'BOB' })).total).toBe(1);
  });

  it('sorts by the column asked, either way', async () => {
    const asc = await list({ sort: 'commonName', order: 'asc', pageSize: '3' });
    expect(asc.requests.map((r) => r.commonName)).toEqual([
      '100%_literal.example',
      'host-00.example',
      'host-01.example',
    ]);
    const byKey = await list({ sort: 'signKeyName', order: 'desc', pageSize: '100' });
    expect(byKey.requests.at(-1)?.signKeyName).toBe('CA.one');
  });

  it('answers bad query values with 400 and the page shape over HTTP', async () => {
    actAs(actors.officer);
    expect((await GET(new Request('http://certdesk.test/api/requests?pageSize=1000'), {})).status).toBe(400);
    const reply = await GET(new Request('http://certdesk.test/api/requests?status=EXECUTED&pageSize=2'), {});
    expect(await reply.json()).toMatchObject({
      total: 10,
      page: 1,
      pageSize: 2,
      requests: [{ status: 'EXECUTED' }, { status: 'EXECUTED' }],
    });
  });
});
