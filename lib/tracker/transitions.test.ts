import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { readAuditChain } from '@/lib/db/audit';
import { readRequest } from '@/lib/requests/read';
import { startSimulator } from '@/lib/testing/tsb';
import { approveAs, rejectAs } from '@/mocks/tsb/testing';
import { manualTracker, observedRecords, submitted } from './test-support';

const tsb = startSimulator();

function statuses(view: { history: { status: string }[] }): string[] {
  return view.history.map((entry) => entry.status);
}

describe('the tracker follows requests to their end', () => {
  it('stores EXECUTED with the certificate, checked, after two approvals', async () => {
    const { step } = manualTracker();
    const request = await submitted('CA.approver.example');
    await step();
    expect((await readRequest(request.id)).lastCheckedAt).not.toBeNull();
    await approveAs(tsb.sim, 'alice', request.tsbRequestId!);
    await step();
    expect((await readRequest(request.id)).approval?.tokens[0]?.groups[0]?.approved).toBe(1);
    await approveAs(tsb.sim, 'bruno', request.tsbRequestId!);
    await step();
    const done = await readRequest(request.id);
    expect(done).toMatchObject({ status: 'EXECUTED', resultMismatches: [] });
    expect(done.certificatePem).toMatch(/BEGIN CERTIFICATE/);
    expect(statuses(done)).toEqual(['SUBMITTING', 'PENDING', 'EXECUTED']);
    expect(done.history.every((entry) => !Number.isNaN(Date.parse(entry.at)))).toBe(true);
    expect(await observedRecords(request.id)).toEqual([
      'request.executed.intent success PENDING→EXECUTED',
      'request.executed success PENDING→EXECUTED',
    ]);
  });

  it('stores REJECTED once an approver rejects', async () => {
    const { step } = manualTracker();
    const request = await submitted('CA.ec.example', 'rejected.example', {
      signatureAlgorithm: 'SHA256_WITH_ECDSA',
    });
    await rejectAs(tsb.sim, 'chloe', request.tsbRequestId!);
    await step();
    expect(statuses(await readRequest(request.id))).toEqual(['SUBMITTING', 'PENDING', 'REJECTED']);
    expect(await observedRecords(request.id)).toEqual([
      'request.rejected.intent success PENDING→REJECTED',
      'request.rejected success PENDING→REJECTED',
    ]);
  });

  it('stores CANCELLED when the request was cancelled on the TSB directly', async () => {
    const { step } = manualTracker();
    const request = await submitted('CA.approver.example', 'cancelled.example');
    await fetch(`http://tsb.test/v1/request/${request.tsbRequestId}`, {
      method: 'DELETE',
      headers: { 'x-api-key': 'certdesk-demo-key' },
    });
    await step();
    expect((await readRequest(request.id)).status).toBe('CANCELLED');
    expect(await observedRecords(request.id)).toEqual([
      'request.cancelled.intent success PENDING→CANCELLED',
      'request.cancelled success PENDING→CANCELLED',
    ]);
  });

  it('stores APPROVED while the timelock runs, then EXECUTED once it has passed', async () => {
    const { step } = manualTracker();
    const request = await submitted('CA.timelock.example', 'timelocked.example');
    await approveAs(tsb.sim, 'alice', request.tsbRequestId!);
    await step();
    const waiting = await readRequest(request.id);
    expect(waiting.status).toBe('APPROVED');
    expect(Date.parse(waiting.timelockEndsAt!)).toBeGreaterThan(Date.now());
    tsb.sim.advance(121);
    await step();
    const done = await readRequest(request.id);
    expect(statuses(done)).toEqual(['SUBMITTING', 'PENDING', 'APPROVED', 'EXECUTED']);
    expect(done.resultMismatches).toEqual([]);
    expect(await observedRecords(request.id)).toEqual([
      'request.approved.intent success PENDING→APPROVED',
      'request.approved success PENDING→APPROVED',
      'request.executed.intent success APPROVED→EXECUTED',
      'request.executed success APPROVED→EXECUTED',
    ]);
  });

  it('flags an issued certificate that is not what was asked, and still stores it', async () => {
    const { step } = manualTracker();
    const request = await submitted('CA.approver.example', 'asked.example');
    const other = await submitted('CA.direct.example', 'evil.example');
    tsb.server.use(
      http.get('*/v1/request/:id', ({ params }) =>
        params.id !== request.tsbRequestId
          ? undefined
          : HttpResponse.json({
              id: request.tsbRequestId,
              status: 'EXECUTED',
              executionTime: '2026-01-01T00:00:00Z',
              approvedBy: [],
              notYetApprovedBy: [],
              rejectedBy: [],
              result: other.certificatePem,
            }),
      ),
    );
    await step();
    const flagged = await readRequest(request.id);
    expect(flagged.status).toBe('EXECUTED');
    expect(flagged.certificatePem).toBe(other.certificatePem);
    expect(flagged.resultMismatches.join('\n')).toMatch(/evil\.example/);
    expect(flagged.resultMismatches.join('\n')).toMatch(/issuer|signature/i);
    expect(await observedRecords(request.id)).toEqual([
      'request.result_mismatch.intent success PENDING→EXECUTED',
      'request.result_mismatch success PENDING→EXECUTED',
    ]);
    const { rows } = await readAuditChain();
    const mismatch = rows.findLast((row) => row.action === 'request.result_mismatch')!;
    expect(mismatch).toMatchObject({
      actor_role: 'system',
      actor_email: null,
      csr_sha256: request.csrSha256,
    });
    expect(JSON.parse(mismatch.details)).toMatchObject({ resultMismatches: flagged.resultMismatches });
  });

  // Last: moving the simulator's clock an hour on expires whatever else is still open.
  it('stores EXPIRED once the timeout has passed without quorum', async () => {
    const { step } = manualTracker();
    const request = await submitted('CA.approver.example', 'expired.example');
    await approveAs(tsb.sim, 'alice', request.tsbRequestId!);
    await step();
    tsb.sim.advance(3601);
    await step();
    expect(statuses(await readRequest(request.id))).toEqual(['SUBMITTING', 'PENDING', 'EXPIRED']);
    expect(await observedRecords(request.id)).toEqual([
      'request.expired.intent success PENDING→EXPIRED',
      'request.expired success PENDING→EXPIRED',
    ]);
  });
});
