import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as events } from '@/app/api/events/route';
import { GET as list, POST as submit } from '@/app/api/requests/route';
import { requestEventSchema, requestPageSchema, type RequestView } from '@/lib/api/dto';
import { submission } from '@/lib/requests/test-support';
import { startSimulator } from '@/lib/testing/tsb';
import { issuedRequest, ownerOf } from './route-fixtures';
import { actAs, actors, apiRequest } from './test-support';

// SECURITY.md row 3: what operators see of other people's requests in collections, streams and replays.

startSimulator({ SUBMIT_RATE_PER_MINUTE: '1000' });

const mine: string[] = [];
const theirs: string[] = [];
beforeAll(async () => {
  mine.push(await issuedRequest(ownerOf.operator));
  theirs.push(await issuedRequest(ownerOf.other), await issuedRequest(ownerOf.other));
}, 30_000);

async function page(query: string) {
  const response = await list(apiRequest(`/api/requests?pageSize=200${query}`), {});
  expect(response.status).toBe(200);
  return requestPageSchema.parse(await response.json());
}

describe('GET /api/requests', () => {
  it('gives an operator their own requests only, whatever the query asks for', async () => {
    actAs(actors.operator);
    for (const query of ['', `&requester=${ownerOf.other}`, `&q=${theirs[0]}`, `&q=${ownerOf.other}`]) {
      const ids = (await page(query)).requests.map((r) => r.id);
      expect(
        ids.filter((id) => theirs.includes(id)),
        query,
      ).toEqual([]);
      if (query === '') expect(ids).toEqual(expect.arrayContaining(mine));
    }
  });

  it('gives an officer everyone’s, and their filter by requester', async () => {
    actAs(actors.officer);
    expect((await page('')).requests.map((r) => r.id)).toEqual(expect.arrayContaining([...mine, ...theirs]));
    const filtered = await page(`&requester=${ownerOf.other}`);
    expect(filtered.requests.every((r) => r.requester === ownerOf.other)).toBe(true);
  });
});

describe('POST /api/requests', () => {
  it('records the signed-in submitter as the requester, whatever the body says', async () => {
    actAs(actors.operator);
    const body = { ...(await submission()), requester: ownerOf.other };
    const response = await submit(
      apiRequest('/api/requests', { method: 'POST', body, headers: { 'idempotency-key': randomUUID() } }),
      {},
    );
    expect(response.status).toBe(201);
    expect(((await response.json()) as RequestView).requester).toBe(actors.operator.email);
  });

  it("never answers another user's Idempotency-Key with that user's request", async () => {
    const body = await submission();
    const key = randomUUID();
    const post = () =>
      submit(apiRequest('/api/requests', { method: 'POST', body, headers: { 'idempotency-key': key } }), {});
    actAs(actors.otherOperator);
    expect((await post()).status).toBe(201);
    actAs(actors.operator);
    const replay = await post();
    expect(replay.status).toBe(422);
    expect(await replay.text()).not.toContain(ownerOf.other);
  });
});

describe('GET /api/events', () => {
  async function streamed(actor: typeof actors.operator): Promise<string[]> {
    const abort = new AbortController();
    actAs(actor);
    const response = await events(apiRequest('/api/events', { signal: abort.signal }), undefined);
    expect(response.status).toBe(200);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    await reader.read(); // retry:
    const created = await issuedRequest(ownerOf.other);
    const own = await issuedRequest(actor.email);
    let text = '';
    while (!text.includes(own)) text += (await reader.read()).value ?? '';
    abort.abort();
    const ids = [...text.matchAll(/^data: (.*)$/gm)].map(
      (m) => requestEventSchema.parse(JSON.parse(m[1]!)).id,
    );
    return ids.filter((id) => id === created || id === own);
  }

  it('sends an operator the changes of their own requests only', async () => {
    const ids = await streamed(actors.operator);
    expect(new Set(ids).size).toBe(1);
  });

  it('sends an officer everyone’s changes', async () => {
    const ids = await streamed(actors.officer);
    expect(new Set(ids).size).toBe(2);
  });
});
