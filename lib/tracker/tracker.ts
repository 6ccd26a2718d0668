import type { StoredRequest } from '@/lib/requests/store';
import { backoffFor, intervalFor, nextCheckAt, type IntervalStep } from './schedule';

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

type Schedule = { dueAt: number; failures: number };

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
    const failures = schedules.get(row.id)?.failures ?? 0;
    try {
      const fresh = await deps.refreshRequest(row);
      schedules.set(row.id, { dueAt: nextCheckAt(fresh, now(), options.intervals), failures: 0 });
      report.checked++;
    } catch (error) {
      const wait = backoffFor(
        failures + 1,
        intervalFor(now() - Date.parse(row.createdAt), options.intervals),
      );
      schedules.set(row.id, { dueAt: now() + wait, failures: failures + 1 });
      report.failed++;
      log(
        `tracker: request ${row.id} (TSB ${row.tsbRequestId}) check failed, next in ${Math.round(wait / 1000)} s: ${describe(error)}`,
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

  function loop(): void {
    timer = setTimeout(() => {
      void tick()
        .catch((error: unknown) => log(`tracker: cycle failed: ${describe(error)}`))
        .finally(() => {
          if (!stopped) loop();
        });
    }, options.cycleMs);
    timer.unref?.();
  }

  return {
    tick,
    start() {
      if (!stopped) return;
      stopped = false;
      loop();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
