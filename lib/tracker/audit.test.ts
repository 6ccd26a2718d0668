import { afterEach, describe, expect, it } from 'vitest';
import { openIntents } from '@/lib/audit/completeness';
import { readAuditChain } from '@/lib/db/audit';
import { readRequest } from '@/lib/requests/read';
import { allowAudit, refuseAudit } from '@/lib/requests/test-support';
import { startSimulator } from '@/lib/testing/tsb';
import { approveAs } from '@/mocks/tsb/testing';
import { manualTracker, observedRecords, submitted } from './test-support';

// What the tracker does when the status change it saw cannot be audited.

const tsb = startSimulator();

afterEach(allowAudit);

async function executedOnTsb(commonName: string) {
  const request = await submitted('CA.approver.example', commonName);
  await approveAs(tsb.sim, 'alice', request.tsbRequestId!);
  await approveAs(tsb.sim, 'bruno', request.tsbRequestId!);
  return request;
}

describe('when a status change cannot be audited', () => {
  it('stores nothing, says why, and stores and audits the change on a later read once the log is back', async () => {
    const lines: string[] = [];
    const { tracker, step } = manualTracker((line) => lines.push(line));
    const request = await submitted('CA.approver.example', 'unaudited.example');
    await step();
    const checked = (await readRequest(request.id)).lastCheckedAt;
    await approveAs(tsb.sim, 'alice', request.tsbRequestId!);
    await approveAs(tsb.sim, 'bruno', request.tsbRequestId!);

    await refuseAudit();
    expect(await step()).toMatchObject({ failed: 1 });
    expect(lines.join('\n')).toMatch(
      new RegExp(`request ${request.id} .*check failed, next in \\d+\\.\\d s: .*audit log cannot be written`),
    );
    // Not a stale "checked just now": the request shows when it was last seen as stored.
    expect(await readRequest(request.id)).toMatchObject({
      status: 'PENDING',
      lastCheckedAt: checked,
      certificatePem: null,
    });

    await allowAudit();
    expect(await tracker.tick()).toMatchObject({ checked: 0 }); // backing off
    expect(await step()).toMatchObject({ failed: 0 });
    expect((await readRequest(request.id)).status).toBe('EXECUTED');
    expect(await observedRecords(request.id)).toEqual([
      'request.executed.intent success PENDING→EXECUTED',
      'request.executed success PENDING→EXECUTED',
    ]);
  });

  it('keeps a change whose outcome record failed, and leaves its intent open for verification to show', async () => {
    const lines: string[] = [];
    const { step } = manualTracker((line) => lines.push(line));
    const request = await executedOnTsb('outcome-lost.example');
    await refuseAudit('request.executed');
    expect(await step()).toMatchObject({ failed: 1 });
    expect((await readRequest(request.id)).status).toBe('EXECUTED');
    const { rows } = await readAuditChain();
    const intent = rows.findLast((row) => row.action === 'request.executed.intent')!;
    expect(intent.target).toBe(`request:${request.id}`);
    expect(openIntents(rows, Date.parse(intent.at) + 60_000).map((open) => open.seq)).toContain(intent.seq);
  });
});
