import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openIntents } from '@/lib/audit/completeness';
import { getDb } from '@/lib/db';
import { readAuditChain } from '@/lib/db/audit';
import { readRequest } from '@/lib/requests/read';
import { startSimulator } from '@/lib/testing/tsb';
import { approveAs } from '@/mocks/tsb/testing';
import { manualTracker, observedRecords, submitted } from './test-support';

// What the tracker does when the status change it saw cannot be audited.

const tsb = startSimulator();

/** Makes every audit write fail, or only those of `action`. */
async function refuseAudit(action?: string): Promise<void> {
  const when = action === undefined ? sql`` : sql`when new.action = ${sql.lit(action)}`;
  await sql`create trigger audit_down before insert on audit_events ${when} begin select raise(abort, 'disk I/O error'); end`.execute(
    await getDb(),
  );
}

afterEach(async () => sql`drop trigger if exists audit_down`.execute(await getDb()));

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
    expect(await readRequest(request.id)).toMatchObject({ status: 'PENDING', lastCheckedAt: checked, certificatePem: null });

    await sql`drop trigger audit_down`.execute(await getDb());
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
