import { describe, expect, it } from 'vitest';
import type { StoredRequest } from '@/lib/requests/store';
import { createTracker, type TrackerDeps } from './tracker';

// The loop's own rules, on fake registry and TSB functions.

const createdAt = new Date().toISOString();
const row = (id: string, status: StoredRequest['status'], tsbRequestId: string | null = `tsb-${id}`) =>
  ({
    id,
    status,
    tsbRequestId,
    createdAt,
    timelockEndsAt: null,
    expiresAt: null,
    approvedBy: [],
    rejectedBy: [],
  }) as unknown as StoredRequest;

function harness(open: StoredRequest[]) {
  let now = Date.now();
  const calls = { recover: 0, reconcile: 0, inFlight: 0, maxInFlight: 0, refreshed: [] as string[] };
  const deps: TrackerDeps = {
    listOpenRequests: () => Promise.resolve(open),
    refreshRequest: async (r) => {
      calls.refreshed.push(r.id);
      calls.maxInFlight = Math.max(calls.maxInFlight, ++calls.inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      calls.inFlight--;
      return r;
    },
    reconcile: () => Promise.resolve(calls.reconcile++),
    recoverInterrupted: () => Promise.resolve(calls.recover++),
  };
  const intervals = [{ below: Infinity, every: 1000 }];
  const options = { intervals, concurrency: 3, cycleMs: 10, reconcileEveryMs: 10_000, now: () => now };
  const tracker = createTracker(deps, options);
  return { tracker, calls, advance: (ms: number) => (now += ms) };
}

describe('the tracker loop', () => {
  it('recovers once, reads only requests that have a TSB id, at most `concurrency` at a time', async () => {
    const open = [
      ...Array.from({ length: 8 }, (_, i) => row(`r${i}`, 'PENDING')),
      row('s', 'SUBMITTING', null),
    ];
    const { tracker, calls } = harness(open);
    await Promise.all([tracker.tick(), tracker.tick()]);
    await tracker.tick();
    expect(calls.recover).toBe(1);
    expect(calls.refreshed).toHaveLength(8);
    expect(calls.refreshed).not.toContain('s');
    expect(calls.maxInFlight).toBe(3);
  });

  it('reconciles while there are UNKNOWN requests, at most every 10 s', async () => {
    const { tracker, calls, advance } = harness([row('u', 'UNKNOWN', null)]);
    await tracker.tick();
    advance(5000);
    await tracker.tick();
    expect(calls.reconcile).toBe(1);
    advance(5000);
    expect((await tracker.tick()).reconciled).toBe(true);
    expect(calls.reconcile).toBe(2);
  });

  it('cycles on its own once started, and stops', async () => {
    const { tracker, calls, advance } = harness([row('a', 'PENDING')]);
    tracker.start();
    await new Promise((resolve) => setTimeout(resolve, 30));
    advance(1000);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await tracker.stop();
    const count = calls.refreshed.length;
    expect(count).toBe(2);
    advance(1000);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls.refreshed).toHaveLength(count);
  });
});
