import type { StoredRequest } from '@/lib/requests/store';
import { createReadBudget } from './budget';
import { backoffFor, changed, intervalFor, nextCheckAt, type IntervalStep } from './schedule';

// The tracker's bookkeeping: when each open request is due, which due request is read first, the read
// budget's use, and the figures stats() reports. It makes no TSB call and keeps no timer; the loop
// (tracker.ts) asks it what to read and tells it how each read went.

/** What the tracker has done since it was made: counters, and gauges of the last cycle. */
export type TrackerStats = {
  /** The read budget per second (Infinity without one). */
  readsPerSecond: number;
  /** TSB status reads started. */
  reads: number;
  /** Times a due request was put off to a later cycle by the budget (counted once per cycle it waited). */
  deferred: number;
  /** Due requests the last cycle left waiting for the budget: 0 while it does not bind. */
  waiting: number;
  /** Longest time an open request went without a successful read (since first seen, or between reads). */
  longestGapMs: number;
  /** Open requests followed (those with a TSB id). */
  following: number;
  /** How long ago the stalest of them was last read successfully (or first seen): 0 when none. */
  stalestMs: number;
};

export type DueQueueOptions = {
  intervals: readonly IntervalStep[];
  /** Ceiling of TSB reads started in any one second (absent: none). */
  readsPerSecond?: number;
  now: () => number;
  log: (line: string) => void;
};

export type DueQueue = {
  /**
   * The open requests with a TSB id that are due at `at`, longest due first (a request seen first is due
   * now); forgets requests no longer in `open`.
   */
  due: (open: StoredRequest[], at: number) => StoredRequest[];
  /** Takes one read from the budget and counts it; false when the budget allows none now. */
  take: () => boolean;
  /** A read of `row` started at `started` returned `fresh`: its next read comes after its interval. */
  succeeded: (row: StoredRequest, fresh: StoredRequest, started: number) => void;
  /** A read of `row` started at `started` failed: answers the back-off before its next read (ms). */
  failed: (row: StoredRequest, started: number) => number;
  /** Due requests a cycle left for later: counted, and logged at most once a minute. */
  deferred: (waiting: StoredRequest[]) => void;
  stats: () => TrackerStats;
};

/** `freshAt`: when the request was last read successfully, or first seen if never: staleness counts from it. */
type Schedule = { dueAt: number; failures: number; activeSince: number; freshAt: number };

const budgetLogEveryMs = 60_000;

export function createDueQueue({ intervals, readsPerSecond, now, log }: DueQueueOptions): DueQueue {
  const budget = createReadBudget(readsPerSecond ?? Infinity, now);
  const schedules = new Map<string, Schedule>();
  const counts = { reads: 0, deferred: 0, waiting: 0, longestGapMs: 0 };
  let budgetLoggedAt = -Infinity;

  const scheduleOf = (row: StoredRequest) => {
    const schedule = schedules.get(row.id);
    if (!schedule) throw new Error(`request ${row.id} is not in the due queue`);
    return schedule;
  };

  function due(open: StoredRequest[], at: number): StoredRequest[] {
    const openIds = new Set(open.map((row) => row.id));
    for (const id of schedules.keys()) if (!openIds.has(id)) schedules.delete(id);
    const found: [StoredRequest, Schedule][] = [];
    for (const row of open) {
      if (row.tsbRequestId === null) continue;
      let schedule = schedules.get(row.id);
      if (!schedule) {
        schedule = { dueAt: at, failures: 0, activeSince: Date.parse(row.createdAt), freshAt: at };
        schedules.set(row.id, schedule);
      }
      if (schedule.dueAt <= at) found.push([row, schedule]);
    }
    // Stable: requests due at the same time keep the registry's order, oldest created first.
    return found.sort(([, a], [, b]) => a.dueAt - b.dueAt).map(([row]) => row);
  }

  function take(): boolean {
    if (!budget.take()) return false;
    counts.reads++;
    return true;
  }

  function succeeded(row: StoredRequest, fresh: StoredRequest, started: number): void {
    const schedule = scheduleOf(row);
    counts.longestGapMs = Math.max(counts.longestGapMs, started - schedule.freshAt);
    if (changed(row, fresh)) schedule.activeSince = started;
    schedule.dueAt = nextCheckAt(fresh, started, intervals, schedule.activeSince);
    schedule.failures = 0;
    schedule.freshAt = started;
  }

  function failed(row: StoredRequest, started: number): number {
    const schedule = scheduleOf(row);
    schedule.failures++;
    const wait = backoffFor(schedule.failures, intervalFor(started - schedule.activeSince, intervals));
    schedule.dueAt = started + wait;
    return wait;
  }

  function deferred(waiting: StoredRequest[]): void {
    counts.deferred += waiting.length;
    counts.waiting = waiting.length;
    const first = waiting[0];
    if (first === undefined || now() - budgetLoggedAt < budgetLogEveryMs) return;
    budgetLoggedAt = now();
    const late = ((now() - scheduleOf(first).dueAt) / 1000).toFixed(1);
    log(
      `tracker: the read budget of ${budget.perSecond}/s binds: ${waiting.length} due requests wait, the longest ${late} s past due; reads come later than their intervals`,
    );
  }

  function stats(): TrackerStats {
    const at = now();
    let stalestMs = 0;
    for (const schedule of schedules.values()) stalestMs = Math.max(stalestMs, at - schedule.freshAt);
    return {
      readsPerSecond: budget.perSecond,
      reads: counts.reads,
      deferred: counts.deferred,
      waiting: counts.waiting,
      longestGapMs: Math.max(counts.longestGapMs, stalestMs),
      following: schedules.size,
      stalestMs,
    };
  }

  return { due, take, succeeded, failed, deferred, stats };
}
