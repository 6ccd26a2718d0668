import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSimulator } from '@/lib/testing/tsb';
import { clearFaults, setFault } from '@/mocks/tsb';
import { approveAs, makeCsr, signCertificateBody, tsbHeaders } from '@/mocks/tsb/testing';
import { refreshRequestNow, reconcile, submitRequest } from '.';
import { answerLostMessage, notReceivedMessage } from './reconcile';
import { submission } from './test-support';

// A submission whose answer was lost is settled from the TSB's own list, and never sent again.

const tsb = startSimulator({ TSB_TIMEOUT_MS: '300' });
const signCalls = () => tsb.sim.stats()['POST /v1/certificate/sign'] ?? 0;
afterEach(() => clearFaults(tsb.sim));

/** Submits while the TSB answers too late: it still creates the request, after the client gave up. */
async function lostAnswer(commonName: string) {
  const before = new Set(tsb.sim.requests.keys());
  setFault(tsb.sim, { method: 'POST', path: '/v1/certificate/sign', delayMs: 500, count: 1 });
  const { request } = await submitRequest(await submission({ commonName }), randomUUID());
  expect(request).toMatchObject({ status: 'UNKNOWN', tsbRequestId: null, error: { code: 'timeout' } });
  const created = await vi.waitFor(() => {
    const id = [...tsb.sim.requests.keys()].find((key) => !before.has(key));
    if (!id) throw new Error('the simulator has not created the request yet');
    return id;
  });
  return { request, created };
}

/** A pending request on the TSB that CertDesk did not make, waiting for the same approvers. */
async function foreignRequest(): Promise<string> {
  const body = signCertificateBody('CA.approver.example', await makeCsr('foreign.example'));
  const reply = await fetch('http://tsb.test/v1/certificate/sign', {
    method: 'POST',
    headers: tsbHeaders,
    body: JSON.stringify(body),
  });
  return ((await reply.json()) as { signRequestId: string }).signRequestId;
}

const cancelUpstream = (id: string) =>
  fetch(`http://tsb.test/v1/request/${id}`, { method: 'DELETE', headers: tsbHeaders });

describe('reconciliation', () => {
  it('links a timed-out submission to the one TSB request it became, and follows it to EXECUTED', async () => {
    const before = signCalls();
    const { request, created } = await lostAnswer('lost.example');
    const report = await reconcile();
    expect(report.unknown.map((r) => r.id)).not.toContain(request.id);
    const linked = await refreshRequestNow(request.id);
    expect(linked).toMatchObject({ status: 'PENDING', tsbRequestId: created, error: null });
    expect(linked.history.at(-1)?.note).toMatch(/only one that fits/);

    await approveAs(tsb.sim, 'alice', created);
    await approveAs(tsb.sim, 'bruno', created);
    expect(await refreshRequestNow(request.id)).toMatchObject({ status: 'EXECUTED', resultMismatches: [] });
    expect(signCalls()).toBe(before + 1);
  });

  it('leaves an ambiguous submission UNKNOWN until its certificate proves which request it was', async () => {
    const { request, created } = await lostAnswer('ambiguous.example');
    const foreign = await foreignRequest();
    const report = await reconcile({ graceMs: 0 });
    expect(report.unknown.map((r) => r.id)).toContain(request.id);
    expect(report.untracked).toEqual(expect.arrayContaining([{ tsbRequestId: foreign, status: 'PENDING' }]));

    await approveAs(tsb.sim, 'alice', created);
    await approveAs(tsb.sim, 'chloe', created);
    await reconcile({ graceMs: 0 });
    const settled = await refreshRequestNow(request.id);
    expect(settled).toMatchObject({ status: 'EXECUTED', tsbRequestId: created, resultMismatches: [] });
    expect(settled.history.map((h) => h.status)).toEqual(['SUBMITTING', 'UNKNOWN', 'PENDING', 'EXECUTED']);
    expect(settled.history[2]?.note).toMatch(/certificate has this CSR's key/);
    await cancelUpstream(foreign);
  });

  it('fails a submission the TSB never received once the grace period is over, and sends nothing', async () => {
    const before = signCalls();
    setFault(tsb.sim, { method: 'POST', path: '/v1/certificate/sign', hang: true, count: 1 });
    const { request } = await submitRequest(
      await submission({ commonName: 'dropped.example' }),
      randomUUID(),
    );
    expect(request.status).toBe('UNKNOWN');

    await reconcile({ graceMs: 60_000 });
    expect((await refreshRequestNow(request.id)).status).toBe('UNKNOWN');
    await reconcile({ graceMs: 0 });
    expect(await refreshRequestNow(request.id)).toMatchObject({
      status: 'FAILED',
      error: { code: 'not_received', message: notReceivedMessage },
    });
    expect(signCalls()).toBe(before + 1);
  });

  it.each([
    ['timeout', { hang: true }],
    ['reset_peer', { toxic: 'reset_peer' as const }],
  ])(
    'ends a synchronous signing whose answer was lost (%s) as answer_lost after the grace period, never resent',
    async (_name, fault) => {
      const syncSigns = () => tsb.sim.stats()['POST /v1/certificate/synchronous/sign'] ?? 0;
      const before = syncSigns();
      setFault(tsb.sim, { method: 'POST', path: '/v1/certificate/synchronous/sign', ...fault, count: 1 });
      const { request } = await submitRequest(
        await submission({ signKeyName: 'CA.direct.example' }),
        randomUUID(),
      );
      expect(request).toMatchObject({ mode: 'sync', status: 'UNKNOWN' });

      // Within the grace period it is listed for a person as unknown.
      const early = await reconcile({ graceMs: 60_000 });
      expect(early.unknown.map((row) => row.id)).toContain(request.id);
      expect((await refreshRequestNow(request.id)).status).toBe('UNKNOWN');

      // Nothing on the TSB can ever tell: it ends, saying a certificate may have been signed.
      const late = await reconcile({ graceMs: 0 });
      expect(late.unknown.map((row) => row.id)).not.toContain(request.id);
      expect(await refreshRequestNow(request.id)).toMatchObject({
        status: 'FAILED',
        certificatePem: null,
        error: { code: 'answer_lost', message: answerLostMessage },
      });
      await reconcile({ graceMs: 0 });
      expect(syncSigns()).toBe(before + 1);
    },
  );
});
