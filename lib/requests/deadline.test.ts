import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { toApiError } from '@/lib/api/errors';
import { startSimulator } from '@/lib/testing/tsb';
import { clearFaults, faultsSettled, setFault } from '@/mocks/tsb';
import { reconcile, submitRequest } from '.';
import { findByIdempotencyKey, findRequest } from './store';
import { submission } from './test-support';

// SECURITY.md row 31: a user's submission answers within one deadline (USER_DEADLINE_MS), however its
// TSB calls share it. Each call here is slow but within its own TSB_TIMEOUT_MS; together they are not.

const timeoutMs = 1_000;
const deadlineMs = 1_500;
const slowMs = 900;
// CertDesk's own work (CSR checks, database) after the deadline.
const slackMs = 400;
const tsb = startSimulator({ TSB_TIMEOUT_MS: String(timeoutMs), USER_DEADLINE_MS: String(deadlineMs) });
const count = (name: string) => tsb.sim.stats()[name] ?? 0;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; outcome: unknown }> {
  const started = performance.now();
  const outcome = await work().catch((error: unknown) => error);
  return { ms: performance.now() - started, outcome };
}

beforeAll(async () => {
  // Not measured: the first submission loads the modules and opens the database.
  await submitRequest(await submission({ commonName: 'warm-up.example' }), randomUUID());
});

describe('one deadline for a submission', () => {
  it('a signing call still out at the deadline: answered in time, UNKNOWN, reconciled, signed once', async () => {
    const signsBefore = count('POST /v1/certificate/sign');
    const key = randomUUID();
    const body = await submission({ commonName: 'slow-everywhere.example' });
    setFault(tsb.sim, { method: 'POST', path: '/v1/key/attributes', toxic: 'latency', delayMs: slowMs });
    setFault(tsb.sim, { method: 'POST', path: '/v1/certificate/sign', toxic: 'latency', delayMs: slowMs });

    const { ms, outcome } = await timed(() => submitRequest(body, key));
    expect(ms).toBeLessThan(deadlineMs + slackMs);
    expect(outcome).toMatchObject({
      request: { status: 'UNKNOWN', tsbRequestId: null, error: { code: 'timeout' } },
    });

    clearFaults(tsb.sim);
    await faultsSettled(tsb.sim);
    await reconcile({ graceMs: 0 });
    const row = await findByIdempotencyKey(key);
    expect(row?.tsbRequestId).not.toBeNull();
    expect(row?.status).toBe('PENDING');
    expect(count('POST /v1/certificate/sign') - signsBefore).toBe(1);
    expect(tsb.sim.requests.get(row!.tsbRequestId!)).toBeDefined();
  });

  it('a deadline spent before signing: answered in time with 504, nothing signed, nothing stored', async () => {
    const syncSignsBefore = count('POST /v1/certificate/synchronous/sign');
    const key = randomUUID();
    const body = await submission({ signKeyName: 'CA.direct.example', commonName: 'slow-direct.example' });
    setFault(tsb.sim, { method: 'POST', path: '/v1/key/attributes', toxic: 'latency', delayMs: slowMs });
    setFault(tsb.sim, { method: 'GET', path: '/v1/certificate/:label', toxic: 'latency', delayMs: slowMs });

    const { ms, outcome } = await timed(() => submitRequest(body, key));
    expect(ms).toBeLessThan(deadlineMs + slackMs);
    expect(toApiError(outcome)).toMatchObject({ status: 504 });
    clearFaults(tsb.sim);
    await faultsSettled(tsb.sim);
    expect(count('POST /v1/certificate/synchronous/sign')).toBe(syncSignsBefore);
    expect(await findByIdempotencyKey(key)).toBeUndefined();
  });

  it('each call within its own timeout and the deadline: the submission goes through', async () => {
    setFault(tsb.sim, {
      method: 'POST',
      path: '/v1/key/attributes',
      toxic: 'latency',
      delayMs: 300,
      count: 1,
    });
    setFault(tsb.sim, {
      method: 'POST',
      path: '/v1/certificate/sign',
      toxic: 'latency',
      delayMs: 300,
      count: 1,
    });
    const { request } = await submitRequest(
      await submission({ commonName: 'slow-but-in-time.example' }),
      randomUUID(),
    );
    expect(request.status).toBe('PENDING');
    expect((await findRequest(request.id))?.tsbRequestId).toBe(request.tsbRequestId);
  });
});
