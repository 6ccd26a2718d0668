import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { POST } from '@/app/api/requests/route';
import type { SubmitRequest } from '@/lib/api/dto';
import { actAs, actors, apiRequest } from '@/lib/authz/test-support';
import { startSimulator } from '@/lib/testing/tsb';
import { clearFaults, setFault } from '@/mocks/tsb';
import { submission } from './test-support';

// SECURITY.md row 30: one signing call per Idempotency-Key, whatever the client repeats.

// Submissions as an operator signed in a minute ago, with room for every replay below in the rate limit.
const tsb = startSimulator({ SUBMIT_RATE_PER_MINUTE: '1000' });
const signCalls = () => tsb.sim.stats()['POST /v1/certificate/sign'] ?? 0;

function post(body: SubmitRequest, key: string | null) {
  actAs(actors.operator);
  return POST(
    apiRequest('/api/requests', {
      method: 'POST',
      body,
      headers: key === null ? {} : { 'idempotency-key': key },
    }),
    {},
  );
}

async function answer(response: Response) {
  return {
    status: response.status,
    body: (await response.json()) as { id?: string; error?: { code: string } },
  };
}

describe('Idempotency-Key', () => {
  it.each([1, 2, 10])(
    'sends a submission replayed %i× in a row once and answers every replay with the stored request',
    async (replays) => {
      const body = await submission();
      const key = randomUUID();
      const before = signCalls();
      const first = await answer(await post(body, key));
      expect(first.status).toBe(201);
      for (let i = 0; i < replays; i++) {
        expect(await answer(await post(body, key))).toEqual({ status: 200, body: first.body });
      }
      expect(signCalls()).toBe(before + 1);
    },
  );

  it('sends 10 concurrent submissions under one key once; the ones that find it in flight get 409', async () => {
    setFault(tsb.sim, { method: 'POST', path: '/v1/certificate/sign', delayMs: 300, count: 1 });
    const body = await submission();
    const key = randomUUID();
    const before = signCalls();
    const answers = await Promise.all(Array.from({ length: 10 }, async () => answer(await post(body, key))));
    expect(signCalls()).toBe(before + 1);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    const rest = answers.filter((a) => a.status !== 201);
    expect(rest.map((a) => a.status)).toEqual(Array(9).fill(409));
    expect(rest.every((a) => a.body.error?.code === 'submission_in_progress')).toBe(true);
    clearFaults(tsb.sim);

    const replay = await answer(await post(body, key));
    expect(replay).toMatchObject({
      status: 200,
      body: { id: answers.find((a) => a.status === 201)?.body.id, status: 'PENDING' },
    });
    expect(signCalls()).toBe(before + 1);
  });

  it('refuses the same key with another body (422) and a submission without a key (400), sending neither', async () => {
    const body = await submission();
    const key = randomUUID();
    await post(body, key);
    const before = signCalls();
    const other = await answer(await post({ ...body, commonName: 'other.example' }, key));
    expect(other).toMatchObject({ status: 422, body: { error: { code: 'idempotency_key_reused' } } });
    const missing = await answer(await post(body, null));
    expect(missing).toMatchObject({ status: 400, body: { error: { code: 'idempotency_key_missing' } } });
    expect(signCalls()).toBe(before);
  });

  it('never resends after an answer that leaves the outcome open (503): the retry gets the stored UNKNOWN request', async () => {
    setFault(tsb.sim, { method: 'POST', path: '/v1/certificate/sign', status: 503, count: 1 });
    const body = await submission();
    const key = randomUUID();
    const before = signCalls();
    const first = await answer(await post(body, key));
    expect(first).toMatchObject({
      status: 201,
      body: { status: 'UNKNOWN', error: { code: 'upstream_error' } },
    });
    const retry = await answer(await post(body, key));
    expect(retry).toMatchObject({ status: 200, body: { id: first.body.id, status: 'UNKNOWN' } });
    expect(signCalls()).toBe(before + 1);
  });
});
