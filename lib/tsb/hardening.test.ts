import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { toApiError } from '@/lib/api/errors';
import { startSimulator } from '@/lib/testing/tsb';
import { clearFaults, setFault } from '@/mocks/tsb';
import { makeCsr, signCertificateBody } from '@/mocks/tsb/testing';
import type { TsbError } from '.';
import { getRequestStatus, listKeys, signCertificate } from '.';
import { retryDelayMs } from './retry';

// SECURITY.md rows 10 and 31 at the client: bounded answers, reads retried, signing never.

const tsb = startSimulator({ TSB_TIMEOUT_MS: '400' });
const calls = (name: string) => tsb.sim.stats()[name] ?? 0;
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as TsbError,
  );

async function pendingRequest() {
  const { signCertificateRequest } = signCertificateBody(
    'CA.approver.example',
    await makeCsr('hardening.example'),
  );
  return signCertificate(signCertificateRequest as never, btoa('{}'));
}

describe('the TSB client under upstream faults', () => {
  it('tries a read again after a transient 503 or a reset, and succeeds', async () => {
    const id = await pendingRequest();
    for (const fault of [{ status: 503 }, { toxic: 'reset_peer' as const }]) {
      const before = calls('GET /v1/request/{id}');
      setFault(tsb.sim, { method: 'GET', path: '/v1/request/:id', count: 1, ...fault });
      expect(await getRequestStatus(id)).toMatchObject({ id, status: 'PENDING' });
      expect(calls('GET /v1/request/{id}') - before).toBe(2);
    }
  });

  it('sends a signing call once, whatever the answer', async () => {
    setFault(tsb.sim, { method: 'POST', path: '/v1/certificate/sign', status: 503 });
    const before = calls('POST /v1/certificate/sign');
    expect(await failure(pendingRequest())).toMatchObject({ kind: 'http', status: 503 });
    expect(calls('POST /v1/certificate/sign') - before).toBe(1);
    clearFaults(tsb.sim);
  });

  it('does not wait out a Retry-After beyond its deadline, and passes it on as 503 tsb_busy', async () => {
    setFault(tsb.sim, { method: 'GET', path: '/v1/key', toxic: 'rate_limit', retryAfterSeconds: 30 });
    const before = calls('GET /v1/key');
    const error = await failure(listKeys());
    expect(calls('GET /v1/key') - before).toBe(1);
    expect(toApiError(error)).toMatchObject({
      status: 503,
      code: 'tsb_busy',
      headers: { 'retry-after': '30' },
    });
    clearFaults(tsb.sim);
  });

  it('stops reading a dripping answer at the deadline and a huge one at 4 MiB', async () => {
    const started = Date.now();
    setFault(tsb.sim, { method: 'GET', path: '/v1/key', toxic: 'bandwidth', bytesPerSecond: 1, count: 1 });
    expect(await failure(listKeys())).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1_000);
    setFault(tsb.sim, { method: 'GET', path: '/v1/key', toxic: 'huge_body', count: 1 });
    expect(await failure(listKeys())).toMatchObject({
      kind: 'malformed',
      message: expect.stringMatching(/larger than 4194304 bytes/) as string,
    });
  });

  it('refuses a JSON body labelled as HTML and keeps none of an error body’s free text', async () => {
    tsb.server.use(
      http.get('*/v1/key', () => new HttpResponse('["CA.x"]', { headers: { 'content-type': 'text/html' } })),
    );
    expect(await failure(listKeys())).toMatchObject({ kind: 'malformed' });
    tsb.server.use(
      http.get('*/v1/key', () =>
        HttpResponse.json(
          { errorCode: 600, reason: 'echo secret-value', message: 'secret-value' },
          { status: 400 },
        ),
      ),
    );
    const error = await failure(listKeys());
    expect(error).toMatchObject({ kind: 'http', status: 400, errorCode: 600, reason: null });
    expect(JSON.stringify({ ...error, message: error?.message })).not.toContain('secret-value');
  });

  it('backs off with capped full jitter, or as long as Retry-After asks', () => {
    expect(retryDelayMs(1, null, () => 1)).toBe(100);
    expect(retryDelayMs(5, null, () => 1)).toBe(1_000);
    expect(retryDelayMs(2, null, () => 0)).toBe(0);
    expect(retryDelayMs(1, 2, () => 1)).toBe(2_000);
  });
});
