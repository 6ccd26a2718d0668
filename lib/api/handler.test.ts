import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { POST as submit } from '@/app/api/requests/route';
import { GET as keys } from '@/app/api/keys/route';
import { resetSubmissionLimits } from '@/lib/authz/rate-limit';
import { actAs, actors, apiRequest, signedInAgo } from '@/lib/authz/test-support';
import { submission } from '@/lib/requests/test-support';
import { startSimulator } from '@/lib/testing/tsb';

// route(): fresh sign-in before submitting, the submission rate limit, and no-store on every answer.

const tsb = startSimulator();
const signCalls = () => tsb.sim.stats()['POST /v1/certificate/sign'] ?? 0;

afterEach(() => {
  vi.unstubAllEnvs();
  resetSubmissionLimits();
});

async function post() {
  const body = await submission();
  return submit(
    apiRequest('/api/requests', { method: 'POST', body, headers: { 'idempotency-key': randomUUID() } }),
    {},
  );
}

describe('submitting', () => {
  it('asks for a new sign-in when the last one is older than 5 minutes, and sends nothing', async () => {
    actAs(signedInAgo(actors.operator, 6));
    const before = signCalls();
    const response = await post();
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'reauth_required' } });
    expect(signCalls()).toBe(before);
  });

  it('limits each user to SUBMIT_RATE_PER_MINUTE a minute: 429 with Retry-After, and nothing sent', async () => {
    vi.stubEnv('SUBMIT_RATE_PER_MINUTE', '3');
    actAs(actors.operator);
    for (let i = 0; i < 3; i++) expect((await post()).status).toBe(201);
    const before = signCalls();
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(20);
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(signCalls()).toBe(before);
    // Another user has their own bucket.
    actAs({ ...actors.operator, userId: 'user-other', email: 'other@certdesk.test' });
    expect((await post()).status).toBe(201);
  });

  it('limits everyone together to SUBMIT_RATE_GLOBAL_PER_MINUTE', async () => {
    vi.stubEnv('SUBMIT_RATE_GLOBAL_PER_MINUTE', '2');
    for (const n of [1, 2]) {
      actAs({ ...actors.operator, userId: `user-${n}` });
      expect((await post()).status).toBe(201);
    }
    actAs({ ...actors.operator, userId: 'user-3' });
    expect((await post()).status).toBe(429);
  });

  it('refuses a bad limit setting instead of running without one', async () => {
    vi.stubEnv('SUBMIT_RATE_PER_MINUTE', 'lots');
    actAs(actors.operator);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect((await post()).status).toBe(500);
    quiet.mockRestore();
  });
});

describe('every answer', () => {
  it.each([
    ['a success', actors.operator],
    ['a refusal', null],
  ])('says Cache-Control: no-store on %s', async (_name, actor) => {
    actAs(actor);
    const response = await keys(apiRequest('/api/keys'), undefined);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
