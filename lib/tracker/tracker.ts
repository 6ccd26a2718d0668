import type { StoredRequest } from '@/lib/requests/store';
import { createDueQueue, type TrackerStats } from './due-queue';
import type { IntervalStep } from './schedule';

export type { TrackerStats } from './due-queue';

// The one poller. Every cycle reads the open requests from the registry and asks the TSB about those
// whose next check is due, longest due first, as far as the read budget allows (./due-queue.ts keeps
// that bookkeeping). Its TSB calls grow with the number of open requests only, up to the budget: nobody
// watching a page ever causes one.

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

export type Tracker = {
  /** Runs one cycle now (after the start-up recovery, once); cycles never overlap. */
  tick: () => Promise<CycleReport>;
  /** Starts cycling every `cycleMs`; the timers do not keep the process alive. */
  start: () => void;
  /** Stops cycling and waits for a cycle in progress. */
  stop: () => Promise<void>;
  stats: () => TrackerStats;
};

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
  const queue = createDueQueue({
    intervals: options.intervals,
    readsPerSecond: options.readsPerSecond,
    now,
    log,
  });
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

  async function check(row: StoredRequest, report: CycleReport): Promise<void> {
    // Timed from the start of the read, so that a request is read once per interval, not interval + latency.
    const started = now();
    try {
      queue.succeeded(row, await deps.refreshRequest(row), started);
      report.checked++;
    } catch (error) {
      const next = (queue.failed(row, started) / 1000).toFixed(1);
      report.failed++;
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

  async function cycle(): Promise<CycleReport> {
    await recoverOnce();
    const report: CycleReport = { checked: 0, failed: 0, deferred: 0, reconciled: false };
    const open = await deps.listOpenRequests();
    const due = queue.due(open, now());
    const started = await eachAdmitted(due, options.concurrency, queue.take, (row) => check(row, report));
    report.deferred = due.length - started;
    queue.deferred(due.slice(started));
    await reconcileIfDue(open, report);
    return report;
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
    stats: queue.stats,
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
