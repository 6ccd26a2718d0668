import { describe, expect, it } from 'vitest';
import type { StoredRequest } from '@/lib/requests/store';
import { createDueQueue } from './due-queue';

// The due queue alone, on a clock the test moves: no TSB, no loop.

const start = Date.parse('2026-03-02T08:00:00Z');
// Young requests every second, anything older than a minute every 30 s.
const intervals = [
  { below: 60_000, every: 1000 },
  { below: Infinity, every: 30_000 },
];

function row(id: string, { ageMs = 0, tsbRequestId = `tsb-${id}`, status = 'PENDING' } = {}): StoredRequest {
  return {
    id,
    status,
    tsbRequestId,
    createdAt: new Date(start - ageMs).toISOString(),
    timelockEndsAt: null,
    expiresAt: null,
    approvedBy: [],
    rejectedBy: [],
  } as unknown as StoredRequest;
}

function harness(readsPerSecond?: number) {
  let now = start;
  const lines: string[] = [];
  const queue = createDueQueue({
    intervals,
    readsPerSecond,
    now: () => now,
    log: (line) => lines.push(line),
  });
  return { queue, lines, at: () => now, advance: (ms: number) => (now += ms) };
}

const ids = (rows: StoredRequest[]) => rows.map((r) => r.id);

describe('the due queue', () => {
  it('has every request with a TSB id due when first seen, in the registry’s order, and forgets closed ones', () => {
    const { queue, at } = harness();
    const open = [row('a'), row('s', { tsbRequestId: null as unknown as string }), row('b')];
    expect(ids(queue.due(open, at()))).toEqual(['a', 'b']);
    expect(queue.stats().following).toBe(2);
    expect(ids(queue.due([row('b')], at()))).toEqual(['b']);
    expect(queue.stats().following).toBe(1);
  });

  it('reads a request again after its interval, and a quiet old one rarely', () => {
    const { queue, at, advance } = harness();
    const young = row('young');
    const old = row('old', { ageMs: 3_600_000 });
    queue.due([young, old], at());
    queue.succeeded(young, young, at());
    queue.succeeded(old, old, at());
    advance(999);
    expect(ids(queue.due([young, old], at()))).toEqual([]);
    advance(1);
    expect(ids(queue.due([young, old], at()))).toEqual(['young']);
    advance(29_000);
    expect(ids(queue.due([young, old], at()))).toEqual(['young', 'old']);
  });

  it('reads an old request often again once a read sees it change', () => {
    const { queue, at, advance } = harness();
    const old = row('old', { ageMs: 3_600_000 });
    queue.due([old], at());
    queue.succeeded(old, { ...old, approvedBy: ['alice'] }, at());
    advance(1000);
    expect(ids(queue.due([old], at()))).toEqual(['old']);
  });

  it('puts the longest due first', () => {
    const { queue, at, advance } = harness();
    const [a, b, c] = [row('a'), row('b'), row('c')];
    queue.due([a, b, c], at());
    queue.succeeded(a, a, at());
    advance(300);
    queue.succeeded(b, b, at());
    advance(5000);
    // c has been due since it was first seen, then a, then b.
    expect(ids(queue.due([a, b, c], at()))).toEqual(['c', 'a', 'b']);
  });

  it('backs off after failed reads, doubling from the interval', () => {
    const { queue, at } = harness();
    const a = row('a');
    queue.due([a], at());
    expect([queue.failed(a, at()), queue.failed(a, at()), queue.failed(a, at())]).toEqual([2000, 4000, 8000]);
    expect(ids(queue.due([a], at() + 7999))).toEqual([]);
    expect(ids(queue.due([a], at() + 8000))).toEqual(['a']);
  });

  it('counts only the reads the budget grants', () => {
    const { queue, advance } = harness(2);
    expect([queue.take(), queue.take(), queue.take()]).toEqual([true, true, false]);
    advance(1000);
    expect(queue.take()).toBe(true);
    expect(queue.stats()).toMatchObject({ readsPerSecond: 2, reads: 3 });
  });

  it('counts deferrals, gauges the waiting, and says at most once a minute that the budget binds', () => {
    const { queue, lines, at, advance } = harness(1);
    const open = [row('a'), row('b'), row('c')];
    queue.due(open, at());
    advance(2500);
    queue.deferred(open.slice(1));
    advance(1000);
    queue.deferred(open.slice(2));
    expect(queue.stats()).toMatchObject({ deferred: 3, waiting: 1 });
    expect(lines).toEqual([
      'tracker: the read budget of 1/s binds: 2 due requests wait, the longest 2.5 s past due; reads come later than their intervals',
    ]);
    queue.deferred([]);
    expect(queue.stats().waiting).toBe(0);
    advance(60_000);
    queue.deferred(open.slice(2));
    expect(lines).toHaveLength(2);
  });

  it('reports the stalest open request now and the longest gap seen, closed requests included', () => {
    const { queue, at, advance } = harness();
    const [a, b] = [row('a'), row('b')];
    queue.due([a, b], at());
    advance(4000);
    queue.succeeded(a, a, at());
    advance(1000);
    expect(queue.stats()).toMatchObject({ stalestMs: 5000, longestGapMs: 5000 });
    queue.due([a], at());
    expect(queue.stats()).toMatchObject({ following: 1, stalestMs: 1000, longestGapMs: 4000 });
    expect(createDueQueue({ intervals, now: () => 0, log: () => {} }).stats()).toEqual({
      readsPerSecond: Infinity,
      reads: 0,
      deferred: 0,
      waiting: 0,
      longestGapMs: 0,
      following: 0,
      stalestMs: 0,
    });
  });
});
