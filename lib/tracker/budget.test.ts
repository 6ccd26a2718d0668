import { describe, expect, it } from 'vitest';
import type { StoredRequest } from '@/lib/requests/store';
import { createReadBudget } from './budget';
import { createTracker, type TrackerDeps } from './tracker';
import { defaultIntervals, parseIntervals } from './schedule';

// The read budget on a simulated clock: fake registry and TSB, the default intervals, 125 ms cycles as
// configuredTracker runs them.

const start = Date.parse('2026-03-02T08:00:00Z');
const minuteMs = 60_000;
const cycleMs = 125;
const parsed = parseIntervals(defaultIntervals);
const intervals = 'steps' in parsed ? parsed.steps : [];

function row(id: string, ageMs: number): StoredRequest {
  const createdAt = new Date(start - ageMs).toISOString();
  return {
    id,
    status: 'PENDING',
    tsbRequestId: `tsb-${id}`,
    createdAt,
    timelockEndsAt: null,
    expiresAt: null,
    approvedBy: [],
    rejectedBy: [],
  } as unknown as StoredRequest;
}

/** A tracker over `open` whose reads are logged with the simulated time they started at. */
function harness(open: StoredRequest[], readsPerSecond?: number) {
  let now = start;
  const reads: { id: string; at: number }[] = [];
  const lines: string[] = [];
  const deps: TrackerDeps = {
    listOpenRequests: () => Promise.resolve(open),
    refreshRequest: (r) => {
      reads.push({ id: r.id, at: now });
      return Promise.resolve(r);
    },
    reconcile: () => Promise.resolve(),
    recoverInterrupted: () => Promise.resolve(),
  };
  const tracker = createTracker(deps, {
    intervals,
    concurrency: 4,
    readsPerSecond,
    cycleMs,
    reconcileEveryMs: 10_000,
    now: () => now,
    log: (line) => lines.push(line),
  });
  const runFor = async (ms: number) => {
    for (const end = now + ms; now < end; now += cycleMs) await tracker.tick();
  };
  return { tracker, reads, lines, runFor, at: () => now };
}

/** The most reads that started in any one-second window. */
function busiestSecond(reads: { at: number }[]): number {
  const times = reads.map((read) => read.at).sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < times.length; last++) {
    while (times[last]! - times[first]! >= 1000) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/** Per request, the longest time between two of its reads (the first counted from `start`). */
function longestGaps(reads: { id: string; at: number }[]): Map<string, number> {
  const last = new Map<string, number>();
  const gaps = new Map<string, number>();
  for (const { id, at } of reads) {
    gaps.set(id, Math.max(gaps.get(id) ?? 0, at - (last.get(id) ?? start)));
    last.set(id, at);
  }
  return gaps;
}

describe('the read budget', () => {
  it('lets at most N reads start in any one second, and frees a slot a second after it was used', () => {
    let now = 0;
    const budget = createReadBudget(3, () => now);
    expect([budget.take(), budget.take(), budget.take(), budget.take()]).toEqual([true, true, true, false]);
    now = 999;
    expect(budget.take()).toBe(false);
    now = 1000;
    expect([budget.take(), budget.take(), budget.take(), budget.take()]).toEqual([true, true, true, false]);
    expect(createReadBudget(Infinity, () => now).take()).toBe(true);
  });

  it('is never exceeded over a minute of 100 young requests, and says once a minute that it binds', async () => {
    const open = Array.from({ length: 100 }, (_, i) => row(`r${i}`, 0));
    const { tracker, reads, lines, runFor } = harness(open, 20);
    await runFor(minuteMs);
    expect(busiestSecond(reads)).toBe(20);
    // Every slot is used: the budget, not the tracker, limits the reads.
    expect(reads.length).toBeGreaterThanOrEqual(20 * 59);
    expect(reads.length).toBeLessThanOrEqual(20 * 60);
    const stats = tracker.stats();
    expect(stats).toMatchObject({ readsPerSecond: 20, reads: reads.length });
    expect(stats.waiting).toBeGreaterThan(50);
    expect(stats.deferred).toBeGreaterThan(1000);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^tracker: the read budget of 20\/s binds: 80 due requests wait/);
  });

  it('reads 100 young requests every 0.5 s without a budget: what the budget is for', async () => {
    const open = Array.from({ length: 100 }, (_, i) => row(`r${i}`, 0));
    const { tracker, reads, runFor } = harness(open);
    await runFor(minuteMs);
    expect(reads.length).toBe(100 * 120);
    expect(tracker.stats()).toMatchObject({
      readsPerSecond: Infinity,
      deferred: 0,
      waiting: 0,
      longestGapMs: 500,
    });
  });

  it('starves no request: each waits at most its interval plus one round of all open requests', async () => {
    const open = [
      ...Array.from({ length: 60 }, (_, i) => row(`young${i}`, 0)),
      ...Array.from({ length: 40 }, (_, i) => row(`old${i}`, 3 * 3_600_000)),
    ];
    const { tracker, reads, runFor } = harness(open, 20);
    await runFor(minuteMs);
    const gaps = longestGaps(reads);
    expect(gaps.size).toBe(100);
    // 100 requests at 20/s: one round takes 5 s; a request is due after its interval (0.5 s young, 30 s
    // old) and then waits at most for every other request due before it, and the cycle that reads it.
    const round = 5000 + cycleMs;
    const worst = (prefix: string) =>
      Math.max(...[...gaps].filter(([id]) => id.startsWith(prefix)).map(([, gap]) => gap));
    expect(worst('young')).toBeLessThanOrEqual(500 + round);
    expect(worst('old')).toBeLessThanOrEqual(30_000 + round);
    expect(tracker.stats().longestGapMs).toBe(Math.max(...gaps.values()));
    // The old requests keep their longer interval, so the budget goes mostly to the young ones.
    const readsOf = (prefix: string) => reads.filter((read) => read.id.startsWith(prefix)).length;
    expect(readsOf('old')).toBeLessThanOrEqual(40 * 3);
    expect(readsOf('young') / 60).toBeGreaterThan(10);
  });

  it('reads the longest due first: two young requests on one read a second take turns', async () => {
    // In the registry's order, x (due again 0.5 s after each read) would always come first and z starve.
    const { reads, runFor } = harness([row('x', 0), row('z', 0)], 1);
    await runFor(6000);
    expect(reads.map((read) => read.id)).toEqual(['x', 'z', 'x', 'z', 'x', 'z']);
  });

  it('counts every cycle against the one budget: a second cycle in the same instant reads nothing more', async () => {
    const open = Array.from({ length: 30 }, (_, i) => row(`r${i}`, 0));
    const { tracker, reads } = harness(open, 20);
    await tracker.tick();
    expect(await tracker.tick()).toMatchObject({ checked: 0, deferred: 10 });
    expect(reads).toHaveLength(20);
  });
});
