import { http, HttpResponse } from 'msw';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { certificateListQuerySchema } from '@/lib/api/dto';
import { toApiError } from '@/lib/api/errors';
import { listCertificates } from '@/lib/certificates';
import { startSimulator } from '@/lib/testing/tsb';
import { createTracker, trackerDeps } from '@/lib/tracker';
import { clearFaults, setFault, type FaultInput } from '@/mocks/tsb';
import { approveAs } from '@/mocks/tsb/testing';
import { refreshRequestNow, submitRequest } from '.';
import { findByIdempotencyKey, findRequest } from './store';
import { rejection, submission } from './test-support';

// Settling an EXECUTED request needs the CA key's certificate (GET /v1/certificate/{label}). A TSB that
// cannot answer that read now must not turn the certificate into a mismatch kept out of the inventory:
// the request stays unsettled and a later read settles it. Only the TSB's answer that the key has no
// certificate (404) is a finding.

const tsb = startSimulator({ TSB_TIMEOUT_MS: '300' });
const certificateRead: Pick<FaultInput, 'method' | 'path'> = {
  method: 'GET',
  path: '/v1/certificate/:label',
};

async function inInventory(requestId: string): Promise<boolean> {
  const page = await listCertificates(certificateListQuerySchema.parse({ pageSize: 100 }));
  return page.certificates.some((c) => c.requestId === requestId);
}

/** A request on the approval key, approved by quorum on the TSB and not yet read as such. */
async function approvedOnTsb() {
  const { request } = await submitRequest(
    await submission({ commonName: `settle-${randomUUID().slice(0, 8)}.example` }),
    randomUUID(),
  );
  await approveAs(tsb.sim, 'alice', request.tsbRequestId!);
  await approveAs(tsb.sim, 'bruno', request.tsbRequestId!);
  return request;
}

describe('settling EXECUTED while the CA key certificate cannot be read', () => {
  it.each([
    ['503', { toxic: 'status', status: 503 }],
    ['a hang', { hang: true }],
    ['a reset', { toxic: 'reset_peer' }],
  ] as const)(
    'with %s: not a mismatch; once the TSB recovers the next refresh settles it, in the inventory',
    async (_name, fault) => {
      const request = await approvedOnTsb();
      setFault(tsb.sim, { ...certificateRead, ...fault });
      const failed = toApiError(await rejection(refreshRequestNow(request.id)));
      expect(failed.status).toBeGreaterThanOrEqual(502);
      const waiting = await findRequest(request.id);
      expect(waiting).toMatchObject({ status: 'PENDING', resultMismatches: [], certificatePem: null });
      expect(await inInventory(request.id)).toBe(false);

      clearFaults(tsb.sim);
      const settled = await refreshRequestNow(request.id);
      expect(settled).toMatchObject({ status: 'EXECUTED', resultMismatches: [] });
      expect(settled.certificatePem).toContain('BEGIN CERTIFICATE');
      expect(await inInventory(request.id)).toBe(true);
    },
  );

  it('the tracker leaves it open while the read fails and settles it on a later cycle', async () => {
    const request = await approvedOnTsb();
    let now = Date.now();
    const tracker = createTracker(trackerDeps, {
      intervals: [{ below: Infinity, every: 500 }],
      concurrency: 1,
      cycleMs: 100,
      reconcileEveryMs: 60_000,
      now: () => now,
      log: () => undefined,
    });
    setFault(tsb.sim, { ...certificateRead, toxic: 'status', status: 503 });
    expect((await tracker.tick()).failed).toBeGreaterThanOrEqual(1);
    expect(await findRequest(request.id)).toMatchObject({ status: 'PENDING', resultMismatches: [] });

    clearFaults(tsb.sim);
    now += 10 * 60_000;
    await tracker.tick();
    expect(await findRequest(request.id)).toMatchObject({ status: 'EXECUTED', resultMismatches: [] });
    expect(await inInventory(request.id)).toBe(true);
  });

  it('settles with the finding when the TSB answers that the CA key has no certificate', async () => {
    const request = await approvedOnTsb();
    tsb.server.use(
      http.get('*/v1/certificate/:label', () =>
        HttpResponse.json({ errorCode: 651, reason: 'res.error.certificate.not.found' }, { status: 404 }),
      ),
    );
    const settled = await refreshRequestNow(request.id);
    expect(settled.status).toBe('EXECUTED');
    expect(settled.resultMismatches).toEqual([
      'The TSB holds no readable certificate for the CA key, so the issuer was not verified.',
    ]);
    expect(await inInventory(request.id)).toBe(false);
  });

  it('a key without policy: the CA certificate is read before signing, so a failing read signs nothing', async () => {
    const syncSigns = () => tsb.sim.stats()['POST /v1/certificate/synchronous/sign'] ?? 0;
    const before = syncSigns();
    const key = randomUUID();
    const body = await submission({ signKeyName: 'CA.direct.example', commonName: 'direct-settle.example' });
    setFault(tsb.sim, { ...certificateRead, toxic: 'status', status: 503 });
    expect(toApiError(await rejection(submitRequest(body, key)))).toMatchObject({ status: 502 });
    expect(syncSigns()).toBe(before);
    expect(await findByIdempotencyKey(key)).toBeUndefined();

    clearFaults(tsb.sim);
    const { request } = await submitRequest(body, key);
    expect(request).toMatchObject({ status: 'EXECUTED', resultMismatches: [] });
    expect(syncSigns()).toBe(before + 1);
    expect(await inInventory(request.id)).toBe(true);
  });
});
