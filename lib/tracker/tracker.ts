import type { StoredRequest } from '@/lib/requests/store';
import { backoffFor, changed, intervalFor, nextCheckAt, type IntervalStep } from './schedule';

// The one poller. Every cycle reads the open requests from the registry and asks the TSB about those
// whose next check is due. Its TSB calls grow with the number of open requests only: nobody watching a
// page ever causes one.

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
  /** Pause between cycles. */
  cycleMs: number;
  /** Least time between two reconciliation passes. */
  reconcileEveryMs: number;
  now?: () => number;
  log?: (line: string) => void;
};

export type CycleReport = { checked: number; failed: number; reconciled: boolean };

export type Tracker = {
  /** Runs one cycle now (after the start-up recovery, once); cycles never overlap. */
  tick: () => Promise<CycleReport>;
  /** Starts cycling every `cycleMs`; the timers do not keep the process alive. */
  start: () => void;
  /** Stops cycling and waits for a cycle in progress. */
  stop: () => Promise<void>;
};

type Schedule = { dueAt: number; failures: number; activeSince: number };

async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export function createTracker(deps: TrackerDeps, options: TrackerOptions): Tracker {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.warn(line));
  const schedules = new Map<string, Schedule>();
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
    const previous = schedules.get(row.id);
    const failures = previous?.failures ?? 0;
    let activeSince = previous?.activeSince ?? Date.parse(row.createdAt);
    // Timed from the start of the read, so that a request is read once per interval, not interval + latency.
    const started = now();
    try {
      const fresh = await deps.refreshRequest(row);
      if (changed(row, fresh)) activeSince = started;
      const dueAt = nextCheckAt(fresh, started, options.intervals, activeSince);
      schedules.set(row.id, { dueAt, failures: 0, activeSince });
      report.checked++;
    } catch (error) {
      const wait = backoffFor(failures + 1, intervalFor(started - activeSince, options.intervals));
      schedules.set(row.id, { dueAt: started + wait, failures: failures + 1, activeSince });
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

  async function cycle(): Promise<CycleReport> {
    await recoverOnce();
    const report: CycleReport = { checked: 0, failed: 0, reconciled: false };
    const open = await deps.listOpenRequests();
    const openIds = new Set(open.map((row) => row.id));
    for (const id of schedules.keys()) if (!openIds.has(id)) schedules.delete(id);
    const at = now();
    const due = open.filter(
      (row) => row.tsbRequestId !== null && (schedules.get(row.id)?.dueAt ?? -Infinity) <= at,
    );
    await eachLimited(due, options.concurrency, (row) => check(row, report));
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
