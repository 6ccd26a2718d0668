import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as reconciliationRoute } from '@/app/api/reconciliation/route';
import { reconciliationSchema } from '@/lib/api/dto';
import { actAs, actors } from '@/lib/authz/test-support';
import { startSimulator } from '@/lib/testing/tsb';
import { clearFaults, faultsSettled, setFault } from '@/mocks/tsb';
import { approveAs } from '@/mocks/tsb/testing';
import { reconcile, submitRequest } from '.';
import { userDeadline } from './deadline';
import { findRequest } from './store';
import { submission, systemRecords } from './test-support';

// SECURITY.md row 31 for reconciliation: a pass a user asks for (GET /api/reconciliation) answers within
// USER_DEADLINE_MS with what it settled by then, marked incomplete; every step it took is whole, and the
// tracker's passes, which no user waits for, still run to the end.

const timeoutMs = 1_000;
const deadlineMs = 1_500;
// CertDesk's own work (database, audit) after the deadline.
const slackMs = 400;
const tsb = startSimulator({ TSB_TIMEOUT_MS: String(timeoutMs), USER_DEADLINE_MS: String(deadlineMs) });

/** The next call to this endpoint (or concrete path) answers `delayMs` late; the call itself still runs. */
function slowOnce(method: string, path: string, delayMs: number): void {
  setFault(tsb.sim, { method, path, toxic: 'latency', delayMs, count: 1 });
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; outcome: T }> {
  const started = performance.now();
  const outcome = await work();
  return { ms: performance.now() - started, outcome };
}

/** A submission whose answer was lost (UNKNOWN here) that the TSB did receive, as request `created`. */
async function lostAnswer(commonName: string) {
  const before = new Set(tsb.sim.requests.keys());
  slowOnce('POST', '/v1/certificate/sign', timeoutMs + 200);
  const { request } = await submitRequest(await submission({ commonName }), randomUUID());
  expect(request).toMatchObject({ status: 'UNKNOWN', tsbRequestId: null });
  const created = await vi.waitFor(() => {
    const id = [...tsb.sim.requests.keys()].find((key) => !before.has(key));
    if (!id) throw new Error('the simulator has not created the request yet');
    return id;
  });
  await faultsSettled(tsb.sim);
  return { id: request.id, created };
}

/** A whole pass once the TSB is quick again: what a cut pass left is settled. */
async function settleAll(): Promise<void> {
  clearFaults(tsb.sim);
  await faultsSettled(tsb.sim);
  expect(await reconcile({ graceMs: 0 })).toMatchObject({ complete: true });
}

const askRoute = () => reconciliationRoute(new Request('http://certdesk.test/api/reconciliation'), {});
const unknownIds = (report: { unknown: { id: string }[] }) => report.unknown.map((row) => row.id);

beforeAll(async () => {
  // Not measured: the first submission loads the modules and opens the database.
  await submitRequest(await submission({ commonName: 'warm-up.example' }), randomUUID());
});
afterEach(() => clearFaults(tsb.sim));

describe('one deadline for a reconciliation a user asks for', () => {
  // First in the file: a whole pass in the last few seconds would be answered instead of a new one.
  it('GET /api/reconciliation outlasting the deadline: 200 in time, marked incomplete, never kept as the latest', async () => {
    const lost = await lostAnswer('route-slow.example');
    slowOnce('POST', '/v1/filteredRequests', 900);
    slowOnce('GET', '/v1/request/:id', 900);
    actAs(actors.officer);

    const { ms, outcome: reply } = await timed(askRoute);
    expect(ms).toBeLessThan(deadlineMs + slackMs);
    expect(reply.status).toBe(200);
    const report = reconciliationSchema.parse(await reply.json());
    expect(report.complete).toBe(false);
    expect(unknownIds(report)).toContain(lost.id);

    clearFaults(tsb.sim);
    await faultsSettled(tsb.sim);
    const again = reconciliationSchema.parse(await (await askRoute()).json());
    expect(again.complete).toBe(true);
    expect(unknownIds(again)).not.toContain(lost.id);
    expect(await findRequest(lost.id)).toMatchObject({ status: 'PENDING', tsbRequestId: lost.created });
  });

  it('cut while reading the TSB requests: decides nothing from a partial read, not even past the grace period', async () => {
    const lost = await lostAnswer('cut-details.example');
    slowOnce('POST', '/v1/filteredRequests', 900);
    slowOnce('GET', '/v1/request/:id', 900);

    const { ms, outcome } = await timed(() => reconcile({ graceMs: 0, signal: userDeadline() }));
    expect(ms).toBeLessThan(deadlineMs + slackMs);
    expect(outcome.complete).toBe(false);
    expect(outcome.untracked).toEqual(
      expect.arrayContaining([{ tsbRequestId: lost.created, status: 'PENDING' }]),
    );
    expect(unknownIds(outcome)).toContain(lost.id);
    await faultsSettled(tsb.sim);
    expect(await findRequest(lost.id)).toMatchObject({ status: 'UNKNOWN', error: { code: 'timeout' } });
    expect(await systemRecords(lost.id, 'system:reconciler')).toEqual([]);

    await settleAll();
    expect(await findRequest(lost.id)).toMatchObject({ status: 'PENDING', tsbRequestId: lost.created });
  });

  it("cut before the TSB's list came: nothing read, said so, nothing changed", async () => {
    const lost = await lostAnswer('cut-list.example');
    slowOnce('POST', '/v1/filteredRequests', 600);

    const { ms, outcome } = await timed(() => reconcile({ graceMs: 0, signal: AbortSignal.timeout(300) }));
    expect(ms).toBeLessThan(300 + slackMs);
    expect(outcome).toMatchObject({ complete: false, untracked: null });
    expect(unknownIds(outcome)).toContain(lost.id);
    expect(await findRequest(lost.id)).toMatchObject({ status: 'UNKNOWN' });

    await settleAll();
  });

  it('cut between two links: the link made stays whole, the other waits for the next pass', async () => {
    const first = await lostAnswer('cut-first.example');
    const second = await lostAnswer('cut-second.example');
    for (const { created } of [first, second]) {
      // Issued on the TSB, so that each certificate proves which submission it was.
      await approveAs(tsb.sim, 'alice', created);
      await approveAs(tsb.sim, 'bruno', created);
      // Read quickly to decide, then slowly when read again right after its link.
      slowOnce('GET', `/v1/request/${created}`, 0);
      slowOnce('GET', `/v1/request/${created}`, 1_200);
    }
    slowOnce('POST', '/v1/filteredRequests', 600);

    const { ms, outcome } = await timed(() => reconcile({ graceMs: 0, signal: userDeadline() }));
    expect(ms).toBeLessThan(deadlineMs + slackMs);
    expect(outcome.complete).toBe(false);
    expect(unknownIds(outcome)).not.toContain(first.id);
    expect(unknownIds(outcome)).toContain(second.id);
    await faultsSettled(tsb.sim);
    // Linked, audited intent and outcome; the read cut by the deadline stored nothing.
    expect(await findRequest(first.id)).toMatchObject({ status: 'PENDING', tsbRequestId: first.created });
    expect(await systemRecords(first.id, 'system:reconciler')).toEqual([
      'request.linked.intent success UNKNOWN→PENDING',
      'request.linked success UNKNOWN→PENDING',
    ]);
    expect(await findRequest(second.id)).toMatchObject({ status: 'UNKNOWN', tsbRequestId: null });
    expect(await systemRecords(second.id, 'system:reconciler')).toEqual([]);

    await settleAll();
    // Linked, then read at once: its certificate was issued already.
    expect(await findRequest(second.id)).toMatchObject({ status: 'EXECUTED', tsbRequestId: second.created });
  });

  it("the tracker's pass is not cut: sharing a user's pass cut short, it runs a whole one after", async () => {
    const lost = await lostAnswer('background.example');
    slowOnce('POST', '/v1/filteredRequests', 900);
    slowOnce('GET', '/v1/request/:id', 900);

    const user = reconcile({ graceMs: 0, signal: userDeadline() });
    const background = reconcile({ graceMs: 0 });
    expect(await user).toMatchObject({ complete: false });
    const whole = await background;
    expect(whole.complete).toBe(true);
    expect(unknownIds(whole)).not.toContain(lost.id);
    expect(await findRequest(lost.id)).toMatchObject({ status: 'PENDING', tsbRequestId: lost.created });
  });
});
