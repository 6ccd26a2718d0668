import type { StoredRequest } from '@/lib/requests/store';
import { createReadBudget } from './budget';
import { backoffFor, changed, intervalFor, nextCheckAt, type IntervalStep } from './schedule';

// The one poller. Every cycle reads the open requests from the registry and asks the TSB about those
// whose next check is due, oldest due first, as far as the read budget allows. Its TSB calls grow with
// the number of open requests only, up to the budget: nobody watching a page ever causes one.

export type TrackerDeps = {
  listOpenRequests: () => Promise<StoredRequest[]>;
  refreshRequest: (row: StoredRequest) => Promise<StoredRequest>;
  /** Settles submissions whose outcome is unknown (from the TSB's own list). */
  reconcile: () => Promise<unknown>;
  /** Marks what a crashed process left half-done; run once before the first cycle. */
  recoverInterrupted: () => Promise<unknown>;
};

export type TrackerOptions = {
  intervals: readonly IntervalStep[];
  /** TSB reads in flight at once. */
  concurrency: number;
  /**
   * Ceiling of TSB reads started in any one second (absent: none). When it binds, due requests wait their
   * turn, oldest due first, and their intervals stretch.
   */
  readsPerSecond?: number;
  /** Pause between cycles. */
  cycleMs: number;
  /** Least time between two reconciliation passes. */
  reconcileEveryMs: number;
  now?: () => number;
  log?: (line: string) => void;
};

export type CycleReport = {
  checked: number;
  failed: number;
  /** Due requests left for a later cycle because the read budget was spent. */
  deferred: number;
  reconciled: boolean;
};

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
};

export type Tracker = {
  /** Runs one cycle now (after the start-up recovery, once); cycles never overlap. */
  tick: () => Promise<CycleReport>;
  /** Starts cycling every `cycleMs`; the timers do not keep the process alive. */
  start: () => void;
  /** Stops cycling and waits for a cycle in progress. */
  stop: () => Promise<void>;
  stats: () => TrackerStats;
};

/** `freshAt`: when the request was last read successfully, or first seen if never: staleness counts from it. */
type Schedule = { dueAt: number; failures: number; activeSince: number; freshAt: number };

/**
 * Runs `work` over `items` in order, `limit` at a time, each once `admit` allows it; stops at the first
 * refusal. Answers how many were admitted: the first ones.
 */
async function eachAdmitted<T>(
  items: T[],
  limit: number,
  admit: () => boolean,
  work: (item: T) => Promise<void>,
): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && admit()) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return next;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export function createTracker(deps: TrackerDeps, options: TrackerOptions): Tracker {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.warn(line));
  const budget = createReadBudget(options.readsPerSecond ?? Infinity, now);
  const schedules = new Map<string, Schedule>();
  const counts = { reads: 0, deferred: 0, waiting: 0, longestGapMs: 0 };
  let budgetLoggedAt = -Infinity;
  let recovered: Promise<void> | null = null;
  let lastReconcile = -Infinity;
  let running: Promise<CycleReport> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = true;

  const recoverOnce = () =>
    (recovered ??= deps.recoverInterrupted().then(
      () => undefined,
      (error: unknown) => log(`tracker: recovery after restart failed: ${describe(error)}`),
    ));

  async function check(row: StoredRequest, schedule: Schedule, report: CycleReport): Promise<void> {
    // Timed from the start of the read, so that a request is read once per interval, not interval + latency.
    const started = now();
    counts.reads++;
    try {
      const fresh = await deps.refreshRequest(row);
      counts.longestGapMs = Math.max(counts.longestGapMs, started - schedule.freshAt);
      if (changed(row, fresh)) schedule.activeSince = started;
      schedule.dueAt = nextCheckAt(fresh, started, options.intervals, schedule.activeSince);
      schedule.failures = 0;
      schedule.freshAt = started;
      report.checked++;
    } catch (error) {
      schedule.failures++;
      const wait = backoffFor(
        schedule.failures,
        intervalFor(started - schedule.activeSince, options.intervals),
      );
      schedule.dueAt = started + wait;
      report.failed++;
      const next = (wait / 1000).toFixed(1);
      log(
        `tracker: request ${row.id} (TSB ${row.tsbRequestId}) check failed, next in ${next} s: ${describe(error)}`,
      );
    }
  }

  async function reconcileIfDue(open: StoredRequest[], report: CycleReport): Promise<void> {
    if (!open.some((row) => row.status === 'UNKNOWN') || now() - lastReconcile < options.reconcileEveryMs)
      return;
    lastReconcile = now();
    report.reconciled = true;
    await deps
      .reconcile()
      .catch((error: unknown) => log(`tracker: reconciliation failed: ${describe(error)}`));
  }

  /** The open requests due at `at` with their schedules, oldest due first; a request seen first is due now. */
  function dueAt(open: StoredRequest[], at: number): [StoredRequest, Schedule][] {
    const openIds = new Set(open.map((row) => row.id));
    for (const id of schedules.keys()) if (!openIds.has(id)) schedules.delete(id);
    const due: [StoredRequest, Schedule][] = [];
    for (const row of open) {
      if (row.tsbRequestId === null) continue;
      let schedule = schedules.get(row.id);
      if (!schedule) {
        schedule = { dueAt: at, failures: 0, activeSince: Date.parse(row.createdAt), freshAt: at };
        schedules.set(row.id, schedule);
      }
      if (schedule.dueAt <= at) due.push([row, schedule]);
    }
    // Stable: requests due at the same time keep the registry's order, oldest created first.
    return due.sort(([, a], [, b]) => a.dueAt - b.dueAt);
  }

  function noteDeferred(waiting: [StoredRequest, Schedule][]): void {
    counts.deferred += waiting.length;
    counts.waiting = waiting.length;
    if (waiting.length === 0 || now() - budgetLoggedAt < 60_000) return;
    budgetLoggedAt = now();
    const late = ((now() - waiting[0]![1].dueAt) / 1000).toFixed(1);
    log(
      `tracker: the read budget of ${budget.perSecond}/s binds: ${waiting.length} due requests wait, the longest ${late} s past due; reads come later than their intervals`,
    );
  }

  async function cycle(): Promise<CycleReport> {
    await recoverOnce();
    const report: CycleReport = { checked: 0, failed: 0, deferred: 0, reconciled: false };
    const open = await deps.listOpenRequests();
    const due = dueAt(open, now());
    const started = await eachAdmitted(due, options.concurrency, budget.take, ([row, schedule]) =>
      check(row, schedule, report),
    );
    report.deferred = due.length - started;
    noteDeferred(due.slice(started));
    await reconcileIfDue(open, report);
    return report;
  }

  function stats(): TrackerStats {
    const at = now();
    let longestGapMs = counts.longestGapMs;
    for (const schedule of schedules.values()) longestGapMs = Math.max(longestGapMs, at - schedule.freshAt);
    return {
      readsPerSecond: budget.perSecond,
      reads: counts.reads,
      deferred: counts.deferred,
      waiting: counts.waiting,
      longestGapMs,
    };
  }

  function tick(): Promise<CycleReport> {
    running ??= cycle().finally(() => {
      running = null;
    });
    return running;
  }

  // Cycles start every cycleMs (a slow cycle delays the next, never overlaps it).
  function loop(delay: number): void {
    timer = setTimeout(() => {
      const started = Date.now();
      void tick()
        .catch((error: unknown) => log(`tracker: cycle failed: ${describe(error)}`))
        .finally(() => {
          if (!stopped) loop(Math.max(0, options.cycleMs - (Date.now() - started)));
        });
    }, delay);
    timer.unref?.();
  }

  return {
    tick,
    stats,
    start() {
      if (!stopped) return;
      stopped = false;
      loop(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
