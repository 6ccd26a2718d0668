import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openIntents } from '@/lib/audit/completeness';
import { readAuditChain } from '@/lib/db/audit';
import { startSimulator } from '@/lib/testing/tsb';
import { clearFaults, setFault } from '@/mocks/tsb';
import { reconcile, submitRequest } from '.';
import { readRequest } from './read';
import { allowAudit, refuseAudit, submission, systemRecords } from './test-support';

// What reconciliation changes is audited under the system actor, like what the tracker reads; a change
// whose intent cannot be written is not made.

const tsb = startSimulator({ TSB_TIMEOUT_MS: '300' });
afterEach(async () => {
  clearFaults(tsb.sim);
  await allowAudit();
});

const reconcilerRecords = (requestId: string) => systemRecords(requestId, 'system:reconciler');

/** A submission the TSB created after the client gave up waiting for its answer: UNKNOWN, then linkable. */
async function lostAnswer(commonName: string) {
  const before = new Set(tsb.sim.requests.keys());
  setFault(tsb.sim, { method: 'POST', path: '/v1/certificate/sign', delayMs: 500, count: 1 });
  const { request } = await submitRequest(await submission({ commonName }), randomUUID());
  const created = await vi.waitFor(() => {
    const id = [...tsb.sim.requests.keys()].find((key) => !before.has(key));
    if (!id) throw new Error('the simulator has not created the request yet');
    return id;
  });
  return { request, created };
}

/** A submission the TSB never got: UNKNOWN, and never found on the TSB. */
async function dropped(commonName: string) {
  setFault(tsb.sim, { method: 'POST', path: '/v1/certificate/sign', hang: true, count: 1 });
  const { request } = await submitRequest(await submission({ commonName }), randomUUID());
  expect(request.status).toBe('UNKNOWN');
  return request;
}

describe('reconciliation’s changes in the audit log', () => {
  it('records a link as request.linked under system:reconciler, with the TSB request and the CSR', async () => {
    const { request, created } = await lostAnswer('linked-audit.example');
    await reconcile();
    expect(await reconcilerRecords(request.id)).toEqual([
      'request.linked.intent success UNKNOWN→PENDING',
      'request.linked success UNKNOWN→PENDING',
    ]);
    const outcome = (await readAuditChain()).rows.findLast(
      (row) => row.action === 'request.linked' && row.target === `request:${request.id}`,
    )!;
    expect(outcome).toMatchObject({ actor_role: 'system', actor_email: null, csr_sha256: request.csrSha256 });
    expect(JSON.parse(outcome.details)).toMatchObject({ tsbRequestId: created, certain: false });
  });

  it('records a submission the TSB never received as request.not_received', async () => {
    const request = await dropped('not-received-audit.example');
    await reconcile({ graceMs: 0 });
    expect((await readRequest(request.id)).status).toBe('FAILED');
    expect(await reconcilerRecords(request.id)).toEqual([
      'request.not_received.intent success UNKNOWN→FAILED',
      'request.not_received success UNKNOWN→FAILED',
    ]);
  });

  it('records a lost synchronous signing ended as request.answer_lost, and makes no such change it cannot record', async () => {
    setFault(tsb.sim, {
      method: 'POST',
      path: '/v1/certificate/synchronous/sign',
      toxic: 'reset_peer',
      count: 1,
    });
    const { request } = await submitRequest(
      await submission({ signKeyName: 'CA.direct.example', commonName: 'answer-lost-audit.example' }),
      randomUUID(),
    );
    expect(request.status).toBe('UNKNOWN');
    await refuseAudit('request.answer_lost.intent');
    await expect(reconcile({ graceMs: 0 })).rejects.toMatchObject({ code: 'audit_unavailable' });
    expect((await readRequest(request.id)).status).toBe('UNKNOWN');

    await allowAudit();
    await reconcile({ graceMs: 0 });
    expect(await readRequest(request.id)).toMatchObject({ status: 'FAILED', error: { code: 'answer_lost' } });
    expect(await reconcilerRecords(request.id)).toEqual([
      'request.answer_lost.intent success UNKNOWN→FAILED',
      'request.answer_lost success UNKNOWN→FAILED',
    ]);
  });

  it('makes no change it cannot record, and makes it on the next pass once the log is back', async () => {
    const { request, created } = await lostAnswer('unaudited-link.example');
    await refuseAudit();
    await expect(reconcile()).rejects.toMatchObject({ status: 503, code: 'audit_unavailable' });
    expect(await readRequest(request.id)).toMatchObject({ status: 'UNKNOWN', tsbRequestId: null });

    await allowAudit();
    await reconcile();
    expect(await readRequest(request.id)).toMatchObject({ status: 'PENDING', tsbRequestId: created });
    expect(await reconcilerRecords(request.id)).toEqual([
      'request.linked.intent success UNKNOWN→PENDING',
      'request.linked success UNKNOWN→PENDING',
    ]);
  });

  it('keeps a change whose outcome record failed, and leaves its intent open for verification to show', async () => {
    const request = await dropped('outcome-lost-reconcile.example');
    await refuseAudit('request.not_received');
    await expect(reconcile({ graceMs: 0 })).rejects.toMatchObject({ code: 'audit_unavailable' });
    expect((await readRequest(request.id)).status).toBe('FAILED');
    const { rows } = await readAuditChain();
    const intent = rows.findLast((row) => row.action === 'request.not_received.intent')!;
    expect(intent.target).toBe(`request:${request.id}`);
    expect(openIntents(rows, Date.parse(intent.at) + 60_000).map((open) => open.seq)).toContain(intent.seq);
  });
});
